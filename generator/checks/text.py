"""Plain text only: catalogue strings are shown literally on the page and the notice sheet.

HTML or Markdown typed by staff would print as ``<b>`` or ``**`` for the public (the site
escapes everything, so it is never executed); invisible characters break search and
copy-paste.  Every string of every file is walked once (items in the workers, the
top-level files by catalogue rules); a single combined regex skips clean strings, and
only suspects are classified.  The data path of each string is
reported, so ``materials[2].note`` points at the exact line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.loaded import Catalogue, LoadedItem
from ..catalogue.sources import DataPath, SourceMap
from . import CheckContext, rule
from ._common import emit

HTML = re.compile(
    r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"
    r"|<(?:script|iframe|style|object|embed|img|a)\b"
    r"|&(?:[A-Za-z]{2,8}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});",
    re.IGNORECASE,
)
MARKDOWN = re.compile(
    r"\*\*[^*\n]+\*\*|__[^_\n]+__|\[[^\]\n]+\]\([^)\n]*\)|`[^`\n]+`|(?m:^[ ]{0,3}#{1,6}[ \t])"
)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
FORMAT = re.compile(f"[{_FORMAT}]")
"""Every format character (Unicode category Cf): invisible, and bidi controls reorder text."""
SUSPECT = re.compile(f"[<&*_\\[`#\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_FORMAT}]")

# Values that other rules own (fees, conditions, phones), so one mistake gives one diagnostic.
_BLANK_OWNED = ("fees", "conditions")
_PHONE_KEYS = ("enquiry_phone", "supervision_phone", "citizen_hotline")

Finding = tuple[str, DataPath, str]


def _suspect(text: str) -> bool:
    return not text.strip() or SUSPECT.search(text) is not None


def _walk(value: object, path: DataPath, out: list[tuple[DataPath, str]]) -> None:
    """Append every suspect ``str`` inside ``value`` with its data path.

    This runs on every value of every item, so child paths are only built for containers
    and for the rare suspect string; enumerations (``StrEnum``) are not text.
    """
    if isinstance(value, BaseModel):
        # ``__dict__`` holds the fields in order, and only those a partial model has.
        for name, child in value.__dict__.items():
            kind = type(child)
            if kind is str:
                if _suspect(child):
                    out.append(((*path, name), child))
            elif kind is list or isinstance(child, BaseModel):
                _walk(child, (*path, name), out)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            if type(child) is str:
                if _suspect(child):
                    out.append(((*path, index), child))
            else:
                _walk(child, (*path, index), out)


def _classify(path: DataPath, text: str) -> Iterator[Finding]:
    if not text.strip():
        if path[0] not in _BLANK_OWNED and path[-1] not in _PHONE_KEYS:
            yield "text-blank", path, "内容是空的;请填写内容,或删除这个字段(可选字段)。"
        return
    match = HTML.search(text)
    if match:
        yield (
            "text-markup",
            path,
            f"含有 HTML 标记“{match.group()}”;页面按纯文本显示,请删除标记,只写文字"
            "(“<”“>”“&”可直接写,不要写 &lt; 之类的转义)。",
        )
    else:
        match = MARKDOWN.search(text)
        if match:
            yield (
                "text-markup",
                path,
                f"含有 Markdown 标记“{match.group().strip()}”;页面按纯文本显示,"
                "请删除 **、#、`、[文字](链接) 等标记,只写文字。",
            )
    match = CONTROL.search(text)
    if match:
        yield (
            "text-control",
            path,
            f"含有控制字符 U+{ord(match.group()):04X};请删除(多半来自转义写法或复制粘贴)。",
        )
    yield from _invisible(path, text)


_EMOJI = re.compile(r"[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]")
_EMOJI_TAIL = "\ufe0f\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff"
_FLAG = "\U0001f3f4"  # a black flag followed by tag characters: 🏴 of Scotland, Wales


def _joins_emoji(text: str, at: int) -> bool:
    """U+200D between two emoji (👨‍👩‍👧, 👩🏽‍⚕️) draws one picture, it is not spam."""
    before = at - 1
    while before >= 0 and text[before] in _EMOJI_TAIL:
        before -= 1
    after = text[at + 1 : at + 2]
    return before >= 0 and bool(_EMOJI.match(text[before])) and bool(_EMOJI.match(after))


def _in_flag(text: str, at: int) -> bool:
    """Tag characters U+E0020–E007F spelling a subdivision flag after 🏴."""
    start = at
    while start > 0 and "\U000e0020" <= text[start - 1] <= "\U000e007f":
        start -= 1
    return start > 0 and text[start - 1] == _FLAG


def _invisible(path: DataPath, text: str) -> Iterator[Finding]:
    """Format characters, bidi controls reported apart: ``text-bidi``, ``text-zero-width``."""
    bidi = BIDI.search(text)
    if bidi:
        yield (
            "text-bidi",
            path,
            f"含有看不见的文字方向控制字符 U+{ord(bidi.group()):04X};它会让文字倒着或错位显示"
            "(页面、告知单和导出表格都受影响),请删除(重新输入这段文字即可)。",
        )
    for match in FORMAT.finditer(text):
        at, char = match.start(), match.group()
        if BIDI.match(char) or (char == "\u200d" and _joins_emoji(text, at)):
            continue
        if "\U000e0020" <= char <= "\U000e007f" and _in_flag(text, at):
            continue
        yield (
            "text-zero-width",
            path,
            f"含有看不见的格式字符 U+{ord(char):04X};它会让搜索失灵,请删除(重新输入这段文字即可)。",
        )
        return


def _top_level(catalogue: Catalogue) -> Iterator[tuple[SourceMap, DataPath, object]]:
    """Each top-level file as loaded: lists in file order, so indices locate diagnostics."""
    for name, document in catalogue.files.items():
        source = catalogue.sources[name]
        if name == "centre.yaml":
            yield source, (), document
        else:
            key = name.removesuffix(".yaml")
            yield source, (key,), document.__dict__.get(key)


def _scan(source: SourceMap, root: DataPath, document: object) -> dict[str, list[Diagnostic]]:
    found: dict[str, list[Diagnostic]] = {}
    suspects: list[tuple[DataPath, str]] = []
    _walk(document, root, suspects)
    for path, text in suspects:
        for code, where, message in _classify(path, text):
            found.setdefault(code, []).append(emit(source, code, where, message))
    return found


# The four text rules run one after the other on the same item (or catalogue): the walk
# is done by the first and reused by the others.
_last: list[tuple[object, dict[str, list[Diagnostic]]]] = []


def _item_findings(loaded: LoadedItem, code: str) -> list[Diagnostic]:
    if not (_last and _last[0][0] is loaded):
        _last[:] = [(loaded, _scan(loaded.source, (), loaded.item))]
    return _last[0][1].get(code, [])


def _top_level_findings(catalogue: Catalogue, code: str) -> list[Diagnostic]:
    if not (_last and _last[0][0] is catalogue):
        found: dict[str, list[Diagnostic]] = {}
        for source, root, document in _top_level(catalogue):
            for key, diags in _scan(source, root, document).items():
                found.setdefault(key, []).extend(diags)
        _last[:] = [(catalogue, found)]
    return _last[0][1].get(code, [])


@rule("text-markup", Severity.ERROR)
def no_markup(loaded: LoadedItem, ctx: CheckContext) -> list[Diagnostic]:
    """Text is plain: no HTML tags or entities (``<b>``, ``<script``, ``&lt;``) and no
    Markdown (``**粗体**``, ``[链接](url)``, a leading ``# ``, backticks).  Links go in
    ``url`` fields; emphasis is the template's job.  Checked in every file.

    Passing:
        note: 申请人须本人到场

    Failing:
        note: <b>申请人须本人到场</b>
    """
    return _item_findings(loaded, "text-markup")


@rule("text-control", Severity.ERROR)
def no_control(loaded: LoadedItem, ctx: CheckContext) -> list[Diagnostic]:
    """No control characters in text (a double-quoted ``"\\a"`` or ``"\\x01"`` escape
    produces one); they break printing.  Line breaks and tabs are allowed.  Checked in
    every file.

    Passing:
        note: "请携带原件"

    Failing:
        note: "请携带原件\\x07"
    """
    return _item_findings(loaded, "text-control")


@rule("text-zero-width", Severity.ERROR)
def no_zero_width(loaded: LoadedItem, ctx: CheckContext) -> list[Diagnostic]:
    """No invisible format characters (U+200B–U+200D, U+2060, U+FEFF, the soft hyphen
    U+00AD and the rest of Unicode's category Cf), usually pasted from web pages or chat
    apps: the text looks right but search does not find it.  U+200D joining emoji (a
    family 👨‍👩‍👧) is one picture and is accepted.  Checked in every file.

    Passing:
        name: 食品经营许可

    Failing:
        name: "食品\\u200b经营许可"
    """
    return _item_findings(loaded, "text-zero-width")


@rule("text-bidi", Severity.ERROR)
def no_bidi(loaded: LoadedItem, ctx: CheckContext) -> list[Diagnostic]:
    """No bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C):
    invisible, they make a name display reversed or out of order on the page, the notice
    sheet and in the exported tables, so what the public reads is not what a reviewer
    approved.  Checked in every file.

    Passing:
        name: 食品经营许可

    Failing:
        name: "食品\u202e可许营经"
    """
    return _item_findings(loaded, "text-bidi")


@rule("text-blank", Severity.ERROR)
def no_blank(loaded: LoadedItem, ctx: CheckContext) -> list[Diagnostic]:
    """A text field that is present is not empty or only spaces: the page would show an
    empty heading.  Leave an optional field out instead.  (Blank fees and conditions are
    reported by their own rules.)  Checked in every file.

    Passing:
        summary: 申请从事食品销售和餐饮服务的许可

    Failing:
        summary: ""
    """
    return _item_findings(loaded, "text-blank")


@rule("text-markup", Severity.ERROR, scope="catalogue")
def top_level_markup(catalogue: Catalogue, ctx: CheckContext) -> list[Diagnostic]:
    """The same check on centre.yaml, departments.yaml, laws.yaml and chains.yaml."""
    return _top_level_findings(catalogue, "text-markup")


@rule("text-control", Severity.ERROR, scope="catalogue")
def top_level_control(catalogue: Catalogue, ctx: CheckContext) -> list[Diagnostic]:
    """The same check on centre.yaml, departments.yaml, laws.yaml and chains.yaml."""
    return _top_level_findings(catalogue, "text-control")


@rule("text-zero-width", Severity.ERROR, scope="catalogue")
def top_level_zero_width(catalogue: Catalogue, ctx: CheckContext) -> list[Diagnostic]:
    """The same check on centre.yaml, departments.yaml, laws.yaml and chains.yaml."""
    return _top_level_findings(catalogue, "text-zero-width")


@rule("text-bidi", Severity.ERROR, scope="catalogue")
def top_level_bidi(catalogue: Catalogue, ctx: CheckContext) -> list[Diagnostic]:
    """The same check on centre.yaml, departments.yaml, laws.yaml and chains.yaml."""
    return _top_level_findings(catalogue, "text-bidi")


@rule("text-blank", Severity.ERROR, scope="catalogue")
def top_level_blank(catalogue: Catalogue, ctx: CheckContext) -> list[Diagnostic]:
    """The same check on centre.yaml, departments.yaml, laws.yaml and chains.yaml."""
    return _top_level_findings(catalogue, "text-blank")
