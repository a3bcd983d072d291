"""The flow chart: golden SVGs, well-formed and escaped XML, labels that fit their boxes.

Golden files are compared byte for byte; regenerate them with ``UPDATE_GOLDEN=1 pytest``
and review the diff like any other change to the published pages.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from generator.catalogue.models import Item
from generator.portal.flowchart import COL_W, LINE_HEIGHT, PAD_X, describe_flow, render_flowchart
from generator.portal.svgtext import estimate_width, wrap

GOLDEN = Path(__file__).parent / "golden" / "flowchart"
SVG = "{http://www.w3.org/2000/svg}"
FONT = 14.0


def step(name: str, kind: str, post: str, days: int) -> dict[str, Any]:
    return {"name": name, "kind": kind, "post": post, "days": days}


def make_item(**overrides: Any) -> Item:
    """A minimal valid item; tests override only what they draw."""
    data: dict[str, Any] = {
        "name": "测试事项",
        "codes": {"basic": "000123456000", "implementation": "11320500MB0000000X0001"},
        "type": "行政许可",
        "kind": "承诺件",
        "audience": ["自然人"],
        "basis": [{"law": "test-law", "articles": "第一条", "role": "设定依据"}],
        "conditions": [{"text": "申请人具有完全民事行为能力"}],
        "materials": [
            {
                "name": "申请书",
                "form": "原件",
                "copies": 1,
                "medium": "纸质",
                "source": "申请人自备",
            }
        ],
        "steps": [step("收件受理", "受理", "综合窗口", 0)],
        "time_limit": {"statutory": {"days": 20}, "promised": {"days": 5}},
        "fees": "不收费",
        "result": {"name": "准予许可决定书", "type": "批文", "delivery": "窗口领取"},
        "reviewed": "2026-01-01",
    }
    data.update(overrides)
    return Item.model_validate(data)


def instant_item() -> Item:
    return make_item(
        name="个体工商户名称变更登记",
        kind="即办件",
        steps=[
            step("收件受理", "受理", "市场监管综合窗口", 0),
            step("审核决定", "决定", "首席代表", 0),
            step("打印发放执照", "制证", "发证窗口", 0),
        ],
        result={"name": "营业执照", "type": "证照", "delivery": "当场领取"},
    )


def parallel_item() -> Item:
    return make_item(
        name="建设工程规划许可",
        kind="联办件",
        steps=[
            step("收件", "收件", "投资建设综合窗口", 0),
            step("受理", "受理", "规划窗口", 1),
            {
                "parallel": [
                    step("规划审查", "审查", "规划科", 5),
                    step("消防审查", "审查", "消防科", 3),
                    step("人防审查", "审查", "人防办", 4),
                ]
            },
            step("审批决定", "决定", "分管局长", 2),
            step("制证送达", "制证", "发证窗口", 1),
        ],
        special_procedures=[
            {"kind": "专家评审", "name": "专家评审", "days": 10},
            {"kind": "公告", "name": "批前公示", "days": 7, "unit": "自然日"},
        ],
        result={"name": "建设工程规划许可证", "type": "证照", "delivery": "窗口领取或邮寄"},
    )


def long_item() -> Item:
    return make_item(
        name="长标签事项",
        steps=[
            step(
                "对申请人提交的全部申请材料进行形式审查并核对原件与复印件是否一致、签章是否齐全",
                "审查",
                "行政审批服务中心卫生健康综合受理窗口（二楼B区12号）",
                3,
            ),
            step("ISO 9001 quality management certificate verification", "其他", "IT desk", 2),
            {
                "parallel": [
                    step(
                        "公共场所卫生许可现场核查（含卫生检测报告审核）",
                        "现场核查",
                        "卫生监督所",
                        5,
                    ),
                    step("消防安全检查", "现场核查", "消防救援大队", 7),
                    step("环境影响评价文件审批意见征询", "审查", "生态环境局", 6),
                    step("食品安全风险评估", "审查", "市场监管局食品科", 4),
                ]
            },
            step("作出准予许可或者不予许可的书面决定", "决定", "首席代表", 2),
        ],
        special_procedures=[
            {"kind": "检测", "name": "室内空气质量及集中空调通风系统卫生检测", "days": 15}
        ],
        result={
            "name": "公共场所卫生许可证（含副本）及准予行政许可决定书",
            "type": "证照",
            "delivery": "窗口领取",
        },
    )


CASES = {"instant": instant_item, "parallel": parallel_item, "long": long_item}


def edge_items() -> list[Item]:
    """Shapes the goldens do not cover: no steps, a parallel group first, no 收件/受理."""
    group = {"parallel": [step("甲部门审查", "审查", "甲", 2), step("乙部门审查", "审查", "乙", 9)]}
    return [
        make_item(steps=[]),
        make_item(steps=[group, step("决定", "决定", "局长", 1)]),
        make_item(steps=[group]),
        make_item(steps=[step("审查", "审查", "科室", 1), group]),
    ]


def render(item: Item, chart_id: str = "fc") -> str:
    return render_flowchart(item, title=f"{item.name}办事流程图", chart_id=chart_id)


def all_items() -> list[Item]:
    return [make() for make in CASES.values()] + edge_items()


def viewbox(root: ET.Element) -> tuple[float, float]:
    _, _, w, h = (float(v) for v in root.attrib["viewBox"].split())
    return w, h


def size_of(text: ET.Element) -> float:
    return float(text.get("font-size", FONT))


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str) -> None:
    svg = render(CASES[name](), chart_id=f"flow-{name}")
    path = GOLDEN / f"{name}.svg"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(svg + "\n", encoding="utf-8")
    assert path.exists(), f"missing {path}: run with UPDATE_GOLDEN=1"
    assert svg + "\n" == path.read_text(encoding="utf-8"), f"{path} differs: UPDATE_GOLDEN=1"


@pytest.mark.parametrize("item", all_items())
def test_well_formed_and_accessible(item: Item) -> None:
    svg = render(item, chart_id="c1")
    assert svg.startswith("<svg ") and not svg.startswith("<?xml")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    w, _ = viewbox(root)
    assert w <= 640
    # Sized from the viewBox: drawn at natural size (its 12 px text stays 12 px); the CSS
    # reads the width from --bs-flow-width (twice as wide in care mode).
    _, _, vw, vh = root.attrib["viewBox"].split()
    assert (root.get("width"), root.get("height")) == (vw, vh)
    assert root.attrib["style"] == f"--bs-flow-width:{vw}px"
    assert "Noto Sans CJK SC" in root.attrib["font-family"]
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.get("id") == "c1-title"
    assert title.text == f"{item.name}办事流程图"
    assert desc is not None and desc.get("id") == "c1-desc"
    assert desc.text == "\n".join(describe_flow(item))
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert ids == ["c1-title", "c1-desc", "c1-arrow"]
    markers = {el.get("marker-end") for el in root.iter() if el.get("marker-end")}
    assert markers == {"url(#c1-arrow)"}


@pytest.mark.parametrize("item", all_items())
def test_text_within_viewbox(item: Item) -> None:
    root = ET.fromstring(render(item))
    w, h = viewbox(root)
    texts = list(root.iter(f"{SVG}text"))
    assert texts
    for text in texts:
        x, y, size = float(text.attrib["x"]), float(text.attrib["y"]), size_of(text)
        width = estimate_width(text.text or "", size)
        left = x - width / 2 if text.get("text-anchor", "middle") == "middle" else x
        assert left >= 0 and left + width <= w, text.text
        assert y - size >= 0 and y + 0.3 * size <= h, text.text


@pytest.mark.parametrize("item", all_items())
def test_labels_fit_their_boxes(item: Item) -> None:
    root = ET.fromstring(render(item))
    nodes = [g for g in root.iter(f"{SVG}g") if "fc-node" in g.get("class", "")]
    assert nodes
    for g in nodes:
        rect, poly = g.find(f"{SVG}rect"), g.find(f"{SVG}polygon")
        if rect is not None:
            x0, y0 = float(rect.attrib["x"]), float(rect.attrib["y"])
            x1, y1 = x0 + float(rect.attrib["width"]), y0 + float(rect.attrib["height"])
            assert x1 - x0 <= COL_W + 0.1
        else:
            assert poly is not None
            pts = [tuple(map(float, p.split(","))) for p in poly.attrib["points"].split()]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            # the rectangle inscribed in the diamond at half its width and height
            cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
            hw, hh = (max(xs) - min(xs)) / 4, (max(ys) - min(ys)) / 4
            x0, x1, y0, y1 = cx - hw, cx + hw, cy - hh, cy + hh
        for text in g.iter(f"{SVG}text"):
            size, x, y = size_of(text), float(text.attrib["x"]), float(text.attrib["y"])
            width = estimate_width(text.text or "", size)
            assert x - width / 2 >= x0 - 0.1 and x + width / 2 <= x1 + 0.1, text.text
            assert y - size >= y0 - 0.1 and y + 0.3 * size <= y1 + 0.1, text.text


def test_long_labels_wrap_within_max_box() -> None:
    root = ET.fromstring(render(long_item()))
    steps = [g for g in root.iter(f"{SVG}g") if "fc-step" in g.get("class", "")]
    lines = [len(list(g.iter(f"{SVG}text"))) for g in steps]
    assert max(lines) >= 4  # the long first step wraps its name and its post


@pytest.mark.parametrize(
    "evil",
    ["<script>alert(1)</script>", '" onload="x', "]]>", "{{ 7*7 }}", "a & b", "\x00\x1b[31m"],
)
def test_catalogue_text_is_escaped(evil: str) -> None:
    item = make_item(
        name=evil,
        steps=[
            step(evil, "受理", evil, 0),
            {"parallel": [step(evil, "审查", evil, 1), step("B", "审查", evil, 2)]},
        ],
        special_procedures=[{"kind": "鉴定", "name": evil, "days": 3}],
        result={"name": evil, "type": "其他", "delivery": evil},
    )
    svg = render_flowchart(item, title=evil, chart_id="x")
    root = ET.fromstring(svg)  # well-formed despite the input
    assert "<script" not in svg and "]]>" not in svg
    assert "onload" not in "".join(k for el in root.iter() for k in el.attrib)
    tags = {el.tag.removeprefix(SVG) for el in root.iter()}
    assert tags <= {"svg", "title", "desc", "defs", "marker", "path", "rect", "polygon"} | {
        "g",
        "text",
    }
    desc = root.find(f"{SVG}desc")
    assert desc is not None and desc.text is not None
    clean = " ".join(evil.replace("\x00", " ").replace("\x1b", " ").split())
    assert desc.text.count(clean) >= 4  # literal data: never evaluated, never dropped
    if evil == "<script>alert(1)</script>":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg


def test_deterministic() -> None:
    item = parallel_item()
    assert render(item) == render(item) == render(parallel_item())
    assert not re.search(r"\d\.\d\d", render(item)), "coordinates are rounded to 0.1"


def test_chart_id_prefixes_every_id() -> None:
    a, b = render(parallel_item(), "a"), render(parallel_item(), "b")
    assert re.sub(r"\ba-(title|desc|arrow)\b", r"b-\1", a) == b
    with pytest.raises(ValueError):
        render_flowchart(instant_item(), title="t", chart_id='x" onload="y')


def test_describe_flow() -> None:
    lines = describe_flow(parallel_item())
    assert lines[0] == "开始：申请人提出申请。"
    assert lines[1] == "第1步：收件（投资建设综合窗口，当场办结）。"
    assert lines[2] == "判断：材料是否齐全、符合法定形式？"
    assert "回到“收件”" in lines[4]
    assert "不予受理（出具不予受理通知书）" in lines[5]
    assert lines[7].startswith("第3步：并联办理，用时取最长一项（5个工作日）：规划审查")
    assert lines[-2] == "特别程序（不计入办理时限）：专家评审10个工作日；批前公示7个自然日。"
    assert lines[-1] == "办结：建设工程规划许可证。"
    assert describe_flow(make_item(steps=[]))[1] == "判断：材料是否齐全、符合法定形式？"


def test_instant_item_says_done_on_the_spot() -> None:
    svg = render(instant_item())
    assert "市场监管综合窗口 · 当场办结" in svg
    assert "工作日" not in svg


def test_estimate_width() -> None:
    assert estimate_width("办事指南", 14) == 56
    assert estimate_width("（补正）", 10) == 40
    assert estimate_width("ab", 10) == pytest.approx(11)


def test_wrap() -> None:
    text = "对申请人提交的全部申请材料进行形式审查，核对原件与复印件是否一致。"
    lines = wrap(text, 14, 196)
    assert "".join(lines) == text
    assert all(estimate_width(line, 14) <= 196 for line in lines)
    assert not any(line[0] in "，。、）" for line in lines)
    assert wrap("ISO 9001 quality management", 14, 100) == ["ISO 9001", "quality", "management"]
    assert wrap("  ", 14, 100) == [""]
    assert max(len(x) for x in wrap("A" * 40, 14, 196 - 2 * PAD_X)) < 40
    assert LINE_HEIGHT > 1
