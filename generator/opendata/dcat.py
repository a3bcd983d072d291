"""``dcat.jsonld``: the open data as a DCAT-AP 3 dataset record a data portal harvests.

One ``dcat:Catalog`` holding one ``dcat:Dataset`` (the catalogue of service items), its
publisher and contact point (the centre), the licence the centre chose in ``centre.yaml``,
``dct:modified`` the catalogue's date, an irregular update frequency (the files change
when a catalogue change is published), and one ``dcat:Distribution`` per published file
with its media type, format, byte size and SHA-256 checksum.  Valid against the official
DCAT-AP 3.0.0 SHACL shapes (``tests/shapes/``).

Controlled values are the EU vocabularies' own concepts (licence, frequency, file type,
language, data theme) and IANA media types; nothing here knows a URL: the portal passes
the addresses in ``Record["linked"]["urls"]`` and the files' bytes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from .columns import SHEETS
from .jsonexport import dumps
from .records import LICENCES, Record

FILE = "dcat.jsonld"

EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"

CONTEXT: dict[str, Any] = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "spdx": "http://spdx.org/rdf/terms#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "@language": "zh-CN",
    "dct:identifier": {"@language": None},
}


@dataclass(frozen=True)
class FileType:
    media_type: str
    """IANA media type, e.g. ``text/csv``."""
    eu_format: str
    """The EU file-type authority code, e.g. ``CSV``."""


def file_type(name: str) -> FileType:
    """Media type and EU file type of a published file, by its name."""
    if name.endswith(".csv-metadata.json"):
        return FileType("application/csvm+json", "JSON")
    if name.endswith(".schema.json"):
        return FileType("application/schema+json", "JSON")
    suffix = name.rsplit(".", 1)[-1]
    return {
        "json": FileType("application/json", "JSON"),
        "jsonld": FileType("application/ld+json", "JSON_LD"),
        "csv": FileType("text/csv", "CSV"),
        "xlsx": FileType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"
        ),
    }[suffix]


_TITLES: dict[str, str] = {
    "catalogue.json": "全部事项(JSON)",
    "catalogue.schema.json": "catalogue.json 的 JSON Schema",
    "catalogue.jsonld": "全部事项(CPSV-AP 3.2 JSON-LD)",
    "vocabulary.jsonld": "概念体系和扩展术语(SKOS JSON-LD)",
    "catalogue.xlsx": "全部表格(Excel 工作簿)",
    **{s.file: f"{s.name}表(CSV,{s.description})" for s in SHEETS},
    **{f"{s.file}-metadata.json": f"{s.name}表的 CSVW 元数据" for s in SHEETS},
}

_STANDARDS: dict[str, tuple[str, str]] = {
    "catalogue.jsonld": ("https://semiceu.github.io/CPSV-AP/releases/3.2.0/", "CPSV-AP 3.2.0"),
    "vocabulary.jsonld": ("http://www.w3.org/2004/02/skos/core", "SKOS"),
}
"""File -> (standard IRI, name) it conforms to."""


def title(name: str) -> str:
    return _TITLES.get(name, name)


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _typed(iri: str, kind: str, **more: Any) -> dict[str, Any]:
    return {"@id": iri, "@type": kind, **more}


def _distribution(dcat_url: str, name: str, url: str, content: bytes, data: Record) -> Any:
    kind = file_type(name)
    node: dict[str, Any] = {
        "@id": f"{dcat_url}#{name}",
        "@type": "dcat:Distribution",
        "dct:identifier": name,
        "dct:title": title(name),
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": {"@id": IANA + kind.media_type},
        "dct:format": {"@id": f"{EU}file-type/{kind.eu_format}"},
        "dcat:byteSize": {"@value": str(len(content)), "@type": "xsd:nonNegativeInteger"},
        "spdx:checksum": {
            "@type": "spdx:Checksum",
            "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
            "spdx:checksumValue": {"@value": sha256(content), "@type": "xsd:hexBinary"},
        },
        "dct:license": {"@id": LICENCES[data["licence"]][2]},
        "dct:modified": {"@value": data["date"], "@type": "xsd:date"},
    }
    if name in _STANDARDS:
        node["dct:conformsTo"] = {"@id": _STANDARDS[name][0]}
    return node


def _vocabularies(data: Record, files: list[tuple[str, str, bytes]]) -> list[dict[str, Any]]:
    """The controlled values the record points to, typed as the shapes require."""
    spdx = data["licence"]
    title_zh, text_url, eu_iri = LICENCES[spdx]
    kinds = sorted({file_type(name) for name, _, _ in files}, key=lambda k: k.media_type)
    return [
        _typed(
            eu_iri,
            "dct:LicenseDocument",
            **{"dct:title": title_zh, "dct:identifier": spdx, "rdfs:seeAlso": {"@id": text_url}},
        ),
        _typed(f"{EU}frequency/IRREG", "dct:Frequency", **{"skos:prefLabel": "不定期"}),
        _typed(f"{EU}language/ZHO", "dct:LinguisticSystem", **{"skos:prefLabel": "中文"}),
        _typed(f"{EU}data-theme/GOVE", "skos:Concept", **{"skos:prefLabel": "政府和公共部门"}),
        _typed("spdx:checksumAlgorithm_sha256", "spdx:ChecksumAlgorithm"),
        *(_typed(IANA + k, "dct:MediaType") for k in sorted({k.media_type for k in kinds})),
        *(
            _typed(f"{EU}file-type/{k}", "dct:MediaTypeOrExtent")
            for k in sorted({k.eu_format for k in kinds})
        ),
        *(
            _typed(iri, "dct:Standard", **{"dct:title": label})
            for iri, label in sorted(set(_STANDARDS.values()))
        ),
        *(_typed(url, "rdfs:Resource") for _, url, _ in files),
    ]


def dcat_jsonld(data: Record, files: list[tuple[str, str, bytes]]) -> bytes:
    """The DCAT-AP record of ``files``: (file name, public address, bytes) each."""
    urls = data["linked"]["urls"]
    centre = data["centre"]
    dcat_url = urls["dcat"]
    publisher = f"{urls['home']}#centre"
    name = f"{centre['name']}办事指南目录"
    description = (
        f"{centre['name']}公开的全部政务服务事项(办事指南):申请材料、办理时限、收费、依据、"
        "窗口和网上办理渠道,与门户网站页面同源生成。"
    )
    licence = {"@id": LICENCES[data["licence"]][2]}
    dataset: dict[str, Any] = {
        "@id": f"{dcat_url}#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": f"{urls['home']}data/",
        "dct:title": name,
        "dct:description": description,
        "dct:publisher": {"@id": publisher},
        "dct:creator": {"@id": publisher},
        "dcat:contactPoint": {"@id": f"{dcat_url}#contact"},
        "dct:license": licence,
        "dct:modified": {"@value": data["date"], "@type": "xsd:date"},
        "dct:accrualPeriodicity": {"@id": f"{EU}frequency/IRREG"},
        "dct:language": {"@id": f"{EU}language/ZHO"},
        "dcat:theme": {"@id": f"{EU}data-theme/GOVE"},
        "dct:spatial": {"@id": f"{urls['vocabulary']}#area"},
        "dcat:keyword": ["办事指南", "政务服务", "服务事项", "一次性告知"],
        "dcat:landingPage": {"@id": urls["data"]},
        "dcat:distribution": [
            _distribution(dcat_url, n, url, content, data) for n, url, content in files
        ],
    }
    contact = {
        "@id": f"{dcat_url}#contact",
        "@type": ["vcard:Kind", "vcard:Organization"],
        "vcard:fn": centre["name"],
        "vcard:hasURL": {"@id": urls["home"]},
    }
    phone = data["linked"]["phone"]
    if phone:
        contact["vcard:hasTelephone"] = {"@id": "tel:" + re.sub(r"[^0-9+]", "", phone)}
    document = {
        "@context": CONTEXT,
        "@graph": [
            {
                "@id": f"{dcat_url}#catalog",
                "@type": "dcat:Catalog",
                "dct:title": f"{centre['name']}开放数据",
                "dct:description": description,
                "dct:publisher": {"@id": publisher},
                "dct:license": licence,
                "dct:modified": {"@value": data["date"], "@type": "xsd:date"},
                "foaf:homepage": {"@id": urls["home"]},
                "dcat:dataset": {"@id": dataset["@id"]},
            },
            dataset,
            {
                "@id": publisher,
                "@type": ["foaf:Agent", "foaf:Organization"],
                "foaf:name": centre["name"],
                "dct:identifier": urls["home"],
            },
            contact,
            _typed(urls["home"], "foaf:Document"),
            _typed(urls["data"], "foaf:Document", **{"dct:title": "开放数据"}),
            _typed(
                f"{urls['vocabulary']}#area",
                "dct:Location",
                **{"skos:prefLabel": data["linked"]["area"]},
            ),
            *_vocabularies(data, files),
        ],
    }
    return dumps(document)
