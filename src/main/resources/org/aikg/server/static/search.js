// Suggestions for the search box as the reader types: the names that match, from /search as JSON;
// choosing one opens its page. Without this script the box still searches (it is a plain form).
(function () {
  var input = document.getElementById("site-search");
  var list = document.getElementById("site-search-hints");
  if (!input || !list || !window.fetch) return;
  var pages = {};
  var timer = null;
  var asked = "";
  function suggest() {
    var q = input.value.trim();
    if (!q || q === asked) return;
    asked = q;
    var lang = document.documentElement.lang.indexOf("zh") === 0 ? "&lang=zh" : "";
    fetch("/search?q=" + encodeURIComponent(q) + lang, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (hits) {
        if (input.value.trim() !== q) return;
        pages = {};
        list.textContent = "";
        hits.forEach(function (h) {
          var text = h.type ? h.label + " — " + h.type : h.label;
          pages[text] = h.href;
          var option = document.createElement("option");
          option.value = text;
          list.appendChild(option);
        });
      })
      .catch(function () {});
  }
  input.addEventListener("input", function () {
    if (pages[input.value]) {
      window.location.href = pages[input.value];
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(suggest, 120);
  });
})();

// A "copy" button after each text a reader may want to paste elsewhere (a thing's IRI, a citation): made by this
// script, since it needs one; without it the text is there to select.
(function () {
  if (!navigator.clipboard) return;
  var texts = document.querySelectorAll("[data-copy]");
  for (var i = 0; i < texts.length; i++) {
    (function (text) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy";
      button.textContent = text.getAttribute("data-copy");
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(text.textContent).then(function () {
          button.textContent = text.getAttribute("data-copied");
          setTimeout(function () { button.textContent = text.getAttribute("data-copy"); }, 2000);
        });
      });
      text.insertAdjacentElement("afterend", button);
    })(texts[i]);
  }
})();
