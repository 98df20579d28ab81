/* cnbudget: the site's search, in Material's search box (templates/overrides/partials/search.html).
   The index (search/cnbudget.json, cnbudget/render/search.py) holds one entry per unit, disclosure,
   project, function class and region, its words segmented by jieba at build time. A query is segmented
   here against the same words (longest word first), whether it was typed, pasted or composed with an
   input method, and each entry is scored: a name it answers to exactly first, then a name or title that
   holds the query, then entries that hold every word of it. Results are written as text, never as HTML. */
(function () {
  "use strict";

  var form = document.querySelector("form[data-cnbudget-search]");
  if (!form) return;
  var input = form.querySelector("input[name=query]");
  var meta = document.querySelector(".md-search-result__meta");
  var list = document.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var MAX = 50;
  var config = {};
  try { config = JSON.parse(document.getElementById("__config").textContent); } catch (e) { config = {}; }
  var base = new URL((config.base || ".") + "/", location.href);
  var loading = null;
  var index = null;

  function load() {
    if (!loading) {
      loading = fetch(new URL("search/cnbudget.json", base)).then(function (r) { return r.json(); }).then(function (data) {
        var vocabulary = new Set();
        var longest = 1;
        data.entries.forEach(function (e) {
          e.words = new Set(e.w.split(" "));
          e.words.forEach(function (w) { vocabulary.add(w); if (w.length > longest) longest = w.length; });
          e.names = e.n.map(compact);
          e.title = compact(e.t);
        });
        index = { entries: data.entries, kinds: data.kinds, vocabulary: vocabulary, longest: Math.min(longest, 16) };
        return index;
      });
    }
    return loading;
  }

  /* Full-width forms to half-width, lower case, no spaces or punctuation: how names are compared. */
  function compact(text) {
    return (text || "").normalize("NFKC").toLowerCase().replace(/[\s\u200b\u3000"'“”‘’《》「」（）()、，。,.:：;；!！?？\-—]+/g, "");
  }

  /* The query's words: each run of Chinese cut into the longest words the index knows. */
  function segment(query) {
    var words = [];
    query.normalize("NFKC").toLowerCase().split(/[\s\u200b\u3000"'“”‘’《》「」（）()、，。,.:：;；!！?？\-—]+/).forEach(function (chunk) {
      var i = 0;
      while (i < chunk.length) {
        var length = Math.min(index.longest, chunk.length - i);
        while (length > 1 && !index.vocabulary.has(chunk.substr(i, length))) length--;
        var word = chunk.substr(i, length);
        if (length === 1 && /[0-9a-z]/.test(word)) {  // a run of letters and digits is one word
          var run = /^[0-9a-z]+/.exec(chunk.slice(i))[0];
          word = run;
          length = run.length;
        }
        words.push(word);
        i += length;
      }
    });
    return words.filter(function (w) { return w; });
  }

  function score(entry, whole, words) {
    var points = 0;
    if (entry.names.indexOf(whole) >= 0 || entry.title === whole) points += 1000;
    else if (entry.title.indexOf(whole) >= 0 || entry.names.some(function (n) { return n.indexOf(whole) >= 0; })) {
      points += 300 - Math.min(entry.title.length - whole.length, 100);
    }
    var found = words.filter(function (w) {
      return entry.words.has(w) || entry.title.indexOf(w) >= 0 || entry.names.some(function (n) { return n.indexOf(w) >= 0; });
    }).length;
    if (words.length && found === words.length) points += 100 + 10 * found;
    else if (!points && found * 2 > words.length) points += 10 * found;
    // A project or a function class is found by its own name, not by its unit's alone (KINDS in search.py).
    if (entry.k >= 3 && points < 300 && !words.some(function (w) { return entry.title.indexOf(w) >= 0; })) return 0;
    return points;
  }

  function search(query) {
    var whole = compact(query);
    if (!whole) return [];
    var words = segment(query);
    var hits = [];
    index.entries.forEach(function (entry, order) {
      var points = score(entry, whole, words);
      if (points > 0) hits.push([points, entry, order]);
    });
    hits.sort(function (a, b) {
      return b[0] - a[0] || a[1].k - b[1].k || a[1].t.length - b[1].t.length || a[2] - b[2];
    });
    return hits.slice(0, MAX).map(function (hit) { return hit[1]; });
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function show(query, results, total) {
    list.parentNode.setAttribute("data-query", query);  // what the list now answers (for tests and scripts)
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!compact(query)) {
      meta.textContent = "输入名称即可搜索";
      return;
    }
    meta.textContent = results.length ? "找到 " + total + " 个结果" + (total > results.length ? "，显示前 " + results.length + " 个" : "") : "没有找到结果";
    results.forEach(function (entry) {
      var item = element("li", "md-search-result__item");
      var link = element("a", "md-search-result__link");
      link.href = new URL(entry.u, base).href;
      var article = element("article", "md-search-result__article md-typeset");
      var heading = element("h2", "cnbudget-result__title", entry.t);
      var line = element("p", "cnbudget-result__line");
      line.appendChild(element("span", "cnbudget-result__kind", index.kinds[entry.k]));
      if (entry.l) line.appendChild(document.createTextNode(" " + entry.l));
      article.appendChild(heading);
      article.appendChild(line);
      link.appendChild(article);
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  var pending = 0;
  function run() {
    var query = input.value;
    var ticket = ++pending;
    load().then(function () {
      if (ticket !== pending) return;  // a later query is under way
      var found = search(query);
      show(query, found, found.length);
    });
  }

  function open() { if (toggle && !toggle.checked) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); } }

  input.addEventListener("input", function (event) { if (!event.isComposing) run(); });
  input.addEventListener("compositionend", run);
  input.addEventListener("paste", function () { setTimeout(run, 0); });
  input.addEventListener("change", run);
  input.addEventListener("focus", function () { open(); load(); });
  form.addEventListener("reset", function () { setTimeout(run, 0); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle) { toggle.checked = false; input.blur(); }
  });
  if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
})();
