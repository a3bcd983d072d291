"""What a preview rebuild may reuse from the one before it, so a save shows in seconds.

Under ``make serve`` the site is rebuilt after every save; the server owns one
:class:`Memo` (its preview cache) for its whole life and hands it to each build.  It
keeps, per item file, the loaded item, its guide's view and its rendered pages, each
tagged with a digest of the file's bytes (read again only when its modification time or
size changes) and with a fingerprint of the bytes of everything else those depend on:
the top-level catalogue files and the templates.  An
item edit recomputes that item only; a department, law, chain or centre edit (or a
template edit) changes the fingerprint and recomputes everything, which is always right.
Keyed by content, the memo may be kept on disk for the next ``serve`` (:mod:`.persist`).

A one-off build gets a disabled memo: there is nothing to reuse.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar, cast

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

from .. import vcs
from ..catalogue.diagnostics import Diagnostic, Report, Severity
from ..catalogue.loaded import Catalogue, LoadedItem, load_catalogue, load_item, no_gc
from ..catalogue.revision import SheetVersion, content_versions, sheet_versions
from ..review.history import History, compute_history, unavailable
from . import urls
from .pages import Page, SitePlan, plan_site
from .rendering import make_environment
from .shells import output_path, page_id
from .urls import SHELL_ID
from .views import ItemView, draw_all, item_view

Stamp = tuple[int, int]
Digest = bytes
T = TypeVar("T")


def stamp(path: Path) -> Stamp:
    """(modification time in ns, size): changes whenever an editor saves the file."""
    info = path.stat()
    return info.st_mtime_ns, info.st_size


def top_level_paths(root: Path) -> list[Path]:
    """Everything in the catalogue that is not an item file."""
    items = root / "items"
    return sorted(p for p in root.iterdir() if p != items) if root.is_dir() else []


class TemplateCodeCache(BytecodeCache):
    """Compiled templates kept in memory, keyed by name and source checksum.

    MkDocs makes a fresh theme environment for every rebuild, which compiled Material's
    templates again after each save (about a second); an edited template has a new
    checksum and is compiled anew."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


@dataclass
class Memo:
    enabled: bool = False
    top: str = ""
    loaded: dict[Path, tuple[Digest, LoadedItem | None, list[Diagnostic]]] = field(
        default_factory=dict
    )
    derived: dict[tuple[str, str], tuple[Digest, str, object]] = field(default_factory=dict)
    """(kind, key) -> (item digest, top fingerprint, value): views and rendered pages."""
    hashes: dict[Path, tuple[Stamp, Digest]] = field(default_factory=dict)
    """File -> (stamp, digest of its bytes when it had that stamp): a file is read again
    only after a save.  Everything kept is keyed by content, never by a stamp, so what
    is kept stays right in another session (:mod:`.persist`)."""
    last_good: Catalogue | None = None
    templates: TemplateCodeCache = field(default_factory=TemplateCodeCache)
    written: dict[Path, bytes] = field(default_factory=dict)
    """Digest of what this memo last wrote at each path (the server's folder is not
    emptied between rebuilds)."""
    outputs: set[Path] = field(default_factory=set)
    """Every file the last plan produced: what a later plan drops is removed."""
    stamps: dict[str, Digest] = field(default_factory=dict)
    """Item file -> its digest, taken once per rebuild (every page of an item asks)."""
    pages: dict[Path, tuple[object, ...]] = field(default_factory=dict)
    """Page file -> the objects it was last written from (see :meth:`same`)."""
    fixed: dict[str, tuple[str, str, object, str]] = field(default_factory=dict)
    """A page the theme draws (home, a department, a law) -> (fingerprint, template,
    context, content) of its last rendering: see :func:`rendered`."""
    locations: tuple[tuple[str, ...], list[str]] = ((), [])
    """The sitemap's addresses and the page URLs they were made from."""
    checked: tuple[str, Report, bool] | None = None
    """The check ``serve`` ran first: (fingerprint of the catalogue and the as-of date,
    report, passed), so that a restart on the same catalogue does not check it again."""
    data_page: str | None = None
    """The data page's content as last rendered: shown again while a rebuild's data files
    (which the page lists with their checksums) are written after the reload."""
    _environment: tuple[tuple[str, str], Environment] | None = None
    _history: tuple[str, dict[str, str], History] | None = None

    def digest(self, path: Path) -> Digest:
        """The digest of the file's bytes, read again only if its stamp changed."""
        current = stamp(path)
        kept = self.hashes.get(path)
        if kept is not None and kept[0] == current:
            return kept[1]
        value = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
        self.hashes[path] = (current, value)
        return value

    def fingerprint(self, paths: Iterable[Path]) -> str:
        """One value for the bytes of every file under ``paths`` (missing paths count too)."""
        digest = hashlib.sha256()
        for top in paths:
            files = sorted(p for p in top.rglob("*") if p.is_file()) if top.is_dir() else [top]
            for path in files:
                state = self.digest(path).hex() if path.exists() else "-"
                digest.update(f"{path}\0{state}\n".encode())
        return digest.hexdigest()

    def start(self, root: Path, templates: Iterable[Path]) -> None:
        """Begin a rebuild: take the fingerprint of everything but the item files."""
        self.top = self.fingerprint([*top_level_paths(root), *templates])
        self.stamps = {}

    def load_item(self, root: Path, path: Path) -> tuple[LoadedItem | None, list[Diagnostic]]:
        """``load_item`` that reuses the last result while the file is unchanged."""
        if not self.enabled:
            return load_item(root, path)
        current = self.digest(path)
        cached = self.loaded.get(path)
        if cached is not None and cached[0] == current:
            return cached[1], cached[2]
        # Positions are re-read only if a diagnostic needs one: kept for 10,000 items
        # (and in the cache on disk) they were a third of the memo.
        loaded, diags = load_item(root, path, lazy=True)
        self.loaded[path] = (current, loaded, diags)
        return loaded, diags

    def item_stamp(self, loaded: LoadedItem) -> Digest:
        if not self.enabled:
            return b""
        found = self.stamps.get(loaded.source.file)
        if found is None:
            found = self.stamps[loaded.source.file] = self.digest(Path(loaded.source.file))
        return found

    def get(self, kind: str, key: str, item: Digest, compute: Callable[[], T]) -> T:
        """``compute()``, or the value kept for the same item digest and fingerprint."""
        if not self.enabled:
            return compute()
        cached = self.derived.get((kind, key))
        if cached is not None and cached[0] == item and cached[1] == self.top:
            return cached[2]  # type: ignore[return-value]
        value = compute()
        self.derived[(kind, key)] = (item, self.top, value)
        return value

    def history(self, root: Path, names: dict[str, str], walk: vcs.Walk | str) -> History:
        """The catalogue's change history from ``walk`` (or why it is unavailable),
        recomputed only after a new commit (or a renamed item); a new commit also changes
        the fingerprint, since pages show it."""
        if isinstance(walk, str):
            return unavailable(walk)
        if not self.enabled:
            return compute_history(root, names=names, walk=walk)
        if self._history is None or self._history[:2] != (walk.head, names):
            self._history = (walk.head, names, compute_history(root, names=names, walk=walk))
        self.top += walk.head
        return self._history[2]

    def keep(self, path: Path, data: bytes) -> bool:
        """True if ``path`` already holds ``data`` (as this memo wrote it), so the rebuild
        may skip writing it; otherwise ``data`` is recorded as about to be written.

        Writing the 2,000 unchanged pages of 1,000 items again took most of a rebuild."""
        digest = hashlib.blake2b(data, digest_size=16).digest()
        if self.written.get(path) == digest and path.is_file():
            return True
        self.written[path] = digest
        return False

    def same(self, path: Path, parts: tuple[object, ...]) -> bool:
        """True if ``path`` was last written from these very objects (the rendered content
        this memo kept, the same shell and title), so it holds the same bytes: the 20,000
        unchanged pages of 10,000 items are then neither joined, encoded nor hashed."""
        last = self.pages.get(path)
        if (
            last is not None
            and len(last) == len(parts)
            and all(a is b or (type(a) is str and a == b) for a, b in zip(last, parts, strict=True))
            and path.is_file()
        ):
            return True
        self.pages[path] = parts
        return False

    def prune(self, site: Path, outputs: set[Path]) -> None:
        """Remove from ``site`` the files an earlier plan produced and this one does not
        (a deleted item's pages): the server's folder is never emptied."""
        for path in sorted(p for p in self.outputs - outputs if p.is_relative_to(site)):
            path.unlink(missing_ok=True)
            self.written.pop(path, None)
            self.pages.pop(path, None)
            for parent in path.parents:
                if parent == site or any(parent.iterdir()):
                    break
                parent.rmdir()
        self.outputs = outputs

    def environment(self, overrides: Path) -> Environment:
        """The template environment, kept while no template changed (compiling them all
        again is a large part of a small rebuild)."""
        if not self.enabled:
            return make_environment(overrides)
        key = (str(overrides), self.top)
        if self._environment is None or self._environment[0] != key:
            self._environment = (key, make_environment(overrides))
        return self._environment[1]


class Later:
    """Stands for an item's guide (:class:`ItemView`) and makes it when a template first
    reads one of its attributes: the plan names every item's guide, a rebuild from the
    memo renders few of them."""

    __slots__ = ("_make", "_value")

    def __init__(self, make: Callable[[], ItemView]) -> None:
        self._make = make
        self._value: ItemView | None = None

    def __getattr__(self, name: str) -> object:
        if self._value is None:
            self._value = self._make()
        return getattr(self._value, name)


class CatalogueErrors(Exception):
    """The catalogue has errors and there is no earlier good version to show instead."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(f"{len(diagnostics)} 个错误")
        self.diagnostics = diagnostics


def plan(
    root: Path,
    templates: Iterable[Path],
    memo: Memo,
    *,
    checked: Catalogue | None = None,
    data: bool = True,
) -> tuple[Catalogue, SitePlan, list[Diagnostic]]:
    """Load and plan the site, reusing what is unchanged when serving.

    Returns the catalogue, the plan and the errors that were set aside: while serving, a
    save that breaks the catalogue keeps the last good version on show (the errors are
    returned for the terminal and the browser); otherwise errors raise.  ``checked`` is
    the catalogue as the build's check loaded it (without errors): it is not loaded again.
    ``data=False``: the open data files are left for later (:func:`pages.plan_site`).
    """
    memo.start(root, templates)
    if checked is not None:
        catalogue, errors = checked, []
    else:
        catalogue, report = load_catalogue(root, load=memo.load_item)
        errors = [d for d in report if d.severity is Severity.ERROR]
    if errors or catalogue.centre is None:
        if memo.last_good is None:
            raise CatalogueErrors(errors)
        catalogue = memo.last_good
    elif memo.enabled:
        memo.last_good = catalogue
    names = {item_id: loaded.item.name for item_id, loaded in catalogue.items.items()}
    # One walk of the history for both the 最近更新 pages and the sheets' versions.
    try:
        walk: vcs.Walk | str = vcs.walk(root)
    except vcs.GitError as exc:
        walk = str(exc) or "不在 git 仓库中"
    history = memo.history(root, names, walk)

    def reuse(item_id: str, compute: Callable[[], SheetVersion]) -> SheetVersion:
        # The shared files a version hashes are in the fingerprint ``get`` compares.
        stamp = memo.item_stamp(catalogue.items[item_id])
        return memo.get("version", item_id, stamp, compute)

    versions = (
        content_versions(catalogue, reuse)
        if isinstance(walk, str)
        else sheet_versions(catalogue, walk, reuse)
    )
    if memo.enabled:

        def viewer(catalogue: Catalogue, loaded: LoadedItem, url: str) -> ItemView:
            stamp = memo.item_stamp(loaded)
            kept = memo.derived.get(("view", loaded.id))
            if kept is not None and kept[:2] == (stamp, memo.top):
                return kept[2]  # type: ignore[return-value]
            # Made only if one of its pages is rendered again: a restarted server has
            # every page from its cache on disk, and no guide.
            return cast(
                ItemView,
                Later(
                    lambda: memo.get(
                        "view", loaded.id, stamp, lambda: item_view(catalogue, loaded, url=url)
                    )
                ),
            )

    else:
        drawn = draw_all(catalogue)

        def viewer(catalogue: Catalogue, loaded: LoadedItem, url: str) -> ItemView:
            return item_view(catalogue, loaded, url=url, drawn=drawn[loaded.id])

    with no_gc():
        site = plan_site(catalogue, history, versions, item_view=viewer, data=data)
    return catalogue, site, errors


def rendered(page: Page, catalogue: Catalogue, render: Callable[[Page], str], memo: Memo) -> str:
    """``render(page)``, reused while the page's item and everything else are unchanged."""
    if page.shell in (urls.item_url(SHELL_ID), urls.notice_url(SHELL_ID)):
        loaded = catalogue.items.get(page_id(page))
        if loaded is not None:
            return memo.get("page", page.url, memo.item_stamp(loaded), lambda: render(page))
    if page.shell == urls.department_notices_url(SHELL_ID):
        # A department's batch of sheets changes with any of its items.
        department = page_id(page)
        stamps = [
            memo.item_stamp(i) for i in catalogue.items.values() if i.department_id == department
        ]
        batch = hashlib.blake2b(b"".join(stamps), digest_size=16).digest()
        return memo.get("page", page.url, batch, lambda: render(page))
    if page.shell is None:
        # A page the theme draws (home, a department's list, a law) is rendered again only
        # if what it shows changed: its context compared by value (views are frozen
        # dataclasses, models compare field by field), the templates by the fingerprint.
        # A saved item re-renders its department and its laws, not the 200 others.
        kept = memo.fixed.get(page.url)
        if kept is not None and kept[:2] == (memo.top, page.template) and kept[2] == page.context:
            return kept[3]
        content = render(page)
        memo.fixed[page.url] = (memo.top, page.template, page.context, content)
        return content
    return render(page)


def outputs(site: Path, plan: SitePlan, later: Iterable[str] = ()) -> set[Path]:
    """The files ``plan`` puts into ``site``, and the URLs ``later`` written after it."""
    files = [f.url for f in plan.files] + [g.url for g in (*plan.generated, *plan.per_item)]
    files.extend(later)
    pages = {output_path(site, page.url) for page in plan.pages}
    return pages | {site / url.lstrip("/") for url in files}
