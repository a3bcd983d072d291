"""References between files: departments, laws, chains, form files and national codes.

A dangling reference becomes a broken link or an empty box on the published page, so each
one is reported where it is written.  When ``departments.yaml`` or ``laws.yaml`` itself
failed to load, the references into it are not checked (that file's own errors say why).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from ..catalogue import files
from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.files import Problem
from ..catalogue.loaded import Catalogue, LoadedItem
from ..catalogue.models import Kind
from . import CheckContext, rule
from ._common import citations, emit, has


@rule("ref-department", Severity.ERROR)
def department_known(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """The item's folder ``items/<部门 id>/`` must be a department in ``departments.yaml``.

    The department gives the item its window, address and phones.

    Passing:
        # departments.yaml 中有 id: scjgj,文件位于 items/scjgj/shipin-jingying.yaml
        name: 食品经营许可

    Failing:
        # 文件位于 items/shichang/shipin-jingying.yaml,但没有 id 为 shichang 的部门
        name: 食品经营许可
    """
    catalogue = ctx.catalogue
    known = catalogue.departments
    if catalogue.indexed("departments.yaml") and loaded.department_id not in known:
        yield emit(
            loaded.source,
            "ref-department",
            (),
            f"事项所在目录“{loaded.department_id}”不是 departments.yaml 中的部门;"
            "请把文件移到正确的部门目录,或在 departments.yaml 中添加该部门。",
        )


@rule("ref-joint-department", Severity.ERROR)
def joint_departments_known(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Every id in ``joint_departments`` must be a department in ``departments.yaml``.

    Passing:
        joint_departments: [zjj, xfj]

    Failing:
        joint_departments: [zhujianju]   # departments.yaml 中没有这个 id
    """
    catalogue = ctx.catalogue
    if not catalogue.indexed("departments.yaml"):
        return
    for index, ident in enumerate(loaded.item.joint_departments):
        if ident not in catalogue.departments:
            yield emit(
                loaded.source,
                "ref-joint-department",
                ("joint_departments", index),
                f"联办部门“{ident}”不在 departments.yaml 中;请填写已登记部门的 id。",
            )


@rule("ref-joint-self", Severity.WARNING)
def joint_not_self(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """``joint_departments`` lists the *other* departments; the item's own is implied.

    Passing:
        # items/scjgj/...
        joint_departments: [zjj]

    Failing:
        # items/scjgj/...
        joint_departments: [scjgj, zjj]
    """
    for index, ident in enumerate(loaded.item.joint_departments):
        if ident == loaded.department_id:
            yield emit(
                loaded.source,
                "ref-joint-self",
                ("joint_departments", index),
                f"“{ident}”是本事项的主办部门,不必列为联办部门;请删除这一项。",
            )


@rule("ref-joint-missing", Severity.WARNING)
def joint_kind_has_departments(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A 联办件 is handled by several departments; name them in ``joint_departments``.

    Passing:
        kind: 联办件
        joint_departments: [zjj]

    Failing:
        kind: 联办件
        joint_departments: []
    """
    item = loaded.item
    if item.kind is Kind.JOINT and not item.joint_departments:
        yield emit(
            loaded.source,
            "ref-joint-missing",
            ("kind",),
            "联办件没有填写联办部门;请在 joint_departments 中列出参与办理的部门 id,"
            "或把办件类型改为承诺件。",
        )


@rule("ref-law", Severity.ERROR)
def laws_known(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Every cited law id (basis, conditions, time limits, special procedures, fees) must
    be in ``laws.yaml``, which holds its title, level and dates.

    Passing:
        basis:
          - law: xingzheng-xukefa
            articles: 第二十九条
            role: 设定依据

    Failing:
        basis:
          - law: xukefa        # laws.yaml 中没有这个 id
            articles: 第二十九条
            role: 设定依据
    """
    laws = ctx.catalogue.laws
    if not ctx.catalogue.indexed("laws.yaml"):
        return
    for path, citation in citations(loaded.item):
        if has(citation, "law") and citation.law not in laws:
            yield emit(
                loaded.source,
                "ref-law",
                (*path, "law"),
                f"法规“{citation.law}”不在 laws.yaml 中;请先在 laws.yaml 登记该法规,"
                "或改用已登记法规的 id。",
            )


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.lstat()
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


@lru_cache(maxsize=4096)
def _inspected(root: Path, relative: str, stamp: tuple[int, int, int] | None) -> Problem | None:
    """One inspection per file and version: ten thousand items share a few hundred forms."""
    return files.inspect(root, relative)


def _file_problems(loaded: LoadedItem, ctx: CheckContext, code: str) -> Iterator[Diagnostic]:
    root = ctx.catalogue.root
    for index, material in enumerate(getattr(loaded.item, "materials", ())):
        for key in ("blank_form", "sample"):
            relative = getattr(material, key, None)
            if not relative:  # absent, or blank (text-blank says so)
                continue
            stamp = None if files.escapes(relative) else _stamp(root / relative)
            problem = _inspected(root, relative, stamp)
            if problem is not None and problem.code == code:
                yield emit(loaded.source, code, ("materials", index, key), problem.message)


def _item_file(root: Path, ident: str) -> bool:
    """Whether an item file with this id exists, even one that could not be read (its own
    diagnostics say why; the chain's reference is not the problem)."""
    return any((root / "items").glob(f"*/{ident}.yaml"))


@rule("ref-file-escapes", Severity.ERROR)
def files_inside(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """``blank_form`` and ``sample`` are paths relative to ``catalogue/``; they may not be
    absolute or climb out with ``..`` (the site publishes only what is inside).

    Passing:
        blank_form: forms/shenqingbiao.docx

    Failing:
        blank_form: ../../etc/passwd
    """
    yield from _file_problems(loaded, ctx, "ref-file-escapes")


@rule("ref-file-missing", Severity.ERROR)
def files_exist(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A ``blank_form`` or ``sample`` file must exist under ``catalogue/``: the public
    downloads it from the item page, free of charge.

    Passing:
        blank_form: forms/shenqingbiao.docx   # catalogue/forms/shenqingbiao.docx 存在

    Failing:
        blank_form: forms/meiyou.docx         # 文件不存在
    """
    yield from _file_problems(loaded, ctx, "ref-file-missing")


@rule("ref-file-symlink", Severity.ERROR)
def files_not_links(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """No part of a form's path may be a symbolic link, wherever it points: a link to
    ``/etc/passwd`` or ``/proc/self/environ`` has an innocent name, and the build would
    publish the build machine's files.  Commit the real file.

    Passing:
        blank_form: forms/shenqingbiao.pdf   # 普通文件

    Failing:
        blank_form: forms/shenqingbiao.pdf   # ln -s /etc/passwd forms/shenqingbiao.pdf
    """
    yield from _file_problems(loaded, ctx, "ref-file-symlink")


@rule("ref-file-not-file", Severity.ERROR)
def files_regular(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A form is one regular file, not a folder, a device or a pipe.

    Passing:
        blank_form: forms/shenqingbiao.pdf

    Failing:
        blank_form: forms                    # 是文件夹
    """
    yield from _file_problems(loaded, ctx, "ref-file-not-file")


@rule("ref-file-type", Severity.ERROR)
def files_allowed_type(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Forms and samples are the formats offices publish: PDF, OFD, DOC/DOCX, XLS/XLSX,
    WPS/ET, ODT/ODS, JPG/PNG and TXT.  A web page (``.html``) or an SVG is refused: opened
    from the portal it would run its script on the portal's own address.

    Passing:
        blank_form: forms/shenqingbiao.docx

    Failing:
        blank_form: forms/shenqingbiao.html
    """
    yield from _file_problems(loaded, ctx, "ref-file-type")


@rule("ref-file-content", Severity.ERROR)
def files_content_matches(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """The file's bytes must be what its name says: an HTML page renamed ``.pdf`` is
    refused, and a ``.txt`` form must be UTF-8 (a GBK text shows as mojibake online).

    Passing:
        blank_form: forms/shenqingbiao.pdf   # 以 %PDF- 开头

    Failing:
        blank_form: forms/shenqingbiao.pdf   # 内容其实是 <html>…
    """
    yield from _file_problems(loaded, ctx, "ref-file-content")


@rule("ref-file-too-large", Severity.ERROR)
def files_small_enough(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A form or sample is at most 20 MB: the public downloads it on a phone.

    Passing:
        sample: forms/shili.pdf              # 300 KB

    Failing:
        sample: forms/saomiao.pdf            # 85 MB 的扫描件
    """
    yield from _file_problems(loaded, ctx, "ref-file-too-large")


@rule("ref-chain-item", Severity.ERROR, scope="catalogue")
def chain_items_known(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Every item id in a chain stage (``chains.yaml``) must be an item in ``items/``.

    Passing:
        stages:
          - name: 设立登记
            items: [gongsi-sheli-dengji]

    Failing:
        stages:
          - name: 设立登记
            items: [gongsi-dengji]   # 没有 items/*/gongsi-dengji.yaml
    """
    source = catalogue.sources.get("chains.yaml")
    chains = getattr(catalogue.files.get("chains.yaml"), "chains", ())
    if source is None:
        return
    for c, chain in enumerate(chains):
        if not has(chain, "name", "stages"):
            continue
        for s, stage in enumerate(chain.stages):
            for i, ident in enumerate(getattr(stage, "items", ())):
                if ident not in catalogue.items and not _item_file(catalogue.root, ident):
                    yield emit(
                        source,
                        "ref-chain-item",
                        ("chains", c, "stages", s, "items", i),
                        f"审批链“{chain.name}”引用的事项“{ident}”不存在;"
                        "请填写 items/<部门>/<事项 id>.yaml 的事项 id。",
                    )


@rule("ref-law-replacement", Severity.ERROR, scope="catalogue")
def law_replacements_known(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A law's ``replaced_by`` (in ``laws.yaml``) names another law of ``laws.yaml``, not
    itself: ``check`` and ``diff`` tell editors to cite that law instead.

    Passing:
        - {id: jiu-tiaoli, repealed: 2022-03-01, replaced_by: xin-tiaoli, ...}
        - {id: xin-tiaoli, effective: 2022-03-01, ...}

    Failing:
        - {id: jiu-tiaoli, repealed: 2022-03-01, replaced_by: xin-tiaoli, ...}   # 没有 xin-tiaoli
    """
    source = catalogue.sources.get("laws.yaml")
    laws = getattr(catalogue.files.get("laws.yaml"), "laws", ())
    if source is None or not catalogue.indexed("laws.yaml"):
        return
    for index, law in enumerate(laws):
        successor = getattr(law, "replaced_by", None)
        if successor is None or not has(law, "id"):
            continue
        if successor == law.id or successor not in catalogue.laws:
            reason = "就是它自己" if successor == law.id else "不在 laws.yaml 中"
            yield emit(
                source,
                "ref-law-replacement",
                ("laws", index, "replaced_by"),
                f"取代它的法规“{successor}”{reason};请填写 laws.yaml 中另一部法规的 id。",
            )


@rule("ref-code-duplicate", Severity.ERROR, scope="catalogue")
def codes_unique(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """The national implementation code (实施编码) identifies one item at one authority;
    two items may share a basic code (基本编码) but never an implementation code.

    Passing:
        codes: {basic: "000123456000", implementation: "11320500000000000X000123456000001"}

    Failing:
        # 另一个事项文件已使用相同的实施编码
        codes: {basic: "000123456000", implementation: "11320500000000000X000123456000001"}
    """
    first: dict[str, LoadedItem] = {}
    for loaded in catalogue.items.values():
        code = getattr(getattr(loaded.item, "codes", None), "implementation", None)
        if code is None:
            continue
        other = first.setdefault(code, loaded)
        if other is not loaded:
            yield emit(
                loaded.source,
                "ref-code-duplicate",
                ("codes", "implementation"),
                f"实施编码 {code} 与 {other.source.file} 重复;"
                "请核对政务服务事项管理系统中本事项的实施编码。",
            )
