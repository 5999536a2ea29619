/* procaudit's HTML report: filters, sorts and pages the findings embedded once as JSON.
   Vanilla JavaScript, nothing fetched. The fragment holds the filters
   (#rule=PA501&severity=error&baseline=new&q=...&sort=row&desc=1&page=2), so a link can
   share a view; the summary's counts per rule are such links. */
(function () {
  "use strict";
  var source = document.getElementById("procaudit-data");
  if (!source) { return; }
  var data = JSON.parse(source.textContent);
  var strings = data.strings, findings = data.findings, labels = data.labels;
  var column = Object.create(null);
  data.columns.forEach(function (name, i) { column[name] = i; });
  var lang = document.documentElement.lang || "en";
  var numbers = new Intl.NumberFormat(lang);
  var collator = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });
  var SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
  function byId(id) { return document.getElementById(id); }
  // With --baseline, each finding is new or still present, and a filter chooses.
  var FILTERS = byId("pa-baseline") ? ["file", "rule", "severity", "baseline"]
    : ["file", "rule", "severity"];
  var table = byId("pa-findings"), body = byId("pa-rows"), status = byId("pa-status");
  var pager = byId("pa-pager"), pageLabel = byId("pa-page");
  var prev = byId("pa-prev"), next = byId("pa-next");
  var inputs = { file: byId("pa-file"), rule: byId("pa-rule"), severity: byId("pa-severity"),
                 baseline: byId("pa-baseline"), q: byId("pa-q") };
  var headers = Array.prototype.slice.call(table.querySelectorAll("thead th"));
  var state = { sort: "", desc: false, page: 1 };
  var order = null;  // every finding's index in the current sort order
  var folded = null;  // every finding's text folded for search, made at the first search

  function text(finding, name) {
    var value = finding[column[name]];
    if (value === null || value === undefined) { return ""; }
    return name === "row" ? String(value) : strings[value];
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? values[key] : whole;
    });
  }
  function format(count) { return numbers.format(count); }
  function fold(value) {
    // "dang ky" finds "Đăng ký": officials often search without diacritics; and "a b"
    // finds "a  b", whose doubled space is what some findings are about.
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
      .replace(/\s+/g, " ").toLowerCase();
  }

  function rank(name) {
    // Sort the distinct texts of a column once, then compare numbers: comparing 85,000
    // strings with the collator at every step of the sort takes seconds.
    var c = column[name], ranks = Object.create(null), seen = [];
    findings.forEach(function (f) {
      var v = f[c];
      if (v !== null && !(v in ranks)) { ranks[v] = 0; seen.push(v); }
    });
    if (name === "severity") {
      seen.forEach(function (v) { ranks[v] = SEVERITY_RANK[strings[v]]; });
    } else {
      seen.sort(function (a, b) { return collator.compare(strings[a], strings[b]); });
      seen.forEach(function (v, i) { ranks[v] = i; });
    }
    return function (f) { return f[c] === null ? -1 : ranks[f[c]]; };
  }
  function sorted() {
    if (order) { return order; }
    order = findings.map(function (f, i) { return i; });
    if (state.sort) {
      var c = column[state.sort], sign = state.desc ? -1 : 1;
      var key = state.sort === "row"
        ? function (f) { return f[c] === null ? -1 : f[c]; } : rank(state.sort);
      var keys = findings.map(key);
      order.sort(function (a, b) { return sign * (keys[a] - keys[b]) || a - b; });
    }
    return order;
  }
  function matching() {
    var wanted = FILTERS.map(function (name) {
      var value = inputs[name].value;
      return value ? strings.indexOf(value) : null;
    });
    var query = fold(inputs.q.value.trim());
    if (query && !folded) {
      folded = findings.map(function (f) {
        return fold(data.columns.map(function (name) { return text(f, name); }).join("\n"));
      });
    }
    return sorted().filter(function (i) {
      var f = findings[i];
      for (var k = 0; k < FILTERS.length; k++) {
        if (wanted[k] !== null && f[column[FILTERS[k]]] !== wanted[k]) { return false; }
      }
      return !query || folded[i].indexOf(query) !== -1;
    });
  }

  function cell(tr, value, className) {
    var td = document.createElement("td");
    if (className) { td.className = className; }
    td.textContent = value;
    tr.appendChild(td);
    return td;
  }
  function row(f) {
    var tr = document.createElement("tr");
    cell(tr, text(f, "file"));
    cell(tr, text(f, "sheet"));
    cell(tr, text(f, "row"), "num");
    cell(tr, text(f, "column"));
    var rule = text(f, "rule");
    cell(tr, rule, "rule").title = data.names[rule] || "";
    var severity = text(f, "severity"), badge = document.createElement("span");
    badge.className = "sev sev-" + severity;
    badge.textContent = data.severities[severity] || severity;
    var marks = cell(tr, "");
    marks.appendChild(badge);
    if ("baseline" in column) {
      var status = text(f, "baseline"), mark = document.createElement("span");
      mark.className = "base base-" + status;
      mark.textContent = data.baseline[status] || status;
      marks.appendChild(document.createTextNode(" "));
      marks.appendChild(mark);
    }
    cell(tr, text(f, "code"));
    cell(tr, text(f, "value"), "value");
    cell(tr, text(f, "message"));
    cell(tr, text(f, "fix"));
    return tr;
  }

  function render() {
    var rows = matching(), size = data.page_size;
    var pages = Math.max(1, Math.ceil(rows.length / size));
    state.page = Math.min(Math.max(1, state.page), pages);
    var start = (state.page - 1) * size, shown = rows.slice(start, start + size);
    var fragment = document.createDocumentFragment();
    shown.forEach(function (i) { fragment.appendChild(row(findings[i])); });
    body.replaceChildren(fragment);
    if (!rows.length) {
      status.textContent = labels.none;
    } else {
      status.textContent = fill(labels.status, { first: format(start + 1),
        last: format(start + shown.length), count: format(rows.length) }) +
        (rows.length < findings.length
          ? " " + fill(labels.filtered, { total: format(findings.length) }) : "");
    }
    pageLabel.textContent = fill(labels.page, { page: format(state.page), pages: format(pages) });
    prev.disabled = state.page <= 1;
    next.disabled = state.page >= pages;
    pager.hidden = pages <= 1;
    headers.forEach(function (th) {
      if (th.dataset.col === state.sort) {
        th.setAttribute("aria-sort", state.desc ? "descending" : "ascending");
      } else {
        th.removeAttribute("aria-sort");
      }
    });
    table.setAttribute("data-rendered", String(shown.length));
  }

  function readFragment() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    FILTERS.forEach(function (name) {
      var select = inputs[name];
      select.value = params.get(name) || "";
      if (select.selectedIndex < 0) { select.value = ""; }  // a value the report does not hold
    });
    inputs.q.value = params.get("q") || "";
    var sort = params.get("sort") || "";
    state.sort = sort in column ? sort : "";
    state.desc = params.get("desc") === "1";
    state.page = parseInt(params.get("page"), 10) || 1;
    order = null;
  }
  function writeFragment() {
    var params = new URLSearchParams();
    FILTERS.concat(["q"]).forEach(function (name) {
      if (inputs[name].value) { params.set(name, inputs[name].value); }
    });
    if (state.sort) { params.set("sort", state.sort); }
    if (state.desc) { params.set("desc", "1"); }
    if (state.page > 1) { params.set("page", String(state.page)); }
    var hash = params.toString();
    try {
      history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
    } catch (e) { /* a browser may refuse for a file: page; the view still works */ }
  }
  function update(resetPage) {
    if (resetPage) { state.page = 1; }
    render();
    writeFragment();
  }
  function isFilter(hash) { return hash.indexOf("=") !== -1; }  // not "#findings", a section

  headers.forEach(function (th) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.title = labels.sort;
    while (th.firstChild) { button.appendChild(th.firstChild); }
    th.appendChild(button);
    button.addEventListener("click", function () {
      state.desc = state.sort === th.dataset.col ? !state.desc : false;
      state.sort = th.dataset.col;
      order = null;
      update(true);
    });
  });
  FILTERS.forEach(function (name) {
    inputs[name].addEventListener("change", function () { update(true); });
  });
  var typing = null;
  inputs.q.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { update(true); }, 200);
  });
  byId("pa-reset").addEventListener("click", function () {
    FILTERS.concat(["q"]).forEach(function (name) { inputs[name].value = ""; });
    state.sort = "";
    state.desc = false;
    order = null;
    update(true);
  });
  prev.addEventListener("click", function () { state.page -= 1; update(false); });
  next.addEventListener("click", function () { state.page += 1; update(false); });
  window.addEventListener("hashchange", function () {
    if (isFilter(location.hash)) {
      readFragment();
      render();
      byId("findings").scrollIntoView();  // a link from the summary's counts per rule
    }
  });

  if (isFilter(location.hash)) { readFragment(); }
  byId("pa-controls").hidden = false;
  render();
}());
