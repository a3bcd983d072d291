#!/bin/sh
# 把 build 生成的网站目录发布到服务器(nginx 或 Caddy 的 root),详见 docs/deploy.md。
# 用法:deploy/rsync.sh site 发布用户@服务器:/srv/banshi/site
#
# - 先传带指纹的样式和脚本(新文件名,旧页面不受影响),再传其余文件;
# - --delay-updates:页面在全部传完后一起替换,访问者不会看到一半新一半旧的网站;
# - --checksum:按内容比较(每次生成的文件时间都是新的);--delete-delay:删除已下线的页面;
# - 不带 -l:网站目录里不会有链接,有也不传;--chmod:服务器上目录 755、文件 644,
#   运行 nginx 的用户(www-data)能读。
set -eu
site="${1:?用法:deploy/rsync.sh site 发布用户@服务器:/srv/banshi/site}"
dest="${2:?用法:deploy/rsync.sh site 发布用户@服务器:/srv/banshi/site}"
if [ ! -f "$site/manifest.json" ]; then
  echo "“$site”不是 build 生成的网站目录(缺少 manifest.json);请先运行 make build。" >&2
  exit 2
fi
common="--recursive --times --checksum --chmod=D755,F644 --human-readable"
# shellcheck disable=SC2086
rsync $common --include='/assets/***' --exclude='*' "$site/" "$dest/"
# shellcheck disable=SC2086
rsync $common --delay-updates --delete-delay "$site/" "$dest/"
echo "已发布到 $dest;请运行 deploy/check-headers.sh https://网站地址 检查响应头。"
