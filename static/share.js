// The idea page's "Link kopieren" button (issue 13). The page works without this script: the
// link stands in a read-only field to select and copy. Here the hidden button is shown and
// copies the field; the result is said in the polite status line under it.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button[data-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.parentNode.querySelector("[role=status]");
    if (!field) return;
    function say(text) { if (status) status.textContent = text; }
    function fallback() {
      field.focus();
      field.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      say(button.getAttribute(ok ? "data-done" : "data-failed"));
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () {
          say(button.getAttribute("data-done"));
        }, fallback);
      } else {
        fallback();
      }
    });
  });
})();
