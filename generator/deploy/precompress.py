"""The last step of a build: ``.br`` and ``.gz`` beside every text file, and a manifest.

A web server then sends the compressed copy as it is (nginx ``brotli_static`` and
``gzip_static``, Caddy ``precompressed``) instead of compressing every response again.
Fingerprinted assets, kept by browsers for a year, get the strongest Brotli (slow, but
they are few and small); pages and data, the bulk of a 10,000-item site, a fast level that
is within 15 % of it.  A copy that is not smaller than its file is not written.

``manifest.json`` lists every published file with its size and SHA-256 (and its copies),
sorted, so a deploy can be verified after upload and two builds compared by one file.
Everything is deterministic: gzip without a time stamp or a name, Brotli as it is.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import brotli

from .policy import FINGERPRINTED, TEXT_SUFFIXES

MANIFEST = "manifest.json"
_FINGERPRINTED = re.compile(FINGERPRINTED)
_PARALLEL = 400
"""Below this many files a process pool costs more than it saves."""


def _levels(url: str) -> tuple[int, int]:
    """(Brotli quality, gzip level) for the file at ``url``."""
    return (11, 9) if _FINGERPRINTED.match(url) else (5, 6)


def _compress(task: tuple[str, str]) -> dict[str, Any]:
    path, url = task
    raw = Path(path).read_bytes()
    entry: dict[str, Any] = {"bytes": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}
    if not url.endswith(TEXT_SUFFIXES):
        return entry
    quality, level = _levels(url)
    copies = {
        ".br": brotli.compress(raw, quality=quality),
        ".gz": gzip.compress(raw, compresslevel=level, mtime=0),
    }
    for suffix, data in copies.items():
        target = Path(path + suffix)
        if len(data) < len(raw):
            target.write_bytes(data)
            entry[suffix.lstrip(".")] = len(data)
        else:
            target.unlink(missing_ok=True)
    return entry


def finish_site(site: Path, *, processes: int | None = None) -> dict[str, dict[str, Any]]:
    """Precompress ``site``'s text files and write its manifest; returns the manifest.

    Copies left by an earlier run (``serve --dirty`` keeps the folder) are replaced."""
    files = sorted(
        p
        for p in site.rglob("*")
        if p.is_file() and not p.is_symlink() and p.suffix not in (".br",) and p.name != MANIFEST
    )
    present = set(files)
    # ``x.gz`` beside ``x`` is a copy (ours from a kept folder, or MkDocs' sitemap.xml.gz).
    originals = [p for p in files if not (p.suffix == ".gz" and p.with_suffix("") in present)]
    tasks = [(str(p), "/" + p.relative_to(site).as_posix()) for p in originals]
    count = processes or (min(os.cpu_count() or 1, 8) if len(tasks) >= _PARALLEL else 1)
    if count > 1 and "fork" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(count, mp_context=context) as pool:
            entries = list(pool.map(_compress, tasks, chunksize=64))
    else:
        entries = [_compress(task) for task in tasks]
    manifest = {url: entry for (_, url), entry in zip(tasks, entries, strict=True)}
    text = json.dumps({"files": manifest}, ensure_ascii=False, indent=1, sort_keys=True)
    (site / MANIFEST).write_text(text + "\n", encoding="utf-8")
    return manifest
