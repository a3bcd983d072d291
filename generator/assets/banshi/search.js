/* The search page: query the static index written by generator/search/index.py.

   normalise() and tokens() repeat generator/search/normalise.py step for step (a browser
   test compares them on the same strings): NFKC, Traditional -> Simplified (query only),
   lower case, question words and punctuation removed, Chinese runs cut into character
   bigrams, Latin runs kept whole.  Only the postings shards of the query's tokens and the
   result-card chunks shown are fetched.  Results are built with DOM text nodes, never
   HTML strings: catalogue text stays text.  No inline script: the CSP forbids it. */
(function () {
  "use strict";

  var CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var NOT_WORD = new RegExp("[^0-9a-z" + CJK + "]+", "g");
  var RUN = new RegExp("[" + CJK + "]+|[0-9a-z]+", "g");
  var IS_CJK = new RegExp("^[" + CJK + "]");
  var PAGE = 10;
  var DEBOUNCE_MS = 60;
  var MAX_QUERY = 64; /* characters searched, as normalise.py's MAX_QUERY */
  var MAX_TOKENS = 32; /* query tokens looked up, as normalise.py's MAX_TOKENS */
  var REACH = 2; /* a match weighing less (department, conditions, FAQ) keeps no item listed */
  var PHRASE = 2; /* a shingle found adds 1/PHRASE of a pair (rank.py's PHRASE) */
  var LONGEST_SYLLABLE = 6; /* zhuang */

  /* The first MAX_QUERY characters (code points) of a query: a pasted page costs nothing. */
  function capped(query) {
    return Array.from(String(query)).slice(0, MAX_QUERY).join("");
  }

  function questionPattern(words) {
    return words.length ? new RegExp(words.join("|"), "g") : null;
  }

  function normalise(text, question, t2s) {
    text = String(text).normalize("NFKC");
    if (t2s) {
      text = Array.from(text, function (ch) {
        return Object.prototype.hasOwnProperty.call(t2s, ch) ? t2s[ch] : ch;
      }).join("");
    }
    text = text.toLowerCase();
    if (question) {
      text = text.replace(question, " ");
    }
    return text.replace(NOT_WORD, " ").trim();
  }

  function bigrams(run) {
    if (run.length < 2) {
      return [run];
    }
    var out = [];
    for (var i = 0; i < run.length - 1; i++) {
      out.push(run.slice(i, i + 2));
    }
    return out;
  }

  /* Linear in the text: a Set answers "seen?" at once. */
  function tokens(normalised) {
    var out = [];
    var seen = new Set();
    (normalised.match(RUN) || []).forEach(function (run) {
      (IS_CJK.test(run) ? bigrams(run) : [run]).forEach(function (token) {
        if (!seen.has(token)) {
          seen.add(token);
          out.push(token);
        }
      });
    });
    return out;
  }

  function fnv1a(token) {
    var h = 0x811c9dc5;
    for (var i = 0; i < token.length; i++) {
      var cp = token.codePointAt(i);
      if (cp > 0xffff) {
        i++;
      }
      h = Math.imul(h ^ cp, 0x01000193) >>> 0;
    }
    return h;
  }

  /* Exposed for the test that compares this analyser with the Python one. */
  window.banshiSearch = {
    normalise: normalise, tokens: tokens, fnv1a: fnv1a, questionPattern: questionPattern, capped: capped,
  };

  function Index(base) {
    this.base = base;
    this.cache = {};
  }

  Index.prototype.get = function (path) {
    if (!this.cache[path]) {
      var url = new URL(path, this.base).href;
      this.cache[path] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) {
          throw new Error(url + " " + response.status);
        }
        return response.json();
      });
    }
    return this.cache[path];
  };

  Index.prototype.ready = function () {
    var self = this;
    return Promise.all([this.get("meta.json"), this.get("t2s.json")]).then(function (parts) {
      self.meta = parts[0];
      self.t2s = parts[1];
      self.question = questionPattern(self.meta.question || []);
      return self;
    });
  };

  /* A three-character shingle lives with its first pair (index.py's shard_key). */
  function shardKey(token) {
    if (token.charAt(0) === "~") {
      return token.slice(1); /* an abbreviation lives with its pair (index.py's shard_key) */
    }
    return token.length === 3 && IS_CJK.test(token) ? token.slice(0, 2) : token;
  }

  Index.prototype.shardOf = function (token) {
    return "p/" + (fnv1a(shardKey(token)) % this.meta.shards) + ".json";
  };

  /* The query's tokens: bigrams and Latin runs, "she bao" also as shebao, and no single
     Chinese character unless nothing longer is left (开 of 开KTV would find every 开). */
  function queryTokens(norm) {
    var toks = tokens(norm).slice(0, MAX_TOKENS);
    if (/^[0-9a-z ]+$/.test(norm) && norm.indexOf(" ") > 0) {
      toks.push(norm.replace(/ /g, "")); /* "she bao" is shebao */
    }
    if (toks.some(function (t) { return t.length > 1; })) {
      toks = toks.filter(function (t) { return t.length > 1 || !IS_CJK.test(t); });
    }
    return toks;
  }

  /* Inverse document frequency in thousandths (integers: rank.py sums the same). */
  function idf(count, df) {
    return Math.round(1000 * Math.log(1 + (count - df + 0.5) / (df + 0.5)));
  }

  /* Character -> toneless pinyin, from py.json's {syllable: characters} (built once). */
  function soundOf(index, table) {
    if (!index.sound) {
      index.sound = {};
      Object.keys(table).forEach(function (syllable) {
        Array.from(table[syllable]).forEach(function (ch) { index.sound[ch] = syllable; });
      });
    }
    return index.sound;
  }

  /* The pinyin of each Chinese pair of the query the index lacks (结昏 -> jiehun), as the
     index spells the pairs of names and keywords; a pair it has is matched as characters. */
  function homophones(toks, sound) {
    var out = [];
    toks.forEach(function (t) {
      if (t.length === 2 && IS_CJK.test(t) && sound[t[0]] && sound[t[1]]) {
        var spelled = sound[t[0]] + sound[t[1]];
        if (out.indexOf(spelled) < 0) {
          out.push(spelled);
        }
      }
    });
    return out;
  }

  /* The query's three-character pieces in order: the phrase bonus (rank.py's shingles_of). */
  function shinglesOf(norm) {
    var out = [];
    (norm.match(RUN) || []).forEach(function (run) {
      if (IS_CJK.test(run)) {
        for (var i = 0; i + 3 <= run.length; i++) {
          if (out.indexOf(run.slice(i, i + 3)) < 0) {
            out.push(run.slice(i, i + 3));
          }
        }
      }
    });
    return out;
  }

  /* The first pair of each Chinese run, looked up as an abbreviation too (危废许可证: ~危废,
     the first characters of 危险 and 废物 in 危险废物经营许可); rank.py's lead_abbreviations. */
  function leadAbbreviations(norm, prefix) {
    var out = [];
    (norm.match(RUN) || []).forEach(function (run) {
      if (IS_CJK.test(run) && run.length > 1 && out.indexOf(prefix + run.slice(0, 2)) < 0) {
        out.push(prefix + run.slice(0, 2));
      }
    });
    return out;
  }

  function isLetters(t) {
    return /^[a-z]+$/.test(t);
  }

  /* A Latin run cut into the fewest pinyin syllables (jiehundengji: jie hun deng ji), or []
     when it is not pinyin (rank.py's syllabify). */
  function syllabify(run, syllables) {
    var best = [0];
    var back = [0];
    for (var end = 1; end <= run.length; end++) {
      best.push(-1);
      back.push(0);
      for (var size = 1; size <= Math.min(LONGEST_SYLLABLE, end); size++) {
        var start = end - size;
        if (best[start] >= 0 && syllables.has(run.slice(start, end))) {
          if (best[end] < 0 || best[start] + 1 < best[end]) {
            best[end] = best[start] + 1;
            back[end] = start;
          }
        }
      }
    }
    if (best[run.length] < 0) {
      return [];
    }
    var out = [];
    for (var at = run.length; at; at = back[at]) {
      out.unshift(run.slice(back[at], at));
    }
    return out;
  }

  function unique(list) {
    return list.filter(function (t, i) { return list.indexOf(t) === i; });
  }

  /* Concatenated pinyin of three syllables or more is searched by its syllable pairs too
     (gongjijintiqu: gongji, jijin, jinti, tiqu), as the index spells the pairs of names. */
  function spelledPairs(toks, syllables) {
    var out = [];
    toks.forEach(function (t) {
      if (isLetters(t)) {
        var spelled = syllabify(t, syllables);
        if (spelled.length > 2) {
          for (var i = 0; i + 1 < spelled.length; i++) {
            out.push(spelled[i] + spelled[i + 1]);
          }
        }
      }
    });
    return unique(out);
  }

  /* Letters that are neither pinyin nor in the index are initials of words that need not
     be next to each other in the name (jszhz: 驾驶证 … 换证): their pieces of three and two. */
  function initialsParts(unknown, syllables) {
    var out = [];
    unknown.forEach(function (t) {
      if (t.length > 2 && !syllabify(t, syllables).length) {
        [3, 2].forEach(function (n) {
          for (var i = 0; i + n <= t.length; i++) {
            out.push(t.slice(i, i + n));
          }
        });
      }
    });
    return unique(out);
  }

  /* Ranked document numbers.  A matched token adds its IDF (rare parts count, 申请 and 登记
     hardly) times its field weight; coverage is the IDF share of the query's tokens an item
     matched where meta.cover says it counts (not in the department, conditions or FAQ, nor a
     pair across two words).  A query shingle found in a field adds half
     of what a pair there adds (the parts were found together, in order).  Order: an exact name, result or keyword (by its
     weight), then score times coverage; ties go to the shorter name and the creating action
     (首次, 设立) before the others (meta.ties), never to the id.
     Items that matched (anywhere but the department, conditions and FAQ) less than half of
     what the best one matched are cut: the count shown means something. */
  Index.prototype.search = function (query) {
    var self = this;
    var norm = normalise(capped(query), this.question, this.t2s);
    var toks = queryTokens(norm);
    if (!toks.length) {
      return Promise.resolve({ norm: norm, docs: [] });
    }
    var syllables = this.syllables || (this.syllables = new Set(this.meta.syllables.split(" ")));
    toks = toks.concat(spelledPairs(toks, syllables).filter(function (t) {
      return toks.indexOf(t) < 0;
    }));
    toks = toks.concat(leadAbbreviations(norm, this.meta.abbreviation || "~").filter(function (t) {
      return toks.indexOf(t) < 0;
    })).slice(0, MAX_TOKENS);
    var phrases = shinglesOf(norm).slice(0, MAX_TOKENS);
    var compact = norm.replace(/ /g, "");
    var exact = this.meta.exact + compact;
    var exactFile = this.shardOf(tokens(compact)[0]);
    var byFile = {};
    function load(list) {
      var files = [];
      list.forEach(function (t) {
        var f = self.shardOf(t);
        if (files.indexOf(f) < 0 && !byFile[f]) {
          files.push(f);
        }
      });
      return Promise.all(files.map(function (f) { return self.get(f); })).then(function (shards) {
        files.forEach(function (f, i) { byFile[f] = shards[i]; });
      });
    }
    function posted(t) {
      return Object.prototype.hasOwnProperty.call(byFile[self.shardOf(t)], t);
    }
    function more(list, extra) {
      return list.concat(extra.filter(function (t) {
        return list.indexOf(t) < 0;
      }).slice(0, Math.max(0, MAX_TOKENS - list.length))); /* at most MAX_TOKENS lookups */
    }
    return load(toks.concat([tokens(compact)[0]], phrases)).then(function () {
      /* A character pair the index lacks (结昏 typed for 结婚): search its sound as well. */
      var weak = toks.filter(function (t) { return t.length === 2 && IS_CJK.test(t) && !posted(t); });
      if (!weak.length) {
        return toks;
      }
      return self.get("py.json").then(function (table) {
        var grown = more(toks, homophones(weak, soundOf(self, table)));
        return load(grown).then(function () { return grown; });
      });
    }).then(function (toks) {
      var unknown = toks.filter(function (t) { return isLetters(t) && !posted(t); });
      var grown = more(toks, initialsParts(unknown, syllables));
      return load(grown).then(function () { return grown; });
    }).then(function (toks) {
      var found = new Map();
      var weights = self.meta.weights;
      var count = self.meta.count;
      var codes = self.meta.codes;
      var covers = self.meta.cover;
      function walk(list, each) {
        var doc = 0;
        for (var i = 0; i < list.length; i++) {
          doc += Math.floor(list[i] / codes);
          each(doc, list[i] % codes);
        }
      }
      function hitOf(doc) {
        var hit = found.get(doc);
        if (!hit) {
          hit = { doc: doc, cover: 0, reach: 0, score: 0, exact: 0 };
          found.set(doc, hit);
        }
        return hit;
      }
      var prefix = self.meta.abbreviation || "~";
      toks.forEach(function (t) {
        var list = byFile[self.shardOf(t)][t];
        if (!list) {
          return;
        }
        var w = idf(count, list.length);
        /* an item that has the pair itself matched this part of the query already */
        var literal = new Set();
        if (t.charAt(0) === prefix) {
          walk(byFile[self.shardOf(t)][t.slice(1)] || [], function (doc) { literal.add(doc); });
        }
        walk(list, function (doc, code) {
          if (literal.has(doc)) {
            return;
          }
          var hit = hitOf(doc);
          hit.cover += w * covers[code];
          hit.reach += weights[code] >= REACH ? w : 0;
          hit.score += w * weights[code];
        });
      });
      phrases.forEach(function (t) {
        var list = byFile[self.shardOf(t)][t];
        if (!list) {
          return;
        }
        var w = idf(count, list.length);
        walk(list, function (doc, code) {
          var hit = found.get(doc);
          if (hit) {
            hit.score += Math.floor(w * weights[code] / PHRASE);
          }
        });
      });
      var exactList = byFile[exactFile][exact];
      if (exactList) {
        walk(exactList, function (doc, code) {
          var hit = found.get(doc);
          if (hit) {
            hit.exact = Math.max(hit.exact, weights[code]);
          }
        });
      }
      var best = 0;
      found.forEach(function (hit) { best = Math.max(best, hit.reach); });
      var ties = self.meta.ties;
      var docs = Array.from(found.values()).filter(function (hit) {
        return hit.exact || hit.reach * 2 >= best;
      }).sort(function (a, b) {
        return b.exact - a.exact || b.score * b.cover - a.score * a.cover ||
          ties.charCodeAt(a.doc) - ties.charCodeAt(b.doc) || a.doc - b.doc;
      });
      return { norm: norm, docs: docs.map(function (h) { return h.doc; }) };
    });
  };

  Index.prototype.cards = function (docs) {
    var self = this;
    var chunk = this.meta.chunk;
    var files = [];
    docs.forEach(function (d) {
      var f = "r/" + Math.floor(d / chunk) + ".json";
      if (files.indexOf(f) < 0) {
        files.push(f);
      }
    });
    return Promise.all(files.map(function (f) { return self.get(f); })).then(function () {
      return Promise.all(docs.map(function (d) {
        return self.get("r/" + Math.floor(d / chunk) + ".json").then(function (cards) {
          return cards[d % chunk];
        });
      }));
    });
  };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  window.banshiSearch.Index = Index; /* the Node harness ranks with it (tests/search_eval) */

  function Finder(root) {
    this.root = root;
    this.index = new Index(new URL(root.getAttribute("data-bs-index"), window.location.href));
    this.siteRoot = new URL(root.getAttribute("data-bs-root") || "/", window.location.href);
    this.form = root.querySelector("form");
    this.input = root.querySelector("input[name=q]");
    this.status = root.querySelector("[data-bs-status]");
    this.list = root.querySelector("[data-bs-results]");
    this.moreWrap = root.querySelector("[data-bs-more-wrap]");
    this.none = root.querySelector("[data-bs-none]");
    this.suggestWrap = root.querySelector("[data-bs-suggest-wrap]");
    this.suggest = root.querySelector("[data-bs-suggest]");
    this.filters = {
      department: root.querySelector("[data-bs-filter=department]"),
      audience: root.querySelector("[data-bs-filter=audience]"),
      spot: root.querySelector("[data-bs-filter=spot]"),
    };
    this.seq = 0;
    this.timer = 0;
    this.ranked = [];
    this.shown = 0;
  }

  Finder.prototype.start = function () {
    var self = this;
    var params = new URLSearchParams(window.location.search);
    this.input.value = params.get("q") || "";
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.run();
    });
    this.input.addEventListener("input", function () {
      window.clearTimeout(self.timer);
      self.timer = window.setTimeout(function () { self.run(); }, DEBOUNCE_MS);
    });
    Object.keys(this.filters).forEach(function (key) {
      self.filters[key].addEventListener("change", function () { self.run(); });
    });
    this.moreWrap.querySelector("button").addEventListener("click", function () {
      self.showMore(true);
    });
    this.ready = this.index.ready().catch(function () {
      self.say("搜索暂时无法使用,请按部门查找事项或电话咨询。");
      self.none.hidden = false;
      throw new Error("search index unavailable");
    });
    if (this.input.value.trim()) {
      this.run();
    }
  };

  Finder.prototype.say = function (text) {
    this.status.textContent = text;
  };

  Finder.prototype.filtering = function () {
    var f = this.filters;
    return Boolean(f.department.value || f.audience.value || f.spot.checked);
  };

  Finder.prototype.applyFilters = function (docs) {
    if (!this.filtering()) {
      return Promise.resolve(docs);
    }
    var f = this.filters;
    var meta = this.index.meta;
    var dept = -1;
    meta.departments.forEach(function (d, i) {
      if (d[0] === f.department.value) {
        dept = i;
      }
    });
    var who = Number(f.audience.value || 0);
    var spot = f.spot.checked;
    return this.index.get("attrs.json").then(function (attrs) {
      return docs.filter(function (d) {
        var a = attrs[d];
        if (f.department.value && Math.floor(a / 8) !== dept) {
          return false;
        }
        if (who && !(a & who)) {
          return false;
        }
        return !(spot && !(a & 4));
      });
    });
  };

  Finder.prototype.run = function () {
    var self = this;
    var query = this.input.value;
    var seq = ++this.seq;
    var url = new URL(window.location.href);
    if (query.trim()) {
      url.searchParams.set("q", query.trim());
    } else {
      url.searchParams.delete("q");
    }
    window.history.replaceState(null, "", url.href);
    if (!query.trim()) {
      this.clear();
      this.say("");
      return Promise.resolve();
    }
    var total = 0;
    return this.ready
      .then(function () { return self.index.search(query); })
      .then(function (result) {
        total = result.docs.length;
        return self.applyFilters(result.docs).then(function (docs) {
          return { norm: result.norm, docs: docs };
        });
      })
      .then(function (result) {
        if (seq !== self.seq) {
          return null;
        }
        self.ranked = result.docs;
        self.shown = 0;
        self.clear();
        if (!result.docs.length) {
          return self.noResults(query.trim(), result.norm, total);
        }
        self.say("找到 " + result.docs.length + " 个与“" + query.trim() + "”相关的事项。");
        return self.showMore(false);
      })
      .then(function () {
        if (seq === self.seq) {
          self.root.setAttribute("data-bs-done", query.trim()); /* tests wait for it */
        }
      })
      .catch(function () { /* reported by ready() */ });
  };

  Finder.prototype.clear = function () {
    this.list.textContent = "";
    this.moreWrap.hidden = true;
    this.none.hidden = true;
    this.suggestWrap.hidden = true;
  };

  Finder.prototype.showMore = function (focus) {
    var self = this;
    var seq = this.seq;
    var start = this.shown;
    var docs = this.ranked.slice(start, start + PAGE);
    this.shown = start + docs.length;
    return this.index.cards(docs).then(function (cards) {
      if (seq !== self.seq) {
        return;
      }
      var first = null;
      var families = siblings(cards);
      cards.forEach(function (card, i) {
        var li = self.card(card, families[i]);
        first = first || li;
        self.list.appendChild(li);
      });
      self.moreWrap.hidden = self.shown >= self.ranked.length;
      if (focus && first) {
        first.querySelector("a").focus();
      }
    });
  };

  /* Actions that tell the members of a family apart (个体工商户 设立/变更/注销登记); a
     closing parenthesis names the case (住房公积金提取(租赁住房)). */
  var ACTIONS = ["首次", "设立", "变更", "注销", "转移", "延续", "核发", "补领", "补发", "换领", "换发",
    "撤销", "迁入", "迁出", "提取"];

  /* For each card, its action word when another card shown has the same name around a
     different action word (the stem), else "": the person sees which one is which. */
  function siblings(cards) {
    var parts = cards.map(function (card) {
      var name = String(card[1]);
      var paren = /^(.+)[((]([^()()]+)[))]$/.exec(name); /* 住房公积金提取(租赁住房) */
      if (paren) {
        return [paren[1], paren[2]];
      }
      for (var i = 0; i < ACTIONS.length; i++) {
        var at = name.indexOf(ACTIONS[i]);
        if (at >= 0) {
          return [name.slice(0, at) + "|" + name.slice(at + ACTIONS[i].length), ACTIONS[i]];
        }
      }
      return null;
    });
    return parts.map(function (part) {
      if (!part) {
        return "";
      }
      var kin = parts.filter(function (other) { return other && other[0] === part[0]; });
      return kin.length > 1 ? part[1] : "";
    });
  }

  Finder.prototype.card = function (card, action) {
    var meta = this.index.meta;
    var li = el("li", "bs-result");
    var title = el("h2", "bs-result__name");
    var link = el("a", "", card[1]);
    link.href = new URL(meta.item.replace("{id}", encodeURIComponent(card[0])), this.siteRoot).href;
    title.appendChild(link);
    li.appendChild(title);
    var facts = el("p", "bs-result__facts");
    if (action) {
      li.className += " bs-result--family";
      facts.appendChild(el("span", "bs-result__fact bs-result__action", "办理情形:" + action));
    }
    var department = meta.departments[card[2]];
    [department ? department[1] : "", card[3], "承诺时限:" + card[4]].forEach(function (text) {
      if (text) {
        facts.appendChild(el("span", "bs-result__fact", text));
      }
    });
    facts.appendChild(
      el("span", "bs-badge " + (card[5] ? "bs-badge--free" : "bs-badge--fee"), card[5] ? "不收费" : "收费")
    );
    li.appendChild(facts);
    li.appendChild(el("p", "bs-result__summary", card[6]));
    return li;
  };

  Finder.prototype.noResults = function (query, norm, total) {
    var self = this;
    if (total) {
      this.say("有 " + total + " 个与“" + query + "”相关的事项,但都不符合所选的筛选条件。");
    } else {
      this.say("没有找到与“" + query + "”相关的事项。");
    }
    this.none.hidden = false;
    return this.index.get("synonyms.json").then(function (groups) {
      var toks = tokens(norm);
      var related = [];
      groups.forEach(function (group) {
        var terms = group.map(function (t) { return normalise(t, self.index.question, null); });
        var hit = terms.some(function (term) {
          return term && (norm.indexOf(term) >= 0 || tokens(term).some(function (t) {
            return t.length > 1 && toks.indexOf(t) >= 0;
          }));
        });
        if (hit) {
          group.forEach(function (t, i) {
            if (terms[i] !== norm && related.indexOf(t) < 0) {
              related.push(t);
            }
          });
        }
      });
      if (!related.length) {
        return;
      }
      self.suggest.textContent = "";
      related.slice(0, 8).forEach(function (term) {
        var a = el("a", "bs-suggest", term);
        var url = new URL(window.location.href);
        url.searchParams.set("q", term);
        a.href = url.href;
        self.suggest.appendChild(a);
        self.suggest.appendChild(document.createTextNode(" "));
      });
      self.suggestWrap.hidden = false;
    }).catch(function () { /* suggestions are a courtesy */ });
  };

  function init() {
    var root = document.querySelector("[data-bs-finder]");
    if (root && window.fetch && window.URLSearchParams) {
      new Finder(root).start();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
