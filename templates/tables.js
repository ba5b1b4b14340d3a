/* rapport: sorting and filtering for the internal site's tables. Progressive enhancement:
   every page is complete without it. A table with class "sortable" sorts by a column when
   its header is clicked (again to reverse); one with data-filter gets a box that hides the
   rows not containing the typed text. No external asset, no network, no storage. */
(function () {
  "use strict";
  function cellKey(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    var text = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    text = text.trim();
    var number = text.replace(/[^0-9.\-]/g, "");
    if (number !== "" && /^-?[0-9][0-9,]*(\.[0-9]+)?%?$/.test(text.replace(/^[A-Z]{3} /, ""))) {
      return parseFloat(number);
    }
    return text.toLowerCase();
  }
  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    if (!body) return;
    var descending = header.getAttribute("aria-sort") === "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellKey(a, index), y = cellKey(b, index);
      if (typeof x !== typeof y) { x = String(x); y = String(y); }
      var order = x < y ? -1 : x > y ? 1 : 0;
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }
  function makeSortable(table) {
    if (!table.tHead || !table.tHead.rows.length) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, th); });
    });
  }
  function makeFilterable(table) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "table-filter";
    // The page says the placeholder in its language; an older template override may not.
    box.placeholder = table.getAttribute("data-filter-label") ||
      "Filter " + table.getAttribute("data-filter") + "…";
    box.setAttribute("aria-label", box.placeholder);
    table.parentNode.insertBefore(box, table);
    box.addEventListener("input", function () {
      var needle = box.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.hidden = needle !== "" && row.textContent.toLowerCase().indexOf(needle) < 0;
      });
    });
  }
  document.querySelectorAll("table.sortable").forEach(makeSortable);
  document.querySelectorAll("table[data-filter]").forEach(makeFilterable);
})();
