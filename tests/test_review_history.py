"""Public change history from git, and its Atom feed."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import feedparser
import pytest
import yaml

from generator.catalogue.loaded import load_catalogue
from generator.portal import changes, pages
from generator.portal.rendering import make_environment, render_page
from generator.review.history import compute_history

from .review_git import ITEM, commit, edit, make_repo


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four commits: publish; raise a limit and add a material; re-dump; review date only."""
    path = make_repo(tmp_path_factory.mktemp("history") / "repo")
    edit(path, ITEM, "  promised:\n    days: 1", "  promised:\n    days: 2")
    edit(
        path,
        ITEM,
        "  - name: 授权委托书",
        "  - name: 房屋租赁合同\n    form: 复印件\n    copies: 1\n    medium: 纸质\n"
        "    source: 申请人自备\n  - name: 授权委托书",
    )
    commit(path, "调整承诺时限", date="2026-10-08T10:00:00+08:00")
    item = path / ITEM
    data = yaml.safe_load(item.read_text(encoding="utf-8"))
    item.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=True), encoding="utf-8")
    commit(path, "重新排版", date="2026-10-09T10:00:00+08:00")
    edit(
        path,
        "catalogue/items/gaj/id-card-renewal.yaml",
        "reviewed: 2026-08-01",
        "reviewed: 2026-10-10",
    )
    commit(path, "年度审核", date="2026-10-10T10:00:00+08:00")
    return path


def test_item_history_newest_first_without_cosmetic_commits(repo: Path) -> None:
    history = compute_history(repo / "catalogue")
    assert history.available
    assert history.commits == 4
    assert history.complete
    entries = history.of_item("company-setup")
    assert [(e.day, e.changes) for e in entries] == [
        (date(2026, 10, 8), ("新增材料 房屋租赁合同", "承诺时限 1 → 2 个工作日")),
        (date(2026, 9, 1), ("发布本事项",)),
    ]
    assert history.last_changed("company-setup") == date(2026, 10, 8)
    # the review-date-only commit is not a change the public sees
    assert history.last_changed("id-card-renewal") == date(2026, 9, 1)


def test_depth_is_limited_and_said(repo: Path) -> None:
    history = compute_history(repo / "catalogue", depth=2)
    assert history.commits == 2
    assert not history.complete
    assert changes.scope(history) == "变更记录只统计最近 2 次目录更新(自 2026年10月9日起)。"
    assert history.of_item("company-setup") == []


def test_without_git_the_history_is_unavailable(tmp_path: Path, repo: Path) -> None:
    shutil.copytree(repo / "catalogue", tmp_path / "catalogue")
    history = compute_history(tmp_path / "catalogue")
    assert not history.available
    assert changes.scope(history) == "变更记录暂不可用:生成本站时没有可读取的版本历史。"


def _feed(repo: Path) -> bytes:
    catalogue, _ = load_catalogue(repo / "catalogue")
    assert catalogue.centre is not None
    names = {i: loaded.item.name for i, loaded in catalogue.items.items()}
    history = compute_history(repo / "catalogue", names=names)
    return changes.feed(history, catalogue.centre, set(catalogue.items), date(2026, 1, 1))


def test_feed_is_valid_atom_and_deterministic(repo: Path) -> None:
    data = _feed(repo)
    assert data == _feed(repo)
    feed = feedparser.parse(data)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "测试市政务服务中心 最近更新"
    assert feed.feed.id == "https://zwfw.example.gov.cn/changes/feed.xml"
    assert feed.feed.updated == "2026-10-08T10:00:00+08:00"
    first = feed.entries[0]
    assert first.title == "有限责任公司设立登记:新增材料 房屋租赁合同等"
    assert first.link == "https://zwfw.example.gov.cn/items/company-setup/"
    assert first.updated == "2026-10-08T10:00:00+08:00"
    assert first.summary == "新增材料 房屋租赁合同;承诺时限 1 → 2 个工作日。"
    for entry in feed.entries:  # Atom's required elements
        assert entry.id and entry.title and entry.updated


def test_item_page_and_changes_page(repo: Path) -> None:
    catalogue, _ = load_catalogue(repo / "catalogue")
    plan = pages.plan_site(catalogue, compute_history(repo / "catalogue"))
    env = make_environment()
    by_url = plan.by_url()
    item = render_page(env, by_url["/items/company-setup/"])
    assert '最近更新:<time datetime="2026-10-08">2026年10月8日</time>' in item
    assert "2026年10月8日</time>:新增材料 房屋租赁合同;承诺时限 1 → 2 个工作日</li>" in item
    recent = render_page(env, by_url["/changes/"])
    assert 'href="feed.xml"' in recent
    assert "/changes/feed.xml" in [g.url for g in plan.generated]
    without = pages.plan_site(catalogue)
    assert "/changes/" not in without.by_url()
    assert "变更记录" not in render_page(env, without.by_url()["/items/company-setup/"])


def test_history_names_laws_and_items_not_ids(tmp_path: Path) -> None:
    """A commit touching only an item (laws.yaml unchanged) still names the law by title,
    and a chain's stages name their items."""
    path = make_repo(tmp_path / "repo")
    edit(
        path,
        ITEM,
        "    role: 设定依据\nconditions:",
        "    role: 设定依据\n  - law: administrative-licensing-law\n    articles: 第十二条\n"
        "    role: 实施依据\nconditions:",
    )
    commit(path, "增加依据", date="2026-10-08T10:00:00+08:00")
    chains = yaml.safe_load((path / "catalogue/chains.yaml").read_text(encoding="utf-8"))
    chains["chains"][0]["stages"] = chains["chains"][0]["stages"][:1]
    (path / "catalogue/chains.yaml").write_text(
        yaml.safe_dump(chains, allow_unicode=True), encoding="utf-8"
    )
    commit(path, "调整审批链", date="2026-10-09T10:00:00+08:00")
    catalogue, _ = load_catalogue(path / "catalogue")
    names = {i: loaded.item.name for i, loaded in catalogue.items.items()}
    history = compute_history(path / "catalogue", names=names)
    texts = [text for entry in history.recent for text in entry.changes]
    assert "新增实施依据 《中华人民共和国行政许可法》第十二条" in texts
    (stages,) = [t for t in texts if t.startswith("审批链")]
    assert "(company-setup)" in stages and "有限责任公司设立登记(company-setup)" in stages
