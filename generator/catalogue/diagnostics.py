"""Diagnostics: every problem in every file, collected rather than raised.

A diagnostic carries a stable ASCII code (documented in ``docs/checks.md``), a severity,
the file and 1-based line/column, the data path inside the file and a Chinese message a
reviewer can act on.  Formatters follow yamllint: a readable one, a parsable one
(``file:line:col: [level] message (code)``), JSON, and GitHub workflow annotations.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    """Never fails a run: a suggestion (e.g. a free-text ``when`` that could be structured)."""


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place.  Ordering sorts by file, then position, then code."""

    file: str
    line: int
    col: int
    code: str
    severity: Severity
    message: str
    path: str = ""
    cell: str = ""
    """A spreadsheet cell (``Sheet!C17``, or ``C17`` in a CSV file) when the problem was read
    from one; ``line`` and ``col`` then hold its row and column numbers."""

    def parsable(self) -> str:
        where = self.cell or f"{self.line}:{self.col}"
        return f"{self.file}:{where}: [{self.severity}] {self.message} ({self.code})"


SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


@dataclass
class Report:
    """All diagnostics of one run, plus what was checked (for the summary line)."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_checked: int = 0
    items_checked: int = 0

    def add(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics.extend(diagnostics)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(sorted(set(self.diagnostics)))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self if d.severity is Severity.WARNING]

    @property
    def infos(self) -> list[Diagnostic]:
        return [d for d in self if d.severity is Severity.INFO]

    def exit_code(self, *, strict: bool = False) -> int:
        """yamllint's convention: 1 on errors; warnings fail only under ``--strict``."""
        if self.errors or (strict and self.warnings):
            return 1
        return 0

    def summary(self) -> str:
        infos = len(self.infos)
        return (
            f"检查了 {self.files_checked} 个文件、{self.items_checked} 个事项:"
            f"{len(self.errors)} 个错误,{len(self.warnings)} 个警告"
            + (f",{infos} 个提示。" if infos else "。")
        )


def format_text(report: Report) -> str:
    lines = [d.parsable() for d in report]
    lines.append(report.summary())
    return "\n".join(lines) + "\n"


def format_json(report: Report) -> str:
    payload = {
        "summary": {
            "files": report.files_checked,
            "items": report.items_checked,
            "errors": len(report.errors),
            "warnings": len(report.warnings),
            # suggestions only when there are some, so a clean summary stays as it was
            **({"infos": len(report.infos)} if report.infos else {}),
        },
        # ``cell`` only where there is one (an import), so check's output stays as it was.
        "diagnostics": [
            {
                k: v
                for k, v in {**asdict(d), "severity": str(d.severity)}.items()
                if v or k != "cell"
            }
            for d in report
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def github_escape(value: str, *, prop: bool = False) -> str:
    # Workflow commands treat %, CR and LF specially; properties also ':' and ','.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(report: Report) -> str:
    lines = []
    for d in report:
        level = {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(d.severity, "notice")
        props = ",".join(
            [
                f"file={github_escape(d.file, prop=True)}",
                f"line={d.line}",
                f"col={d.col}",
                f"title={github_escape(d.code, prop=True)}",
            ]
        )
        lines.append(f"::{level} {props}::{github_escape(d.message)}")
    lines.append(report.summary())
    return "\n".join(lines) + "\n"


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}
