"""The build's check, run inside the process that builds, so the catalogue is loaded once.

``build`` checks the catalogue before it builds.  It used to check in its own process and
then start MkDocs, which loaded every file again: a tenth of a 10,000-item build.  Now
``build`` passes the check's date and strictness to the MkDocs process (``BANSHI_CHECK``);
the plugin checks with the same pipeline as ``check``, builds from the catalogue the check
loaded, and leaves the report in a file (``BANSHI_CHECK_REPORT``) that ``build`` prints as
before.  Without these variables (``serve``, a bare ``mkdocs build``) nothing changes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..catalogue.diagnostics import format_text
from ..catalogue.loaded import Catalogue
from ..checks.pipeline import check_catalogue

ENV = "BANSHI_CHECK"
REPORT_ENV = "BANSHI_CHECK_REPORT"


@dataclass(frozen=True)
class Outcome:
    """What ``build`` prints of the check, and whether the build may go on."""

    text: str
    passed: bool


@dataclass(frozen=True)
class Request:
    as_of: date
    strict: bool
    report: Path

    def env(self) -> dict[str, str]:
        """The variables that ask the building process for this check."""
        mode = "strict" if self.strict else "default"
        return {ENV: f"{self.as_of.isoformat()} {mode}", REPORT_ENV: str(self.report)}

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Request | None:
        value, report = environ.get(ENV), environ.get(REPORT_ENV)
        if not value or not report:
            return None
        day, _, mode = value.partition(" ")
        return cls(date.fromisoformat(day), mode == "strict", Path(report))

    def run(self, root: Path) -> tuple[Catalogue, Outcome]:
        """Check ``root`` as ``check`` does; the outcome is also left in the report file."""
        catalogue, report = check_catalogue(root, as_of=self.as_of)
        text = format_text(report) if report.diagnostics else ""
        outcome = Outcome(text, report.exit_code(strict=self.strict) == 0)
        self.report.write_text(json.dumps(outcome.__dict__, ensure_ascii=False), "utf-8")
        return catalogue, outcome


def read_outcome(path: Path) -> Outcome | None:
    """The outcome the building process left, or None if it never got to check."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Outcome(str(data["text"]), bool(data["passed"]))
