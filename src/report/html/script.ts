/**
 * The one script of the HTML report: it fills the findings filters from the embedded data and hides rows that
 * do not match. It reads the data with `JSON.parse` and writes only with `textContent` and `hidden`, so no
 * catalog text is ever treated as markup. The Content-Security-Policy allows this script by its hash and
 * nothing else.
 */

/** The script's text, exactly as placed in the page (its hash is {@link REPORT_SCRIPT_HASH}). */
export const REPORT_SCRIPT = `(function () {
  "use strict";
  var holder = document.getElementById("sb-findings-data");
  var table = document.getElementById("sb-findings");
  if (!holder || !table) return;
  var data = JSON.parse(holder.textContent || "[]");
  var rows = table.querySelectorAll("tbody tr[data-index]");
  var filters = { severity: "", rule: "", service: "" };
  var count = document.getElementById("sb-findings-count");
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
      var item = data[Number(rows[i].getAttribute("data-index"))] || {};
      var ok = (!filters.severity || item.severity === filters.severity) &&
        (!filters.rule || item.rule === filters.rule) &&
        (!filters.service || item.service === filters.service);
      rows[i].hidden = !ok;
      if (ok) shown++;
    }
    if (count) count.textContent = shown + " of " + rows.length + " shown";
  }
  fill("severity");
  fill("rule");
  fill("service");
  apply();
})();`;

/**
 * The CSP source of {@link REPORT_SCRIPT}: `'sha256-…'` of its exact text. A test recomputes it, so editing the
 * script without updating the hash fails the suite.
 */
export const REPORT_SCRIPT_HASH = "sha256-/bEhyESwfA8K8GskxaEEx6UFHUgDxzr2kGQhwIKRiVU=";
