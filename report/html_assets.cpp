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
/* Long names and hashes wrap rather than widen the page. */
main { max-width: 1200px; margin: 0 auto; padding: 16px 32px 64px; overflow-wrap: anywhere; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 17px; margin: 20px 0 8px; }
h4 { font-size: 15px; margin: 14px 0 6px; font-weight: 600; }
code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
.meta { color: var(--muted); margin: 0 0 2px; font-size: 13px; }
.meta code { color: #1d2125; }
.meta.input { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
details.inputs-more summary { cursor: pointer; }
.dns-silent { color: var(--fail); }
.verdict { border-radius: 8px; padding: 12px 18px; margin: 0 0 10px; color: #fff; background: var(--skip); }
.verdict-fail { background: var(--fail); }
.verdict-undecided { background: var(--error); }
.verdict-warn { background: var(--warn); }
.verdict-pass { background: var(--pass); }
.verdict h1 { margin: 0; font-size: 24px; display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: baseline; }
.verdict-word { font-size: 30px; font-weight: 800; letter-spacing: .02em; }
.verdict-topology { font-weight: 600; }
.verdict-command { font-size: 14px; font-weight: 400; opacity: .9; }
.verdict p { margin: 6px 0 0; }
.verdict a { color: #fff; }
.verdict-counts { display: flex; flex-wrap: wrap; gap: 6px 14px; font-weight: 600; }
.verdict-first .check-id { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--bg-soft); font-weight: 600; white-space: nowrap; }
/* A table wider than the page scrolls inside this box, never the page. */
.scroll-box { max-width: 100%; overflow-x: auto; }
.scroll-box table { margin: 6px 0 12px; }
.nowrap, .verified div { white-space: nowrap; }
.summary { display: flex; flex-wrap: wrap; gap: 16px 24px; align-items: center; margin: 10px 0 0; }
.cards { display: flex; gap: 8px; flex-wrap: wrap; }
.card { border: 1px solid var(--line); border-left: 6px solid var(--skip); border-radius: 6px;
  padding: 4px 12px; min-width: 80px; }
.card .count { font-size: 20px; font-weight: 700; display: block; }
.card .label { color: var(--muted); text-transform: uppercase; font-size: 12px; letter-spacing: .04em; }
.card.status-pass { border-left-color: var(--pass); }
.card.status-warn { border-left-color: var(--warn); }
.card.status-fail { border-left-color: var(--fail); }
.card.status-skip { border-left-color: var(--skip); }
.card.status-error { border-left-color: var(--error); }
svg { max-width: 100%; height: auto; }
svg.chart text { font: 13px system-ui, sans-serif; fill: #1d2125; }
.badge { display: inline-block; min-width: 48px; text-align: center; border-radius: 4px;
  padding: 0 6px; color: #fff; font-size: 12px; font-weight: 700; text-transform: uppercase;
  line-height: 20px; text-decoration: none; }
.badge.status-pass { background: var(--pass); }
.badge.status-warn { background: var(--warn); }
.badge.status-fail { background: var(--fail); }
.badge.status-skip { background: var(--skip); }
.badge.status-error { background: var(--error); }
form.filters { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: center;
  background: var(--bg-soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; }
form.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; }
form.filters legend { float: left; margin-right: 8px; font-weight: 600; }
form.filters label { white-space: nowrap; }
form.filters label.na-line { white-space: normal; }
form.filters input[type=search] { width: 260px; max-width: 100%; padding: 4px 8px; font: inherit; }
form.filters select { padding: 3px 6px; font: inherit; max-width: 100%; }
.filter-count { color: var(--muted); margin: 0 0 0 auto; }
section.cause { border-left: 4px solid var(--line); padding: 2px 0 2px 12px; margin: 10px 0 14px; }
section.cause[data-status=fail] { border-left-color: var(--fail); }
section.cause[data-status=warn] { border-left-color: var(--warn); }
section.cause h3 { margin: 6px 0; font-size: 16px; }
details.finding { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; background: #fff; }
details.finding summary { cursor: pointer; padding: 6px 10px; list-style-position: outside; }
details.finding summary .check-id { font-weight: 600; margin: 0 8px; }
details.finding summary .subject { color: var(--muted); margin-right: 8px; }
details.finding summary .subject::after { content: ":"; }
details.finding[open] summary { border-bottom: 1px solid var(--line); background: var(--bg-soft); }
.finding-body { padding: 8px 14px 4px; }
.finding-body table { width: auto; min-width: 40%; margin: 4px 0 8px; }
.finding-body p { margin: 4px 0 8px; }
.fix { border-left: 3px solid var(--fail); padding-left: 8px; }
.not-probed { color: var(--muted); font-style: italic; }
.verified a { margin-right: 4px; }
article.check { border-top: 1px solid var(--line); padding: 6px 0 4px; }
article.check h3 { margin: 8px 0 4px; }
article.check p { margin: 2px 0 6px; }
cite { font-style: normal; }
.muted { color: var(--muted); }
ul.plain { margin: 2px 0 6px; padding-left: 20px; }
/* Edge diagram (report/html_edge_diagram.cpp): the SVG scales to the page width; a tall one
   scrolls inside its frame so the findings stay near the top. */
section.edge-diagram .diagram-frame { max-height: 24vh; overflow: auto; border: 1px solid var(--line);
  border-radius: 6px; padding: 4px; }
section.edge-diagram svg { display: block; width: 100%; height: auto; }
section.edge-diagram a.flow:hover line, section.edge-diagram a.flow:focus line { stroke-width: 4; }
ul.diagram-legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0;
  margin: 4px 0 8px; font-size: 13px; color: var(--muted); }
ul.diagram-legend .swatch { display: inline-block; width: 26px; margin-right: 6px;
  vertical-align: middle; border-top: 3px solid; }
ul.diagram-legend .swatch.flow-none { border-top-style: dashed; }
/* Compact above the findings: the verdict, the diagram's first rows and the first problem share
   the first screen of a laptop (1400x900); the frame scrolls for the rest of the picture. */
section.edge-diagram h2 { margin: 12px 0 2px; }
section.edge-diagram p.muted { margin: 0; font-size: 13px; }
section.edge-diagram ul.diagram-legend { margin: 2px 0 4px; }
#findings h2 { margin: 10px 0 6px; }
form.filters { padding: 4px 12px; }
@media print { section.edge-diagram .diagram-frame { max-height: none; overflow: visible; } }
@media (max-width: 640px) {
  main { padding: 10px 10px 40px; }
  .verdict { padding: 10px 12px; }
  .verdict h1 { font-size: 18px; }
  .verdict-word { font-size: 24px; }
  form.filters { padding: 8px; gap: 6px 12px; }
  form.filters label { white-space: normal; }
  form.filters input[type=search] { width: 100%; }
  .finding-body { padding: 6px 8px 2px; }
  .finding-body table { min-width: 0; }
}
/* Print: the verdict, the diagram and the fail, error and warn cards (opened by the script);
   everything else collapses to its heading. */
@media print {
  main { max-width: none; padding: 0; }
  .meta.input { white-space: normal; }
  .verdict { color: #000; background: none !important; border: 3px solid #000; }
  .verdict a { color: #000; text-decoration: none; }
  form.filters, .filter-count, #summary { display: none !important; }
  details.finding:not([data-status=fail]):not([data-status=error]):not([data-status=warn]) { display: none !important; }
  section.cause, details.finding, .edge-diagram, .verdict { break-inside: avoid; }
  .edge-diagram { display: block !important; }
  #plan :not(h2), #checks :not(h2), #accepted :not(h2) { display: none !important; }
  #plan h2::after, #checks h2::after, #accepted h2::after { content: " (in the HTML report)"; font-weight: 400; font-size: 14px; }
  .badge { color: #000; border: 1px solid #000; background: none !important; }
  a { color: inherit; }
}
)css";

const char* const filter_script = R"js(
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (form === null) { return; }
  var findings = document.querySelectorAll("details.finding");
  var causes = document.querySelectorAll("section.cause");
  var counter = document.getElementById("filter-count");
  var na = form.elements.na || null;
  function boxes() { return form.querySelectorAll("input[name=status]"); }
  // A fragment with "=" holds filters; any other is a link to a card ("#finding-12").
  function isFilter(hash) { return hash.indexOf("=") !== -1; }
  function readFragment() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    var status = params.get("status");
    boxes().forEach(function (box) {
      box.checked = status === null ? box.defaultChecked : status.split(",").indexOf(box.value) !== -1;
    });
    if (na !== null) { na.checked = params.get("na") === "1"; }
    form.elements.area.value = params.get("area") || "";
    form.elements.q.value = params.get("q") || "";
  }
  function writeFragment() {
    var params = new URLSearchParams();
    var wanted = [];
    boxes().forEach(function (box) { if (box.checked) { wanted.push(box.value); } });
    params.set("status", wanted.join(","));
    if (na !== null) { if (na.checked) { params.set("na", "1"); } }
    if (form.elements.area.value !== "") { params.set("area", form.elements.area.value); }
    if (form.elements.q.value !== "") { params.set("q", form.elements.q.value); }
    var hash = "#" + params.toString().replace(/%2C/g, ",");
    try { window.history.replaceState(null, "", hash); } catch (e) { window.location.hash = hash; }
  }
  function showNa() { return na === null ? false : na.checked; }
  function apply() {
    var allowed = {};
    boxes().forEach(function (box) { allowed[box.value] = box.checked; });
    var area = form.elements.area.value;
    var q = form.elements.q.value.trim().toLowerCase();
    var shown = 0;
    findings.forEach(function (f) {
      var ok = f.getAttribute("data-na") === "1" ? showNa()
                                                 : allowed[f.getAttribute("data-status")] === true;
      if (ok) { if (area !== "") { ok = f.getAttribute("data-area") === area; } }
      if (ok) { if (q !== "") { ok = f.textContent.toLowerCase().indexOf(q) !== -1; } }
      f.hidden = !ok;
      if (ok) { shown += 1; }
    });
    causes.forEach(function (c) {
      c.hidden = c.querySelector("details.finding:not([hidden])") === null;
    });
    counter.textContent = shown + " of " + findings.length + " findings shown";
  }
  // A link to a card the filters hide shows that card, without changing the filters.
  function reveal(id) {
    var target = document.getElementById(id);
    if (target === null) { return; }
    var card = target.closest("details.finding");
    if (card === null) { return; }
    card.hidden = false;
    card.open = true;
    var cause = card.closest("section.cause");
    if (cause !== null) { cause.hidden = false; }
    card.scrollIntoView();
  }
  function onFragment() {
    var hash = window.location.hash.slice(1);
    if (hash === "" || isFilter(hash)) { readFragment(); apply(); } else { reveal(decodeURIComponent(hash)); }
  }
  if (isFilter(window.location.hash)) { readFragment(); }
  apply();
  if (window.location.hash.slice(1) !== "") {
    if (!isFilter(window.location.hash)) { onFragment(); }
  }
  function changed() { apply(); writeFragment(); }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  window.addEventListener("hashchange", onFragment);
  // Print the problems whatever the filters: open every fail, error and warn card.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = [];
    findings.forEach(function (f) {
      var s = f.getAttribute("data-status");
      if (s === "fail" || s === "error" || s === "warn") {
        if (!f.open) { opened.push(f); f.open = true; }
        f.hidden = false;
        var cause = f.closest("section.cause");
        if (cause !== null) { cause.hidden = false; }
      }
    });
    // And every input file the report was made from.
    document.querySelectorAll("details.inputs-more").forEach(function (d) {
      if (!d.open) { opened.push(d); d.open = true; }
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (f) { f.open = false; });
    apply();
  });
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
