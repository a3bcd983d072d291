"""What the portal is served with: security headers, caching and downloads, decided once.

The recipes in :mod:`.recipes` render this for nginx, Caddy and ``_headers``; the tests run
Debian's nginx on the generated config and compare each header with these values.
"""

from __future__ import annotations

from ..catalogue.files import FORMATS

CSP_META = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
"""The policy every page also carries as a meta tag (generator/chrome/theme/main.html), so the
site is protected opened from disk or on a host that sets no headers."""

CSP = CSP_META + "; frame-ancestors 'none'"
"""As a header it can also forbid framing (clickjacking), which a meta tag cannot."""

SECURITY: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", CSP),
    ("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    ),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
"""Sent with every response, downloads and errors included."""

IMMUTABLE = "public, max-age=31536000, immutable"
"""Files whose name carries a hash of their content: a new version is a new URL."""
SHORT = "public, max-age=300"
"""Pages, data and everything else: a corrected guide reaches the public within minutes."""

FINGERPRINTED = r"^/assets/.+\.[0-9a-f]{8,}(\.min)?\.(css|js)$"
"""Our assets (``portal.<10 hex>.css``, see ``urls.asset_url``) and Material's
(``main.<8 hex>.min.css``)."""

FORMS_PREFIX = "/forms/"
FORM_SUFFIXES: tuple[str, ...] = tuple(
    sorted(ext.lstrip(".") for ext in FORMATS if ext not in (".txt", ".jpg", ".jpeg", ".png"))
)
"""Office formats are downloads wherever they are; under ``/forms/`` everything is."""
DISPOSITION = "attachment"

CHARSET_TYPES = (
    "text/plain",
    "text/css",
    "text/xml",
    "text/csv",
    "application/javascript",
    "application/json",
    "application/atom+xml",
    "image/svg+xml",
)
"""Declared UTF-8 (``.txt`` forms also carry a BOM: see ``catalogue.files.published_bytes``)."""

TEXT_SUFFIXES = (
    ".html",
    ".css",
    ".js",
    ".mjs",
    ".json",
    ".jsonld",
    ".xml",
    ".svg",
    ".txt",
    ".csv",
    ".map",
    ".webmanifest",
)
"""Files worth precompressing (images, fonts, xlsx and office formats are compressed already)."""
