"""``catalogue.jsonld``: the items as public services in the EU CPSV-AP 3.2 vocabulary, each
node also typed and named in schema.org so that either kind of harvester understands it.

The file validates against the official CPSV-AP 3.2.0 SHACL shapes (``tests/shapes/``):
every node has a stable IRI (a fragment of its item's guide address, ``…/items/x/#cost-1``;
organisations a fragment of their department's page, laws of this file), a
``dct:identifier``, and each coded value is a ``skos:Concept`` of the site's own schemes
(:mod:`.vocabulary`, published as ``vocabulary.jsonld`` and repeated here so the file is
complete on its own).  What CPSV-AP cannot say (statutory limit, 即办件, special
procedures, the material's necessity …) uses the extension namespace ``bs:``.

The ``@context`` is embedded (never a remote URL), so the file is read offline.  The
mapping is :data:`MAPPING`, shown on the ``/data/`` page with the extension terms.
"""

from __future__ import annotations

from typing import Any

from . import vocabulary as v
from .jsonexport import dumps
from .jsonldsituations import evidence_extras, situation_requirements
from .records import Record

_CONTEXT: dict[str, Any] = {
    "cpsv": "http://purl.org/vocab/cpsv#",
    "cv": "http://data.europa.eu/m8g/",
    "dct": "http://purl.org/dc/terms/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "@language": "zh-CN",
    # Codes and phone numbers are not Chinese text.
    "dct:identifier": {"@language": None},
    "schema:identifier": {"@language": None},
    "schema:telephone": {"@language": None},
    # Links written as plain strings (compact IRIs): a third of the file's size otherwise.
    **{
        term: {"@type": "@id"}
        for term in (
            "dct:type",
            "dct:audience",
            "dct:spatial",
            "cv:hasCompetentAuthority",
            "cv:hasParticipant",
            "cv:role",
            "cv:hasLegalResource",
            "cpsv:implements",
            "cv:supportsRequirement",
            "cv:hasSupportingEvidence",
            "schema:serviceUrl",
            "schema:url",
            *(f"{v.PREFIX}:{t.name}" for t in v.TERMS if t.scheme),
        )
    },
}


def context(vocabulary_url: str) -> dict[str, Any]:
    """The embedded context, with the site's extension namespace."""
    return {**_CONTEXT, v.PREFIX: v.namespace(vocabulary_url)}


MAPPING: tuple[tuple[str, str, str], ...] = (
    ("事项", "cpsv:PublicService", "schema:GovernmentService"),
    ("基本编码", "dct:identifier", "schema:identifier"),
    ("事项名称", "dct:title", "schema:name"),
    ("一句话说明", "dct:description", "schema:description"),
    ("事项类型", "dct:type(skos:Concept,bs:item-type)", "schema:serviceType"),
    ("服务对象", "dct:audience(skos:Concept,bs:audience)", "—"),
    ("实施部门", "cv:hasCompetentAuthority(cv:PublicOrganisation)", "schema:provider"),
    (
        "联办部门",
        "cv:hasParticipation(cv:Participation,cv:role bs:participation-role-joint)",
        "—",
    ),
    ("受理条件", "cv:holdsRequirement(cv:Requirement)", "—"),
    ("申请材料", "cpsv:hasInput(cv:Evidence)", "—"),
    (
        "按情形提交的材料(answers)",
        "cv:Evidence → cv:supportsRequirement(cv:Requirement,dct:description 写明回答)",
        "—",
    ),
    ("情形引导的问题和选项、任选其一", "无对应(见 catalogue.json 的 situations)", "—"),
    (
        "一件事(牵头部门、阶段、合并材料、合计时限)",
        "无对应:CPSV-AP 只有 cv:Event 和 cv:isGroupedBy(见 catalogue.json 的 bundles)",
        "—",
    ),
    ("免提交(减证便民)", "bs:exemptWay(skos:Concept,bs:exempt-way)、bs:exemptBasis", "—"),
    ("收费", "cv:hasCost(cv:Cost)", "schema:isAccessibleForFree"),
    ("承诺办结时限", "cv:processingTime(xsd:duration)", "—"),
    ("办理窗口、网上办理", "cv:hasChannel(cv:Channel)", "schema:availableChannel"),
    ("咨询电话", "cv:contactPoint(cv:ContactPoint)", "schema:telephone"),
    ("设定和实施依据", "cpsv:follows(cpsv:Rule) → cpsv:implements(eli:LegalResource)", "—"),
    ("办理结果", "cpsv:produces(cv:Output)", "—"),
    ("法定办结时限", "bs:statutoryProcessingTime(xsd:duration)", "—"),
    ("办件类型(即办件等)", "bs:handlingKind(skos:Concept,bs:kind)", "—"),
    ("特别程序(不计入时限)", "bs:specialProcedure(bs:SpecialProcedure)", "—"),
    ("材料必要性、来源、形式、载体、份数", "bs:necessity、bs:materialSource 等", "—"),
)
"""(catalogue field, CPSV-AP or extension property, schema.org equivalent), for ``/data/``."""


def _node(iri: str, types: str | list[str], ident: str, title: str, **more: Any) -> dict[str, Any]:
    return {"@id": iri, "@type": types, "dct:identifier": ident, "dct:title": title, **more}


def _duration(days: int) -> dict[str, str]:
    return {"@value": f"P{days}D", "@type": "xsd:duration"}


def _unit(unit: str) -> str:
    return v.concept("day-unit", unit)


def _organisation(department: Record, url: str, area: str) -> dict[str, Any]:
    return {
        "@id": f"{url}#organisation",
        # foaf:Agent said outright: CPSV-AP makes PublicOrganisation one, but validators
        # check cv:hasParticipant's class without reasoning over the ontology.
        "@type": ["cv:PublicOrganisation", "foaf:Agent", "schema:GovernmentOrganization"],
        "dct:identifier": department["id"],
        "dct:title": department["name"],  # what the Agent shape requires
        "skos:prefLabel": department["name"],
        "schema:name": department["name"],
        "dct:spatial": area,
    }


def _channels(record: Record, url: str) -> list[dict[str, Any]]:
    name = record["place"] or record["department"]["name"]
    channels = [
        {
            **_node(
                f"{url}#channel-window",
                ["cv:Channel", "schema:ServiceChannel"],
                f"{record['id']}#channel-window",
                name,
            ),
            "dct:type": v.concept("channel", v.CHANNEL_WINDOW),
            "schema:name": name,
        }
    ]
    if record["online"]:
        online = record["online"]
        channels.append(
            {
                **_node(
                    f"{url}#channel-online",
                    ["cv:Channel", "schema:ServiceChannel"],
                    f"{record['id']}#channel-online",
                    online["name"],
                ),
                "dct:type": v.concept("channel", v.CHANNEL_ONLINE),
                "schema:name": online["name"],
                "schema:serviceUrl": online["url"],
            }
        )
    return channels


def _costs(record: Record, url: str) -> list[dict[str, Any]]:
    ident = record["id"]
    if record["free"]:
        return [
            {
                "@id": f"{url}#cost-1",
                "@type": "cv:Cost",
                "dct:identifier": f"{ident}#cost-1",
                "cv:hasValue": {"@value": 0.0, "@type": "xsd:double"},
                "dct:description": record["fees_text"] or "不收费",
            }
        ]
    return [
        {
            "@id": f"{url}#cost-{n}",
            "@type": "cv:Cost",
            "dct:identifier": f"{ident}#cost-{n}",
            "dct:description": f"{fee['name']}:{fee['standard']}",
        }
        for n, fee in enumerate(record["fees"], start=1)
    ]


def _evidence(record: Record, url: str) -> list[dict[str, Any]]:
    return [
        _node(
            f"{url}#material-{m['number']}",
            "cv:Evidence",
            f"{record['id']}#material-{m['number']}",
            m["name"],
            **{
                "bs:necessity": v.concept("necessity", m["necessity"]),
                "bs:materialSource": v.concept("material-source", m["source"]),
                "bs:materialForm": v.concept("material-form", m["form"]),
                "bs:medium": v.concept("medium", m["medium"]),
                "bs:copies": m["copies"],
                **evidence_extras(record, url, m),
            },
        )
        for m in record["materials"]
    ]


def _law_iri(catalogue_url: str, law_id: str) -> str:
    return f"{catalogue_url}#law-{law_id}"


def _rules(record: Record, url: str, laws: list[str], catalogue_url: str) -> list[dict[str, Any]]:
    return [
        _node(
            f"{url}#rule-{n}",
            "cpsv:Rule",
            f"{record['id']}#rule-{n}",
            basis["law"],
            **{
                "dct:description": f"{basis['role']}:{basis['law']}",
                "dct:type": v.concept("citation-role", basis["role"]),
                "cpsv:implements": _law_iri(catalogue_url, law),
            },
        )
        for n, (basis, law) in enumerate(zip(record["basis"], laws, strict=True), start=1)
    ]


def _special(record: Record, url: str, procedures: list[Record]) -> list[dict[str, Any]]:
    return [
        _node(
            f"{url}#special-{n}",
            "bs:SpecialProcedure",
            f"{record['id']}#special-{n}",
            p["name"],
            **{
                "dct:type": v.concept("special-kind", p["kind"]),
                "bs:maximumTime": _duration(p["days"]),
                "bs:timeUnit": _unit(p["unit"]),
            },
        )
        for n, p in enumerate(procedures, start=1)
    ]


def public_service(record: Record, linked: Record) -> dict[str, Any]:
    """One item as a ``cpsv:PublicService`` node, its parts nested under it."""
    urls = linked["urls"]
    extra = linked["items"][record["id"]]
    url = record["url"]
    department = record["department"]
    promised, statutory = record["promised_limit"], record["statutory_limit"]
    laws = list(dict.fromkeys(extra["basis_laws"]))
    authority = urls["departments"].get(department["id"], url)
    node: dict[str, Any] = {
        "@id": url,
        "@type": ["cpsv:PublicService", "schema:GovernmentService"],
        "dct:identifier": record["basic_code"],
        "schema:identifier": record["basic_code"],
        "dct:title": record["name"],
        "schema:name": record["name"],
        "dct:description": record["summary"] or record["name"],
        "dct:type": v.concept("item-type", record["type"]),
        "schema:serviceType": record["type"],
        "dct:audience": [v.concept("audience", a) for a in record["audience"]],
        "cv:hasCompetentAuthority": f"{authority}#organisation",
        "cv:holdsRequirement": [
            _node(f"{url}#requirement-{n}", "cv:Requirement", f"{record['id']}#requirement-{n}", t)
            for n, t in enumerate(record["conditions"], start=1)
        ]
        + situation_requirements(record, url),
        "cpsv:hasInput": _evidence(record, url),
        "cv:hasCost": _costs(record, url),
        "schema:isAccessibleForFree": record["free"],
        "cv:processingTime": _duration(promised["days"]),
        "bs:processingTimeUnit": _unit(promised["unit"]),
        "bs:statutoryProcessingTime": _duration(statutory["days"]),
        "bs:statutoryTimeUnit": _unit(statutory["unit"]),
        "bs:handlingKind": v.concept("kind", record["kind"]),
        "bs:visits": record["visits"],
        "schema:description": (record["summary"] or "")
        + f"(承诺办结时限 {promised['days']} 个{promised['unit']})",
        "cv:hasChannel": _channels(record, url),
        "cpsv:follows": _rules(record, url, extra["basis_laws"], urls["catalogue"]),
        "cv:hasLegalResource": [_law_iri(urls["catalogue"], law) for law in laws],
        "cpsv:produces": {
            **_node(
                f"{url}#output",
                "cv:Output",
                f"{record['id']}#output",
                record["result"]["name"],
            ),
            "dct:type": v.concept("result-type", record["result"]["type"]),
        },
        "schema:dateModified": {"@value": record["reviewed"], "@type": "xsd:date"},
    }
    if extra["special_procedures"]:
        node["bs:specialProcedure"] = _special(record, url, extra["special_procedures"])
    if record["joint_departments"]:
        node["cv:hasParticipation"] = _participations(record, url, urls["departments"])
    if record["enquiry_phone"]:
        node["cv:contactPoint"] = {
            "@id": f"{url}#contact",
            "@type": ["cv:ContactPoint", "schema:ContactPoint"],
            "schema:telephone": record["enquiry_phone"],
        }
    return node


def _participations(record: Record, url: str, departments: dict[str, str]) -> list[dict[str, Any]]:
    """联办部门: each a ``cv:Participation`` of its organisation in the role 联办部门, so
    the departments a person also deals with are in the data as they are on the guide."""
    return [
        {
            "@id": f"{url}#participation-{n}",
            "@type": "cv:Participation",
            "dct:identifier": f"{record['id']}#participation-{n}",
            "dct:description": f"{joint['name']}({v.JOINT})",
            "cv:role": v.concept("participation-role", v.JOINT),
            "cv:hasParticipant": f"{departments.get(joint['id'], url)}#organisation",
        }
        for n, joint in enumerate(record["joint_departments"], start=1)
    ]


def _shared_nodes(data: Record) -> list[dict[str, Any]]:
    """The area, the organisations and the laws the services point to, once each."""
    linked = data["linked"]
    urls = linked["urls"]
    area = f"{v.PREFIX}:area"
    nodes: list[dict[str, Any]] = [
        {"@id": area, "@type": "dct:Location", "skos:prefLabel": linked["area"]}
    ]
    nodes += [
        _organisation(d, urls["departments"][d["id"]], area)
        for d in data["departments"]
        if d["id"] in urls["departments"]
    ]
    cited = dict.fromkeys(law for extra in linked["items"].values() for law in extra["basis_laws"])
    for law_id in cited:
        law = linked["laws"].get(law_id)
        node: dict[str, Any] = {
            "@id": _law_iri(urls["catalogue"], law_id),
            "@type": "eli:LegalResource",
            "dct:identifier": law_id,
            "dct:title": law["title"] if law else law_id,
        }
        if law and law["url"]:
            node["schema:url"] = law["url"]
        nodes.append(node)
    return nodes


def catalogue_jsonld(data: Record) -> bytes:
    """The whole catalogue as one JSON-LD document with an embedded context."""
    linked = data["linked"]
    document = {
        "@context": context(linked["urls"]["vocabulary"]),
        "@graph": [
            *(public_service(r, linked) for r in data["items"]),
            *_shared_nodes(data),
            *v.concept_nodes(),
        ],
    }
    return dumps(document)


def vocabulary_jsonld(data: Record) -> bytes:
    """``vocabulary.jsonld``: the concept schemes and the extension terms."""
    urls = data["linked"]["urls"]
    document = {
        "@context": context(urls["vocabulary"]),
        "@graph": [
            {
                "@id": urls["vocabulary"],
                "@type": "skos:Collection",
                "dct:title": "办事指南目录的概念体系和扩展术语",
                "skos:member": [
                    {"@id": n["@id"]} for n in v.concept_nodes() if n["@type"] == "skos:Concept"
                ],
            },
            {
                "@id": f"{v.PREFIX}:area",
                "@type": "dct:Location",
                "skos:prefLabel": data["linked"]["area"],
            },
            *v.term_nodes(),
            *v.concept_nodes(),
        ],
    }
    return dumps(document)
