"""一件事 bundles: the demo's bundle pages against figures worked out by hand from the YAML,
the time rule (工作日 and 自然日 never added), and the exact words of every bundle- check.

The tables below were written by reading ``catalogue/chains.yaml`` and each item's
``materials`` and ``time_limit.promised``, not by running the code under test.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from generator.catalogue.bundlework import Span, bundle_time, material_key
from generator.catalogue.loaded import load_catalogue
from generator.checks.pipeline import check_report
from generator.portal import pages
from generator.portal.bundleview import span_text

from .conftest import AS_OF, FIXTURES, build_case, run_cli

DEMO = Path(__file__).resolve().parent.parent / "catalogue"

# Per bundle: the items in road order, the promised-time total, and the merged list as
# (material, the items asking for it) — only the materials asked for by more than one item
# or obtained on the road are spelled out; the count covers all of them.
#
# 开办餐饮店: 个体工商户登记 9 materials (当场办结) → 食品经营许可 6 (5 工作日) ∥ 社会保险登记 3
# (当场办结, 0 自然日).  No two names are equal: 9 + 6 + 3 = 18.  Time 0 + max(5, 0) = 5 工作日.
# 食品经营许可's 营业执照 is the result of stage 1 (营业执照(个体工商户)).
#
# 企业开办: 公司设立登记 7 (1) → 社会保险登记 3 (0) → 食品经营许可 6 (5) ∥ 药品零售 4 (10) ∥
# 公共场所卫生许可 6 (5).  7 + 3 + 6 + 4 + 6 = 26; 营业执照 asked by 食品经营 and 公共场所:
# 公共场所卫生许可 has 7 since its situations (授权委托书及受托人居民身份证): 27 → 26.
# Time 1 + 0 + max(5, 10, 5) = 11 工作日; 公共场所卫生检测 (10 工作日) not counted.
#
# 建设项目: stages (10 ∥ 5), (10 ∥ 10 ∥ 30), (3 ∥ 5), (5 ∥ 10), (0): 10 + 30 + 5 + 10 + 0 = 55
# 工作日.  Materials 4+4 + 4+3+4 + 6+4 + 3+4 + 5 = 41; 项目批准、核准或者备案文件 (用地规划,
# 环评) and 工程竣工验收报告 (消防验收, 竣工验收备案) each once: 39.
# 新生儿出生: 出生医学证明首次签发 3 → 出生登记 8 → 社会保障卡申领 4, all 当场办结: 15 materials;
# 父母双方居民身份证 and 委托书及受托人居民身份证 asked by the first two: 13.  出生医学证明 is
# stage 1's result, 居民户口簿 stage 2's (居民户口簿(婴儿户口页)).
EXPECTED: dict[str, tuple[list[str], str, int, dict[str, list[str]]]] = {
    "restaurant-opening": (
        ["个体工商户设立登记", "食品经营许可证核发", "用人单位社会保险登记"],
        "5 个工作日",
        18,
        {},
    ),
    "business-startup": (
        [
            "有限责任公司设立登记",
            "用人单位社会保险登记",
            "食品经营许可证核发",
            "药品零售经营许可证核发",
            "公共场所卫生许可",
        ],
        "11 个工作日",
        26,
        {"营业执照": ["食品经营许可证核发", "公共场所卫生许可"]},
    ),
    "construction-project": (
        [
            "建设项目用地预审与选址意见书核发",
            "建设用地规划许可证核发",
            "建设工程规划许可证核发",
            "特殊建设工程消防设计审查",
            "建设项目环境影响报告书审批",
            "建筑工程施工许可证核发",
            "占用、挖掘公路许可",
            "建设工程规划条件核实",
            "特殊建设工程消防验收",
            "房屋建筑和市政基础设施工程竣工验收备案",
        ],
        "55 个工作日",
        39,
        {
            "项目批准、核准或者备案文件": ["建设用地规划许可证核发", "建设项目环境影响报告书审批"],
            "工程竣工验收报告": ["特殊建设工程消防验收", "房屋建筑和市政基础设施工程竣工验收备案"],
        },
    ),
    "newborn": (
        ["出生医学证明首次签发", "出生登记", "社会保障卡申领"],
        "当场办结",
        13,
        {
            "父母双方居民身份证": ["出生医学证明首次签发", "出生登记"],
            "委托书及受托人居民身份证": ["出生医学证明首次签发", "出生登记"],
        },
    ),
}
# 免于提交 (exempt for every item asking) and what is left to prepare (neither exempt nor
# obtained on the road): 餐饮 营业执照 (exempt, obtained) → 17; 企业开办 营业执照 (both users
# exempt, obtained) and 法定代表人或者负责人居民身份证 (exempt) → 24; 建设项目
# 建设工程规划许可证 (exempt, obtained) → 38; 新生儿 none exempt, 2 obtained → 11.
EXEMPT = {
    "restaurant-opening": ["营业执照"],
    "business-startup": ["营业执照", "法定代表人或者负责人居民身份证"],
    "construction-project": ["建设工程规划许可证"],
    "newborn": [],
}
PREPARE = {
    "restaurant-opening": 17,
    "business-startup": 24,
    "construction-project": 38,
    "newborn": 11,
}
OBTAINED = {
    "restaurant-opening": {"营业执照": "个体工商户设立登记"},
    "business-startup": {"营业执照": "有限责任公司设立登记"},
    "construction-project": {"建设工程规划许可证": "建设工程规划许可证核发"},
    "newborn": {"出生医学证明": "出生医学证明首次签发", "居民户口簿": "出生登记"},
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundles") / "site"
    result = run_cli("build", "--catalogue", DEMO, "--out", out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _page(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def _materials(page: str) -> list[tuple[str, list[str], str, bool]]:
    """(name, items asking for it, the 无需事先准备 note's item or "", 免于提交) per entry."""
    block = page.split('<ol class="bs-materials-merged">', 1)[1].split("</ol>\n</div>", 1)[0]
    out = []
    for entry in block.split('<li id="material-')[1:]:
        name = _text(re.search(r"<strong>(.*?)</strong>", entry, re.S).group(1))  # type: ignore[union-attr]
        users = [_text(u) for u in re.findall(r"<li>用于<a [^>]*>(.*?)</a>", entry)]
        made = re.search(r"由本一件事中的<a [^>]*>(.*?)</a>办结后取得", entry)
        out.append(
            (name, users, _text(made.group(1)) if made else "", "免于提交:窗口自行获取" in entry)
        )
    return out


@pytest.mark.parametrize("bundle_id", sorted(EXPECTED))
def test_bundle_page_matches_the_hand_worked_figures(site: Path, bundle_id: str) -> None:
    items, total, count, shared = EXPECTED[bundle_id]
    page = _page(site, f"/bundles/{bundle_id}/")
    road = page.split('<ol class="bs-stages">', 1)[1].split("</ol>", 1)[0]
    assert [_text(n) for n in re.findall(r'<th scope="row"[^>]*><a [^>]*>(.*?)</a>', road)] == items
    assert f"<span>承诺时限合计</span><strong>{total}</strong>" in page
    assert f"这件事共 <strong>{count} 份材料</strong>" in page
    assert f"需要您准备 <strong>{PREPARE[bundle_id]} 份</strong>" in page
    materials = _materials(page)
    assert len(materials) == count
    assert {name: users for name, users, _, _ in materials if len(users) > 1} == shared
    assert {name: made for name, _, made, _ in materials if made} == OBTAINED[bundle_id]
    assert f"{len(OBTAINED[bundle_id])} 份在办理过程中取得,无需事先准备" in page
    exempt = [name for name, _, _, off in _materials(page) if off]
    assert exempt == EXEMPT[bundle_id]
    names = [material_key(name) for name, _, _, _ in materials]
    assert len(set(names)) == len(names)


def test_the_home_page_and_each_guide_link_to_the_bundles(site: Path) -> None:
    home = _page(site, "/")
    for bundle_id in EXPECTED:
        assert f'href="bundles/{bundle_id}/"' in home
    guide = _page(site, "/items/food-business-licence/")
    assert "本事项属于「" in guide
    assert _text(guide).count("「开办餐饮店」") == 1 and "「企业开办」" in _text(guide)
    assert 'href="../../bundles/restaurant-opening/"' in guide
    assert "本事项属于" not in _page(site, "/items/driving-licence-renewal/")


def test_the_chain_pages_keep_their_urls(site: Path) -> None:
    for chain_id in EXPECTED:
        assert "<h1>" in _page(site, f"/chains/{chain_id}/")
        assert "一次性告知单" in _page(site, f"/bundles/{chain_id}/notice/")


# The 一件事一次办 index, in chains.yaml order: (name, lead department, items, materials,
# total), read from chains.yaml and departments.yaml and the counts worked out above.
INDEX = [
    ("开办餐饮店", "示例市市场监督管理局", "3 个", "18 份", "5 个工作日"),
    ("企业开办", "示例市市场监督管理局", "5 个", "26 份", "11 个工作日"),
    ("建设项目", "示例市住房和城乡建设局", "10 个", "39 份", "55 个工作日"),
    ("新生儿出生", "示例市公安局", "3 个", "13 份", "当场办结"),
]
EXPECTED_ORDER = ["restaurant-opening", "business-startup", "construction-project", "newborn"]


def test_the_bundle_index_lists_lead_items_and_time(site: Path) -> None:
    page = _page(site, "/bundles/")
    body = page.split('<table class="bs-cards bs-bundles">', 1)[1].split("</table>", 1)[0]
    rows = [
        tuple(_text(cell) for cell in re.findall(r"<t[hd] [^>]*>(.*?)</t[hd]>", row))
        for row in re.findall(r"<tr>(.*?)</tr>", body.split("<tbody>", 1)[1], re.S)
    ]
    assert rows == INDEX
    assert '<a href="newborn/">新生儿出生</a>' in page
    assert '<a href="../departments/zjj/">示例市住房和城乡建设局</a>' in page
    assert 'href="bundles/"' in _page(site, "/")


def test_a_chain_page_links_to_its_bundle(site: Path) -> None:
    for chain_id, (name, *_) in zip(EXPECTED_ORDER, INDEX, strict=True):
        page = _page(site, f"/chains/{chain_id}/")
        assert f'本审批链按「<a href="../../bundles/{chain_id}/">{name}</a>」一件事办理' in page


def test_a_chain_without_bundle_has_no_bundle_link() -> None:
    catalogue, report = load_catalogue(Path(__file__).parent / "fixtures" / "portal")
    assert not report.errors
    plan = pages.plan_site(catalogue).by_url()
    assert plan["/chains/test-chain/"].context["bundle"] is None
    assert plan["/bundles/"].context["bundles"] == []
    assert plan["/bundles/"].template == "bundles.html" and not plan["/bundles/"].in_nav


def test_working_and_calendar_days_are_never_added() -> None:
    assert span_text(Span(5, 0)) == "5 个工作日"
    assert span_text(Span(0, 20)) == "20 个自然日"
    assert span_text(Span(5, 20)) == "5 个工作日,另加 20 个自然日"
    assert span_text(Span()) == "当场办结"


def test_a_stage_mixing_units_gives_an_upper_bound(tmp_path: Path) -> None:
    """geti-dengji 7 自然日 ∥ shipin-jingying 5 工作日: which is longer needs a calendar, so
    the stage counts both and the total says 至多 (an upper bound)."""
    root = build_case(FIXTURES / "negative" / "bundle-mixed-units", tmp_path / "catalogue")
    catalogue, _ = load_catalogue(root)
    time = bundle_time(catalogue, catalogue.chains["kaidian"])
    assert (time.total, time.bounded) == (Span(working=5, calendar=7), True)


def test_names_merge_only_when_equal_after_normalising() -> None:
    assert material_key("营业执照") == material_key(" 营业执照 ")
    assert material_key("《营业执照》") == material_key("营业执照")
    assert material_key("(副本)") == material_key("(副本)")  # NFKC: full-width brackets
    assert material_key("营业执照") != material_key("营业执照或者批准成立证件")
    assert material_key("营业执照") != material_key("营业执照(副本)")


MESSAGES = {
    "bundle-lead": "一件事“开办食品店”的牵头部门“shichangju”不在 departments.yaml 中;"
    "请填写已登记部门的 id(牵头部门的窗口一窗受理整件事)。",
    "bundle-lead-absent": "一件事“开办食品店”的牵头部门“zjj”不办理其中任何事项;"
    "请改为办理其中事项的部门,或把该部门列为有关事项的联办部门。",
    "bundle-item-twice": "一件事“开办食品店”中事项“shipin-jingying”已列在阶段“领取营业执照”,"
    "又列在阶段“许可”;请只保留一处(同一阶段内的事项并联办理)。",
    "bundle-too-small": "一件事“开办食品店”只有 1 个事项;"
    "请至少列入两个事项,或删除 bundle,只保留审批链。",
    "bundle-mixed-units": "一件事“开办食品店”的阶段“同时办理”中,事项的承诺时限有的按工作日、"
    "有的按自然日,无法确定哪一项最长,总时限只能给出上限;"
    "请核实能否统一按工作日承诺,或把这些事项分到不同阶段。",
    "bundle-window": "一件事“开办食品店”的受理窗口“综合窗口”"
    "不是牵头部门“示例市市场监督管理局”的窗口;"
    "请填写 departments.yaml 中该部门的窗口名称之一:市场监管综合窗口。",
}
SEVERITY = {"bundle-lead-absent": "warning", "bundle-mixed-units": "warning"}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_each_bundle_check_says_what_and_how_to_fix(code: str, tmp_path: Path) -> None:
    root = build_case(FIXTURES / "negative" / code, tmp_path / "catalogue")
    (found,) = [d for d in check_report(root, as_of=AS_OF) if d.code == code]
    assert found.message == MESSAGES[code]
    assert found.severity.value == SEVERITY.get(code, "error")
    assert found.file.endswith("chains.yaml") and found.line > 0 and found.col > 0
