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
location / {{
    try_files $uri $uri/ =404;
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

zwfw.example.gov.cn {{
\troot * /srv/banshi/site
\t# The build wrote .br and .gz beside every text file.
\tfile_server {{
\t\tprecompressed br gzip
\t}}
\theader {{
{headers}
\t\t-Server
\t}}
\t@fingerprinted path_regexp "{policy.FINGERPRINTED}"
\theader @fingerprinted Cache-Control "{policy.IMMUTABLE}"
\t@other not path_regexp "{policy.FINGERPRINTED}"
\theader @other Cache-Control "{policy.SHORT}"
\t@downloads path {policy.FORMS_PREFIX}* {forms}
\theader @downloads Content-Disposition "{policy.DISPOSITION}"
\thandle_errors {{
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


RECIPES = {
    "nginx/banshi-site.conf": nginx_site,
    "nginx/banshi.conf": nginx_server,
    "Caddyfile": caddyfile,
    "_headers": headers_file,
}
"""Path under ``deploy/`` -> the function rendering it."""


def write_recipes(folder: Path) -> list[Path]:
    written = []
    for name, render in RECIPES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(), encoding="utf-8")
        written.append(path)
    return written
