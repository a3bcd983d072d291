"""The site's own vocabulary: SKOS concept schemes for every coded value, and the few
extension terms for what CPSV-AP 3.2 cannot carry.

Both live in one published file, ``/data/vocabulary.jsonld``; every concept and term is a
fragment of that file's address (``…/data/vocabulary.jsonld#kind-on-the-spot``), so each
IRI resolves to its own definition and stays as stable as the enumeration it comes from:
a concept's fragment is the Python name of the enumeration member, never its Chinese
label, so re-wording a label keeps the IRI.

No EU controlled vocabulary has an entry for these Chinese administrative codes (办件类型,
事项类型 …), so the schemes carry no ``skos:exactMatch``; :data:`EXACT_MATCH` is where one
goes once a real concept IRI is known.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ..catalogue.exempt import ExemptWay
from ..catalogue.models import (
    Audience,
    BasisRole,
    DayUnit,
    ItemType,
    Kind,
    MaterialForm,
    MaterialSource,
    Medium,
    Necessity,
    ResultType,
    SpecialKind,
)

FILE = "vocabulary.jsonld"
PREFIX = "bs"


@dataclass(frozen=True)
class Scheme:
    slug: str
    label: str
    concepts: tuple[tuple[str, str], ...]
    """(fragment suffix, Chinese prefLabel) of each concept, in the enumeration's order."""

    def fragment(self, label: str) -> str:
        for slug, text in self.concepts:
            if text == label:
                return f"{self.slug}-{slug}"
        raise KeyError(f"{self.label}中没有“{label}”")


def _members(enum: type[StrEnum]) -> tuple[tuple[str, str], ...]:
    return tuple((m.name.lower().replace("_", "-"), m.value) for m in enum)


CHANNEL_WINDOW = "办事窗口"
CHANNEL_ONLINE = "网上办理"
JOINT = "联办部门"

SCHEMES: dict[str, Scheme] = {
    s.slug: s
    for s in (
        Scheme("item-type", "事项类型", _members(ItemType)),
        Scheme("kind", "办件类型", _members(Kind)),
        Scheme("channel", "办理渠道", (("window", CHANNEL_WINDOW), ("online", CHANNEL_ONLINE))),
        Scheme("audience", "服务对象", _members(Audience)),
        Scheme("necessity", "材料必要性", _members(Necessity)),
        Scheme("material-source", "材料来源渠道", _members(MaterialSource)),
        Scheme("material-form", "材料形式", _members(MaterialForm)),
        Scheme("medium", "材料载体", _members(Medium)),
        Scheme("result-type", "办理结果类型", _members(ResultType)),
        Scheme("citation-role", "依据类型", _members(BasisRole)),
        Scheme("day-unit", "时限单位", _members(DayUnit)),
        Scheme("special-kind", "特别程序种类", _members(SpecialKind)),
        Scheme("exempt-way", "免提交方式", _members(ExemptWay)),
        Scheme("participation-role", "参与方式", (("joint", JOINT),)),
    )
}

EXACT_MATCH: dict[str, str] = {}
"""Concept fragment -> the IRI of the same concept in an EU controlled vocabulary."""


@dataclass(frozen=True)
class Term:
    name: str
    kind: str
    """``rdf:Property`` or ``rdfs:Class``."""
    label: str
    comment: str
    range: str = ""
    """A datatype (``xsd:…``), ``skos:Concept`` (a concept of ``scheme``) or a class."""
    scheme: str = ""
    sub_property_of: str = ""
    domain: str = "cpsv:PublicService"


TERMS: tuple[Term, ...] = (
    Term(
        "statutoryProcessingTime",
        "rdf:Property",
        "法定办结时限",
        "法律法规规定的办结时限;cv:processingTime 是中心承诺的时限,通常更短",
        "xsd:duration",
    ),
    Term(
        "statutoryTimeUnit",
        "rdf:Property",
        "法定办结时限单位",
        "法定办结时限按工作日还是自然日计算",
        "skos:Concept",
        "day-unit",
    ),
    Term(
        "processingTimeUnit",
        "rdf:Property",
        "承诺办结时限单位",
        "cv:processingTime(承诺办结时限)按工作日还是自然日计算",
        "skos:Concept",
        "day-unit",
    ),
    Term(
        "handlingKind",
        "rdf:Property",
        "办件类型",
        "即办件(当场办结)、承诺件、联办件或报批件",
        "skos:Concept",
        "kind",
        sub_property_of="cv:isClassifiedBy",
    ),
    Term(
        "visits",
        "rdf:Property",
        "到办事现场次数",
        "申请人须到现场的次数",
        "xsd:integer",
    ),
    Term(
        "specialProcedure",
        "rdf:Property",
        "特别程序",
        "听证、检验、专家评审等特别程序;其所需时间不计入办结时限",
        "bs:SpecialProcedure",
    ),
    Term(
        "SpecialProcedure",
        "rdfs:Class",
        "特别程序",
        "不计入办结时限的特别程序;dct:type 为特别程序种类,bs:maximumTime 为最长所需时间",
        domain="",
    ),
    Term(
        "maximumTime",
        "rdf:Property",
        "特别程序最长所需时间",
        "不计入办结时限",
        "xsd:duration",
        domain="bs:SpecialProcedure",
    ),
    Term(
        "timeUnit",
        "rdf:Property",
        "特别程序时间单位",
        "bs:maximumTime 按工作日还是自然日计算",
        "skos:Concept",
        "day-unit",
        domain="bs:SpecialProcedure",
    ),
    Term(
        "necessity",
        "rdf:Property",
        "材料必要性",
        "必要、非必要或容缺后补",
        "skos:Concept",
        "necessity",
        domain="cv:Evidence",
    ),
    Term(
        "materialSource",
        "rdf:Property",
        "材料来源渠道",
        "申请人自备、政府部门核发或其他",
        "skos:Concept",
        "material-source",
        domain="cv:Evidence",
    ),
    Term(
        "materialForm",
        "rdf:Property",
        "材料形式",
        "原件、复印件或原件和复印件",
        "skos:Concept",
        "material-form",
        domain="cv:Evidence",
    ),
    Term(
        "medium",
        "rdf:Property",
        "材料载体",
        "纸质、电子或纸质或电子",
        "skos:Concept",
        "medium",
        domain="cv:Evidence",
    ),
    Term("copies", "rdf:Property", "份数", "须提交的份数", "xsd:integer", domain="cv:Evidence"),
    Term(
        "exemptWay",
        "rdf:Property",
        "免提交方式",
        "减证便民:窗口通过数据共享、电子证照或部门核验自行取得这份材料,申请人无需提交",
        "skos:Concept",
        "exempt-way",
        domain="cv:Evidence",
    ),
    Term(
        "exemptBasis",
        "rdf:Property",
        "免提交依据",
        "窗口怎样取得这份材料(共享平台、电子证照库、核验系统)",
        "rdf:langString",
        domain="cv:Evidence",
    ),
)
"""The extension terms, in the order the ``/data/`` page lists them."""


def namespace(vocabulary_url: str) -> str:
    """The extension namespace: fragments of the published vocabulary file."""
    return f"{vocabulary_url}#"


def concept(scheme: str, label: str) -> str:
    """The compact IRI of the concept of ``scheme`` whose Chinese label is ``label``
    (the properties that take concepts are IRI-valued in the context)."""
    return f"{PREFIX}:{SCHEMES[scheme].fragment(label)}"


def concept_nodes() -> list[dict[str, Any]]:
    """Every concept scheme and its concepts, as JSON-LD nodes with compact IRIs."""
    nodes: list[dict[str, Any]] = []
    for scheme in SCHEMES.values():
        scheme_id = f"{PREFIX}:{scheme.slug}"
        nodes.append(
            {
                "@id": scheme_id,
                "@type": "skos:ConceptScheme",
                "skos:prefLabel": scheme.label,
                "dct:title": scheme.label,
                "skos:hasTopConcept": [
                    {"@id": f"{PREFIX}:{scheme.slug}-{slug}"} for slug, _ in scheme.concepts
                ],
            }
        )
        for slug, label in scheme.concepts:
            fragment = f"{scheme.slug}-{slug}"
            node: dict[str, Any] = {
                "@id": f"{PREFIX}:{fragment}",
                "@type": "skos:Concept",
                "skos:prefLabel": label,
                "skos:inScheme": {"@id": scheme_id},
                "skos:topConceptOf": {"@id": scheme_id},
            }
            if fragment in EXACT_MATCH:
                node["skos:exactMatch"] = {"@id": EXACT_MATCH[fragment]}
            nodes.append(node)
    return nodes


def term_nodes() -> list[dict[str, Any]]:
    """The extension terms, labelled and commented in Chinese."""
    nodes: list[dict[str, Any]] = []
    for term in TERMS:
        node: dict[str, Any] = {
            "@id": f"{PREFIX}:{term.name}",
            "@type": term.kind,
            "rdfs:label": term.label,
            "rdfs:comment": term.comment,
        }
        if term.kind == "rdf:Property":
            node["rdfs:range"] = {"@id": term.range}
            if term.domain:
                node["rdfs:domain"] = {"@id": term.domain}
        if term.sub_property_of:
            node["rdfs:subPropertyOf"] = {"@id": term.sub_property_of}
        if term.scheme:
            node["skos:scopeNote"] = f"取值见概念体系 {PREFIX}:{term.scheme}"
        nodes.append(node)
    return nodes
