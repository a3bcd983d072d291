/* 情形引导 (issue 19): "我需要准备哪些材料?" on an item guide, and the personal notice sheet.

   Guide page ([data-bs-sit]): the questions are asked one at a time, each a fieldset of
   radio buttons (check boxes for a multiple choice question) with its legend; then a
   check-your-answers summary with a change link per answer; then only the materials of
   those answers, counted ("您需要准备 6 份材料"), alternatives ("以下任选其一") counting as
   one.  The answers live in the address (?情形=question.option,...), so a link is shared
   and reopened at the same list, and the print link carries them to the notice page.
   The rules are those of generator/catalogue/answers.py: questions in order, a follow-up
   asked only after an option that opens it, an entry included when every question its
   answers name was answered with one of the listed options.

   Notice page ([data-bs-sit-notice]): with ?情形=… the sheet lists only those materials,
   numbered again, and shows the answers: a personal 一次性告知单.

   Text is only ever set with textContent; nothing is sent or stored. */
(function () {
  "use strict";

  function readData(root) {
    var block = root.querySelector("script[data-bs-sit-data]");
    return block ? JSON.parse(block.textContent) : null;
  }

  function byId(data) {
    var out = {};
    data.questions.forEach(function (q) {
      out[q.id] = q;
    });
    return out;
  }

  function followUps(data) {
    var out = {};
    data.questions.forEach(function (q) {
      q.options.forEach(function (o) {
        o.opens.forEach(function (t) {
          out[t] = true;
        });
      });
    });
    return out;
  }

  /* The questions asked under `answers` (an object: question id -> array of option ids),
     in order, up to and including the first one not yet answered. */
  function asked(data, answers) {
    var later = followUps(data);
    var opened = {};
    var out = [];
    for (var i = 0; i < data.questions.length; i += 1) {
      var q = data.questions[i];
      if (later[q.id] && !opened[q.id]) {
        continue;
      }
      out.push(q.id);
      var chosen = answers[q.id];
      if (!chosen) {
        break;
      }
      q.options.forEach(function (o) {
        if (chosen.indexOf(o.id) >= 0) {
          o.opens.forEach(function (t) {
            opened[t] = true;
          });
        }
      });
    }
    return out;
  }

  function complete(data, answers) {
    var ids = asked(data, answers);
    return ids.length > 0 ? Boolean(answers[ids[ids.length - 1]]) : true;
  }

  /* Only the answers to questions still asked (a changed answer may close a follow-up). */
  function prune(data, answers) {
    var out = {};
    asked(data, answers).forEach(function (id) {
      if (answers[id]) {
        out[id] = answers[id];
      }
    });
    return out;
  }

  function applies(wanted, answers) {
    return Object.keys(wanted).every(function (question) {
      var accepted = typeof wanted[question] === "string" ? [wanted[question]] : wanted[question];
      var chosen = answers[question] || [];
      return chosen.some(function (o) {
        return accepted.indexOf(o) >= 0;
      });
    });
  }

  function encode(data, answers) {
    var parts = [];
    asked(data, answers).forEach(function (id) {
      var chosen = answers[id];
      if (!chosen) {
        return;
      }
      var q = byId(data)[id];
      var picked = q.options.filter(function (o) {
        return chosen.indexOf(o.id) >= 0;
      });
      if (picked.length === 0) {
        parts.push(id + "." + data.none);
      }
      picked.forEach(function (o) {
        parts.push(id + "." + o.id);
      });
    });
    return parts.join(",");
  }

  /* Answers from the address; anything unknown is dropped, not trusted. */
  function decode(data, text) {
    var questions = byId(data);
    var out = {};
    (text || "").split(",").forEach(function (part) {
      var dot = part.indexOf(".");
      var q = questions[part.slice(0, dot)];
      var option = part.slice(dot + 1);
      if (dot < 1 || !q) {
        return;
      }
      out[q.id] = out[q.id] || [];
      var known = q.options.some(function (o) {
        return o.id === option;
      });
      if (known && (q.multiple || out[q.id].length === 0)) {
        out[q.id].push(option);
      }
    });
    return prune(data, out);
  }

  function fromAddress(data) {
    return decode(data, new URLSearchParams(window.location.search).get(data.parameter));
  }

  function chosenLabels(q, chosen) {
    var labels = q.options
      .filter(function (o) {
        return chosen.indexOf(o.id) >= 0;
      })
      .map(function (o) {
        return o.label;
      });
    return labels.length ? labels.join("、") : "以上都不是";
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  /* Show only the entries the answers include; returns how many the applicant counts. */
  function filter(list, data, answers) {
    list.querySelectorAll("[data-bs-sit-n]").forEach(function (li) {
      var material = data.materials[Number(li.getAttribute("data-bs-sit-n")) - 1];
      li.hidden = !applies(material.answers, answers);
    });
    var count = 0;
    Array.prototype.forEach.call(list.children, function (entry) {
      if (entry.hasAttribute("data-bs-sit-group")) {
        entry.hidden = entry.querySelectorAll("[data-bs-sit-n]:not([hidden])").length === 0;
      }
      if (!entry.hidden) {
        count += 1;
      }
    });
    return count;
  }

  /* Conditions, fees and steps that only some answers include ([data-bs-sit-entry]):
     hidden when the tailored list is on show and the answers leave them out, all shown
     again otherwise (answers null), so the page never hides what it has not asked about. */
  function tailorPage(data, answers) {
    document.querySelectorAll("[data-bs-sit-entry]").forEach(function (node) {
      var key = node.getAttribute("data-bs-sit-entry").split(".");
      var wanted = (data[key[0]] || [])[Number(key[1])];
      node.hidden = answers !== null && Boolean(wanted) && !applies(wanted, answers);
    });
    document.querySelectorAll("[data-bs-sit-filtered]").forEach(function (note) {
      note.hidden = answers === null;
    });
  }

  function describe(dl, data, answers, changeHref) {
    clear(dl);
    var questions = byId(data);
    asked(data, answers).forEach(function (id) {
      if (!answers[id]) {
        return;
      }
      var q = questions[id];
      dl.appendChild(element("dt", q.question));
      var dd = element("dd", chosenLabels(q, answers[id]));
      if (changeHref) {
        var link = element("a", "修改");
        link.href = changeHref(id);
        link.setAttribute("data-bs-sit-change", id);
        link.appendChild(element("span", ":" + q.question, "bs-sr"));
        dd.appendChild(document.createTextNode(" "));
        dd.appendChild(link);
      }
      dl.appendChild(dd);
    });
  }

  function guide(root) {
    var data = readData(root);
    if (!data) {
      return;
    }
    var app = root.querySelector("[data-bs-sit-app]");
    var form = app.querySelector("[data-bs-sit-step]");
    var check = app.querySelector("[data-bs-sit-check]");
    var result = app.querySelector("[data-bs-sit-result]");
    var status = app.querySelector("[data-bs-sit-status]");
    var error = form.querySelector("[data-bs-sit-error]");
    var questions = byId(data);
    var answers = fromAddress(data);
    var current = null; /* the question on show, or null */
    var returnToCheck = false; /* a change from the summary goes back to it */

    function address(extra) {
      var code = encode(data, answers);
      var params = new URLSearchParams(window.location.search);
      if (code) {
        params.set(data.parameter, code);
      } else {
        params.delete(data.parameter);
      }
      var query = params.toString();
      return window.location.pathname + (query ? "?" + query : "") + (extra || "");
    }

    function remember() {
      window.history.replaceState(null, "", address(window.location.hash));
    }

    function changeHref(id) {
      return address("#sit-" + id);
    }

    function focus(node) {
      node.focus();
    }

    function show(view) {
      tailorPage(data, view === result ? answers : null);
      form.hidden = view !== form;
      check.hidden = view !== check;
      result.hidden = view !== result;
    }

    function nextQuestion() {
      var ids = asked(data, answers);
      var last = ids[ids.length - 1];
      return last && !answers[last] ? last : null;
    }

    function ask(id, moveFocus) {
      current = id;
      var q = questions[id];
      var ids = asked(data, answers);
      form.querySelector("[data-bs-sit-progress]").textContent =
        "第 " + (ids.indexOf(id) + 1) + " 题" + (q.multiple ? "(可多选)" : "") + ":";
      form.querySelector("[data-bs-sit-question]").textContent = q.question;
      var hint = form.querySelector("[data-bs-sit-hint]");
      hint.textContent = q.hint || (q.multiple ? "可以选择多项;都不符合的,不选直接继续。" : "");
      hint.hidden = !hint.textContent;
      var options = form.querySelector("[data-bs-sit-options]");
      clear(options);
      var chosen = answers[id] || [];
      q.options.forEach(function (o, index) {
        var label = element("label", undefined, "bs-sit__option");
        var input = document.createElement("input");
        input.type = q.multiple ? "checkbox" : "radio";
        input.name = "sit-" + q.id;
        input.value = o.id;
        input.id = "sit-" + q.id + "-" + index;
        input.checked = chosen.indexOf(o.id) >= 0;
        label.appendChild(input);
        label.appendChild(element("span", o.label));
        options.appendChild(label);
      });
      error.hidden = true;
      form.querySelector("[data-bs-sit-back]").hidden = ids.indexOf(id) === 0 && !returnToCheck;
      show(form);
      if (moveFocus) {
        focus(form.querySelector("[data-bs-sit-question]"));
      }
    }

    function summary(moveFocus) {
      current = null;
      returnToCheck = false;
      describe(check.querySelector("[data-bs-sit-answers]"), data, answers, changeHref);
      show(check);
      if (moveFocus) {
        focus(check.querySelector("[data-bs-sit-check-title]"));
      }
    }

    function tailored(moveFocus) {
      current = null;
      var count = filter(result.querySelector("[data-bs-sit-list]"), data, answers);
      /* 免提交 materials of these answers are said once, after the list, never counted. */
      var exempt = result.querySelector("[data-bs-sit-exempt]");
      if (exempt) {
        exempt.hidden =
          filter(exempt.querySelector("[data-bs-sit-exempt-list]"), data, answers) === 0;
      }
      var heading = result.querySelector("[data-bs-sit-count]");
      heading.textContent = "您需要准备 " + count + " 份材料";
      describe(result.querySelector("[data-bs-sit-summary]"), data, answers, changeHref);
      var code = encode(data, answers);
      var print = result.querySelector("[data-bs-sit-print]");
      var base = root.getAttribute("data-bs-sit-notice-url");
      print.href = base + "?" + new URLSearchParams([[data.parameter, code]]).toString();
      show(result);
      status.textContent = heading.textContent;
      if (moveFocus) {
        focus(heading);
      }
    }

    /* The next unanswered question (a change may have opened a follow-up), else the
       check-your-answers summary. */
    function advance(moveFocus) {
      var next = nextQuestion();
      if (next) {
        ask(next, moveFocus);
      } else {
        summary(moveFocus);
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var q = questions[current];
      var picked = [];
      form.querySelectorAll("input:checked").forEach(function (input) {
        picked.push(input.value);
      });
      if (!q.multiple && picked.length === 0) {
        error.hidden = false;
        focus(form.querySelector("input"));
        return;
      }
      answers[current] = picked;
      answers = prune(data, answers);
      remember();
      advance(true);
    });

    form.querySelector("[data-bs-sit-back]").addEventListener("click", function () {
      var ids = asked(data, answers);
      var at = ids.indexOf(current);
      if (returnToCheck || at <= 0) {
        summary(true);
        return;
      }
      ask(ids[at - 1], true);
    });

    app.addEventListener("click", function (event) {
      var link = event.target.closest("[data-bs-sit-change]");
      if (!link) {
        return;
      }
      event.preventDefault();
      returnToCheck = true;
      ask(link.getAttribute("data-bs-sit-change"), true);
    });

    check.querySelector("[data-bs-sit-confirm]").addEventListener("click", function () {
      tailored(true);
    });

    result.querySelector("[data-bs-sit-restart]").addEventListener("click", function () {
      answers = {};
      returnToCheck = false;
      remember();
      ask(data.questions[0].id, true);
    });

    app.hidden = false;
    /* A shared link with every answer opens at its list; otherwise the next question. */
    if (complete(data, answers) && Object.keys(answers).length) {
      tailored(false);
    } else {
      advance(false);
    }
  }

  function notice(root) {
    var data = readData(root);
    if (!data) {
      return;
    }
    var answers = fromAddress(data);
    if (!Object.keys(answers).length || !complete(data, answers)) {
      return;
    }
    var count = 0;
    var number = 0;
    var groups = {};
    root.querySelectorAll("[data-bs-sit-row]").forEach(function (row) {
      var material = data.materials[Number(row.getAttribute("data-bs-sit-row")) - 1];
      row.hidden = !applies(material.answers, answers);
      if (row.hidden) {
        return;
      }
      number += 1;
      row.querySelector("[data-bs-sit-number]").textContent = String(number);
      if (!material.group || !groups[material.group]) {
        count += 1;
      }
      if (material.group) {
        groups[material.group] = true;
      }
    });
    root.querySelectorAll("[data-bs-sit-exempt-row]").forEach(function (li) {
      var material = data.materials[Number(li.getAttribute("data-bs-sit-exempt-row")) - 1];
      li.hidden = !applies(material.answers, answers);
    });
    var exempt = root.querySelector("[data-bs-sit-exempt-block]");
    if (exempt) {
      exempt.hidden = !exempt.querySelector("[data-bs-sit-exempt-row]:not([hidden])");
    }
    /* Conditions and fees of the sheet: only those of these answers. */
    tailorPage(data, answers);
    /* The 补正 form on the same page offers only this case's materials (issue 19 point 4). */
    document.querySelectorAll("[data-bs-correction-material][data-bs-sit-n]").forEach(function (li) {
      var material = data.materials[Number(li.getAttribute("data-bs-sit-n")) - 1];
      li.hidden = !applies(material.answers, answers);
    });
    var scope = document.querySelector("[data-bs-correction-scope]");
    if (scope) {
      describe(scope.querySelector("dl"), data, answers, null);
      scope.hidden = false;
    }
    root.querySelectorAll("[data-bs-sit-total]").forEach(function (total) {
      total.textContent = "您需要准备 " + count + " 份材料";
    });
    var block = root.querySelector("[data-bs-sit-answers-block]");
    describe(block.querySelector("dl"), data, answers, null);
    block.hidden = false;
    root.setAttribute("data-bs-sit-personal", "");
  }

  function init() {
    document.querySelectorAll("[data-bs-sit]").forEach(guide);
    document.querySelectorAll("[data-bs-sit-notice]").forEach(notice);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
