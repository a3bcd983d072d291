"""Statistics: golden figures for the portal fixture (worked out by hand from its four
item files, below), invariants for the demo catalogue (which other changes may grow), and
the accessible SVG charts."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from generator.catalogue.loaded import load_catalogue
from generator.opendata.stats import Figures, decimal, percent, statistics
from generator.portal.charts import Series, bar_chart
from generator.portal.statspage import stats_view

ROOT = Path(__file__).resolve().parent.parent
PORTAL = ROOT / "tests" / "fixtures" / "portal"
DEMO = ROOT / "catalogue"
SVG = "{http://www.w3.org/2000/svg}"

# The portal fixture, read by hand:
#   scjg company-setup          许可 承诺件 statutory 3  promised 1  free 3 materials 1 visit online
#   gaj  id-card-renewal        确认 承诺件 statutory 30 promised 15 fees 2 materials 2 visits
#   gaj  residence-certificate  服务 即办件 statutory 0  promised 0  free 1 material  1 visit
#   zjj  construction-permit    许可 联办件 statutory 7  promised 5  free 2 materials 1 visit
# Totals: 4 items; statutory 40 (avg 10.0), promised 21 (avg 5.25 -> 5.3 half up);
# cut 1 - 21/40 = 47.5%; free 3 (75.0%); materials 8 (avg 2.0); one visit 3; online 1.
# 免提交: only gaj id-card-renewal's 户口簿 (部门核验), 1 of 8 materials = 12.5%.
GOLDEN_TOTAL = [
    ("事项数", "4"),
    ("即办件", "1(25.0%)"),
    ("平均法定天数", "10.0"),
    ("平均承诺天数", "5.3"),
    ("承诺压缩比例", "47.5%"),
    ("不收费事项", "3(75.0%)"),
    ("平均材料数", "2.0"),
    ("免提交材料", "1/8(12.5%)"),
    ("最多跑一次", "3(75.0%)"),
    ("可网上办理", "1(25.0%)"),
]
# Per department, in departments.yaml order (scjg, gaj, zjj):
#   scjg: cut 1 - 1/3 = 66.7%;  gaj: avg 15.0 / 7.5, cut 1 - 15/30 = 50.0%, materials 1.5;
#   zjj: cut 1 - 5/7 = 28.6%.
GOLDEN_DEPARTMENTS = {
    "事项数": ("1", "2", "1"),
    "即办件": ("0(0.0%)", "1(50.0%)", "0(0.0%)"),
    "平均法定天数": ("3.0", "15.0", "7.0"),
    "平均承诺天数": ("1.0", "7.5", "5.0"),
    "承诺压缩比例": ("66.7%", "50.0%", "28.6%"),
    "不收费事项": ("1(100.0%)", "1(50.0%)", "1(100.0%)"),
    "平均材料数": ("3.0", "1.5", "2.0"),
    "免提交材料": ("0/3(0.0%)", "1/3(33.3%)", "0/2(0.0%)"),
    "最多跑一次": ("1(100.0%)", "1(50.0%)", "1(100.0%)"),
    "可网上办理": ("1(100.0%)", "0(0.0%)", "0(0.0%)"),
}


def test_golden_figures_of_the_portal_fixture() -> None:
    stats = statistics(load_catalogue(PORTAL)[0])
    total = stats.total
    assert dict(total.by_type)["行政许可"] == 2
    assert dict(total.by_type)["行政确认"] == 1
    assert dict(total.by_type)["公共服务"] == 1
    assert total.by_kind == (("即办件", 1), ("承诺件", 2), ("联办件", 1), ("报批件", 0))
    assert (total.statutory_days, total.promised_days) == (40, 21)
    assert total.cut == Fraction(19, 40)
    assert total.average_promised == Fraction(21, 4)
    view = stats_view(stats)
    assert list(view.total) == GOLDEN_TOTAL
    types = next(c for c in view.charts if c.id == "chart-types")
    assert ("行政许可", "2") in types.rows and ("行政确认", "1") in types.rows
    kinds = next(c for c in view.charts if c.id == "chart-kinds")
    assert kinds.rows == (("即办件", "1"), ("承诺件", "2"), ("联办件", "1"), ("报批件", "0"))
    assert [row.label for row in view.rows] == [
        "测试市市场监督管理局",
        "测试市公安局",
        "测试市住房和城乡建设局",
    ]
    by_measure = {m: tuple(row.values[i] for row in view.rows) for i, m in enumerate(view.measures)}
    assert by_measure == GOLDEN_DEPARTMENTS


def test_demo_figures_agree_with_the_item_files() -> None:
    """Recounted from the YAML, so adding a demo item changes both sides alike."""
    raw = [
        (p.parent.name, yaml.safe_load(p.read_text(encoding="utf-8")))
        for p in sorted((DEMO / "items").glob("*/*.yaml"))
    ]
    stats = statistics(load_catalogue(DEMO)[0])
    total = stats.total
    assert total.items == len(raw)
    assert total.on_the_spot == sum(i["kind"] == "即办件" for _, i in raw)
    assert total.free == sum(i["fees"] == "不收费" for _, i in raw)
    assert total.materials == sum(len(i["materials"]) for _, i in raw)
    # days in 工作日 only: a 自然日 limit is never added to them
    for which in ("statutory", "promised"):
        limits = [i["time_limit"][which] for _, i in raw]
        working = [
            x["days"] for x in limits if x.get("unit", "工作日") == "工作日" or not x["days"]
        ]
        assert getattr(total, f"{which}_days") == sum(working)
        assert getattr(total, f"{which}_counted") == len(working)
    assert total.statutory_counted < total.items  # 居民身份证、工伤认定: 60 日
    assert total.online == sum("online" in i for _, i in raw)
    assert total.one_visit == sum(i.get("visits", 1) <= 1 for _, i in raw)
    assert total.exempt == sum("exempt" in m for _, i in raw for m in i["materials"])
    assert sum(n for _, n in total.by_kind) == total.items
    assert sum(n for _, n in total.by_type) == total.items
    # The departments add up to the total, and each holds exactly its folder's items.
    departments = dict(stats.departments)
    fields = ("items", "free", "materials", "exempt", "statutory_days", "promised_days", "online")
    for field in fields:
        assert sum(getattr(f, field) for f in departments.values()) == getattr(total, field)
    for ident, figures in departments.items():
        assert figures.items == sum(d == ident for d, _ in raw)
    # Promised limits never exceed statutory ones in the demo (a check enforces it).
    assert total.cut is not None and 0 <= total.cut <= 1


def test_empty_set_has_no_averages() -> None:
    catalogue = load_catalogue(PORTAL)[0]
    catalogue.items = {}
    total: Figures = statistics(catalogue).total
    assert total.items == 0 and statistics(catalogue).departments == ()
    assert (decimal(total.average_promised), percent(total.cut)) == ("—", "—")


@pytest.mark.parametrize(
    ("value", "text"),
    [(Fraction(1, 8), "0.1"), (Fraction(3, 20), "0.2"), (Fraction(21, 4), "5.3"), (None, "—")],
)
def test_rounding_is_half_up(value: Fraction | None, text: str) -> None:
    assert decimal(value) == text


def test_chart_is_accessible_escaped_svg() -> None:
    evil = '<script>alert("x")</script> & 部门'
    svg = bar_chart(
        "chart-test",
        "标题 <b>",
        "说明 & 描述",
        [evil, "很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的部门名称"],
        [Series("事项数", (3, 0), ("3", "0")), Series("即办件", (1, 0), ("1", "0"))],
    )
    root = ET.fromstring(svg)  # well-formed: every text escaped
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-test-title chart-test-desc"
    assert root.findtext(f"{SVG}title") == "标题 <b>"
    assert root.findtext(f"{SVG}desc") == "说明 & 描述"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert evil in texts
    assert "<script" not in svg
    # Never scaled (issue 18): as wide as its column, text in CSS pixels of at least 12,
    # the bars in a nested SVG stretched over part of the width, values after them.
    assert root.get("viewBox") is None and root.get("width") == "100%"
    assert min(float(t.get("font-size", "0")) for t in root.iter(f"{SVG}text")) >= 12
    (bars,) = root.findall(f"{SVG}svg")
    assert bars.get("preserveAspectRatio") == "none" and bars.get("aria-hidden") == "true"
    scale = float(bars.get("viewBox", "").split()[2])
    widths = [float(r.get("width", "0")) for r in bars.iter(f"{SVG}rect")]
    assert max(widths) == scale and min(widths) == 0
    for text in root.iter(f"{SVG}text"):
        assert float(text.get("x", "0").rstrip("%")) <= 100


def test_chart_rejects_a_bad_id() -> None:
    with pytest.raises(ValueError):
        bar_chart('x" onload="', "t", "d", [], [])


def test_calendar_day_limits_are_left_out_and_said() -> None:
    """工伤认定 and 居民身份证 count 60 自然日 by law: never added to 工作日, and the page
    says how many limits the day figures leave out."""
    view = stats_view(statistics(load_catalogue(DEMO)[0]))
    assert view.calendar_note == "以自然日计的时限(法定 3 项)不与工作日相加,不计入天数;"
