"""A restarted preview server reuses the memo its last session kept on disk, and builds
exactly what a fresh full build does; a damaged or stale cache is ignored, never served."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from generator.portal import persist
from generator.portal.memo import Memo

from .test_incremental import _full_build, _served, _served_copy

pytestmark = pytest.mark.build

OTHER = ("page", "/items/company-setup/")


def _first_session(tmp_path: Path) -> tuple[Path, Path]:
    catalogue, preview = _served_copy(tmp_path), Memo(enabled=True)
    _served(catalogue, tmp_path / "first", preview)
    cache = persist.cache_file(catalogue, tmp_path / "user-cache")
    assert persist.save(preview, cache)
    assert cache.is_relative_to(tmp_path / "user-cache")
    assert not cache.is_relative_to(catalogue.parent / ".cache")
    return catalogue, cache


def test_a_restart_with_the_cache_equals_a_fresh_build(tmp_path: Path) -> None:
    catalogue, cache = _first_session(tmp_path)
    # Saved while the server was down: that item is made again, the others come from disk.
    item = catalogue / "items/gaj/id-card-renewal.yaml"
    item.write_text(
        item.read_text(encoding="utf-8").replace("居民身份证", "居民身份证(原件)", 1),
        encoding="utf-8",
    )
    restarted = persist.load(cache)
    kept = restarted.derived[OTHER][2]
    edited = restarted.derived[("page", "/items/id-card-renewal/")][2]
    rebuilt = _served(catalogue, tmp_path / "second", restarted)  # a new, empty folder
    assert restarted.derived[OTHER][2] is kept
    assert restarted.derived[("page", "/items/id-card-renewal/")][2] != edited
    assert ("view", "company-setup") not in restarted.derived
    assert rebuilt == _full_build(catalogue, tmp_path / "full")


@pytest.mark.parametrize("damage", ["flipped", "truncated", "garbage", "other-version", "empty"])
def test_a_damaged_or_stale_cache_is_ignored(damage: str, tmp_path: Path) -> None:
    catalogue, cache = _first_session(tmp_path)
    data = cache.read_bytes()
    damaged = {
        "flipped": data[:-100] + bytes([data[-100] ^ 1]) + data[-99:],
        "truncated": data[: len(data) // 2],
        "garbage": b"\x80\x04not a pickle at all",
        "other-version": data.replace(persist.generator_version().encode(), b"0" * 64, 1),
        "empty": b"",
    }[damage]
    cache.write_bytes(damaged)
    restarted = persist.load(cache)
    assert not restarted.derived and not restarted.loaded and restarted.data_page is None
    rebuilt = _served(catalogue, tmp_path / "second", restarted)
    assert rebuilt == _full_build(catalogue, tmp_path / "full")


def test_a_cache_made_of_something_else_is_ignored(tmp_path: Path) -> None:
    """A pickle with the right header but not a memo's state is not used either."""
    cache = _first_session(tmp_path)[1]
    payload = pickle.dumps([1])
    cache.write_bytes(persist._header(payload, persist._key(cache.parent)) + payload)
    assert not persist.load(cache).derived


def test_a_cache_this_user_did_not_write_is_never_unpickled(tmp_path: Path) -> None:
    """A pickle planted by someone else (committed in a pull request, copied from another
    machine) has a valid shape but not this user's signature: it is not even unpickled."""
    cache = _first_session(tmp_path)[1]
    payload = cache.read_bytes()[len(persist.MAGIC) + 130 :]
    planted = pickle.dumps(Exploded())
    for body in (payload, planted):
        cache.write_bytes(persist._header(body, b"someone else's key") + body)
        assert not persist.load(cache).derived
    assert (cache.parent / "key").stat().st_mode & 0o077 == 0


class Exploded:
    """Unpickling this fails the test: load must refuse before it unpickles."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (pytest.fail, ("a foreign cache was unpickled",))
