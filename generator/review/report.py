"""Reports of a :class:`~.diff.Diff`: Markdown (default), JSON and GitHub.

The burden table comes first, then what needs the legal office, then every change by
subject.  ``github`` prints workflow annotations (``::warning file=…,line=…::``) on stdout
and appends the Markdown to the job summary file when ``GITHUB_STEP_SUMMARY`` is set.
Catalogue text is escaped for Markdown tables so a ``|`` or ``<`` in a name cannot break
or inject into the summary.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from ..catalogue.diagnostics import github_escape
from .burden import BURDEN_HEADERS, CHECKS, LEVEL_ZH, Level, burden_cells
from .diff import Change, Diff
from .opinion import SUBJECTS, format_html
from .textdiff import plain


def _md(text: str) -> str:
    """Escape catalogue text for a Markdown table cell or list item (GitHub flavour)."""
    out = text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    out = out.replace("<", "&lt;").replace(">", "&gt;")
    for ch in "*_`[]#":
        out = out.replace(ch, "\\" + ch)
    return out


def _where(change: Change) -> str:
    return f"`{change.file}:{change.line}`"


def _mark(change: Change) -> str:
    check = CHECKS[change.check]
    if check.win:
        return "✓ 减轻负担" + ("(需法制办审核)" if change.level is Level.ERROR else "")
    return check.mark or LEVEL_ZH[change.level]


def _text(change: Change) -> str:
    """The change's text for Markdown: a word diff as <del>/<ins> (GitHub renders both, and
    they survive CJK neighbours where ~~ and ** do not)."""
    if not change.segments:
        return _md(change.text)
    diff = plain(change.segments)
    lead = change.text[: len(change.text) - len(diff)] if change.text.endswith(diff) else ""
    tags = {"=": "{}", "-": "<del>{}</del>", "+": "<ins>{}</ins>"}
    return _md(lead) + "".join(tags[op].format(_md(text)) for op, text in change.segments)


def summary_line(diff: Diff) -> str:
    if not diff.changes:
        return "没有实质变更(格式调整、键的顺序不算变更)。"
    unreadable = sum(bool(CHECKS[c.check].mark) for c in diff.changes)
    burden = diff.count(Level.WARNING) - unreadable
    line = (
        f"共 {diff.size} 处变更:需法制办审核 {diff.count(Level.ERROR)} 处,"
        f"增加负担 {burden} 处,减轻负担 {diff.wins} 处。"
    )
    if unreadable:
        line += f"另有 {unreadable} 个文件无法读取,未能比较(其余文件照常比较)。"
    if diff.records and diff.count(Level.ERROR):
        line += f"法制办已签核 {diff.count(Level.ERROR) - len(diff.unsigned())} 处,"
        line += f"未签核 {len(diff.unsigned())} 处。"
    return line


def format_markdown(diff: Diff) -> str:
    lines = [f"# 目录变更:{_md(diff.base)} → {_md(diff.head)}", "", summary_line(diff), ""]
    if not diff.changes:
        return "\n".join(lines)
    if diff.burden:
        lines += ["## 群众负担变化", ""]
        lines.append("| 事项 | " + " | ".join(BURDEN_HEADERS) + " |")
        lines.append("|" + " --- |" * (len(BURDEN_HEADERS) + 1))
        for item_id in sorted(diff.burden):
            name = _md(diff.names.get(item_id, item_id))
            cells = burden_cells(diff.burden[item_id])
            lines.append(f"| {name}(`{item_id}`) | " + " | ".join(cells) + " |")
        lines.append("| **合计** | " + " | ".join(burden_cells(diff.total)) + " |")
        lines += ["", "✓ 表示减轻负担。新增和删除的事项不计入上表。", ""]
    flagged = [c for c in diff.changes if c.level is Level.ERROR]
    if flagged:
        signing = bool(diff.records)
        lines += ["## 需法制办审核", ""]
        if signing:
            lines += ["| 检查项 | 变更 | 位置 | 签核 |", "| --- | --- | --- | --- |"]
        else:
            lines += ["| 检查项 | 变更 | 位置 |", "| --- | --- | --- |"]
        for c in flagged:
            subject = "" if c.text.startswith(c.name) else f"{_md(c.name)}:"
            row = f"| `{c.check}` | {subject}{_text(c)} | {_where(c)} |"
            if signing:
                signature = diff.signed.get(c.key)
                row += f" {_md(signature.text()) if signature else '**未签核**'} |"
            lines.append(row)
        lines.append("")
    for subject, title in SUBJECTS:
        changes = [c for c in diff.changes if c.subject == subject]
        if not changes:
            continue
        lines += [f"## {title}", ""]
        current = None
        for c in changes:
            if (c.id, c.file) != current:
                current = (c.id, c.file)
                lines += ([""] if lines[-1] else []) + [
                    f"### {_md(c.name)}(`{c.id}`)",
                    "",
                    f"文件:`{c.file}`",
                    "",
                ]
            lines.append(f"- {_text(c)}(第 {c.line} 行;{_mark(c)};`{c.check}`)")
        lines.append("")
    return "\n".join(lines)


def format_json(diff: Diff) -> str:
    payload = {
        "base": diff.base,
        "head": diff.head,
        "summary": {
            "changes": diff.size,
            "legal": diff.count(Level.ERROR),
            "burden": diff.count(Level.WARNING),
            "info": diff.count(Level.INFO),
            "wins": diff.wins,
            "exit_code": diff.exit_code(),
            "unsigned": len(diff.unsigned()),
        },
        "burden": {
            "total": diff.total.as_dict(),
            "items": {k: diff.burden[k].as_dict() for k in sorted(diff.burden)},
        },
        "changes": [_json_change(c, diff) for c in diff.changes],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _json_change(change: Change, diff: Diff) -> dict[str, object]:
    data: dict[str, object] = change.as_dict()
    data["key"] = change.key
    signature = diff.signed.get(change.key)
    data["signed"] = (
        None
        if signature is None
        else {
            "reviewer": signature.reviewer,
            "date": signature.day.isoformat(),
            "opinion": signature.opinion,
            "number": signature.number,
            "record": signature.file,
        }
    )
    return data


def format_github(diff: Diff) -> str:
    """Annotations on stdout; the Markdown goes to the job summary file when there is one."""
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with Path(summary).open("a", encoding="utf-8") as out:
            out.write(format_markdown(diff) + "\n")
    lines = []
    for c in diff.changes:
        if c.level is Level.INFO:
            continue
        mark = CHECKS[c.check].mark or LEVEL_ZH[c.level]
        if c.key in diff.signed:
            mark = "法制办已签核"
        title = github_escape(f"{mark}:{c.check}", prop=True)
        if c.check == "item-removed":
            props = f"title={title}"  # its file is gone from the pull request: no line to mark
        else:
            props = f"file={github_escape(c.file, prop=True)},line={c.line},title={title}"
        lines.append(f"::warning {props}::{github_escape(c.name + ':' + c.text)}")
    lines.append(summary_line(diff))
    return "\n".join(lines) + "\n"


FORMATS: dict[str, Callable[[Diff], str]] = {
    "markdown": lambda d: format_markdown(d) + "\n",
    "json": format_json,
    "github": format_github,
    "html": lambda d: format_html(d, summary_line(d)),
}
