/* Portal behaviour: Pagefind search box and the notice sheet's print button.
   No inline script anywhere: the Content-Security-Policy forbids it. */
(function () {
  "use strict";

  function initSearch() {
    var box = document.querySelector("[data-bs-search]");
    if (!box || typeof window.PagefindUI !== "function") {
      return;
    }
    var root = new URL(box.getAttribute("data-bs-root") || "/", window.location.href);
    new window.PagefindUI({
      element: "#" + box.id,
      baseUrl: root.pathname,
      showImages: false,
      showSubResults: false,
      autofocus: false,
      translations: {
        placeholder: "搜索事项名称、关键词、部门或编码",
        zero_results: "没有找到与“[SEARCH_TERM]”相关的事项,请换个说法或拨打 12345 咨询",
      },
    });
    labelInput(box);
    var params = new URLSearchParams(window.location.search);
    var query = params.get("q");
    if (query) {
      var input = box.querySelector("input");
      if (input) {
        input.value = query;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }
  }

  /* Pagefind's input has only a title; give it a real accessible name. */
  function labelInput(box) {
    var label = function () {
      var input = box.querySelector("input");
      if (input && !input.hasAttribute("aria-label")) {
        input.setAttribute("aria-label", "搜索办事事项");
      }
      return Boolean(input);
    };
    if (!label()) {
      new MutationObserver(function (records, observer) {
        if (label()) {
          observer.disconnect();
        }
      }).observe(box, { childList: true, subtree: true });
    }
  }

  function initPrint() {
    document.querySelectorAll("[data-bs-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      initSearch();
      initPrint();
    });
  } else {
    initSearch();
    initPrint();
  }
})();
