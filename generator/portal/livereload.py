"""Live reload under ``make serve`` with the page's Content-Security-Policy left strict.

MkDocs' preview server injects an inline ``<script>`` carrying per-request values (the
site's build epoch, a request id) into every HTML response.  The portal's CSP allows only
scripts from its own origin, so the browser refused that script and a saved change never
reached an open tab.  Loosening the CSP in preview would test pages under a policy they
are not published with; instead the server injects a same-origin script *file* and passes
the values as ``data-`` attributes, and serves that file itself.  The published site never
contains it: the file lives in the preview server only (``/.banshi/livereload.js``).

The poller is MkDocs' own (``mkdocs/livereload/__init__.py``): long-poll
``/livereload/<epoch>/<request>`` and reload when a newer epoch is built.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any, Protocol

SCRIPT_URL = "/.banshi/livereload.js"

SCRIPT = b"""/* Preview only (make serve): reload this tab when the site is rebuilt. */
(function () {
  "use strict";
  var tag = document.currentScript;
  var epoch = parseFloat(tag.dataset.epoch);
  var request = tag.dataset.request;
  var req, timeout;
  function poll() {
    req = new XMLHttpRequest();
    req.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) {
        location.reload();
      } else {
        timeout = setTimeout(poll, this.status === 200 ? 0 : 3000);
      }
    };
    req.open("GET", "/livereload/" + epoch + "/" + request);
    req.send();
  }
  function stop() {
    if (req) req.abort();
    if (timeout) clearTimeout(timeout);
    req = timeout = undefined;
  }
  window.addEventListener("load", function () {
    if (document.visibilityState === "visible") poll();
  });
  window.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") poll(); else stop();
  });
  window.addEventListener("beforeunload", stop);
})();
"""

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class PreviewServer(Protocol):
    """What is used of MkDocs' ``LiveReloadServer`` (a ``wsgiref`` server)."""

    def get_app(self) -> WSGIApp | None: ...

    def set_app(self, application: WSGIApp) -> None: ...


def inject(content: bytes, epoch: int) -> bytes:
    """The page with the reload script tag before ``</body>`` (MkDocs' placement)."""
    request = time.monotonic_ns() // 1_000_000
    tag = f'<script src="{SCRIPT_URL}" data-epoch="{epoch}" data-request="{request}"></script>'
    end = content.rfind(b"</body>")
    end = len(content) if end < 0 else end
    return content[:end] + tag.encode() + content[end:]


def install(server: PreviewServer) -> None:
    """Have ``server`` inject the script file instead of inline code, and serve that file.

    ``_inject_js_into_html`` is MkDocs' private hook for the inline script (pinned MkDocs
    1.6.1; tests/browser/test_live_reload.py fails if it changes)."""
    setattr(server, "_inject_js_into_html", inject)  # noqa: B010 - shadow the method
    app = server.get_app()
    if app is None:
        raise RuntimeError("the preview server has no application")

    def serve(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == SCRIPT_URL:
            start_response(
                "200 OK",
                [
                    ("Content-Type", "application/javascript; charset=utf-8"),
                    ("Content-Length", str(len(SCRIPT))),
                    ("Cache-Control", "no-store"),
                ],
            )
            return [SCRIPT]
        return app(environ, start_response)

    server.set_app(serve)
