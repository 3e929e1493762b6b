// The query page with YASGUI (served by aikg, no other host): tabs, completion of the site's
// prefixes, a sortable, filterable result table with downloads, Ctrl+Enter, the query time, errors
// and refusals (timeouts, limits) shown in the page with the query kept. Without JavaScript the plain
// form above still runs queries.
(function () {
  var mount = document.getElementById("yasgui");
  var form = document.getElementById("plain-query");
  var textarea = document.getElementById("query");
  var select = document.getElementById("example");
  if (!mount || !form || !window.Yasgui) return;
  var endpoint = new URL(mount.dataset.endpoint, window.location.href).href;
  var yasgui = new window.Yasgui(mount, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
    copyEndpointOnNewTab: true,
    populateFromUrl: false,
    persistenceId: null,
    yasqe: {
      value: textarea.value,
      autocompleters: ["prefixes", "variables"],
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
  // The editor's input and its scrolling area, named and reachable by keyboard for assistive technology.
  function label() {
    mount.querySelectorAll(".CodeMirror textarea").forEach(function (t) {
      if (!t.getAttribute("aria-label")) t.setAttribute("aria-label", mount.dataset.label);
    });
    mount.querySelectorAll("input.autocomplete").forEach(function (i) {
      if (!i.getAttribute("aria-label")) i.setAttribute("aria-label", mount.dataset.endpointLabel);
    });
    // YASGUI's "add a tab" button sits in the tab list: give it the role the list's children must have.
    mount.querySelectorAll(".tabsList button.addTab").forEach(function (b) {
      b.setAttribute("role", "tab");
      b.setAttribute("aria-selected", "false");
    });
    mount.querySelectorAll(".CodeMirror-scroll").forEach(function (s) {
      s.setAttribute("tabindex", "0");
      if (!s.getAttribute("aria-label")) s.setAttribute("aria-label", mount.dataset.label);
    });
  }
  label();
  yasgui.on("tabChange", label);
  yasgui.on("tabAdd", function () { setTimeout(label, 0); });
  var yasqe = yasgui.getTab().getYasqe();
  yasqe.setValue(textarea.value);
  if (mount.dataset.run === "yes") yasqe.query();
  if (select) {
    select.addEventListener("change", function () {
      var t = document.getElementById("example-" + select.value);
      if (!t) return;
      yasgui.getTab().getYasqe().setValue(t.content ? t.content.textContent : t.textContent);
    });
  }
  window.aikgYasgui = yasgui;
})();
