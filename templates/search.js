/* rapport: search of the internal site. The index is script files beside this one, made by
   `rapport build`: search/docs.js lists the accounts and each search/<hex>.js maps the words
   starting with two letters to the accounts that hold them. A query loads only the files of
   its words, as <script> elements (a page opened from disk may not fetch files). Every word
   of a query must match the start of a word of the account. */
(function () {
  "use strict";
  var docs = [], shards = {}, waiting = {};
  window.rapportSearch = {
    docs: function (list) { docs = list; },
    shard: function (key, words) { shards[key] = words; }
  };
  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) {
      return Array.from(w).length >= 2;
    }).map(function (w) { return Array.from(w).slice(0, 32).join(""); });
  }
  function key(word) {
    var bytes = new TextEncoder().encode(Array.from(word).slice(0, 2).join(""));
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function load(k, done) {
    if (shards[k]) { done(); return; }
    if (waiting[k]) { waiting[k].push(done); return; }
    waiting[k] = [done];
    var script = document.createElement("script");
    var finish = function () {
      if (!shards[k]) shards[k] = {};
      var callbacks = waiting[k]; delete waiting[k];
      callbacks.forEach(function (f) { f(); });
    };
    script.onload = finish;
    script.onerror = finish;
    script.src = "search/" + k + ".js";
    document.head.appendChild(script);
  }
  function matches(word) {
    var found = {}, shard = shards[key(word)] || {};
    Object.keys(shard).forEach(function (w) {
      if (w.lastIndexOf(word, 0) === 0) shard[w].forEach(function (d) { found[d] = true; });
    });
    return found;
  }
  var box = document.getElementById("search-box"), out = document.getElementById("search-results");
  var status = document.getElementById("search-status"), asked = 0;
  // The page's words, in its language; English when a template override leaves them out.
  function say(name, english) { return status.getAttribute("data-" + name) || english; }
  function show(query) {
    var ask = ++asked, list = words(query);
    out.textContent = "";
    if (!list.length) { status.textContent = say("prompt", "Type a name, a person, a goal or a word from a note."); return; }
    var left = list.length;
    list.forEach(function (w) {
      load(key(w), function () {
        if (--left > 0 || ask !== asked) return;
        var hits = null;
        list.forEach(function (word) {
          var found = matches(word);
          hits = hits === null ? found : Object.keys(hits).reduce(function (both, d) {
            if (found[d]) both[d] = true; return both;
          }, {});
        });
        var ids = Object.keys(hits).map(Number).sort(function (a, b) { return a - b; });
        status.textContent = ids.length + " " + (ids.length === 1 ? say("one", "account") : say("many", "accounts")) +
          (ids.length > 100 ? say("first", ", the first 100 shown") : "");
        ids.slice(0, 100).forEach(function (d) {
          var doc = docs[d], li = document.createElement("li"), a = document.createElement("a");
          a.href = doc[1]; a.textContent = doc[0];
          li.appendChild(a);
          // doc[2] is "kind · owner" with the format's word for the kind; the page says it.
          var about = doc[2].split(" · ");
          about[0] = out.getAttribute("data-" + about[0]) || about[0];
          li.appendChild(document.createTextNode(" · " + about.join(" · ")));
          out.appendChild(li);
        });
      });
    });
  }
  var timer = null;
  box.hidden = false;
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(box.value); }, 120);
  });
  var query = new URLSearchParams(location.search).get("q");
  if (query) { box.value = query; }
  show(box.value);
})();
