/* The 补正材料通知书 on a notice page: staff tick the materials to add, optionally type a
   reason and the applicant's name, and print a notice listing exactly those materials.
   Everything stays in this page: nothing is sent, stored or logged, and text is only
   ever set with textContent (never parsed as HTML). */
(function () {
  "use strict";

  function today() {
    var now = new Date();
    return now.getFullYear() + "年" + (now.getMonth() + 1) + "月" + now.getDate() + "日";
  }

  function cell(row, text) {
    var td = document.createElement("td");
    td.textContent = text;
    row.appendChild(td);
  }

  function fill(form, notice) {
    var rows = notice.querySelector("[data-bs-correction-rows]");
    while (rows.firstChild) {
      rows.removeChild(rows.firstChild);
    }
    var count = 0;
    form.querySelectorAll("[data-bs-correction-material]").forEach(function (item) {
      var box = item.querySelector("input[type=checkbox]");
      /* A material outside the applicant's answers (?情形=…) is hidden: never asked for. */
      if (!box || !box.checked || item.hidden) {
        return;
      }
      count += 1;
      var reason = item.querySelector("[data-bs-correction-reason]");
      var row = document.createElement("tr");
      cell(row, String(count));
      var name = item.querySelector("[data-bs-correction-name]");
      cell(row, name ? name.textContent : "");
      cell(row, reason ? reason.value.trim() : "");
      rows.appendChild(row);
    });
    var applicant = form.querySelector("[data-bs-correction-applicant]");
    notice.querySelector("[data-bs-correction-applicant-out]").textContent = applicant
      ? applicant.value.trim()
      : "";
    notice.querySelector("[data-bs-correction-date]").textContent = today();
    return count;
  }

  function init() {
    var form = document.querySelector("[data-bs-correction-form]");
    var notice = document.querySelector("[data-bs-correction]");
    if (!form || !notice) {
      return;
    }
    var status = form.querySelector("[data-bs-correction-status]");
    var root = document.documentElement;
    form.hidden = false;
    form.querySelector("[data-bs-correction-print]").addEventListener("click", function () {
      if (fill(form, notice) === 0) {
        status.textContent = "请先勾选需要补正的材料。";
        return;
      }
      status.textContent = "";
      root.setAttribute("data-bs-printing", "correction");
      window.print();
    });
    /* The next print (the 打印 button, Ctrl+P) is the notice sheet again. */
    window.addEventListener("afterprint", function () {
      root.removeAttribute("data-bs-printing");
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
