// The query page with YASGUI 4.5 (served by aikg, no other host), set up through its own configuration and
// plugins: tabs; completion of the site's prefixes and of the classes and properties the data uses
// (/prefixes.json, /terms.json); a result table whose numbers sort as numbers and whose IRIs of this dataset
// link to their pages here; "Share query" links that reopen the query as written (YASGUI's own link, read back
// by populateFromUrl, the endpoint pinned to this one); the interface in the page's language where YASGUI
// lets it be said (its configuration, its plugins' labels, and the few fixed words it writes itself).
// Without JavaScript the forms above still run queries and examples.
(function () {
  var mount = document.getElementById("yasgui");
  var form = document.getElementById("plain-query");
  var examples = document.getElementById("examples");
  var textarea = document.getElementById("query");
  var select = document.getElementById("example");
  if (!mount || !form || !window.Yasgui) return;
  var Yasgui = window.Yasgui;
  var Yasr = Yasgui.Yasr;
  var Yasqe = Yasgui.Yasqe;
  var words = JSON.parse(mount.dataset.words);
  var endpoint = new URL(mount.dataset.endpoint, window.location.href).href;
  var base = mount.dataset.base;
  var keepLang = mount.dataset.keepLang;

  function fill(template, values) {
    return template.replace(/\{(\d)\}/g, function (m, i) { return values[+i]; });
  }
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }

  // The local page of an IRI of this dataset, as the server's Site.pageOf makes it (and with ?lang= where the
  // reader chose the language, as every link of the site keeps it); null for an IRI elsewhere.
  function localPage(iri) {
    if (!base || iri.indexOf(base) !== 0) return null;
    var local = "/" + iri.substring(base.length);
    var page = null;
    if (local.indexOf("/id/") === 0) page = "/doc/" + local.substring(4);
    else if (local.indexOf("/def") === 0) page = local.charAt(local.length - 1) === "#" ? local.substring(0, local.length - 1) : local;
    else if (local === "/" || local === "/dataset" || local === "/sparql" || local.indexOf("/download/") === 0) page = local;
    if (page === null || !keepLang) return page;
    var hash = page.indexOf("#");
    var path = hash < 0 ? page : page.substring(0, hash);
    return path + (path.indexOf("?") < 0 ? "?" : "&") + "lang=" + keepLang + (hash < 0 ? "" : page.substring(hash));
  }

  // Numbers typed as numbers (xsd:integer, decimal, double, float and the integers derived from them).
  var XSD = "http://www.w3.org/2001/XMLSchema#";
  var NUMERIC = ["integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"];
  function isNumber(b) {
    return b && b.type !== "uri" && b.type !== "bnode" && b.datatype && b.datatype.indexOf(XSD) === 0
      && NUMERIC.indexOf(b.datatype.substring(XSD.length)) >= 0;
  }
  function numberOf(b) {
    var v = b.value.trim();
    if (v === "INF" || v === "+INF") return Infinity;
    if (v === "-INF") return -Infinity;
    var n = parseFloat(v);
    return isNaN(n) ? -Infinity : n;
  }

  // YASR's table, as configured for this site: DataTables' own lines in the page's language, IRIs in the same window.
  var Table = Yasr.plugins.table;
  Table.defaults.openIriInNewWindow = false;
  Table.defaults.tableConfig.language = {
    info: words.info, infoEmpty: words.infoEmpty, infoFiltered: words.infoFiltered, zeroRecords: words.zeroRecords,
    emptyTable: words.emptyTable,
    paginate: Table.defaults.tableConfig.language.paginate,
    aria: {
      orderable: words.orderable, orderableReverse: words.orderableReverse, orderableRemove: words.orderableRemove,
      paginate: { first: words.first, previous: words.previous, next: words.next, last: words.last }
    }
  };
  class LocalTable extends Table {
    constructor(yasr) {
      super(yasr);
      this.label = words.table;
    }
    // A column whose every value is a number sorts by number (DataTables' "num" type), not by its text.
    getColumns() {
      var columns = super.getColumns();
      var results = this.yasr.results;
      if (!results || !columns.length) return columns;
      columns[0].title = escapeHtml(words.rowNumber);
      var bindings = results.getBindings() || [];
      results.getVariables().forEach(function (name, i) {
        var values = bindings.map(function (b) { return b[name]; }).filter(function (b) { return b; });
        if (!values.length || !values.every(isNumber)) return;
        var column = columns[i + 1];
        var render = column.render;
        column.type = "num";
        column.render = function (data, type, row, meta) {
          if (type === "sort" || type === "type") return data === "" ? null : numberOf(data);
          return render(data, type, row, meta);
        };
      });
      return columns;
    }
    // An IRI of this dataset links to its page here; any other http(s) IRI to itself; others are not links.
    getUriLinkFromBinding(binding, prefixes) {
      var iri = binding.value;
      var shown = iri;
      var prefixed = false;
      for (var p in prefixes || {}) {
        if (iri.indexOf(prefixes[p]) === 0) {
          shown = p + ":" + iri.substring(prefixes[p].length);
          prefixed = true;
          break;
        }
      }
      var bare = prefixed || this.persistentConfig.compact;
      var page = localPage(iri);
      var href = page || (/^https?:\/\//i.test(iri) ? iri : null);
      var text = href ? "<a class='iri' href='" + escapeHtml(href) + "' title='" + escapeHtml(iri) + "'>" + escapeHtml(shown) + "</a>"
        : "<span class='iri'>" + escapeHtml(shown) + "</span>";
      return (bare ? "" : "&lt;") + text + (bare ? "" : "&gt;");
    }
    // The controls in the page's language, the page-size menu named (axe-core: select-name).
    drawControls() {
      super.drawControls();
      var c = this.tableControls;
      if (!c) return;
      var labels = c.querySelectorAll(".switch .label");
      if (labels[0]) labels[0].textContent = words.simpleView;
      if (labels[1]) labels[1].textContent = words.ellipse;
      if (this.tableFilterField) {
        this.tableFilterField.placeholder = words.filter;
        this.tableFilterField.setAttribute("aria-label", words.filter);
      }
      var sizeLabel = c.querySelector(".pageSizerLabel");
      if (sizeLabel) sizeLabel.textContent = words.pageSize + " ";
      if (this.tableSizeField) {
        this.tableSizeField.setAttribute("aria-label", words.pageSize.replace(/[:：]\s*$/, ""));
        var all = this.tableSizeField.querySelector('option[value="-1"]');
        if (all) all.textContent = words.all;
      }
    }
  }
  Yasr.registerPlugin("table", LocalTable);
  var Response = Yasr.plugins.response;
  class LocalResponse extends Response {
    constructor(yasr) {
      super(yasr);
      this.label = words.response;
    }
  }
  Yasr.registerPlugin("response", LocalResponse);

  // Completion of the classes and properties this dataset uses, from /terms.json (asked once, when first needed),
  // in YASQE's own completers' positions; a name typed without a prefix matches the end of an IRI.
  var terms = null;
  function completions(kind) {
    return function (yasqe, token) {
      if (!terms) {
        terms = fetch(mount.dataset.terms, { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { classes: [], properties: [] }; })
          .catch(function () { terms = null; return { classes: [], properties: [] }; });
      }
      var typed = (token && (token.autocompletionString || token.string) || "").trim();
      return Promise.resolve(terms).then(function (t) {
        var list = t[kind] || [];
        if (typed.indexOf(":") >= 0) return list.filter(function (iri) { return iri.indexOf(typed) === 0; });
        var lower = typed.toLowerCase();
        return list.filter(function (iri) {
          var local = iri.substring(Math.max(iri.lastIndexOf("/"), iri.lastIndexOf("#")) + 1).toLowerCase();
          return local.indexOf(lower) === 0;
        });
      });
    };
  }
  Yasqe.forkAutocompleter("class", { name: "localClass", get: completions("classes") }, false);
  Yasqe.forkAutocompleter("property", { name: "localProperty", get: completions("properties") }, false);

  // A link made by "Share query" (or any YASGUI link) opens its query as written: YASGUI reads it from the URL,
  // and runs it, on this endpoint only (a link cannot send the page's queries elsewhere).
  var shared = new URLSearchParams(window.location.hash.length > 1 ? window.location.hash.substring(1) : window.location.search).has("query");
  var yasgui = new Yasgui(mount, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
    copyEndpointOnNewTab: true,
    populateFromUrl: function (config) {
      config.requestConfig.endpoint = endpoint;
      config.requestConfig.args = [];
      return config;
    },
    persistenceId: null,
    tabName: words.tabName,
    yasqe: {
      value: textarea.value,
      // all four places: YASGUI merges this list into its defaults by position
      autocompleters: ["prefixes", "variables", "localClass", "localProperty"],
      prefixCcApi: new URL(mount.dataset.prefixes, window.location.href).href,
      persistenceId: null
    },
    yasr: { persistenceId: null }
  });
  form.querySelector("textarea").hidden = true;
  form.querySelector(".query-label").hidden = true;
  document.getElementById("run").hidden = true;
  var serverResults = document.getElementById("server-results");
  if (serverResults) serverResults.hidden = true;
  var hint = document.getElementById("editor-hint");
  if (hint) hint.hidden = false;

  // YASGUI's own words in the page's language, where its configuration does not reach them. Only the furniture
  // is translated: never the query, the results' cells and headers, nor the completions.
  var exact = {
    "Close tab": words.closeTab, "Add tab": words.addTab, "Add a new tab": words.addNewTab, "Open settings": words.openSettings,
    "Close settings": words.closeSettings, "Settings": words.settings, "Request method": words.requestMethod,
    "Accept Headers": words.acceptHeaders, "Ask / Select": words.askSelect, "Construct / Describe": words.constructDescribe,
    "Arguments": words.arguments, "Header Arguments": words.headerArguments, "Default Graphs": words.defaultGraphs,
    "Named Graphs": words.namedGraphs, "New Tab": words.newTab, "Rename Tab": words.renameTab, "Copy Tab": words.copyTab,
    "Close Tab": words.closeTabItem, "Close other tabs": words.closeOtherTabs, "Undo close Tab": words.undoCloseTab,
    "Search or add an endpoint": words.searchEndpoint, 'Press "enter" to add this endpoint': words.addEndpoint,
    "Share query": words.shareQuery, "Run query": words.runQuery, "Press CTRL - <spacebar> to autocomplete": words.autocomplete,
    "Download result": words.downloadResult, "Download Results": words.downloadResults,
    "Download not supported": words.downloadNotSupported, "Show all": words.showAll, "True": words.trueValue,
    "False": words.falseValue, "Error": words.error, "pagination": words.pagination,
    "This line is invalid. Expected:": words.invalidLine, "Try query in a new browser window": words.tryInNewWindow,
    "Unable to get response from endpoint. Possible reasons:": words.unreachable, "Incorrect endpoint URL": words.incorrectEndpoint,
    "Endpoint is down": words.endpointDown
  };
  var patterns = [
    [/^Shows (.+) view$/, function (m) { return fill(words.showsView, [m[1]]); }],
    [/^(\d+) results? in ([\d.]+) seconds?$/, function (m) { return fill(words.resultsIn, [m[1], m[2]]); }],
    [/^(\d+) results?$/, function (m) { return fill(words.results, [m[1]]); }],
    [/^Response in ([\d.]+) seconds?$/, function (m) { return fill(words.responseIn, [m[1]]); }],
    [/^View documentation of (.+)$/, function (m) { return fill(words.documentationOf, [m[1]]); }],
    [/^Error \(#(\d+)\)$/, function (m) { return words.error + " (#" + m[1] + ")"; }]
  ];
  function said(text) {
    var t = text.trim();
    if (!t) return null;
    if (Object.prototype.hasOwnProperty.call(exact, t)) return exact[t];
    for (var i = 0; i < patterns.length; i++) {
      var m = t.match(patterns[i][0]);
      if (m) return patterns[i][1](m);
    }
    return null;
  }
  var DATA = ".CodeMirror-line, .CodeMirror-hints, table.dataTable, .tab > a, .errorMessageContainer, pre";
  function translate(node) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.parentElement && !node.parentElement.closest(DATA)) {
        var s = said(node.nodeValue);
        if (s !== null && s !== node.nodeValue.trim()) node.nodeValue = s;
      }
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    var elements = [node].concat(Array.prototype.slice.call(node.querySelectorAll("[title], [aria-label], [placeholder]")));
    elements.forEach(function (e) {
      ["title", "aria-label", "placeholder"].forEach(function (a) {
        var v = e.getAttribute(a);
        var s = v && said(v);
        if (s && s !== v) e.setAttribute(a, s);
      });
    });
    if (node.closest(DATA)) return;
    var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT, {
      acceptNode: function (t) { return t.parentElement.closest(DATA) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT; }
    });
    var texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    texts.forEach(translate);
  }
  // The editors' inputs and scrolling areas (the query's, and the raw response's), named and reachable by keyboard
  // for assistive technology; the query's with the hint that says how to leave it (Tab indents there).
  function label() {
    mount.querySelectorAll(".CodeMirror").forEach(function (cm) {
      var response = cm.closest(".yasr") !== null;
      var name = response ? words.response : mount.dataset.label;
      cm.querySelectorAll("textarea").forEach(function (t) {
        if (!t.getAttribute("aria-label")) t.setAttribute("aria-label", name);
        if (hint && !response && t.getAttribute("aria-describedby") !== hint.id) t.setAttribute("aria-describedby", hint.id);
      });
      cm.querySelectorAll(".CodeMirror-scroll").forEach(function (s) {
        if (s.getAttribute("tabindex") !== "0") s.setAttribute("tabindex", "0");
        if (!s.getAttribute("aria-label")) s.setAttribute("aria-label", name);
      });
    });
    mount.querySelectorAll("input.autocomplete").forEach(function (i) {
      if (!i.getAttribute("aria-label")) i.setAttribute("aria-label", mount.dataset.endpointLabel);
    });
    // YASGUI's "add a tab" button sits in the tab list: give it the role the list's children must have.
    mount.querySelectorAll(".tabsList button.addTab").forEach(function (b) {
      if (b.getAttribute("role") !== "tab") b.setAttribute("role", "tab");
      if (b.getAttribute("aria-selected") !== "false") b.setAttribute("aria-selected", "false");
    });
  }
  label();
  // what YASGUI draws later (a new tab, the response's view, the table's controls) is named and said the same way
  var translating = mount.dataset.lang !== "en";
  if (translating) translate(mount);
  var labelling = false;
  new MutationObserver(function (records) {
    if (translating) {
      records.forEach(function (r) {
        if (r.type === "childList") r.addedNodes.forEach(translate);
        else translate(r.target);
      });
    }
    if (!labelling) {
      labelling = true;
      window.requestAnimationFrame(function () { labelling = false; label(); });
    }
  }).observe(mount, { childList: true, subtree: true, characterData: translating, attributes: translating,
    attributeFilter: translating ? ["title", "aria-label", "placeholder"] : undefined });

  var yasqe = yasgui.getTab().getYasqe();
  if (!shared) {
    yasqe.setValue(textarea.value);
    if (mount.dataset.run === "yes") yasqe.query().catch(function () {});
  }
  function example() {
    var t = select && document.getElementById("example-" + select.value);
    return t ? (t.content ? t.content.textContent : t.textContent) : null;
  }
  if (select) {
    select.addEventListener("change", function () {
      var text = example();
      if (text !== null) yasgui.getTab().getYasqe().setValue(text);
    });
  }
  if (examples) {
    examples.addEventListener("submit", function (e) {
      var text = example();
      if (text === null) return;
      e.preventDefault();
      var y = yasgui.getTab().getYasqe();
      y.setValue(text);
      y.query().catch(function () {});
    });
  }
  window.aikgYasgui = yasgui;
})();
