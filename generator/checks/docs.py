"""Render ``docs/checks.md``: every code a reviewer can meet, from the registry.

Rule docstrings and ``LOADER_CODES`` are the single source; the committed page is
compared with this output by a test, so docs cannot drift from the code.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable

from ..catalogue.diagnostics import SEVERITY_ZH, Severity
from . import FAMILIES, load_rules
from .loader_codes import LOADER_CODES

FAMILY_TITLES = {
    "loader": "读取与结构(yaml-、file-、schema-)",
    "refs": "引用(ref-)",
    "windows": "受理窗口(ref-window、ref-step-window、ref-window-missing)",
    "basis": "法律依据(basis-)",
    "conditions": "受理条件(cond-)",
    "materials": "申请材料(mat-)",
    "time": "办理时限与流程(time-)",
    "calendar": "工作日历(calendar-)",
    "fees": "收费(fee-)",
    "phones": "电话(phone-)",
    "text": "文本(text-)",
    "script": "简体字(text-traditional)",
    "synonyms": "搜索同义词(syn-)",
    "situations": "情形引导:问题与引用(sit-)",
    "answersets": "情形引导:逐一核对回答组合(sit-)",
    "bundles": "一件事(bundle-)",
}

HEADER = """# 检查规则

<!-- 由 generator/checks/docs.py 从规则的文档字符串生成;请勿手工修改。重新生成:
     .venv/bin/python -m generator.checks.docs -->

`python -m generator check catalogue` 报告的每个问题都带有一个代码。错误(error)使检查失败
(退出状态 1);警告(warning)只在 `--strict` 时使检查失败;提示(info)是改进建议,从不使检查失败。
"""


def _example(label: str, body: str) -> list[str]:
    lines = [line.removeprefix("    ") for line in body.strip("\n").splitlines()]
    return [f"{label}:", "", "```yaml", *lines, "```", ""]


def _section(code: str, severity: Severity, doc: str, scope: str | None) -> list[str]:
    text = inspect.cleandoc(doc)
    where = {
        "item": "各事项文件",
        "catalogue": "跨文件",
        "both": "事项文件和顶层文件(centre、departments、laws、chains)",
        None: "读取和结构校验",
    }
    head = f"**{SEVERITY_ZH[severity]}**({severity});检查范围:{where[scope]}"
    prose, _, examples = text.partition("Passing:")
    passing, _, failing = examples.partition("Failing:")
    out = [f"### `{code}`", "", head, "", prose.strip(), ""]
    if passing.strip():
        out.extend(_example("正确示例", passing))
    if failing.strip():
        out.extend(_example("错误示例", failing))
    return out


def documented_codes() -> dict[str, Severity]:
    """Every documented code and its severity (rules and loader codes)."""
    codes = {code: severity for code, (severity, _) in LOADER_CODES.items()}
    codes.update({info.code: info.severity for info in load_rules().values()})
    return codes


def _rule_sections() -> Iterable[tuple[str, list[str]]]:
    rules = load_rules()
    for family in FAMILIES:
        lines: list[str] = []
        for key, info in rules.items():
            if info.family != family or key != info.code:
                continue  # a companion (``code/scope``) shares its primary's docs
            scope = "both" if any(k.startswith(f"{key}/") for k in rules) else info.scope
            lines.extend(_section(info.code, info.severity, info.doc, scope))
        yield family, lines


def render_checks_doc() -> str:
    parts = [HEADER]
    loader: list[str] = []
    for code, (severity, doc) in LOADER_CODES.items():
        loader.extend(_section(code, severity, doc, None))
    for family, lines in [("loader", loader), *_rule_sections()]:
        parts.append(f"## {FAMILY_TITLES[family]}\n")
        parts.append("\n".join(lines).rstrip() + "\n")
    return "\n".join(parts)


def write_checks_doc(path: str = "docs/checks.md") -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(render_checks_doc())


if __name__ == "__main__":
    write_checks_doc()
