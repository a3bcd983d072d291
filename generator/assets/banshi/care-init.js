/* 关怀模式, applied before the first paint: loaded synchronously in <head> (no inline script
   under the CSP), it reads ?mode=care|standard or the remembered choice and marks <html>.
   care.js draws the switch and remembers later changes.  Nothing but localStorage is used:
   no cookie, nothing sent anywhere. */
(function () {
  "use strict";
  var KEY = "bs-mode";
  var mode = null;
  var asked = null;
  try {
    var url = new URL(window.location.href);
    asked = url.searchParams.get("mode");
    if (asked === "care" || asked === "standard") {
      /* A shared link sets the mode once; dropping the parameter keeps a later switch back
         from being undone by a reload. */
      url.searchParams.delete("mode");
      window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
    }
  } catch (e) {
    asked = null;
  }
  try {
    if (asked === "care" || asked === "standard") {
      window.localStorage.setItem(KEY, asked);
    }
    mode = window.localStorage.getItem(KEY);
  } catch (e) {
    /* Storage blocked (private mode, policy): the link still works for this page. */
    mode = asked;
  }
  if (mode === "care") {
    document.documentElement.classList.add("bs-care");
  }
})();
