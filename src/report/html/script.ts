/**
 * The one script of the HTML report: it fills the findings filters from the embedded data and hides rows that
 * do not match, sorts the findings when a column header's button is chosen (hours, place, severity; again for
 * the other direction), shows a diagram alone at full size in a modal dialog (a copy of its image), and opens
 * the step lists before printing. It reads the data with `JSON.parse` and writes only with `textContent`,
 * `hidden`, attributes and moved or copied nodes, so no catalog text is ever treated as markup. The
 * Content-Security-Policy allows this script by its hash and nothing else.
 */

/** The script's text, exactly as placed in the page (its hash is {@link REPORT_SCRIPT_HASH}). */
export const REPORT_SCRIPT = `(function () {
  "use strict";
  var holder = document.getElementById("sb-findings-data");
  var table = document.getElementById("sb-findings");
  if (holder && table) findings(holder, table);
  fullSize();
  printOpen();

  function findings(holder, table) {
    var data = JSON.parse(holder.textContent || "[]");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.querySelectorAll("tr[data-index]"));
    var filters = { severity: "", rule: "", service: "" };
    var count = document.getElementById("sb-findings-count");
    var sorted = { key: "hours", descending: true };
    function item(row) { return data[Number(row.getAttribute("data-index"))] || {}; }
    function fill(name) {
      var select = document.getElementById("sb-filter-" + name);
      if (!select) return;
      var seen = {};
      var values = [];
      for (var i = 0; i < data.length; i++) {
        var v = data[i][name];
        if (v && !Object.prototype.hasOwnProperty.call(seen, v)) { seen[v] = true; values.push(v); }
      }
      values.sort();
      for (var j = 0; j < values.length; j++) {
        var option = document.createElement("option");
        option.value = values[j];
        option.textContent = values[j];
        select.appendChild(option);
      }
      select.disabled = false;
      select.addEventListener("change", function () { filters[name] = select.value; apply(); });
    }
    function apply() {
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var it = item(rows[i]);
        var ok = (!filters.severity || it.severity === filters.severity) &&
          (!filters.rule || it.rule === filters.rule) &&
          (!filters.service || it.service === filters.service);
        rows[i].hidden = !ok;
        if (ok) shown++;
      }
      if (count) count.textContent = shown + " of " + rows.length + " shown";
    }
    function compare(a, b) {
      var x = item(a), y = item(b), d = 0;
      if (sorted.key === "hours") d = x.hours - y.hours;
      else if (sorted.key === "severity") d = y.rank - x.rank;
      else d = String(x.where).localeCompare(String(y.where));
      if (sorted.descending) d = -d;
      return d || Number(a.getAttribute("data-index")) - Number(b.getAttribute("data-index"));
    }
    function sort(key) {
      sorted = { key: key, descending: sorted.key === key ? !sorted.descending : key !== "where" };
      rows.sort(compare);
      for (var i = 0; i < rows.length; i++) body.appendChild(rows[i]);
      var buttons = table.querySelectorAll("button[data-sort]");
      for (var j = 0; j < buttons.length; j++) {
        var th = buttons[j].parentNode;
        if (buttons[j].getAttribute("data-sort") === key) th.setAttribute("aria-sort", sorted.descending ? "descending" : "ascending");
        else th.removeAttribute("aria-sort");
      }
    }
    var sortButtons = table.querySelectorAll("button[data-sort]");
    for (var k = 0; k < sortButtons.length; k++) {
      sortButtons[k].addEventListener("click", function (event) { sort(event.currentTarget.getAttribute("data-sort")); });
    }
    fill("severity");
    fill("rule");
    fill("service");
    apply();
  }

  function fullSize() {
    var dialog = document.getElementById("sb-full");
    var place = document.getElementById("sb-full-body");
    if (!dialog || !place || typeof dialog.showModal !== "function") return;
    var close = document.getElementById("sb-full-close");
    if (close) close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", function () { place.textContent = ""; });
    var links = document.querySelectorAll("a[data-full]");
    for (var i = 0; i < links.length; i++) {
      links[i].addEventListener("click", function (event) {
        var figure = document.getElementById(event.currentTarget.getAttribute("data-full"));
        var image = figure && figure.querySelector("img");
        if (!image) return;
        event.preventDefault();
        var copy = image.cloneNode(false);
        copy.removeAttribute("id");
        place.textContent = "";
        place.appendChild(copy);
        dialog.showModal();
      });
    }
  }

  function printOpen() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      var closed = document.querySelectorAll("details.sb-steps:not([open]), details.sb-stepless-entry:not([open])");
      for (var i = 0; i < closed.length; i++) { closed[i].open = true; opened.push(closed[i]); }
    });
    window.addEventListener("afterprint", function () {
      for (var i = 0; i < opened.length; i++) opened[i].open = false;
      opened = [];
    });
  }
})();`;

/**
 * The CSP source of {@link REPORT_SCRIPT}: `'sha256-…'` of its exact text. A test recomputes it, so editing the
 * script without updating the hash fails the suite.
 */
export const REPORT_SCRIPT_HASH = "sha256-rn1FWQJaPCWXR1VojlMipL44lcyhLwAoSOWiwNvisaM=";
