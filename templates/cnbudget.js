/* cnbudget: sorting, filtering and column sums for the listings (table.listing), and the
   citation's page address. Shipped with the site, no library, no request. Without it every
   listing is a plain table with its sums over all rows, and the citation shows the page's path. */
(function () {
  "use strict";

  var KINDS = { budget: "预算", final_account: "决算" };
  var FILTERS = [
    { key: "province", label: "地区" },
    { key: "year", label: "年度" },
    { key: "kind", label: "类型" }
  ];

  /* An amount as printed ("1234.50", "-3") as [digits as BigInt, decimals], or null. */
  function parseDecimal(text) {
    var match = /^(-?)(\d+)(?:\.(\d+))?$/.exec((text || "").trim());
    if (!match) return null;
    var decimals = match[3] || "";
    return [BigInt(match[1] + match[2] + decimals), decimals.length];
  }

  /* The exact sum of printed amounts, printed with thousands separators (to the fen, the exact sum in 元 beside it). */
  function sumDecimals(texts) {
    var parsed = texts.map(parseDecimal).filter(function (x) { return x !== null; });
    if (!parsed.length) return "";
    var scale = Math.max.apply(null, parsed.map(function (x) { return x[1]; }));
    var total = parsed.reduce(function (sum, x) { return sum + x[0] * (10n ** BigInt(scale - x[1])); }, 0n);
    if (scale <= 2) return printDecimal(total, scale);
    // More than two decimals in 万元 (tables printed in 元): to the fen, with the exact sum in 元, as the rows show it.
    var factor = 10n ** BigInt(scale - 2);
    var half = (total < 0n ? -factor : factor) / 2n;
    var exact = scale > 4 ? printDecimal(total, scale - 4) : printDecimal(total * 10n ** BigInt(4 - scale), 0);
    return printDecimal((total + half) / factor, 2) + "（精确值 " + exact + " 元）";
  }

  function printDecimal(total, scale) {
    var negative = total < 0n;
    var digits = (negative ? -total : total).toString().padStart(scale + 1, "0");
    var whole = digits.slice(0, digits.length - scale).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return (negative ? "-" : "") + whole + (scale ? "." + digits.slice(digits.length - scale) : "");
  }

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
  }

  /* The body column each footer cell stands under, counting colspans. */
  function footerColumns(footer) {
    var columns = [];
    var at = 0;
    Array.prototype.forEach.call(footer.cells, function (cell) {
      columns.push([cell, at]);
      at += cell.colSpan || 1;
    });
    return columns;
  }

  function setupSorting(table, rows, body) {
    var state = { index: -1, ascending: true };
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      if (th.getAttribute("data-sort") === "none") return;
      var numeric = th.getAttribute("data-sort") === "number";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        state.ascending = state.index === index ? !state.ascending : !numeric;
        state.index = index;
        var direction = state.ascending ? 1 : -1;
        rows.sort(function (a, b) {
          var x = cellValue(a, index);
          var y = cellValue(b, index);
          if (x === "" || y === "") return (x === "") - (y === "");  // blanks last either way
          var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, "zh-CN");
          return order * direction;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", state.ascending ? "ascending" : "descending");
      });
    });
  }

  function select(filter, rows) {
    var values = [];
    rows.forEach(function (row) {
      var value = row.getAttribute("data-" + filter.key) || "";
      if (value && values.indexOf(value) < 0) values.push(value);
    });
    values.sort(function (a, b) { return a.localeCompare(b, "zh-CN"); });
    if (values.length < 2) return null;
    var label = document.createElement("label");
    label.appendChild(document.createTextNode(filter.label + " "));
    var box = document.createElement("select");
    box.name = filter.key;
    box.appendChild(new Option("全部", ""));
    values.forEach(function (value) {
      box.appendChild(new Option(filter.key === "kind" ? KINDS[value] || value : value, value));
    });
    label.appendChild(box);
    return label;
  }

  function setupListing(table) {
    var body = table.tBodies[0];
    if (!body || !table.tHead) return;
    var rows = Array.prototype.slice.call(body.rows);
    var controls = document.createElement("form");
    controls.className = "listing-controls";
    controls.setAttribute("role", "search");
    controls.addEventListener("submit", function (event) { event.preventDefault(); });
    var boxes = [];
    FILTERS.forEach(function (filter) {
      var label = select(filter, rows);
      if (label) {
        controls.appendChild(label);
        boxes.push(label.querySelector("select"));
      }
    });
    var textLabel = document.createElement("label");
    textLabel.appendChild(document.createTextNode("名称含 "));
    var text = document.createElement("input");
    text.type = "search";
    text.name = "text";
    text.placeholder = "单位或地区";
    textLabel.appendChild(text);
    controls.appendChild(textLabel);
    var count = document.createElement("output");
    controls.appendChild(count);
    var wrapper = table.closest(".scroll") || table;
    wrapper.parentNode.insertBefore(controls, wrapper);

    var footer = table.tFoot ? table.tFoot.rows[0] : null;
    var sums = footer ? footerColumns(footer).filter(function (pair) { return pair[0].hasAttribute("data-sum"); }) : [];
    var sumLabel = footer ? footer.querySelector("[data-sum-label]") : null;

    function apply() {
      var needle = text.value.trim();
      var shown = rows.filter(function (row) {
        var keep = boxes.every(function (box) { return !box.value || row.getAttribute("data-" + box.name) === box.value; });
        keep = keep && (!needle || row.cells[0].textContent.indexOf(needle) >= 0 || row.cells[1].textContent.indexOf(needle) >= 0);
        row.hidden = !keep;
        return keep;
      });
      count.textContent = "显示 " + shown.length + " / " + rows.length + " 份";
      // Only figures of one year and one kind add up: a budget and a final account, or two years, do not.
      var groups = {};
      shown.forEach(function (row) { groups[row.getAttribute("data-year") + "/" + row.getAttribute("data-kind")] = true; });
      var comparable = Object.keys(groups).length <= 1;
      sums.forEach(function (pair) {
        pair[0].textContent = comparable ? sumDecimals(shown.map(function (row) { return cellValue(row, pair[1]); })) : "";
      });
      if (sumLabel) sumLabel.textContent = comparable
        ? "合计（显示的 " + shown.length + " 份，同一年度、同一类型，各列有数者相加）"
        : "合计：所示文件年度或类型（预算、决算）不同，不相加；按年度和类型筛选后显示合计";
    }
    boxes.forEach(function (box) { box.addEventListener("change", apply); });
    text.addEventListener("input", apply);
    setupSorting(table, rows, body);
    apply();
  }

  /* A figure's source and page are in its title, which only a mouse shows: a tap (or click) on the
     figure writes them under it, a second tap hides them. A tap on a link in it follows the link. */
  function setupProvenance(cell) {
    cell.classList.add("has-provenance");
    cell.addEventListener("click", function (event) {
      if (event.target.closest("a")) return;
      var shown = cell.querySelector(".provenance");
      if (shown) { cell.removeChild(shown); return; }
      var note = document.createElement("small");
      note.className = "provenance";
      note.textContent = cell.getAttribute("title");
      cell.appendChild(note);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.figures td.num[title]"), setupProvenance);
  Array.prototype.forEach.call(document.querySelectorAll("table.listing"), setupListing);
  Array.prototype.forEach.call(document.querySelectorAll("[data-page-url]"), function (element) {
    element.textContent = location.href.split("#")[0];
  });
})();
