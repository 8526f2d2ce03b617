#include "report/html_assets.h"

namespace edgeplan::report::html {

const char* const stylesheet = R"css(
:root {
  --pass: #2e7d32; --warn: #a15c00; --fail: #c62828; --skip: #6b6b6b; --error: #6a1b9a;
  --line: #d9dce1; --muted: #5f6670; --bg-soft: #f5f6f8;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body {
  margin: 0; color: #1d2125; background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
}
main { max-width: 1200px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 17px; margin: 24px 0 8px; }
h4 { font-size: 15px; margin: 14px 0 6px; font-weight: 600; }
code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
.meta { color: var(--muted); margin: 0 0 4px; }
.meta code { color: #1d2125; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--bg-soft); font-weight: 600; white-space: nowrap; }
td { overflow-wrap: break-word; }
.nowrap, .verified div { white-space: nowrap; }
.summary { display: flex; flex-wrap: wrap; gap: 24px; align-items: center; }
.cards { display: flex; gap: 10px; flex-wrap: wrap; }
.card { border: 1px solid var(--line); border-left: 6px solid var(--skip); border-radius: 6px;
  padding: 8px 14px; min-width: 92px; }
.card .count { font-size: 24px; font-weight: 700; display: block; }
.card .label { color: var(--muted); text-transform: uppercase; font-size: 12px; letter-spacing: .04em; }
.card.status-pass { border-left-color: var(--pass); }
.card.status-warn { border-left-color: var(--warn); }
.card.status-fail { border-left-color: var(--fail); }
.card.status-skip { border-left-color: var(--skip); }
.card.status-error { border-left-color: var(--error); }
svg.chart text { font: 13px system-ui, sans-serif; fill: #1d2125; }
.badge { display: inline-block; min-width: 48px; text-align: center; border-radius: 4px;
  padding: 0 6px; color: #fff; font-size: 12px; font-weight: 700; text-transform: uppercase;
  line-height: 20px; text-decoration: none; }
.badge.status-pass { background: var(--pass); }
.badge.status-warn { background: var(--warn); }
.badge.status-fail { background: var(--fail); }
.badge.status-skip { background: var(--skip); }
.badge.status-error { background: var(--error); }
form.filters { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: center;
  background: var(--bg-soft); border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
form.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: 12px; align-items: center; }
form.filters legend { float: left; margin-right: 8px; font-weight: 600; }
form.filters label { white-space: nowrap; }
form.filters input[type=search] { width: 260px; padding: 4px 8px; font: inherit; }
form.filters select { padding: 3px 6px; font: inherit; }
.filter-count { color: var(--muted); margin: 8px 0 0; }
section.area { margin-top: 8px; }
.subject-group { border-left: 3px solid var(--line); padding-left: 12px; margin: 8px 0 14px; }
details.finding { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; background: #fff; }
details.finding summary { cursor: pointer; padding: 6px 10px; list-style-position: outside; }
details.finding summary .check-id { font-weight: 600; margin: 0 8px; }
details.finding[open] summary { border-bottom: 1px solid var(--line); background: var(--bg-soft); }
.finding-body { padding: 8px 14px 4px; }
.finding-body table { width: auto; min-width: 40%; }
.finding-body p { margin: 4px 0 8px; }
.fix { border-left: 3px solid var(--fail); padding-left: 8px; }
.not-probed { color: var(--muted); font-style: italic; }
.verified a { margin-right: 4px; }
article.check { border-top: 1px solid var(--line); padding: 6px 0 4px; }
article.check h3 { margin: 8px 0 4px; }
article.check p { margin: 2px 0 6px; }
.muted { color: var(--muted); }
ul.plain { margin: 2px 0 6px; padding-left: 20px; }
)css";

const char* const filter_script = R"js(
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (form === null) { return; }
  var findings = document.querySelectorAll("details.finding");
  var groups = document.querySelectorAll(".subject-group, section.area");
  var counter = document.getElementById("filter-count");
  function boxes() { return form.querySelectorAll("input[name=status]"); }
  function readFragment() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    var status = params.get("status");
    if (status !== null) {
      var wanted = status.split(",");
      boxes().forEach(function (box) { box.checked = wanted.indexOf(box.value) !== -1; });
    }
    var area = params.get("area");
    if (area !== null) { form.elements.area.value = area; }
    var q = params.get("q");
    if (q !== null) { form.elements.q.value = q; }
  }
  function apply() {
    var allowed = {};
    boxes().forEach(function (box) { allowed[box.value] = box.checked; });
    var area = form.elements.area.value;
    var q = form.elements.q.value.trim().toLowerCase();
    var shown = 0;
    findings.forEach(function (f) {
      var ok = allowed[f.getAttribute("data-status")] === true;
      if (ok) { if (area !== "") { ok = f.getAttribute("data-area") === area; } }
      if (ok) { if (q !== "") { ok = f.textContent.toLowerCase().indexOf(q) !== -1; } }
      f.hidden = !ok;
      if (ok) { shown += 1; }
    });
    groups.forEach(function (g) {
      g.hidden = g.querySelector("details.finding:not([hidden])") === null;
    });
    counter.textContent = shown + " of " + findings.length + " findings shown";
  }
  readFragment();
  apply();
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  window.addEventListener("hashchange", function () { readFragment(); apply(); });
})();
(function () {
  "use strict";
  // Sortable tables (the partner table): a header button sorts by its column, again reverses.
  // Cells sort by data-sort when they have one (the verdict: failing first), else by text.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var body = table.tBodies[0];
    var buttons = table.querySelectorAll("thead th button");
    buttons.forEach(function (button, column) {
      button.addEventListener("click", function () {
        var header = button.parentNode;
        var descending = header.getAttribute("aria-sort") === "ascending";
        buttons.forEach(function (b) { b.parentNode.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var rows = Array.prototype.slice.call(body.rows);
        function key(row) {
          var cell = row.cells[column];
          return cell.getAttribute("data-sort") || cell.textContent;
        }
        rows.sort(function (a, b) {
          var order = key(a).localeCompare(key(b), undefined, { numeric: true });
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
)js";

}  // namespace edgeplan::report::html
