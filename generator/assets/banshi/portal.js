/* Portal behaviour: the notice sheet's print button (search lives in search.js).
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

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      initPrint();
    });
  } else {
    initPrint();
  }
})();
