"""The preview memo kept on disk, so the next morning's ``serve`` is not a full build.

``serve`` saves its :class:`~.memo.Memo` (loaded items, guides, rendered pages, compiled
templates, the check's report) in ``.cache/banshi-serve/`` beside the catalogue folder,
never inside a folder that is published, and loads it when it starts again.  Everything
in it is keyed by the digest of the bytes it was made from, so a file edited while the
server was down simply misses; the digests themselves are not kept, every file is read
again.  The cache file names the generator's version (a digest of the generator's own
files and of the Python and engine versions) and the digest of its payload: a file that
does not match, is cut short or does not unpickle is ignored and replaced at the next
save, never served.  (It is a pickle: trust it as you trust the catalogue folder.)
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from importlib import metadata
from pathlib import Path

from . import servelog
from .memo import Memo

PACKAGE = Path(__file__).resolve().parent.parent
MAGIC = b"banshi-preview-cache 1\n"
KEPT = ("loaded", "derived", "fixed", "data_page", "templates", "checked", "_history")
"""What a new session may reuse; the rest (the files written, the digests of the files
read) belongs to the last session's folder and moment."""
ENGINES = ("mkdocs", "mkdocs-material", "jinja2", "pydantic")


@functools.cache
def generator_version() -> str:
    """A digest of the generator's own files and of the Python and engine versions: any
    change to the code or the templates that made the cache makes it unusable."""
    digest = hashlib.sha256(sys.version.encode())
    for name in ENGINES:
        try:
            digest.update(f"\0{name} {metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"\0{name} -".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"\0{path.relative_to(PACKAGE).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_file(catalogue: Path) -> Path:
    """Where the memo of ``serve`` on this catalogue folder is kept."""
    root = catalogue.resolve()
    key = hashlib.sha256(str(root).encode()).hexdigest()[:16]
    return root.parent / ".cache" / "banshi-serve" / f"{root.name}-{key}.pickle"


def _header(payload: bytes) -> bytes:
    return MAGIC + f"{generator_version()}\n{hashlib.sha256(payload).hexdigest()}\n".encode()


def save(memo: Memo, path: Path) -> bool:
    """Write what a next session may reuse; False (and a warning) if it could not be."""
    state = {name: getattr(memo, name) for name in KEPT}
    # Not the guides: a tenth of the pages' size but most of the time to pickle and load,
    # and made again only for the pages that are rendered again (memo.Later).
    state["derived"] = {key: value for key, value in memo.derived.items() if key[0] != "view"}
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        payload = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(_header(payload) + payload)
        os.replace(temporary, path)  # a reader sees the old file or the new, never half
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError) as exc:
        temporary.unlink(missing_ok=True)
        servelog.LOG.warning("预览缓存未能保存(下次启动将完整生成):%s", exc)
        return False
    return True


def load(path: Path) -> Memo:
    """A memo with what the file at ``path`` kept, or an empty one if it is missing,
    made by another version, damaged or unreadable."""
    memo = Memo(enabled=True)
    try:
        data = path.read_bytes()
    except OSError:
        return memo
    head = len(MAGIC) + 64 + 1 + 64 + 1
    payload = data[head:]
    if data[:head] != _header(payload):
        servelog.LOG.warning("预览缓存已过期或损坏,已忽略:%s", path)
        return memo
    try:
        state = pickle.loads(payload)
    except Exception as exc:  # whatever a damaged pickle raises, it is not served
        servelog.LOG.warning("预览缓存无法读取,已忽略:%s(%s)", path, exc)
        return memo
    fresh = Memo(enabled=True)
    if not isinstance(state, dict) or set(state) != set(KEPT):
        return fresh
    for name in KEPT:
        default = getattr(fresh, name)
        if default is not None and not isinstance(state[name], type(default)):
            return fresh
        setattr(memo, name, state[name])
    return memo
