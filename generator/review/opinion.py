"""``diff --format html``: the 审核意见表 the legal office prints, signs and files.

One A4 document: the two revisions and the summary, every flag with its sign-off status,
the burden table, every change (word diffs marked), and blank fields for the opinion
(同意 / 修改后同意 / 不同意), reviewer, date, 文号 and signature.  Rendered with Jinja's
autoescape and StrictUndefined, so catalogue text can never inject markup.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from .burden import BURDEN_HEADERS, CHECKS, LEVEL_ZH, Level, burden_cells
from .model import Change, Diff
from .textdiff import plain

SUBJECTS = (
    ("item", "事项"),
    ("department", "部门"),
    ("law", "法规"),
    ("chain", "审批链"),
    ("centre", "中心"),
    ("file", "文件"),
)


def _marked(change: Change) -> Markup:
    if not change.segments:
        return escape(change.text)
    diff = plain(change.segments)
    lead = change.text[: len(change.text) - len(diff)] if change.text.endswith(diff) else ""
    tags = {"=": "{}", "-": "<del>{}</del>", "+": "<ins>{}</ins>"}
    return escape(lead) + Markup("").join(
        Markup(tags[op]).format(escape(text)) for op, text in change.segments
    )


def _mark(change: Change) -> str:
    check = CHECKS[change.check]
    if check.win:
        return "✓ 减轻负担" + ("(需法制办审核)" if change.level is Level.ERROR else "")
    return check.mark or LEVEL_ZH[change.level]


def format_html(diff: Diff, summary: str) -> str:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    flagged = [
        (c, _marked(c), diff.signed.get(c.key)) for c in diff.changes if c.level is Level.ERROR
    ]
    burden = [(diff.names.get(i, i), i, burden_cells(diff.burden[i])) for i in sorted(diff.burden)]
    subjects = [
        (title, [c for c in diff.changes if c.subject == subject])
        for subject, title in SUBJECTS
        if any(c.subject == subject for c in diff.changes)
    ]
    return env.get_template("review/opinion.html").render(
        diff=diff,
        summary=summary,
        headers=BURDEN_HEADERS,
        burden=burden,
        total=burden_cells(diff.total),
        flagged=flagged,
        subjects=subjects,
        marked=_marked,
        mark=_mark,
    )
