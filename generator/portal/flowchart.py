"""Item procedure → accessible inline SVG flow chart (办事流程图, GB/T 1526 symbols).

Hand-written SVG rather than a drawing library: we control CJK width estimates and wrapping,
the output is byte-for-byte reproducible (golden files, stable builds) and needs no
JavaScript.  Catalogue text is data, never markup: every string is cleaned and escaped here.

Layout: a main column on the left (start, steps, decision, end) and a side column on the
right (补正, 不予受理, 特别程序), so that a phone can scale the chart down without it getting
wide; parallel steps span both columns side by side between a fork bar and a join bar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from generator.catalogue.models import DayUnit, Item, ParallelSteps, Step, StepKind
from generator.catalogue.workdays import with_step_units

from .svgtext import FONT_FAMILY, clean, estimate_width, wrap

FONT, SMALL = 14, 12
LINE_HEIGHT = 1.4
PAD_X, PAD_Y = 12, 8
MARGIN = 16
COL_W = 220  # widest box: 14 CJK characters at 14 px plus padding
COL_GAP = 64  # between the columns; holds the branch labels
V_GAP = 36  # between nodes; holds an arrow and a small label
MIN_MAIN_W = 160
MIN_SLOT = 108  # narrowest parallel box: 6 CJK characters at 14 px
SLOT_GAP = 16
MAIN_CX = MARGIN + COL_W / 2
SIDE_X = MARGIN + COL_W + COL_GAP
BASE_WIDTH = SIDE_X + COL_W + MARGIN

START = "申请人提出申请"
DECISION = "材料是否齐全、符合法定形式？"
CORRECT = ("一次性告知补正材料", "（补正材料通知书）")
REFUSE = ("不予受理", "（出具不予受理通知书）")
OUT_OF_SCOPE = "不属于受理范围"
RESUBMIT = "补正后重新提交"
SPECIAL = "特别程序（不计入办理时限）"

# Dark text on light fills: every pair is far above WCAG AA (4.5:1); strokes >= 3:1.
INK, MUTED, STROKE = "#1f2328", "#3d444d", "#424a53"
FILL_TERMINAL, FILL_STEP, FILL_DECISION = "#dff3e4", "#e3ecfa", "#fff1d6"
FILL_CORRECT, FILL_REFUSE, FILL_SPECIAL = "#fff8e1", "#fde7e9", "#f4f5f7"

_CHART_ID = re.compile(r"^[A-Za-z0-9_-]+$")


def days_text(days: int, unit: str = "工作日") -> str:
    return "当场办结" if days == 0 else f"{days}个{unit}"


def _step_days(step: Step) -> str:
    """A step's days in its unit (the item went through ``with_step_units``)."""
    return days_text(step.days, (step.unit or DayUnit.WORKING).value)


def _group_days(group: ParallelSteps) -> str:
    """（最长 N 个工作日）: the longest branch, when the branches count in one unit."""
    units = {s.unit for s in group.parallel}
    if len(units) != 1:
        return ""
    longest = max((s.days for s in group.parallel), default=0)
    return f"（{days_text(longest, (units.pop() or DayUnit.WORKING).value)}）"


def _anchor(item: Item) -> int:
    """Index of the step the completeness check follows: the first 收件/受理, else the first."""
    for i, entry in enumerate(item.steps):
        if isinstance(entry, Step) and entry.kind in (StepKind.RECEIVE, StepKind.ACCEPT):
            return i
    return 0 if item.steps else -1


def _step_text(step: Step) -> str:
    return f"{clean(step.name)}（{clean(step.post)}，{_step_days(step)}）"


def describe_flow(item: Item) -> list[str]:
    """The chart as plain-text lines: the SVG ``<desc>`` and the page's text alternative."""
    item = with_step_units(item)
    anchor = _anchor(item)
    lines = [f"开始：{START}。"]
    target = START
    for i, entry in enumerate(item.steps):
        if isinstance(entry, Step):
            lines.append(f"第{i + 1}步：{_step_text(entry)}。")
            target = clean(entry.name)
        else:
            branches = "；".join(_step_text(s) for s in entry.parallel)
            total = _group_days(entry)
            lines.append(f"第{i + 1}步：并联办理，用时取最长一项{total}：{branches}。")
            target = f"第{i + 1}步"
        if i == anchor:
            lines += _decision_lines(target)
    if anchor < 0:
        lines += _decision_lines(START)
    if item.special_procedures:
        procs = "；".join(
            f"{clean(p.name)}{days_text(p.days, p.unit.value)}" for p in item.special_procedures
        )
        lines.append(f"{SPECIAL}：{procs}。")
    lines.append(f"办结：{clean(item.result.name)}。")
    return lines


def _decision_lines(target: str) -> list[str]:
    return [
        f"判断：{DECISION}",
        "是：继续办理。",
        f"否：{''.join(CORRECT)}，申请人补正后重新提交，回到“{target}”。",
        f"{OUT_OF_SCOPE}：{''.join(REFUSE)}，流程结束。",
    ]


# --- drawing -------------------------------------------------------------------------


def _n(x: float) -> str:
    """Coordinates rounded to 0.1 px and printed one way only, for byte-stable output."""
    s = f"{round(x, 1):.1f}".removesuffix(".0")
    return "0" if s == "-0" else s


@dataclass(frozen=True)
class _Line:
    text: str
    size: int = FONT
    muted: bool = False


@dataclass(frozen=True)
class _Box:
    cx: float
    top: float
    w: float
    h: float

    @property
    def left(self) -> float:
        return self.cx - self.w / 2

    @property
    def right(self) -> float:
        return self.cx + self.w / 2

    @property
    def cy(self) -> float:
        return self.top + self.h / 2

    @property
    def bottom(self) -> float:
        return self.top + self.h


def _label(text: str, width: float, size: int = FONT, *, muted: bool = False) -> list[_Line]:
    return [_Line(t, size, muted) for t in wrap(text, size, width)]


def _height(lines: list[_Line]) -> float:
    return sum(ln.size * LINE_HEIGHT for ln in lines)


def _width(lines: list[_Line]) -> float:
    return max(estimate_width(ln.text, ln.size) for ln in lines)


def _step_lines(step: Step, width: float) -> list[_Line]:
    """Name, then "岗位 · 时限" in small type; the time limit is never split across lines."""
    days = _step_days(step)
    post = wrap(step.post, SMALL, width)
    tail = " · ".join(t for t in (post[-1], days) if t)
    sub = post[:-1] + ([tail] if estimate_width(tail, SMALL) <= width else [post[-1], days])
    return _label(step.name, width) + [_Line(t, SMALL, True) for t in sub]


def _texts(lines: list[_Line], x: float, top: float, anchor: str = "") -> list[str]:
    out = []
    for ln in lines:
        lh = ln.size * LINE_HEIGHT
        attrs = f' font-size="{ln.size}"' if ln.size != FONT else ""
        attrs += f' fill="{MUTED}"' if ln.muted else ""
        attrs += f' text-anchor="{anchor}"' if anchor else ""
        base = top + lh / 2 + ln.size * 0.35
        out.append(f'<text x="{_n(x)}" y="{_n(base)}"{attrs}>{escape(ln.text)}</text>')
        top += lh
    return out


class _Chart:
    """SVG elements so far, plus what placement needs: the side column's next free y and the
    y spans taken by full-width parallel blocks."""

    def __init__(self, chart_id: str) -> None:
        self.marker = f"{chart_id}-arrow"
        self.edges: list[str] = []
        self.nodes: list[str] = []
        self.width = float(BASE_WIDTH)
        self.bottom = 0.0
        self.side_y = float(MARGIN)
        self.bands: list[tuple[float, float]] = []

    def node(self, kind: str, box: _Box, lines: list[_Line], fill: str, extra: str = "") -> None:
        shape = (
            f'<rect x="{_n(box.left)}" y="{_n(box.top)}" width="{_n(box.w)}" '
            f'height="{_n(box.h)}" fill="{fill}" stroke="{STROKE}" stroke-width="1.5"{extra}/>'
        )
        if kind == "decision":
            points = [(box.cx, box.top), (box.right, box.cy), (box.cx, box.bottom)]
            points.append((box.left, box.cy))
            pts = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
            shape = f'<polygon points="{pts}" fill="{fill}" stroke="{STROKE}" stroke-width="1.5"/>'
        texts = _texts(lines, box.cx, box.cy - _height(lines) / 2)
        self.nodes.append(f'<g class="fc-node fc-{kind}">{shape}{"".join(texts)}</g>')
        self.bottom = max(self.bottom, box.bottom)

    def edge(self, d: str, *, arrow: bool = True, width: float = 1.5) -> None:
        end = f' marker-end="url(#{self.marker})"' if arrow else ""
        self.edges.append(
            f'<path d="{d}" fill="none" stroke="{STROKE}" stroke-width="{_n(width)}"{end}/>'
        )

    def text(self, text: str, x: float, top: float, anchor: str = "start") -> None:
        self.nodes.extend(_texts([_Line(text, SMALL)], x, top, anchor))

    def down(self, y0: float, box_top: float) -> None:
        self.edge(f"M{_n(MAIN_CX)} {_n(y0)}V{_n(box_top)}")

    def main_box(
        self, kind: str, y0: float | None, lines: list[_Line], w: float, fill: str
    ) -> _Box:
        """A box in the main column, with an arrow from ``y0`` (none for the first box)."""
        h = _height(lines) + 2 * PAD_Y
        box = _Box(MAIN_CX, MARGIN if y0 is None else y0 + V_GAP, w, h)
        if y0 is not None:
            self.down(y0, box.top)
        rx = f' rx="{_n(h / 2)}"' if kind == "terminal" else ' rx="4"'
        self.node(kind, box, lines, fill, rx)
        return box

    def side_box(
        self, kind: str, cy: float | None, lines: list[_Line], fill: str, extra: str = ""
    ) -> _Box:
        w = min(COL_W, max(MIN_MAIN_W, _width(lines) + 2 * PAD_X))
        h = _height(lines) + 2 * PAD_Y
        top = self.side_y if cy is None else cy - h / 2
        box = _Box(SIDE_X + w / 2, top, w, h)
        self.node(kind, box, lines, fill, ' rx="4"' + extra)
        self.side_y = box.bottom + V_GAP
        return box

    def decision(self, y0: float, target: tuple[float, float], gap: float) -> float:
        """The completeness check and its two side branches; returns the main column's y."""
        lines = _label(DECISION, 7 * FONT)
        w, h = 2 * (_width(lines) + PAD_X), 2 * (_height(lines) + PAD_Y)
        box = _Box(MAIN_CX, y0 + gap, w, h)
        self.down(y0, box.top)
        self.node("decision", box, lines, FILL_DECISION)
        correct = self.side_box(
            "correct", box.cy, [_Line(CORRECT[0]), _Line(CORRECT[1], SMALL, True)], FILL_CORRECT
        )
        self.edge(f"M{_n(box.right)} {_n(box.cy)}H{_n(SIDE_X)}")
        junction = (box.right + SIDE_X) / 2
        self.text("否", (junction + SIDE_X) / 2, box.cy - 4 - SMALL * LINE_HEIGHT, "middle")
        tx, ty = target
        self.edge(f"M{_n(correct.cx)} {_n(correct.top)}V{_n(ty)}H{_n(tx)}")
        self.text(RESUBMIT, (tx + correct.cx) / 2, ty - 2 - SMALL * LINE_HEIGHT, "middle")
        refuse = self.side_box(
            "refuse", None, [_Line(REFUSE[0]), _Line(REFUSE[1], SMALL, True)], FILL_REFUSE
        )
        self.edge(f"M{_n(junction)} {_n(box.cy)}V{_n(refuse.cy)}H{_n(SIDE_X)}")
        self.text(OUT_OF_SCOPE, junction + 6, refuse.top - 4 - SMALL * LINE_HEIGHT)
        self.text("是", MAIN_CX + 6, box.bottom + 2)
        return box.bottom

    def parallel(self, y0: float, group: ParallelSteps) -> float:
        """Branches side by side between a fork and a join bar; returns the join bar's y."""
        n = max(1, len(group.parallel))
        slot = min(COL_W, max(MIN_SLOT, (BASE_WIDTH - 2 * MARGIN - SLOT_GAP * (n - 1)) / n))
        self.width = max(self.width, 2 * MARGIN + n * slot + (n - 1) * SLOT_GAP)
        label_top = max(y0 + 8, self.side_y)
        fork = label_top + SMALL * LINE_HEIGHT + 8
        self.down(y0, fork)
        total = _group_days(group)
        self.text(f"并联办理：用时取最长一项{total}", MAIN_CX + 6, label_top)
        blocks = [_step_lines(s, slot - 2 * PAD_X) for s in group.parallel]
        h = max((_height(b) for b in blocks), default=0.0) + 2 * PAD_Y
        xs = [MARGIN + slot / 2 + i * (slot + SLOT_GAP) for i in range(n)]
        top = fork + V_GAP * 0.75
        join = top + h + V_GAP * 0.75
        for x, lines in zip(xs, blocks, strict=False):
            box = _Box(x, top, slot, h)
            self.edge(f"M{_n(x)} {_n(fork)}V{_n(top)}")
            self.edge(f"M{_n(x)} {_n(box.bottom)}V{_n(join)}", arrow=False)
            self.node("step", box, lines, FILL_STEP, ' rx="4"')
        x0, x1 = min(xs[0], MAIN_CX) - 12, max(xs[-1], MAIN_CX) + 12
        for y in (fork, join):
            self.edge(f"M{_n(x0)} {_n(y)}H{_n(x1)}", arrow=False, width=3)
        self.bands.append((label_top, join))
        return join

    def special(self, lines: list[_Line]) -> None:
        """Dashed box in the first free stretch of the side column below the side branches."""
        h = _height(lines) + 2 * PAD_Y
        y = self.side_y
        for top, bottom in sorted(self.bands):
            if y < bottom + V_GAP and y + h + V_GAP > top:
                y = bottom + V_GAP
        self.side_y = y
        self.side_box("special", None, lines, FILL_SPECIAL, ' stroke-dasharray="6 4"')


def render_flowchart(item: Item, *, title: str, chart_id: str) -> str:
    """The item's procedure as an inline ``<svg>``; ``chart_id`` keeps ids unique on a page."""
    if not _CHART_ID.match(chart_id):
        raise ValueError(f"chart_id must match {_CHART_ID.pattern}: {chart_id!r}")
    item = with_step_units(item)
    chart = _Chart(chart_id)
    wrap_w = COL_W - 2 * PAD_X
    labels: list[list[_Line] | ParallelSteps] = [
        _step_lines(e, wrap_w) if isinstance(e, Step) else e for e in item.steps
    ]
    start = [_Line(START)]
    end = _label(f"办结：{clean(item.result.name)}", wrap_w)
    fixed = [start, end] + [lab for lab in labels if isinstance(lab, list)]
    main_w = min(COL_W, max(MIN_MAIN_W, *(_width(lab) + 2 * PAD_X for lab in fixed)))

    anchor = _anchor(item)
    box = chart.main_box("terminal", None, start, main_w, FILL_TERMINAL)
    y = box.bottom
    if anchor < 0:
        y = chart.decision(y, (box.right, box.cy), V_GAP)
    for i, lab in enumerate(labels):
        if isinstance(lab, ParallelSteps):
            y = chart.parallel(y, lab)
            target, gap = (MAIN_CX, y + V_GAP), 2 * V_GAP
        else:
            box = chart.main_box("step", y, lab, main_w, FILL_STEP)
            y = box.bottom
            target, gap = (box.right, box.cy), V_GAP
        if i == anchor:
            y = chart.decision(y, target, gap)
    if item.special_procedures:
        lines = [_Line(SPECIAL)]
        for p in item.special_procedures:
            text = f"{clean(p.name)} {days_text(p.days, p.unit.value)}"
            lines += _label(text, COL_W - 2 * PAD_X, SMALL)
        chart.special(lines)
    chart.main_box("terminal", y, end, main_w, FILL_TERMINAL)

    width = chart.width
    height = max(chart.bottom, chart.side_y - V_GAP) + MARGIN
    desc = "\n".join(describe_flow(item))
    ids = f"{chart_id}-title", f"{chart_id}-desc"
    marker = (
        f'<marker id="{chart.marker}" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto">'
        f'<path d="M0 0L10 5L0 10z" fill="{STROKE}"/></marker>'
    )
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="flowchart" role="img" '
            f'viewBox="0 0 {_n(width)} {_n(height)}" width="{_n(width)}" height="{_n(height)}" '
            f'style="--bs-flow-width:{_n(width)}px" aria-labelledby="{ids[0]} {ids[1]}" '
            f'font-family="{FONT_FAMILY}" font-size="{FONT}" fill="{INK}" text-anchor="middle">',
            f'<title id="{ids[0]}">{escape(clean(title))}</title>',
            f'<desc id="{ids[1]}">{escape(desc)}</desc>',
            f"<defs>{marker}</defs>",
            f'<rect width="{_n(width)}" height="{_n(height)}" rx="8" fill="#ffffff"/>',
            *chart.edges,
            *chart.nodes,
            "</svg>",
        ]
    )
