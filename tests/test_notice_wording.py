"""The legal sentence of the 补正材料通知书 by item type (issue 18, point 2).

《行政许可法》第三十二条 binds 行政许可 only; the other types cite the centre's rule from
``centre.yaml`` ``correction_basis``; ``check`` reports a type without wording and a
wording that cites the wrong law, with exact messages.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.catalogue.loaded import load_catalogue
from generator.catalogue.models import ItemType
from generator.catalogue.wording import LICENSING_CORRECTION, correction_basis
from generator.checks.pipeline import check_report
from generator.portal import pages
from generator.portal.rendering import make_environment, render_page
from generator.portal.views import item_view

from .conftest import AS_OF, FIXTURES, build_case

CENTRE_RULE = "《示例市政务服务中心服务事项管理办法》第五条第五项"


def _diagnostics(case: str, tmp_path: Path) -> list[tuple[str, str, str]]:
    root = build_case(FIXTURES / case, tmp_path / "catalogue")
    prefix = root.as_posix() + "/"
    return [
        (f"{d.file.removeprefix(prefix)}:{d.line}:{d.col}", d.code, d.message)
        for d in check_report(root, as_of=AS_OF)
    ]


def test_missing_and_wrong_wording_exact(tmp_path: Path) -> None:
    assert _diagnostics("negative/basis-notice-missing-wording", tmp_path) == [
        (
            "centre.yaml:10:9",
            "basis-notice-wording",
            "行政许可的补正告知依据是《中华人民共和国行政许可法》第三十二条;"
            f"“{CENTRE_RULE}”没有引用它。请改为该条款,或删除这一项(不填时自动引用)。",
        ),
        (
            "centre.yaml:11:9",
            "basis-notice-wording",
            "《行政许可法》只适用于行政许可,不能作为“行政给付”的补正告知依据;"
            f"请改为中心的规定,如 {CENTRE_RULE}。",
        ),
        (
            "centre.yaml:12:9",
            "basis-notice-wording",
            "“公共服务”的补正告知依据“中心的规定”没有写明规定名称(用《》)和具体条款;"
            f"请写成“{CENTRE_RULE}”。",
        ),
        (
            "items/scjgj/shipin-jingying.yaml:5:7",
            "basis-notice-missing",
            "事项类型“行政确认”的补正材料通知书没有可引用的规定"
            "(《行政许可法》第三十二条只适用于行政许可);请在 centre.yaml 的 correction_basis "
            f"中为“行政确认”填写中心的规定和条款,如 {CENTRE_RULE}。",
        ),
    ]


def test_centre_rule_checks_clean(tmp_path: Path) -> None:
    assert _diagnostics("positive/confirmation-centre-rule", tmp_path) == []


def test_wording_by_type(tmp_path: Path) -> None:
    root = build_case(FIXTURES / "positive/base", tmp_path / "catalogue")
    catalogue, _ = load_catalogue(root)
    centre = catalogue.centre
    assert correction_basis(centre, ItemType.LICENSING) == LICENSING_CORRECTION
    for other in (ItemType.CONFIRMATION, ItemType.PUBLIC_SERVICE, ItemType.PAYMENT):
        assert correction_basis(centre, other) == CENTRE_RULE
    assert correction_basis(centre, ItemType.REWARD) is None  # check reports it
    assert correction_basis(None, ItemType.LICENSING) == LICENSING_CORRECTION


def test_demo_views_cite_by_type() -> None:
    catalogue, report = load_catalogue(Path(__file__).resolve().parents[1] / "catalogue")
    assert not report.errors
    seen = set()
    for loaded in catalogue.items.values():
        view = item_view(catalogue, loaded, url=f"items/{loaded.id}/")
        seen.add(loaded.item.type)
        if loaded.item.type is ItemType.LICENSING:
            assert view.correction_basis == LICENSING_CORRECTION
        else:
            assert "行政许可法" not in view.correction_basis, loaded.id
            assert view.correction_basis.startswith("《示例市政务服务中心服务事项管理办法》")
    assert {ItemType.LICENSING, ItemType.CONFIRMATION, ItemType.PUBLIC_SERVICE} <= seen


def test_a_notice_without_a_rule_cites_none(tmp_path: Path) -> None:
    """A build that skipped ``check`` (or a centre that has not configured its rule yet)
    prints no 根据……的规定 with an empty rule: the sheet says nothing rather than
    "根据的规定", which a clerk would sign and an applicant would read as a mistake."""
    root = tmp_path / "catalogue"
    shutil.copytree(FIXTURES / "portal", root)
    centre = root / "centre.yaml"
    text = centre.read_text(encoding="utf-8")
    centre.write_text(re.sub(r"correction_basis:\n(  .*\n)+", "", text), encoding="utf-8")
    catalogue, _ = load_catalogue(root)
    plan = pages.plan_site(catalogue)
    html = render_page(make_environment(), plan.by_url()["/items/id-card-renewal/notice/"])
    assert "根据的规定" not in html
    assert "不符合法定形式。现一次性告知您需要补正的全部内容如下" in html
    licensing = render_page(make_environment(), plan.by_url()["/items/company-setup/notice/"])
    assert f"根据{LICENSING_CORRECTION}的规定,现一次性告知" in licensing
