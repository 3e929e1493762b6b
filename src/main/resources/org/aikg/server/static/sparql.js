// Progressive enhancement of the SPARQL editor: the form works without this script.
(function () {
  var textarea = document.getElementById("query");
  var select = document.getElementById("example");
  if (!textarea) return;
  var editor = null;
  function load(src, done) {
    var s = document.createElement("script");
    s.src = src;
    s.onload = done;
    document.head.appendChild(s);
  }
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = "/static/codemirror/lib/codemirror.css";
  document.head.appendChild(css);
  load("/static/codemirror/lib/codemirror.js", function () {
    load("/static/codemirror/mode/sparql/sparql.js", function () {
      editor = window.CodeMirror.fromTextArea(textarea, { mode: "application/sparql-query", lineNumbers: true, indentUnit: 2 });
      textarea.form.addEventListener("submit", function () { editor.save(); });
    });
  });
  if (select) {
    select.addEventListener("change", function () {
      var t = document.getElementById("example-" + select.value);
      if (!t) return;
      var text = t.content ? t.content.textContent : t.textContent;
      if (editor) editor.setValue(text); else textarea.value = text;
    });
  }
})();
