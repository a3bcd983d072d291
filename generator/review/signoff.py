"""The legal office's sign-off, recorded in the repository: ``reviews/*.yaml``.

``diff BASE HEAD --sign --reviewer 张三 --opinion 同意 --number 示法审〔2026〕12号`` writes one
file naming the reviewer, the date, the opinion, the decision number (文号) and every
change at level ``error`` it signs, each by a key that hashes what the change is (check,
subject, id, field, old and new value), not where it is: the same change signed on a
branch stays signed after a rebase, and any other change, or the same field changed
again to another value, is not covered.  The legal office commits that file to the pull
request (CODEOWNERS makes ``reviews/`` theirs); ``diff`` then shows each flag as signed
or not and exits 1 only while a flag is unsigned.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from .burden import Level
from .model import Diff

REVIEWS = "reviews"
"""The folder of sign-off records, at the top of the repository."""


@dataclass(frozen=True)
class Signature:
    reviewer: str
    day: date
    opinion: str
    number: str
    file: str

    def text(self) -> str:
        number = f" {self.number}" if self.number else ""
        return f"已签核:{self.reviewer} {self.day.isoformat()} {self.opinion}{number}"


def load(folder: Path) -> dict[str, Signature]:
    """Every signed key in ``folder``'s records; unreadable records are skipped (``check``
    does not own them, and a broken record signs nothing)."""
    found: dict[str, Signature] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            signature = Signature(
                str(data["reviewer"]),
                date.fromisoformat(str(data["date"])),
                str(data.get("opinion") or "同意"),
                str(data.get("number") or ""),
                path.name,
            )
            keys = [str(entry["key"]) for entry in data.get("signed") or []]
        except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError):
            continue
        for signed in keys:
            found.setdefault(signed, signature)
    return found


def apply(diff: Diff, signatures: dict[str, Signature]) -> None:
    """Mark the flags of ``diff`` that a record signs."""
    diff.records = len({s.file for s in signatures.values()})
    for change in diff.changes:
        if change.level is Level.ERROR:
            signature = signatures.get(change.key)
            if signature is not None:
                diff.signed[change.key] = signature


def record(
    diff: Diff, folder: Path, *, reviewer: str, opinion: str, number: str, day: date
) -> Path | None:
    """Write the record signing every flag of ``diff``; None when there is nothing to sign."""
    flagged = [c for c in diff.changes if c.level is Level.ERROR]
    if not flagged:
        return None
    entries = [
        {"key": c.key, "check": c.check, "id": c.id, "name": c.name, "text": c.text}
        for c in flagged
    ]
    digest = hashlib.sha256("".join(e["key"] for e in entries).encode()).hexdigest()[:8]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{day.isoformat()}-{digest}.yaml"
    data = {
        "reviewer": reviewer,
        "date": day.isoformat(),
        "opinion": opinion,
        "number": number,
        "base": diff.base,
        "head": diff.head,
        "signed": entries,
    }
    header = "# 法制办审核记录(python -m generator diff --sign 写出;请随合并请求一起提交)\n"
    path.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path
