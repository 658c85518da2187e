/* Praat erover: leave at once (the button, or Escape), and keep one history entry.
   Without JavaScript the button is a plain link to the neutral page.
   The source: scripts/build_public.sh writes the minified
   src/kindveilig/static/js/quick-exit.js from it. */
(function () {
  "use strict";
  var exit = document.querySelector("[data-quick-exit]");
  if (!exit) return;
  var target = exit.getAttribute("data-quick-exit");
  function leave(event) {
    if (event) event.preventDefault();
    document.body.classList.add("kv-leaving");
    window.location.replace(target);
  }
  exit.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") leave(event);
  });
  // Pages of this site replace each other, so Back leads away from the site.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || link === exit || event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey ||
        link.target || link.hasAttribute("download") ||
        link.origin !== window.location.origin) return;
    if (link.hash && link.pathname === window.location.pathname &&
        link.search === window.location.search) return;
    event.preventDefault();
    window.location.replace(link.href);
  });
  // Back or Forward must not bring back what a child typed or was shown: empty
  // the fields and hide the page when it is left; a page the browser still
  // restores from its back/forward cache is fetched again with GET (a receipt
  // then says it is gone, a form comes back empty).
  window.addEventListener("pagehide", function () {
    var fields = document.querySelectorAll("textarea, input[type=text]");
    for (var i = 0; i < fields.length; i++) fields[i].value = "";
    document.body.classList.add("kv-leaving");
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) window.location.replace(window.location.href);
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if ((form.method || "get").toLowerCase() !== "get" || event.defaultPrevented) return;
    var data = new FormData(form);
    if (event.submitter && event.submitter.name) {
      data.append(event.submitter.name, event.submitter.value);
    }
    var url = new URL(form.action, window.location.href);
    url.search = new URLSearchParams(data).toString();
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    window.location.replace(url.href);
  });
})();
