"""情形引导 and 免提交 in ``catalogue.jsonld``: what CPSV-AP 3.2 can say of them, and no more.

CPSV-AP has a ``cv:Requirement`` that ``cv:hasSupportingEvidence`` (and an Evidence that
``cv:supportsRequirement``), but no question, option or answer set.  So a material that
only some answers need (``answers``) becomes an Evidence supporting a Requirement of its
own, ``…#situation-N``, whose ``dct:description`` says in words which answers need it
("卖方是个人还是单位?个人"); a material every answer needs supports none.  The questions
themselves, follow-ups, alternative groups (``one_of``) and the ``answers`` of conditions,
fees and steps have no CPSV-AP home: they are published in ``catalogue.json``
(``situations`` and each material's ``answers``) and the CSV 情形引导 column only.

A 免提交 material stays an Evidence (the service still needs it; the window obtains it),
with ``bs:exemptWay`` and ``bs:exemptBasis`` and a ``dct:description`` that says so.
"""

from __future__ import annotations

from typing import Any

from . import vocabulary as v
from .records import Record


def answers_text(record: Record, answers: dict[str, Any]) -> str:
    """``卖方是个人还是单位?个人;婚姻状况?已婚或离异`` (questions ANDed, options ORed)."""
    questions = {q["id"]: q for q in record["situations"]}
    parts = []
    for question_id, options in answers.items():
        question = questions.get(question_id)
        if question is None:  # an unchecked catalogue (sit-unknown-question)
            continue
        ids = [options] if isinstance(options, str) else options
        labels = [o["label"] for o in question["options"] if o["id"] in ids]
        parts.append(f"{question['question']}{'或'.join(labels)}")
    return ";".join(parts)


def situation_requirements(record: Record, url: str) -> list[dict[str, Any]]:
    """One ``cv:Requirement`` per material that only some answers need."""
    out = []
    for m in record["materials"]:
        if not m["answers"]:
            continue
        n = m["number"]
        out.append(
            {
                "@id": f"{url}#situation-{n}",
                "@type": "cv:Requirement",
                "dct:identifier": f"{record['id']}#situation-{n}",
                "dct:title": f"需要提交“{m['name']}”的情形",
                "dct:description": f"情形引导中回答为:{answers_text(record, m['answers'])}",
                "cv:hasSupportingEvidence": f"{url}#material-{n}",
            }
        )
    return out


def evidence_extras(record: Record, url: str, material: Record) -> dict[str, Any]:
    """The properties an Evidence gains from its ``answers`` and ``exempt``."""
    extra: dict[str, Any] = {}
    if material["answers"]:
        extra["cv:supportsRequirement"] = f"{url}#situation-{material['number']}"
    exempt = material["exempt"]
    if exempt:
        extra["bs:exemptWay"] = v.concept("exempt-way", exempt["way"])
        extra["bs:exemptBasis"] = exempt["basis"]
        extra["dct:description"] = f"免于提交:{exempt['way']},{exempt['basis']}"
    return extra
