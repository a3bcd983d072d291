"""schema.org ``GovernmentService`` JSON-LD for item guides.

Serialized with ``json.dumps`` (sorted keys: byte-identical builds) and with ``<``, ``>``
and ``&`` written as ``\\u003c``, ``\\u003e``, ``\\u0026``: JSON stays valid and no catalogue
text can close the ``<script type="application/ld+json">`` element or open a comment.
"""

from __future__ import annotations

import json
from typing import Any

from ..catalogue.loaded import is_free
from ..catalogue.models import Centre, Item

_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def government_service(
    centre: Centre,
    item: Item,
    *,
    department_name: str,
    url: str,
    enquiry_phone: str,
    place: str,
) -> dict[str, Any]:
    """The structured description of one item guide."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": item.name,
        "serviceType": item.type.value,
        "identifier": item.codes.basic,
        "url": url,
        "provider": {"@type": "GovernmentOrganization", "name": department_name},
        "areaServed": {"@type": "AdministrativeArea", "name": centre.name},
        "audience": [
            {"@type": "Audience", "audienceType": audience.value} for audience in item.audience
        ],
        "availableChannel": {
            "@type": "ServiceChannel",
            "name": centre.name,
            "serviceLocation": {"@type": "Place", "name": centre.name, "address": place},
            "servicePhone": {"@type": "ContactPoint", "telephone": enquiry_phone},
            "availableLanguage": "zh-CN",
        },
        "isAccessibleForFree": is_free(item),
        "dateModified": item.reviewed.isoformat(),
    }
    if item.summary:
        data["description"] = item.summary
    if item.online:
        data["availableChannel"]["serviceUrl"] = item.online.url
    return data


def script_body(data: dict[str, Any]) -> str:
    """JSON text safe to place between ``<script type="application/ld+json">`` tags."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in _ESCAPES.items():
        text = text.replace(char, escaped)
    return text
