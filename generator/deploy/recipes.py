"""The web-server recipes under ``deploy/``, rendered from :mod:`.policy`.

``python -m generator.deploy`` writes them; a test fails when a committed recipe differs
from what the policy renders, and another runs Debian's nginx on the rendered config.
"""

from __future__ import annotations

from pathlib import Path

from . import policy

HEAD = "由 python -m generator.deploy 从 generator/deploy/policy.py 生成;请勿手工修改。"

_FORMS_REGEX = r"\.(" + "|".join(policy.FORM_SUFFIXES) + r")$"


def _nginx_headers(cache: str, *, download: bool = False) -> str:
    lines = [f'    add_header {name} "{value}" always;' for name, value in policy.SECURITY]
    lines.append(f'    add_header Cache-Control "{cache}" always;')
    if download:
        lines.append(f'    add_header Content-Disposition "{policy.DISPOSITION}" always;')
    return "\n".join(lines)


def nginx_site() -> str:
    """What goes inside a ``server {}`` block, after its ``root``: an nginx ``include``."""
    return f"""# {HEAD}
# 放在 server {{}} 中、root 之后:include /etc/nginx/snippets/banshi-site.conf;
# brotli_static 需要 Debian 包 libnginx-mod-http-brotli-static(安装后自动加载)。

index index.html;
default_type application/octet-stream;
charset utf-8;
charset_types {" ".join(policy.CHARSET_TYPES)};
# The build wrote .br and .gz beside every text file: send them, never compress again.
brotli_static on;
gzip_static on;
gzip_vary on;
server_tokens off;
autoindex off;
# The site folder holds no links: refuse one to a file of another owner (/etc/passwd).
# Not "from=$document_root": with it brotli_static never finds the .br.
disable_symlinks if_not_owner;
error_page 404 /404.html;

# add_header in a location replaces the server's: each location repeats the whole set.
# A folder's page by its file name, not through the index module: after that module's
# internal redirect of another folder, brotli_static (1.0.0rc) sent "/" as gzip.
location / {{
    try_files $uri ${{uri}}index.html $uri/ =404;
{_nginx_headers(policy.SHORT)}
}}

# Forms and samples are downloads, never pages on the portal's origin.
location ^~ {policy.FORMS_PREFIX} {{
{_nginx_headers(policy.SHORT, download=True)}
}}

# A hash of the content is in the name: keep for a year.
location ~ "{policy.FINGERPRINTED}" {{
{_nginx_headers(policy.IMMUTABLE)}
}}

location ~* "{_FORMS_REGEX}" {{
{_nginx_headers(policy.SHORT, download=True)}
}}
"""


def nginx_server() -> str:
    """An example of the whole site on Debian (``/etc/nginx/sites-available/banshi``)."""
    return f"""# {HEAD}
# 示例:/etc/nginx/sites-available/banshi(ln -s 到 sites-enabled/),网址和证书路径按实际修改。
# 详见 docs/deploy.md。

server {{
    listen 80;
    listen [::]:80;
    server_name zwfw.example.gov.cn;
    return 301 https://$host$request_uri;
}}

server {{
    listen 443 ssl http2;
    listen [::]:443 ssl http2;
    server_name zwfw.example.gov.cn;
    ssl_certificate /etc/ssl/banshi/fullchain.pem;
    ssl_certificate_key /etc/ssl/banshi/privkey.pem;
    ssl_protocols TLSv1.2 TLSv1.3;

    root /srv/banshi/site;
    include /etc/nginx/snippets/banshi-site.conf;
}}
"""


def caddyfile() -> str:
    headers = "\n".join(f'\t\t{name} "{value}"' for name, value in policy.SECURITY)
    forms = " ".join(f"*.{suffix}" for suffix in policy.FORM_SUFFIXES)
    return f"""# {HEAD}
# Caddy 2:证书自动申请;网址和目录按实际修改。详见 docs/deploy.md。

# The security headers, for pages and for error pages (handle_errors starts afresh).
(banshi_headers) {{
\theader {{
{headers}
\t\t-Server
\t}}
}}

zwfw.example.gov.cn {{
\troot * /srv/banshi/site
\t# The build wrote .br and .gz beside every text file.
\tfile_server {{
\t\tprecompressed br gzip
\t}}
\timport banshi_headers
\t@fingerprinted path_regexp "{policy.FINGERPRINTED}"
\theader @fingerprinted Cache-Control "{policy.IMMUTABLE}"
\t@other not path_regexp "{policy.FINGERPRINTED}"
\theader @other Cache-Control "{policy.SHORT}"
\t@downloads path {policy.FORMS_PREFIX}* {forms}
\theader @downloads Content-Disposition "{policy.DISPOSITION}"
\thandle_errors {{
\t\timport banshi_headers
\t\trewrite * /404.html
\t\tfile_server
\t}}
}}
"""


def headers_file() -> str:
    """``_headers`` for static hosts that read it (Netlify, Cloudflare Pages): copy it into
    the site folder before uploading.  Rules add up, so Cache-Control is set per folder."""
    security = "\n".join(f"  {name}: {value}" for name, value in policy.SECURITY)
    immutable = "".join(
        f"{prefix}*\n  Cache-Control: {policy.IMMUTABLE}\n"
        for prefix in ("/assets/banshi/", "/assets/stylesheets/")
    )
    return (
        f"# {HEAD}\n# 适用于读取 _headers 的静态托管;发布前复制到网站目录根部。\n"
        f"/*\n{security}\n"
        f"{immutable}"
        f"{policy.FORMS_PREFIX}*\n  Content-Disposition: {policy.DISPOSITION}\n"
    )


def _sh(value: str) -> str:
    """A header value in double quotes for the shell (the policy's values need no escape)."""
    if any(c in value for c in '"$`\\'):
        raise ValueError(f"cannot quote {value!r}")
    return f'"{value}"'


def check_script() -> str:
    """``check-headers.sh URL``: ``curl -I`` a page, an asset, a form and a missing page of
    the published site and say, in Chinese, which expected header is missing or wrong."""
    security = "\n".join(f'expect "$page" {name} {_sh(value)}' for name, value in policy.SECURITY)
    return f"""#!/bin/sh
# {HEAD}
# 用法:deploy/check-headers.sh https://zwfw.example.gov.cn
# 发布后运行:逐个请求首页、带指纹的样式表、一份表格和一个不存在的页面,检查响应头。
set -u
base="${{1:?用法:deploy/check-headers.sh https://网站地址}}"
base="${{base%/}}"
failed=0
head_of() {{ curl -sSI -H 'Accept-Encoding: br, gzip' "$1" | tr -d '\\r'; }}
expect() {{
  # $1: the response headers, $2: header name, $3: expected value
  got="$(printf '%s\\n' "$1" | grep -i "^$2:" | head -n 1 | cut -d' ' -f2-)"
  if [ "$got" != "$3" ]; then
    echo "✗ $2 应为「$3」,实际为「${{got:-无}}」"
    failed=1
  fi
}}
page="$(head_of "$base/")"
echo "$page" | head -n 1
{security}
expect "$page" Cache-Control {_sh(policy.SHORT)}
expect "$page" Content-Encoding br
css="$(curl -sS "$base/" | grep -o 'assets/banshi/portal\\.[0-9a-f]*\\.css' | head -n 1)"
if [ -n "$css" ]; then
  expect "$(head_of "$base/$css")" Cache-Control {_sh(policy.IMMUTABLE)}
else
  echo "✗ 首页没有引用带指纹的 portal.*.css"
  failed=1
fi
form="$(curl -sS "$base/manifest.json" | grep -o '"{policy.FORMS_PREFIX}[^"]*"' \\
  | head -n 1 | tr -d '"')"
if [ -n "$form" ]; then
  expect "$(head_of "$base$form")" 'Content-Disposition' '{policy.DISPOSITION}'
fi
missing="$(head_of "$base/items/check-headers-missing-page/")"
expect "$missing" 'X-Content-Type-Options' 'nosniff'
if [ "$failed" = 0 ]; then echo "✓ 响应头全部正确"; fi
exit "$failed"
"""


RECIPES = {
    "nginx/banshi-site.conf": nginx_site,
    "nginx/banshi.conf": nginx_server,
    "Caddyfile": caddyfile,
    "_headers": headers_file,
    "check-headers.sh": check_script,
}
"""Path under ``deploy/`` -> the function rendering it."""


def write_recipes(folder: Path) -> list[Path]:
    written = []
    for name, render in RECIPES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(), encoding="utf-8")
        if path.suffix == ".sh":
            path.chmod(0o755)
        written.append(path)
    return written
