// Similar ideas while the title is typed (issue 12). The idea form works without this
// script: its "Ähnliche Ideen prüfen" button asks the server for the same list. Here the
// list is fetched from our own /ideen/aehnlich (same origin, allowed by the CSP as 'self')
// after a pause in typing and placed in the form's polite live region.
(function () {
  "use strict";
  var region = document.getElementById("similar-ideas");
  var title = document.getElementById("f-title");
  if (!region || !title || !window.fetch) return;
  var source = region.getAttribute("data-source");
  var timer = null;
  var last = "";
  var pending = null;

  function ask() {
    var text = title.value.trim();
    if (text === last) return;
    last = text;
    if (text.length < 3) return;
    if (pending) pending.abort();
    pending = new AbortController();
    fetch(source + "?titel=" + encodeURIComponent(text), {
      credentials: "same-origin",
      signal: pending.signal,
      headers: { Accept: "text/html" }
    })
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) {
        // Our own server's escaped fragment (maud): headings, a list, links.
        if (html) region.innerHTML = html;
      })
      .catch(function () { /* offline or aborted: the button still works */ });
  }

  title.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 500);
  });
})();
