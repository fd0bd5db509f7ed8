// Progressive enhancement only: every page works without this file.
// Adds a "copy" button next to full SHA-256 digests.
(function () {
  "use strict";
  if (!navigator.clipboard) { return; }
  document.querySelectorAll("code.sha").forEach(function (el) {
    var btn = document.createElement("button");
    btn.type = "button";
    btn.className = "copy";
    btn.textContent = document.documentElement.lang === "ar" ? "نسخ" : "copy";
    btn.addEventListener("click", function () {
      navigator.clipboard.writeText(el.textContent.trim());
      btn.textContent = "✓";
    });
    var anchor = el.parentNode.tagName === "A" ? el.parentNode : el;
    anchor.insertAdjacentElement("afterend", btn);
  });
})();
