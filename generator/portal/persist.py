"""The preview memo kept on disk, so the next morning's ``serve`` is not a full build.

``serve`` saves its :class:`~.memo.Memo` (loaded items, guides, rendered pages, compiled
templates, the check's report) in the user's own cache folder (``~/.cache/banshi-portal/``),
and loads it when it starts again.  Not beside the catalogue: a pull request may be
hostile, and a pickle it committed there would run its code on the reviewer's machine.  Everything
in it is keyed by the digest of the bytes it was made from, so a file edited while the
server was down simply misses; the digests themselves are not kept, every file is read
again.  The cache file names the generator's version (a digest of the generator's own
files and of the Python and engine versions) and an HMAC of its payload under a key made
once for this user (readable by the user only): a file this user's ``serve`` did not
write, or one that does not match, is cut short or does not unpickle, is ignored and
replaced at the next save, never unpickled or served.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
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


def user_cache() -> Path:
    """The user's cache folder (XDG): outside every repository a pull request can write to."""
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "banshi-portal"


def cache_file(catalogue: Path, folder: Path | None = None) -> Path:
    """Where the memo of ``serve`` on this catalogue folder is kept."""
    root = catalogue.resolve()
    key = hashlib.sha256(str(root).encode()).hexdigest()[:16]
    return (folder or user_cache()) / f"{root.name}-{key}.pickle"


def _key(folder: Path) -> bytes:
    """This user's signing key for the caches in ``folder``, made on first use (mode 0600)."""
    path = folder / "key"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    secret = os.urandom(32)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another server made it first
        return path.read_bytes()
    with os.fdopen(descriptor, "wb") as file:
        file.write(secret)
    return secret


def _header(payload: bytes, key: bytes) -> bytes:
    signature = hmac.new(key, payload, hashlib.sha256).hexdigest()
    return MAGIC + f"{generator_version()}\n{signature}\n".encode()


def save(memo: Memo, path: Path) -> bool:
    """Write what a next session may reuse; False (and a warning) if it could not be."""
    state = {name: getattr(memo, name) for name in KEPT}
    # Not the guides: a tenth of the pages' size but most of the time to pickle and load,
    # and made again only for the pages that are rendered again (memo.Later).
    state["derived"] = {key: value for key, value in memo.derived.items() if key[0] != "view"}
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        payload = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary.write_bytes(_header(payload, _key(path.parent)) + payload)
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
        key = _key(path.parent)
    except OSError:
        return memo
    head = len(MAGIC) + 64 + 1 + 64 + 1
    payload = data[head:]
    if not hmac.compare_digest(data[:head], _header(payload, key)):
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
