"""Legal basis: every item rests on a law in force, cited down to the article.

The centre's rules (《服务事项管理办法》第四条) require the basis *with the specific
articles*; a repealed law means the item must not be handled as published.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.loaded import Catalogue, LoadedItem
from ..catalogue.models import BasisRole, ItemType, Law
from ..catalogue.wording import LICENSING_CORRECTION, LICENSING_LAW, configured, correction_basis
from . import CheckContext, rule
from ._common import ARTICLE, citations, emit, has


@rule("basis-missing-setting", Severity.ERROR)
def has_setting_basis(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Every item needs at least one 设定依据: the law that creates the power.  实施依据
    alone (local rules on how to do it) do not make an item lawful.

    Passing:
        basis:
          - {law: shipin-anquanfa, articles: 第三十五条, role: 设定依据}

    Failing:
        basis:
          - {law: shipin-jingying-banfa, articles: 第十条, role: 实施依据}
    """
    if not any(b.role is BasisRole.SETTING for b in loaded.item.basis):
        yield emit(
            loaded.source,
            "basis-missing-setting",
            ("basis",),
            "没有设定依据;请至少列出一条 role: 设定依据 的法律法规及具体条款。",
        )


@rule("basis-no-article", Severity.ERROR)
def cites_article(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Every citation (basis, conditions, time limits, special procedures, fees) names a
    specific article, 第…条 in Chinese numerals or digits; a bare law title or a chapter
    does not let the public check the rule.

    Passing:
        - {law: xingzheng-xukefa, articles: 第四十二条第一款, role: 设定依据}

    Failing:
        - {law: xingzheng-xukefa, articles: 第三章, role: 设定依据}
    """
    for path, citation in citations(loaded.item):
        if has(citation, "articles") and not ARTICLE.search(citation.articles):
            yield emit(
                loaded.source,
                "basis-no-article",
                (*path, "articles"),
                f"依据“{citation.articles}”没有写明具体条款;请写成“第二十九条”或“第二十九条第一款”。",
            )


@rule("basis-repealed", Severity.ERROR)
def law_not_repealed(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A cited law whose ``repealed`` date is on or before the check date (``--as-of``,
    default today) no longer applies: cite the law that replaced it.

    Passing:
        # laws.yaml: {id: gongsi-dengji-tiaoli, effective: 2022-03-01}
        - {law: gongsi-dengji-tiaoli, articles: 第三条, role: 设定依据}

    Failing:
        # laws.yaml: {id: gongsi-dengji-guanli-tiaoli, repealed: 2022-03-01, ...}
        - {law: gongsi-dengji-guanli-tiaoli, articles: 第三条, role: 设定依据}
    """
    laws = ctx.catalogue.laws
    for path, citation in citations(loaded.item):
        law = laws.get(getattr(citation, "law", ""))
        if law is None or not has(law, "repealed", "title"):
            continue
        if law.repealed is not None and law.repealed <= ctx.as_of:
            yield emit(
                loaded.source,
                "basis-repealed",
                (*path, "law"),
                f"《{law.title}》已于 {law.repealed.isoformat()} 废止;{_instead(ctx, law)}"
                "并核对条款。",
            )


def _instead(ctx: CheckContext, law: Law) -> str:
    """请改为引用《取代它的法规》, or 现行有效的法规 when laws.yaml does not say which."""
    successor = ctx.catalogue.laws.get(getattr(law, "replaced_by", None) or "")
    if successor is not None and has(successor, "title"):
        return f"请改为引用取代它的《{successor.title}》,"
    return "请改为引用现行有效的法规,"


@rule("basis-repeal-scheduled", Severity.WARNING)
def law_repeal_announced(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A cited law whose ``repealed`` date is after the check date is still in force but
    its repeal is announced: prepare the new basis now (the guide already tells the public
    "将于…废止"), so the item is not left citing a dead law on the day.

    Passing:
        # laws.yaml: {id: gongsi-dengji-tiaoli, effective: 2022-03-01}
        - {law: gongsi-dengji-tiaoli, articles: 第三条, role: 设定依据}

    Failing:
        # 检查日期 2026-12-01; laws.yaml: {id: jiu-tiaoli, repealed: 2027-07-01, ...}
        - {law: jiu-tiaoli, articles: 第三条, role: 设定依据}
    """
    laws = ctx.catalogue.laws
    for path, citation in citations(loaded.item):
        law = laws.get(getattr(citation, "law", ""))
        if law is None or not has(law, "repealed", "title"):
            continue
        if law.repealed is not None and law.repealed > ctx.as_of:
            yield emit(
                loaded.source,
                "basis-repeal-scheduled",
                (*path, "law"),
                f"《{law.title}》将于 {law.repealed.isoformat()} 废止;{_instead(ctx, law)}"
                "在废止前改好依据并核对条款。",
            )


@rule("basis-not-in-force", Severity.WARNING)
def law_in_force(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A cited law whose ``effective`` date is after the check date is not in force yet;
    publish the item when it is, or keep citing the current law until then.

    Passing:
        # laws.yaml: {id: xin-tiaoli, effective: 2024-01-01}; 检查日期 2026-01-01

    Failing:
        # laws.yaml: {id: xin-tiaoli, effective: 2027-01-01}; 检查日期 2026-01-01
    """
    laws = ctx.catalogue.laws
    for path, citation in citations(loaded.item):
        law = laws.get(getattr(citation, "law", ""))
        if law is not None and has(law, "effective", "title") and law.effective > ctx.as_of:
            yield emit(
                loaded.source,
                "basis-not-in-force",
                (*path, "law"),
                f"《{law.title}》自 {law.effective.isoformat()} 起施行,目前尚未生效;"
                "请在施行后再引用,或继续引用现行法规。",
            )


@rule("basis-duplicate", Severity.WARNING)
def no_duplicate_basis(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """The same law and articles listed twice in ``basis`` is a copy-paste slip.

    Passing:
        - {law: xingzheng-xukefa, articles: 第二十九条, role: 设定依据}
        - {law: xingzheng-xukefa, articles: 第四十二条, role: 实施依据}

    Failing:
        - {law: xingzheng-xukefa, articles: 第二十九条, role: 设定依据}
        - {law: xingzheng-xukefa, articles: 第二十九条, role: 实施依据}
    """
    seen: set[tuple[str, str]] = set()
    for index, basis in enumerate(loaded.item.basis):
        if not has(basis, "law", "articles"):
            continue
        key = (basis.law, basis.articles.strip())
        if key in seen:
            yield emit(
                loaded.source,
                "basis-duplicate",
                ("basis", index),
                f"依据 {basis.law} {basis.articles} 重复列出;请删除重复的一项。",
            )
        seen.add(key)


@rule("basis-notice-missing", Severity.ERROR)
def notice_wording_known(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """The 补正材料通知书 cites the rule that obliges the window to tell everything at once.
    《行政许可法》第三十二条 binds 行政许可 only; an item of any other type needs the
    centre's own rule for its type in ``centre.yaml`` ``correction_basis`` (configured once
    for all items of that type), or the sheet staff sign would cite no rule or a wrong one.

    Passing:
        # centre.yaml 的 correction_basis 中有
        #   行政确认: 《示例市政务服务中心服务事项管理办法》第五条第五项
        type: 行政确认

    Failing:
        # centre.yaml 没有 correction_basis 的 行政确认 一项
        type: 行政确认
    """
    centre, item = ctx.catalogue.centre, loaded.item
    if centre is None or not has(centre, "correction_basis"):
        return  # centre.yaml's own errors say why
    if correction_basis(centre, item.type) is None:
        yield emit(
            loaded.source,
            "basis-notice-missing",
            ("type",),
            f"事项类型“{item.type.value}”的补正材料通知书没有可引用的规定"
            f"(《行政许可法》第三十二条只适用于行政许可);请在 centre.yaml 的 correction_basis "
            f"中为“{item.type.value}”填写中心的规定和条款,"
            "如 《示例市政务服务中心服务事项管理办法》第五条第五项。",
        )


@rule("basis-notice-wording", Severity.ERROR, scope="catalogue")
def notice_wording_lawful(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Each ``correction_basis`` in ``centre.yaml`` names a rule in 《》 and a specific
    article; a 行政许可 cites 《行政许可法》第三十二条, and no other type cites
    《行政许可法》, which binds 行政许可 only.

    Passing:
        correction_basis:
          行政确认: 《示例市政务服务中心服务事项管理办法》第五条第五项

    Failing:
        correction_basis:
          行政确认: 《中华人民共和国行政许可法》第三十二条
          公共服务: 中心规定
    """
    source = catalogue.sources.get("centre.yaml")
    if source is None:
        return
    for item_type, wording in configured(catalogue.centre).items():
        path = ("correction_basis", item_type.value)
        if "《" not in wording or not ARTICLE.search(wording):
            message = (
                f"“{item_type.value}”的补正告知依据“{wording}”没有写明规定名称(用《》)"
                "和具体条款;请写成“《示例市政务服务中心服务事项管理办法》第五条第五项”。"
            )
        elif item_type is ItemType.LICENSING and not (
            LICENSING_LAW in wording and "第三十二条" in wording
        ):
            message = (
                f"行政许可的补正告知依据是{LICENSING_CORRECTION};“{wording}”没有引用它。"
                "请改为该条款,或删除这一项(不填时自动引用)。"
            )
        elif item_type is not ItemType.LICENSING and LICENSING_LAW in wording:
            message = (
                f"《行政许可法》只适用于行政许可,不能作为“{item_type.value}”的补正告知依据;"
                "请改为中心的规定,如 《示例市政务服务中心服务事项管理办法》第五条第五项。"
            )
        else:
            continue
        yield emit(source, "basis-notice-wording", path, message)
