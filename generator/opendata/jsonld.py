"""``catalogue.jsonld``: the items as public services in the EU CPSV-AP vocabulary, each
node also typed and named in schema.org so that either kind of harvester understands it.

The ``@context`` is embedded (never a remote URL), so the file is read offline.  Mapping
(also shown on the ``/data/`` page, :data:`MAPPING`):

- item → ``cpsv:PublicService`` + ``schema:GovernmentService``, ``@id`` its guide's address;
- ``dct:identifier`` the basic code, ``dct:title``/``schema:name`` the name,
  ``dct:description``/``schema:description`` the summary, ``dct:type`` the item type;
- ``cv:hasCompetentAuthority`` → ``cv:PublicOrganisation`` + ``schema:GovernmentOrganization``;
- ``cv:hasInput`` → one ``cv:Evidence`` per material;
- ``cv:hasCost`` → ``cv:Cost`` (不收费 is one cost of value 0); ``schema:isAccessibleForFree``;
- ``cv:processingTime`` → the promised limit as an ``xsd:duration`` (``P5D``; whether the
  days are 工作日 is in ``cv:processingTime`` 's sibling ``schema:description``);
- ``cv:hasChannel`` → ``cv:Channel``: the service window, and the online channel if any;
- ``cv:hasContactPoint`` → the enquiry phone; ``cv:hasLegalResource`` → the laws;
- ``cpsv:produces`` → ``cv:Output``, the result.
"""

from __future__ import annotations

from typing import Any

from .jsonexport import dumps
from .records import Record

CONTEXT: dict[str, Any] = {
    "cpsv": "http://purl.org/vocab/cpsv#",
    "cv": "http://data.europa.eu/m8g/",
    "dct": "http://purl.org/dc/terms/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "@language": "zh-CN",
}

MAPPING: tuple[tuple[str, str, str], ...] = (
    ("事项", "cpsv:PublicService", "schema:GovernmentService"),
    ("基本编码", "dct:identifier", "schema:identifier"),
    ("事项名称", "dct:title", "schema:name"),
    ("一句话说明", "dct:description", "schema:description"),
    ("事项类型", "dct:type", "schema:serviceType"),
    ("实施部门", "cv:hasCompetentAuthority(cv:PublicOrganisation)", "schema:provider"),
    ("申请材料", "cv:hasInput(cv:Evidence)", "—"),
    ("收费", "cv:hasCost(cv:Cost)", "schema:isAccessibleForFree"),
    ("承诺办结时限", "cv:processingTime(xsd:duration)", "—"),
    ("办理窗口、网上办理", "cv:hasChannel(cv:Channel)", "schema:availableChannel"),
    ("咨询电话", "cv:hasContactPoint(schema:ContactPoint)", "schema:telephone"),
    ("设定和实施依据", "cv:hasLegalResource(eli:LegalResource)", "—"),
    ("办理结果", "cpsv:produces(cv:Output)", "—"),
)
"""(catalogue field, CPSV-AP property, schema.org equivalent), for the ``/data/`` page."""


def _named(types: list[str], name: str, **more: Any) -> dict[str, Any]:
    return {"@type": types, "dct:title": name, "schema:name": name, **more}


def public_service(record: Record) -> dict[str, Any]:
    department = record["department"]
    promised = record["promised_limit"]
    channels: list[dict[str, Any]] = [
        {
            "@type": ["cv:Channel", "schema:ServiceChannel"],
            "dct:type": "办事窗口",
            "schema:name": record["place"] or department["name"],
        }
    ]
    if record["online"]:
        channels.append(
            {
                "@type": ["cv:Channel", "schema:ServiceChannel"],
                "dct:type": "网上办理",
                "schema:name": record["online"]["name"],
                "schema:serviceUrl": {"@id": record["online"]["url"]},
            }
        )
    costs = (
        [{"@type": "cv:Cost", "cv:value": 0, "dct:description": record["fees_text"] or "不收费"}]
        if record["free"]
        else [
            {"@type": "cv:Cost", "dct:description": f"{fee['name']}:{fee['standard']}"}
            for fee in record["fees"]
        ]
    )
    node: dict[str, Any] = {
        "@id": record["url"],
        "@type": ["cpsv:PublicService", "schema:GovernmentService"],
        "dct:identifier": record["basic_code"],
        "schema:identifier": record["basic_code"],
        "dct:title": record["name"],
        "schema:name": record["name"],
        "dct:type": record["type"],
        "schema:serviceType": record["type"],
        "cv:hasCompetentAuthority": _named(
            ["cv:PublicOrganisation", "schema:GovernmentOrganization"], department["name"]
        ),
        "cv:hasInput": [_named(["cv:Evidence"], m["name"]) for m in record["materials"]],
        "cv:hasCost": costs,
        "schema:isAccessibleForFree": record["free"],
        "cv:processingTime": {"@value": f"P{promised['days']}D", "@type": "xsd:duration"},
        "schema:description": (record["summary"] or "")
        + f"(承诺办结时限 {promised['days']} 个{promised['unit']})",
        "cv:hasChannel": channels,
        "cv:hasLegalResource": [
            _named(["eli:LegalResource"], b["law"], **{"dct:type": b["role"]})
            for b in record["basis"]
        ],
        "cpsv:produces": _named(["cv:Output"], record["result"]["name"]),
        "schema:dateModified": {"@value": record["reviewed"], "@type": "xsd:date"},
    }
    if record["summary"]:
        node["dct:description"] = record["summary"]
    if record["enquiry_phone"]:
        node["cv:hasContactPoint"] = {
            "@type": ["schema:ContactPoint"],
            "schema:telephone": record["enquiry_phone"],
        }
    return node


def catalogue_jsonld(data: Record) -> bytes:
    """The whole catalogue as one JSON-LD document with an embedded context."""
    document = {
        "@context": CONTEXT,
        "@graph": [public_service(r) for r in data["items"]],
    }
    return dumps(document)
