"""The deploy recipe run for real: Debian's nginx serves the built demo site on loopback.

nginx runs with a configuration of its own under the test's temporary folder (prefix, pid,
error log and temp paths there, a free port on 127.0.0.1, no daemon), so it needs neither
root nor /etc/nginx beyond ``mime.types``; the site part is ``deploy/nginx/banshi-site.conf``
exactly as committed.  Each header is compared with :mod:`generator.deploy.policy`, the
``.br`` the build wrote is what comes back when asked for, and Chromium opens the pages
through it: the header CSP breaks nothing, and framing from another origin is refused.
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest
from playwright.sync_api import Browser

from generator.deploy import policy
from generator.portal import urls

from .conftest import PageFactory
from .support import PROJECT, Site, free_port, search

pytestmark = pytest.mark.browser

SITE_CONF = PROJECT / "deploy" / "nginx" / "banshi-site.conf"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
ITEM = "/items/company-establishment/"


def _config(prefix: Path, site: Path, port: int) -> str:
    temp = "\n".join(
        f"  {kind}_temp_path {prefix / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # As root, workers would run as "nobody", who cannot enter pytest's 0700 folders.
    user = "user root;" if os.geteuid() == 0 else ""
    return f"""load_module {BROTLI_MODULE};
{user}
worker_processes 1;
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  access_log off;
{temp}
  server {{
    listen 127.0.0.1:{port};
    root {site};
    include {SITE_CONF};
  }}
}}
"""


@pytest.fixture(scope="module")
def nginx_site(demo_site: Site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    if shutil.which("nginx") is None or not BROTLI_MODULE.is_file():
        pytest.skip("nginx is not installed (make nginx installs Debian's nginx)")
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(_config(prefix, demo_site.root, port), encoding="utf-8")
    command = ["nginx", "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.05)
        yield Site(demo_site.root, f"http://127.0.0.1:{port}", demo_site.catalogue)
    finally:
        server.terminate()
        server.wait(timeout=10)


def _get(site: Site, path: str, **headers: str) -> tuple[http.client.HTTPResponse, bytes]:
    host, port = site.origin.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def _security(response: http.client.HTTPResponse) -> dict[str, str | None]:
    return {name: response.getheader(name) for name, _ in policy.SECURITY}


def test_pages_come_with_every_header_and_short_caching(nginx_site: Site) -> None:
    response, _ = _get(nginx_site, ITEM)
    assert response.status == 200
    assert _security(response) == dict(policy.SECURITY)
    assert "frame-ancestors 'none'" in (response.getheader("Content-Security-Policy") or "")
    assert response.getheader("Cache-Control") == policy.SHORT
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert response.getheader("Content-Disposition") is None


def test_brotli_is_the_file_the_build_wrote(nginx_site: Site) -> None:
    page = nginx_site.root / ITEM.strip("/") / "index.html"
    response, body = _get(nginx_site, ITEM, **{"Accept-Encoding": "br, gzip"})
    assert response.getheader("Content-Encoding") == "br"
    assert response.getheader("Vary") == "Accept-Encoding"
    assert body == (page.parent / "index.html.br").read_bytes()
    assert brotli.decompress(body) == page.read_bytes()
    gzipped, _ = _get(nginx_site, ITEM, **{"Accept-Encoding": "gzip"})
    assert gzipped.getheader("Content-Encoding") == "gzip"
    plain, body = _get(nginx_site, ITEM)
    assert plain.getheader("Content-Encoding") is None
    assert body == page.read_bytes()


def test_every_folder_page_comes_as_brotli_in_any_order(nginx_site: Site) -> None:
    """Through nginx's index module, "/" came as gzip once another folder had been asked."""
    for path in ("/search/", "/", ITEM, "/departments/", "/"):
        response, body = _get(nginx_site, path, **{"Accept-Encoding": "br, gzip"})
        assert response.getheader("Content-Encoding") == "br", path
        page = nginx_site.root / path.strip("/") / "index.html"
        assert brotli.decompress(body) == page.read_bytes(), path


def test_fingerprinted_assets_are_immutable(nginx_site: Site) -> None:
    for url in (urls.asset_url("portal.css"), urls.asset_url("search.js")):
        response, _ = _get(nginx_site, url, **{"Accept-Encoding": "br"})
        assert response.status == 200, url
        assert response.getheader("Cache-Control") == policy.IMMUTABLE, url
        assert response.getheader("Content-Encoding") == "br", url
        assert _security(response) == dict(policy.SECURITY)
    material = next((nginx_site.root / "assets/stylesheets").glob("main.*.min.css"))
    response, _ = _get(nginx_site, "/" + material.relative_to(nginx_site.root).as_posix())
    assert response.getheader("Cache-Control") == policy.IMMUTABLE


def test_forms_are_utf8_downloads(nginx_site: Site) -> None:
    form = next(p for p in sorted((nginx_site.root / "forms").rglob("*.txt")))
    response, body = _get(
        nginx_site, urls.file_url(form.relative_to(nginx_site.root).as_posix()) or ""
    )
    assert response.status == 200
    assert response.getheader("Content-Disposition") == "attachment"
    assert response.getheader("Content-Type") == "text/plain; charset=utf-8"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert body.startswith(b"\xef\xbb\xbf")  # and a BOM, for hosts that declare no charset


def test_missing_pages_are_the_portal_404_with_headers(nginx_site: Site) -> None:
    response, body = _get(nginx_site, "/items/meiyou-zhege-shixiang/")
    assert response.status == 404
    assert _security(response) == dict(policy.SECURITY)
    assert body == (nginx_site.root / "404.html").read_bytes()


def test_the_header_csp_breaks_nothing(nginx_site: Site, open_page: PageFactory) -> None:
    page, watch = open_page(nginx_site)
    response = page.goto(nginx_site.url(ITEM))
    assert response is not None and response.headers["content-encoding"] == "br"
    assert page.locator("h1").first.is_visible()
    page.goto(nginx_site.url("/search/"))
    assert search(page, "营业执照") != []  # the search's script and index load under the CSP
    assert watch.errors() == []
    assert watch.offsite == []


def test_another_origin_cannot_frame_the_portal(nginx_site: Site, browser: Browser) -> None:
    """``frame-ancestors 'none'`` (a header only, a meta tag cannot carry it)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        refused: list[str] = []
        page.on("console", lambda message: refused.append(message.text))
        # A page of another origin and without a policy of its own frames the portal; the
        # refusal is waited for (a fixed wait was either too long or, loaded, too short).
        with page.expect_console_message(
            lambda message: "frame-ancestors 'none'" in message.text, timeout=15_000
        ):
            page.set_content(f'<iframe src="{nginx_site.url(ITEM)}"></iframe>')
        assert any("frame-ancestors 'none'" in text for text in refused), refused
    finally:
        context.close()


def test_the_header_check_of_docs_deploy_passes(nginx_site: Site) -> None:
    """deploy/check-headers.sh, the check a centre runs after publishing (docs/deploy.md)."""
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    result = subprocess.run(
        ["sh", str(PROJECT / "deploy" / "check-headers.sh"), nginx_site.origin],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == ["HTTP/1.1 200 OK", "✓ 响应头全部正确"]


def test_the_caddy_recipe_sends_the_same_headers(demo_site: Site, tmp_path: Path) -> None:
    """deploy/Caddyfile run for real (Debian's caddy, loopback, no admin endpoint)."""
    if shutil.which("caddy") is None or shutil.which("curl") is None:
        pytest.skip("caddy is not installed (make caddy installs Debian's caddy)")
    port = free_port()
    recipe = (PROJECT / "deploy" / "Caddyfile").read_text(encoding="utf-8")
    local = recipe.replace("zwfw.example.gov.cn {", f"http://127.0.0.1:{port} {{").replace(
        "root * /srv/banshi/site", f"root * {demo_site.root}"
    )
    conf = tmp_path / "Caddyfile"
    conf.write_text("{\n\tadmin off\n\tauto_https off\n}\n" + local, encoding="utf-8")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    command = ["caddy", "run", "--config", str(conf), "--adapter", "caddyfile"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                assert time.monotonic() < deadline, "caddy did not start"
                time.sleep(0.05)
        site = Site(demo_site.root, f"http://127.0.0.1:{port}", demo_site.catalogue)
        script = PROJECT / "deploy" / "check-headers.sh"
        result = subprocess.run(
            ["sh", str(script), site.origin], capture_output=True, text=True, timeout=60
        )
        assert result.stdout.splitlines() == ["HTTP/1.1 200 OK", "✓ 响应头全部正确"]
        response, body = _get(site, ITEM, **{"Accept-Encoding": "br"})
        assert response.getheader("Content-Encoding") == "br"
        assert (
            brotli.decompress(body)
            == (demo_site.root / ITEM.strip("/") / "index.html").read_bytes()
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
