"""A real ``mkdocs build`` shows the git history; without git it says it is unavailable."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import feedparser
import pytest

from generator.portal.build import build_site

from .review_git import ITEM, commit, edit, make_repo

pytestmark = pytest.mark.build
AS_OF = date(2026, 11, 1)


def test_built_site_shows_history_and_feed(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    edit(repo, ITEM, "  promised:\n    days: 1", "  promised:\n    days: 2")
    commit(repo, "调整承诺时限", date="2026-10-08T10:00:00+08:00")
    site = tmp_path / "site"
    assert build_site(repo / "catalogue", site, as_of=AS_OF, strict=True) == 0
    item = (site / "items/company-setup/index.html").read_text(encoding="utf-8")
    assert '最近更新:<time datetime="2026-10-08">2026年10月8日</time>' in item
    assert "承诺时限 1 → 2 个工作日" in item
    recent = (site / "changes/index.html").read_text(encoding="utf-8")
    assert "有限责任公司设立登记</a></strong>:承诺时限 1 → 2 个工作日" in recent
    assert (
        '<link rel="alternate feed" type="application/atom+xml" title="最近更新" href="feed.xml">'
        in (recent)
    )
    feed = feedparser.parse((site / "changes/feed.xml").read_bytes())
    assert feed.bozo == 0
    assert feed.version == "atom10"
    assert feed.entries[0].updated == "2026-10-08T10:00:00+08:00"


def test_built_site_without_git(tmp_path: Path) -> None:
    shutil.copytree(Path(__file__).parent / "fixtures" / "portal", tmp_path / "catalogue")
    site = tmp_path / "site"
    assert build_site(tmp_path / "catalogue", site, as_of=AS_OF, strict=True) == 0
    item = (site / "items/company-setup/index.html").read_text(encoding="utf-8")
    assert "变更记录暂不可用" in item
    assert "暂无变更记录" in (site / "changes/index.html").read_text(encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    dcat = '<link rel="describedby" type="application/ld+json" title="开放数据集说明(DCAT-AP)"'
    assert f'{dcat} href="data/dcat.jsonld">' in home
    assert dcat not in item
    assert (site / "data/dcat.jsonld").is_file()
    assert feedparser.parse((site / "changes/feed.xml").read_bytes()).bozo == 0
