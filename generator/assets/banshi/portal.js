/* Portal behaviour: the notice sheet's print button and the header's search button on a
   phone (search itself lives in search.js).
   No inline script anywhere: the Content-Security-Policy forbids it. */
(function () {
  "use strict";

  function initPrint() {
    document.querySelectorAll("[data-bs-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  /* On a phone the header shows a search button, a link to the search page; with script
     it opens the header's search box in place (Escape or 关闭 closes it again). */
  function initHeadSearch() {
    var form = document.querySelector("[data-bs-headsearch]");
    var open = document.querySelector("[data-bs-headsearch-open]");
    if (!form || !open) {
      return;
    }
    var input = form.querySelector("input");
    var close = form.querySelector("[data-bs-headsearch-close]");
    form.id = form.id || "bs-headsearch";
    open.setAttribute("role", "button");
    open.setAttribute("aria-controls", form.id);
    open.setAttribute("aria-expanded", "false");
    close.hidden = false;
    function toggle(on) {
      form.classList.toggle("bs-headsearch--open", on);
      open.setAttribute("aria-expanded", on ? "true" : "false");
      (on ? input : open).focus();
    }
    open.addEventListener("click", function (event) {
      event.preventDefault();
      toggle(true);
    });
    open.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        toggle(true);
      }
    });
    close.addEventListener("click", function () {
      toggle(false);
    });
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && form.classList.contains("bs-headsearch--open")) {
        toggle(false);
      }
    });
  }

  function init() {
    initPrint();
    initHeadSearch();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
