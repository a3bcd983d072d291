"""PyYAML's syntax errors in the words of a clerk, at the line where the mistake is.

The parser reports where it gave up, which is often lines after the mistake: an unclosed
quote swallows the following lines and the error lands on the next quote it meets.  Here
the error is moved back to the mistake (the opening quote, the unclosed bracket) and said
in Chinese with what to do; the parser's own text is kept at the end as detail for
whoever knows YAML.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Syntax:
    line: int
    col: int
    message: str


def _mark(mark: yaml.Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _open_quote(text: str, before: tuple[int, int]) -> tuple[int, int, str] | None:
    """The last quoted scalar starting before ``before`` that spans several lines: an
    unclosed quote that swallowed the next lines.  (line, col, quote)."""
    found = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            start, end = token.start_mark, token.end_mark
            if (start.line + 1, start.column + 1) >= before:
                break
            style = getattr(token, "style", None) if isinstance(token, yaml.ScalarToken) else None
            if style in ('"', "'") and end.line > start.line:
                found = (start.line + 1, start.column + 1, str(style))
    except yaml.YAMLError:
        pass
    return found


def _after_quote(text: str, where: tuple[int, int]) -> str | None:
    """The words after a closing quote on the error's line (``a: "x" y``), if that is it."""
    lines = text.splitlines()
    if where[0] > len(lines):
        return None
    line = lines[where[0] - 1]
    before = line[: where[1] - 1].rstrip()
    if before.endswith(('"', "'")) and line[where[1] - 1 :].strip():
        return line[where[1] - 1 :].strip()
    return None


def explain(exc: yaml.YAMLError, text: str) -> Syntax:
    context = getattr(exc, "context", None) or ""
    problem = getattr(exc, "problem", None) or str(exc)
    where = _mark(getattr(exc, "problem_mark", None))
    opened = _mark(getattr(exc, "context_mark", None))
    original = f"{context}; {problem}" if context else problem
    detail = f"(解析器原文:{original},第 {where[0]} 行第 {where[1]} 列)"
    line, col = where
    if "quoted scalar" in context:
        line, col = opened
        lines = text.splitlines()
        quote = lines[line - 1][col - 1 : col] if line <= len(lines) else '"'
        said = (
            f"引号 {quote} 没有闭合:从这里到文件末尾都被当成了同一段文字;"
            f"请在这段文字末尾补上 {quote}"
        )
    elif "flow sequence" in context or "flow mapping" in context:
        line, col = opened
        bracket = "方括号 [ ]" if "sequence" in context else "花括号 { }"
        said = f"{bracket}没有闭合;请补上右括号,或把含有逗号、括号的文字整段加上引号"
    elif (quoted := _open_quote(text, where)) is not None:
        line, col, quote = quoted
        said = f"引号 {quote} 没有闭合:它把后面几行都吞进了同一段文字;请在这段文字末尾补上 {quote}"
    elif (after := _after_quote(text, where)) is not None:
        said = f"引号已经结束,后面还有文字“{after}”;请把整段文字都放在引号里,或者去掉引号"
    elif "mapping values are not allowed" in problem:
        said = (
            "这里不能出现“冒号加空格”;文字里有“: ”时请把整段文字加上引号,或检查上一行是否漏了冒号"
        )
    elif "could not find expected ':'" in problem:
        line, col = opened if "simple key" in context else where
        said = "这一行缺少“键: 值”中的冒号(冒号后要有空格)"
    elif "block mapping" in context or "block collection" in context:
        said = "缩进不对:同一层的键或列表项(- )要左端对齐;请对照上面几行调整这一行的缩进"
    elif "found character" in problem:
        said = "含有 YAML 不允许出现在这里的字符;请把这段文字加上引号"
    else:
        said = "写法不符合 YAML 格式"
    return Syntax(line, col, f"YAML 语法错误:{said}。{detail}")
