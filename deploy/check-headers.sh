#!/bin/sh
# 由 python -m generator.deploy 从 generator/deploy/policy.py 生成;请勿手工修改。
# 用法:deploy/check-headers.sh https://zwfw.example.gov.cn
# 发布后运行:逐个请求首页、带指纹的样式表、一份表格和一个不存在的页面,检查响应头。
set -u
base="${1:?用法:deploy/check-headers.sh https://网站地址}"
base="${base%/}"
failed=0
head_of() { curl -sSI -H 'Accept-Encoding: br, gzip' "$1" | tr -d '\r'; }
expect() {
  # $1: the response headers, $2: header name, $3: expected value
  got="$(printf '%s\n' "$1" | grep -i "^$2:" | head -n 1 | cut -d' ' -f2-)"
  if [ "$got" != "$3" ]; then
    echo "✗ $2 应为「$3」,实际为「${got:-无}」"
    failed=1
  fi
}
page="$(head_of "$base/")"
echo "$page" | head -n 1
expect "$page" Content-Security-Policy "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
expect "$page" Strict-Transport-Security "max-age=31536000; includeSubDomains"
expect "$page" X-Content-Type-Options "nosniff"
expect "$page" Referrer-Policy "no-referrer"
expect "$page" Permissions-Policy "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"
expect "$page" X-Frame-Options "DENY"
expect "$page" Cross-Origin-Opener-Policy "same-origin"
expect "$page" Cache-Control "public, max-age=300"
expect "$page" Content-Encoding br
css="$(curl -sS "$base/" | grep -o 'assets/banshi/portal\.[0-9a-f]*\.css' | head -n 1)"
if [ -n "$css" ]; then
  expect "$(head_of "$base/$css")" Cache-Control "public, max-age=31536000, immutable"
else
  echo "✗ 首页没有引用带指纹的 portal.*.css"
  failed=1
fi
form="$(curl -sS "$base/manifest.json" | grep -o '"/forms/[^"]*"' \
  | head -n 1 | tr -d '"')"
if [ -n "$form" ]; then
  expect "$(head_of "$base$form")" 'Content-Disposition' 'attachment'
fi
missing="$(head_of "$base/items/check-headers-missing-page/")"
expect "$missing" 'X-Content-Type-Options' 'nosniff'
if [ "$failed" = 0 ]; then echo "✓ 响应头全部正确"; fi
exit "$failed"
