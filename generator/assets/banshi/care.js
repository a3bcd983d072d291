/* 关怀模式 and 语音阅读 (issue 11).

   The switch: care-init.js already marked <html class="bs-care"> before the first paint;
   this file shows the switch, keeps aria-pressed true to the mode and remembers a change in
   localStorage (no cookie).

   Care mode puts an item guide's key facts first (materials, where and when, time limits,
   fees, phones) by moving whole sections in the DOM, not with CSS `order`, so that the
   reading and Tab order follow what is seen.  Leaving care mode restores the original order.

   Read-aloud, in care mode only (care.css hides the buttons outside it; issue 18: eleven
   buttons on a guide for every visitor): every section of an item guide or notice sheet
   (the part before the first h2, then each h2 with what follows it up to the next h2) gets
   a "读给我听" button after its heading.  It reads that section, heading first, in document order, with the
   browser's own speech synthesis (a zh-CN voice when the device has one); pause/continue
   and stop appear next to it while it speaks.  Without window.speechSynthesis no button is
   added at all.  Nothing is sent anywhere. */
(function () {
  "use strict";

  var KEY = "bs-mode";
  var root = document.documentElement;

  /* Sections of an item guide, by heading id, in the order care mode shows them. */
  var CARE_ORDER = ["materials", "place", "time", "fees", "phones", "conditions", "procedure",
    "basic", "basis"];
  var CARE_LAST = ["faq"];

  function isCare() {
    return root.classList.contains("bs-care");
  }

  /* --- the switch ------------------------------------------------------------------- */

  function syncSwitches() {
    var on = isCare();
    document.querySelectorAll("[data-bs-care-switch]").forEach(function (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      var state = button.querySelector(".bs-care-switch__state");
      if (state) {
        state.textContent = on ? "开" : "关";
      }
    });
  }

  function setCare(on) {
    root.classList.toggle("bs-care", on);
    try {
      window.localStorage.setItem(KEY, on ? "care" : "standard");
    } catch (e) {
      /* Storage blocked: the mode holds for this page only. */
    }
    syncSwitches();
    arrangeAll();
  }

  function initSwitches() {
    document.querySelectorAll("[data-bs-care-switch]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        setCare(!isCare());
      });
    });
    syncSwitches();
    /* Another tab switched: follow it, so two open guides never disagree. */
    window.addEventListener("storage", function (event) {
      if (event.key === KEY) {
        root.classList.toggle("bs-care", event.newValue === "care");
        syncSwitches();
        arrangeAll();
      }
    });
  }

  /* --- sections ---------------------------------------------------------------------- */

  var documents = [];

  /* Split a guide or notice into sections: [{id, heading, nodes}]. */
  function sectionsOf(container) {
    var sections = [{ id: "", heading: null, nodes: [] }];
    Array.prototype.forEach.call(container.children, function (child) {
      if (child.tagName === "H2") {
        sections.push({ id: child.id || "", heading: child, nodes: [] });
      }
      sections[sections.length - 1].nodes.push(child);
    });
    sections[0].heading = container.querySelector("h1");
    return sections.filter(function (s) {
      return s.nodes.length > 0;
    });
  }

  function rank(section, index) {
    if (!section.id || section.heading === null || section.heading.tagName !== "H2") {
      return -1;
    }
    var key = CARE_ORDER.indexOf(section.id);
    if (key >= 0) {
      return key;
    }
    var last = CARE_LAST.indexOf(section.id);
    if (last >= 0) {
      return 1000 + last;
    }
    return CARE_ORDER.length + index / 1000;
  }

  function arrange(doc) {
    if (!doc.reorder) {
      return;
    }
    var order = doc.sections.slice();
    if (isCare()) {
      order = order
        .map(function (section, index) {
          return { section: section, key: rank(section, index), index: index };
        })
        .sort(function (a, b) {
          return a.key - b.key || a.index - b.index;
        })
        .map(function (entry) {
          return entry.section;
        });
    }
    order.forEach(function (section) {
      section.nodes.forEach(function (node) {
        doc.container.appendChild(node);
      });
    });
  }

  function arrangeAll() {
    documents.forEach(arrange);
    /* 读给我听 belongs to care mode (care.css hides it outside): leaving stops reading. */
    if (!isCare()) {
      stop(false);
    }
  }

  /* --- read-aloud --------------------------------------------------------------------- */

  var synth = null;
  var reading = null;

  function speechAvailable() {
    try {
      synth = window.speechSynthesis || null;
    } catch (e) {
      synth = null;
    }
    return Boolean(synth) && typeof window.SpeechSynthesisUtterance === "function";
  }

  function clean(text) {
    return (text || "").replace(/\s+/g, " ").trim();
  }

  /* Not read: our own controls, pictures (the flow chart's steps are read as text below
     it, the QR code says nothing), link-only action rows. */
  var SKIP = "[data-bs-read-control], [data-bs-noread], [aria-hidden='true'], script, style, " +
    "svg, figure, .bs-actions, [hidden]";

  function skipped(el) {
    return el.matches(SKIP) || el.getClientRects().length === 0;
  }

  /* A table read row by row, each cell after its column's name: "材料名称:营业执照". */
  function tableChunks(table, out) {
    var caption = table.querySelector("caption");
    if (caption) {
      out.push(clean(caption.innerText));
    }
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return clean(th.innerText);
    });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var cells = [];
      Array.prototype.forEach.call(row.children, function (cell, i) {
        var text = clean(cell.innerText);
        if (!text || text === "—") {
          return;
        }
        var label = cell.getAttribute("data-label") || heads[i] || "";
        cells.push(label ? label + ":" + text : text);
      });
      if (cells.length) {
        out.push(cells.join(";"));
      }
    });
  }

  var LEAVES = /^(H[1-6]|P|LI|DT|DD|CAPTION|FIGCAPTION|BLOCKQUOTE|PRE)$/;

  /* Text mixed with elements ("依据:<a>《…》</a>") is read as one piece, never split. */
  function hasOwnText(el) {
    return Array.prototype.some.call(el.childNodes, function (node) {
      return node.nodeType === 3 && node.textContent.trim() !== "";
    });
  }

  function chunks(el, out, heading) {
    if (el === heading || skipped(el)) {
      return;
    }
    if (el.tagName === "TABLE") {
      tableChunks(el, out);
    } else if (LEAVES.test(el.tagName) || el.children.length === 0 || hasOwnText(el)) {
      var text = clean(el.innerText);
      if (text) {
        out.push(text);
      }
    } else {
      Array.prototype.forEach.call(el.children, function (child) {
        chunks(child, out, heading);
      });
    }
  }

  function textOf(section) {
    var out = [];
    /* The heading first, even where it is not the section's first element (the notice's
       title sits inside its header block). */
    if (section.heading) {
      out.push(clean(section.heading.innerText));
    }
    section.nodes.forEach(function (node) {
      chunks(node, out, section.heading);
    });
    return out;
  }

  function zhVoice() {
    var voices = [];
    try {
      voices = synth.getVoices() || [];
    } catch (e) {
      voices = [];
    }
    var pick = function (test) {
      for (var i = 0; i < voices.length; i += 1) {
        if (voices[i] && test(String(voices[i].lang || "").replace("_", "-").toLowerCase())) {
          return voices[i];
        }
      }
      return null;
    };
    return pick(function (l) {
      return l === "zh-cn";
    }) || pick(function (l) {
      return l.indexOf("zh") === 0;
    });
  }

  function button(text, label) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "bs-button bs-button--secondary";
    b.textContent = text;
    if (label) {
      b.setAttribute("aria-label", label);
    }
    return b;
  }

  function stop(restoreFocus) {
    if (!reading) {
      return;
    }
    var current = reading;
    reading = null;
    try {
      synth.cancel();
    } catch (e) {
      /* Nothing to stop. */
    }
    var hadFocus = current.panel.contains(document.activeElement);
    current.panel.remove();
    current.trigger.setAttribute("aria-expanded", "false");
    if (restoreFocus || hadFocus) {
      current.trigger.focus();
    }
  }

  function read(section, trigger) {
    stop(false);
    var texts = textOf(section);
    var panel = document.createElement("div");
    panel.className = "bs-speak";
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", "语音阅读控制");
    panel.setAttribute("data-bs-read-control", "");
    var status = document.createElement("span");
    status.className = "bs-speak__status";
    status.setAttribute("role", "status");
    status.textContent = "正在朗读";
    var pause = button("暂停");
    var halt = button("停止", "停止朗读");
    panel.appendChild(status);
    panel.appendChild(pause);
    panel.appendChild(halt);
    trigger.insertAdjacentElement("afterend", panel);
    trigger.setAttribute("aria-expanded", "true");
    var session = { trigger: trigger, panel: panel, paused: false };
    reading = session;

    pause.addEventListener("click", function () {
      if (reading !== session) {
        return;
      }
      if (session.paused) {
        synth.resume();
        session.paused = false;
        pause.textContent = "暂停";
        status.textContent = "正在朗读";
      } else {
        synth.pause();
        session.paused = true;
        pause.textContent = "继续";
        status.textContent = "已暂停";
      }
    });
    halt.addEventListener("click", function () {
      stop(true);
    });

    var voice = zhVoice();
    texts.forEach(function (text, i) {
      var utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = "zh-CN";
      utterance.rate = 0.9;
      if (voice) {
        try {
          utterance.voice = voice;
        } catch (e) {
          /* Not a real voice object: the lang alone chooses one. */
        }
      }
      if (i === texts.length - 1) {
        var done = function () {
          if (reading === session) {
            stop(false);
          }
        };
        utterance.onend = done;
        utterance.onerror = done;
      }
      synth.speak(utterance);
    });
  }

  function addReadButtons(doc) {
    doc.sections.forEach(function (section) {
      if (!section.heading) {
        return;
      }
      var name = clean(section.heading.innerText);
      var trigger = button("读给我听", "读给我听:" + name);
      trigger.classList.add("bs-read");
      trigger.setAttribute("data-bs-read-control", "");
      trigger.setAttribute("aria-expanded", "false");
      trigger.addEventListener("click", function () {
        read(section, trigger);
      });
      section.heading.insertAdjacentElement("afterend", trigger);
      var at = section.nodes.indexOf(section.heading);
      if (at >= 0) {
        section.nodes.splice(at + 1, 0, trigger);
      }
    });
    window.addEventListener("pagehide", function () {
      stop(false);
    });
  }

  function init() {
    document.querySelectorAll(".bs-guide, .bs-notice").forEach(function (container) {
      /* A notice sheet's content sits in the cell of its print layout table. */
      var body = container.querySelector(".bs-sheet > tbody > tr > td") || container;
      documents.push({
        container: container,
        sections: sectionsOf(body),
        reorder: container.classList.contains("bs-guide"),
      });
    });
    if (speechAvailable()) {
      documents.forEach(addReadButtons);
    }
    initSwitches();
    arrangeAll();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
