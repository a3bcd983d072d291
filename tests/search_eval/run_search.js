/* Rank queries with the portal's own search.js under Node, on a written index folder.

   node run_search.js INDEX_DIR < queries.json  ->  [[total, [id, ...]], ...] on stdout

   search.js runs unchanged: `window` is a plain object, `fetch` reads the index files,
   and with no document the page part never starts.  tests/search_eval/measure.py and
   tests/test_search_rank.py compare this with the Python reference. */
"use strict";
const fs = require("fs");
const path = require("path");
const url = require("url");

global.window = {};
global.document = { readyState: "complete", querySelector: function () { return null; } };
global.fetch = function (href) {
  return Promise.resolve({
    ok: true,
    json: function () { return Promise.resolve(JSON.parse(fs.readFileSync(new URL(href), "utf8"))); },
  });
};
require(path.join(__dirname, "..", "..", "generator", "assets", "banshi", "search.js"));

const dir = process.argv[2];
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
const TOP = Number(process.argv[3] || 20);
const index = new window.banshiSearch.Index(url.pathToFileURL(path.resolve(dir) + "/").href);

index.ready().then(async function () {
  const out = [];
  for (const q of queries) {
    const result = await index.search(q);
    const docs = result.docs.slice(0, TOP);
    const cards = await index.cards(docs);
    out.push([result.docs.length, cards.map(function (c) { return c[0]; })]);
  }
  process.stdout.write(JSON.stringify(out));
});
