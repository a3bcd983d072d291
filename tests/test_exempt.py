"""减证便民: materials the window fetches itself (``exempt``), from check to page to figures.

The expected values are written by hand from the YAML (the demo's exempt materials, the
fixture's messages, the food-production-licence counts), never computed by the code under
test.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from generator.catalogue.loaded import load_catalogue
from generator.checks.pipeline import check_report
from generator.portal import pages
from generator.portal.rendering import make_environment, render_page
from generator.portal.situationview import situation_view

from .conftest import AS_OF, FIXTURES, build_case

DEMO = Path(__file__).resolve().parent.parent / "catalogue"

# Read from the demo YAML by hand: (item file, material, way).
DEMO_EXEMPT = {
    ("rsj/labour-dispatch-licence", "营业执照", "数据共享"),
    ("scjg/food-business-licence", "营业执照", "数据共享"),
    ("scjg/food-production-licence", "营业执照", "数据共享"),
    ("wjw/public-place-hygiene-licence", "营业执照", "数据共享"),
    ("wjw/public-place-hygiene-licence", "法定代表人或者负责人居民身份证", "电子证照"),
    ("zjj/construction-permit", "建设工程规划许可证", "数据共享"),
    ("zjj/presale-permit", "建设工程规划许可证和施工许可证", "数据共享"),
}


def _messages(case: str, tmp_path: Path) -> list[str]:
    root = build_case(FIXTURES / "negative" / case, tmp_path / "catalogue")
    return [f"{d.line}:{d.col} {d.severity} {d.message}" for d in check_report(root, as_of=AS_OF)]


def test_exempt_only_on_a_government_issued_material(tmp_path: Path) -> None:
    assert _messages("mat-exempt-source", tmp_path) == [
        "38:13 error “法定代表人身份证明”标为免提交,但来源是“申请人自备”:只有政府部门核发、"
        "窗口能通过数据共享获取的材料才能免提交;请把 source 改为 政府部门核发,或删去 exempt。",
        "45:7 error “营业执照”标为免提交,但来源是“其他”:只有政府部门核发、"
        "窗口能通过数据共享获取的材料才能免提交;请把 source 改为 政府部门核发,或删去 exempt。",
    ]


def test_exempt_never_on_a_form_to_fill_in(tmp_path: Path) -> None:
    assert _messages("mat-exempt-form", tmp_path) == [
        "28:13 error “食品经营许可申请书”有空白表格,需要申请人填写,不能免提交;"
        "请删去 exempt,或删去 blank_form(如果这份材料其实由部门核发)。",
    ]


def test_exempt_never_one_of_a_group(tmp_path: Path) -> None:
    assert _messages("mat-exempt-alternative", tmp_path) == [
        "38:13 error “营业执照”免提交,不能再和其他材料“任选其一”(one_of: licence);"
        "窗口已能取得它,同组的其他材料也就不必提交:请删去这一组的 one_of,或删去 exempt。",
    ]


def test_exempt_needs_a_known_way_and_a_basis(tmp_path: Path) -> None:
    assert _messages("schema-exempt", tmp_path) == [
        "38:13 error 缺少必填字段“basis”。",
        "38:19 error “way”(免提交方式)的值“免提交”不在允许范围内;"
        "可选:数据共享、电子证照或部门核验。",
    ]


def test_the_demo_marks_the_materials_read_by_hand() -> None:
    found = set()
    for path in sorted((DEMO / "items").glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for material in data["materials"]:
            if "exempt" in material:
                assert material["source"] == "政府部门核发"
                assert material["exempt"]["basis"]
                key = f"{path.parent.name}/{path.stem}"
                found.add((key, material["name"], material["exempt"]["way"]))
    assert found == DEMO_EXEMPT


@cache
def _pages() -> dict[str, str]:
    catalogue, report = load_catalogue(DEMO)
    assert not report.errors
    plan = pages.plan_site(catalogue)
    env = make_environment()
    wanted = {
        "/items/food-production-licence/",
        "/items/food-production-licence/notice/",
        "/items/public-place-hygiene-licence/",
        "/items/public-place-hygiene-licence/notice/",
    }
    return {p.url: render_page(env, p) for p in plan.pages if p.url in wanted}


def test_the_guide_says_免于提交_and_why() -> None:
    html = _pages()["/items/public-place-hygiene-licence/"]
    assert "其中 2 项免于提交(窗口自行取得,您不必准备)" in html
    assert "免于提交:数据共享:窗口通过省政务数据共享平台获取市场监管部门的营业执照信息" in html
    assert "免于提交:电子证照:窗口从省电子证照库调取居民身份证电子证照" in html


def _checklist(html: str) -> list[str]:
    table = html[html.index('<table class="bs-checklist">') :]
    table = table[: table.index("</table>")]
    return re.findall(r'<th scope="row">([^<]+)', table)


def test_the_notice_lists_an_exempt_material_once_and_never_asks_for_it() -> None:
    html = _pages()["/items/public-place-hygiene-licence/notice/"]
    rows = _checklist(html)
    assert "营业执照" not in rows and "法定代表人或者负责人居民身份证" not in rows
    exempt = html[html.index("免于提交的材料") :]
    exempt = exempt[: exempt.index("</ul>")]
    names = re.findall(r"<li[^>]*>([^(<]+)", exempt)
    assert names == ["营业执照", "法定代表人或者负责人居民身份证"]
    correction = html[html.index("data-bs-correction-form") :]
    assert "营业执照" not in correction[: correction.index("</fieldset>")]


def test_the_tailored_list_leaves_exempt_materials_out() -> None:
    catalogue, _ = load_catalogue(DEMO)
    view = situation_view(catalogue.items["food-production-licence"].item)
    assert view is not None
    # 营业执照 is material 2 and asked of every producer: 20..23 entries by the hand table
    # in test_situation_demo.py, one fewer to bring.
    assert view.exempt_entries == ((2,),)
    assert all(2 not in entry for entry in view.entries)
    assert (view.fewest, view.most, view.sets) == (19, 22, 16)
    html = _pages()["/items/food-production-licence/"]
    assert "本事项按情形需要 19 至 22 份材料(16 种情形)" in html
    assert "data-bs-sit-exempt-list" in html
