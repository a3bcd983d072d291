"""Materials (申请材料目录): the complete list, told once, with free blank forms.

The seeds insist on 一次性告知 (every material on one sheet) and 第九条: 申请书格式文本
不得收费.  These rules catch lists that would send an applicant back a second time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.loaded import LoadedItem
from ..catalogue.models import Kind, MaterialSource
from . import CheckContext, rule
from ._common import emit, has

FORM_WORDS = re.compile(r"表格|申请书|申请表|格式文本|登记表")
FORM_NAME = re.compile(r"(申请书|申请表|登记表|审批表|备案表|申报表|信息表)$")


@rule("mat-empty", Severity.ERROR)
def has_materials(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """An item lists at least one material.  Only an 即办件 may have none (e.g. an
    enquiry answered on the spot); every other kind is decided on submitted papers.

    Passing:
        kind: 承诺件
        materials:
          - {name: 营业执照, form: 复印件, copies: 1, medium: 纸质, source: 政府部门核发}

    Failing:
        kind: 承诺件
        materials: []
    """
    item = loaded.item
    if not item.materials and item.kind is not Kind.ON_THE_SPOT:
        yield emit(
            loaded.source,
            "mat-empty",
            ("materials",),
            "没有列出申请材料;请列出全部申请材料(一次性告知)。",
        )


@rule("mat-copies", Severity.ERROR)
def copies_positive(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """``copies`` is how many the applicant brings: at least 1.

    Passing:
        copies: 1

    Failing:
        copies: 0
    """
    for index, material in enumerate(loaded.item.materials):
        if has(material, "copies") and material.copies < 1:
            yield emit(
                loaded.source,
                "mat-copies",
                ("materials", index, "copies"),
                f"份数是 {material.copies};请填写至少 1 份。不需要提交的材料请从目录中删除。",
            )


@rule("mat-duplicate", Severity.ERROR)
def no_duplicates(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """The same material (same name and same ``when``) listed twice makes the notice
    sheet ask for it twice.  The same name under different ``when`` is fine.

    Passing:
        - {name: 身份证明, when: 申请人为自然人的, ...}
        - {name: 身份证明, when: 申请人为法人的, ...}

    Failing:
        - {name: 营业执照, ...}
        - {name: 营业执照, ...}
    """
    seen: dict[tuple[str, str], int] = {}
    for index, material in enumerate(loaded.item.materials):
        if not has(material, "name", "when"):
            continue
        key = ("".join(material.name.split()), (material.when or "").strip())
        if key in seen:
            yield emit(
                loaded.source,
                "mat-duplicate",
                ("materials", index, "name"),
                f"材料“{material.name}”与第 {seen[key] + 1} 项重复;请删除或合并"
                "(情形不同时用 when 区分)。",
            )
        else:
            seen[key] = index


@rule("mat-form-fee", Severity.ERROR)
def forms_free(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Application forms and their templates are given out free (第九条: 格式文本不得收费);
    a fee for 表格, 申请书 or 格式文本 is unlawful.

    Passing:
        fees: 不收费

    Failing:
        fees:
          - name: 申请表格工本费
            standard: 每份 5 元
            ...
    """
    fees = loaded.item.fees
    if not isinstance(fees, list):
        return
    for index, fee in enumerate(fees):
        for key in ("name", "standard"):
            if FORM_WORDS.search(getattr(fee, key, "")):
                yield emit(
                    loaded.source,
                    "mat-form-fee",
                    ("fees", index, key),
                    "申请表格、申请书等格式文本必须免费提供,不得收费;请删除这项收费。",
                )
                break


@rule("mat-form-missing", Severity.WARNING)
def form_has_template(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A material that is a form to fill in (申请书, 申请表, 登记表 ...) should offer its
    blank template (``blank_form``) so the public can download it free (第四条、第九条).

    Passing:
        - name: 食品经营许可申请书
          blank_form: forms/shipin-jingying-shenqingshu.docx

    Failing:
        - name: 食品经营许可申请书     # 没有 blank_form
    """
    for index, material in enumerate(loaded.item.materials):
        if not has(material, "name", "blank_form"):
            continue
        if material.blank_form is None and FORM_NAME.search(material.name.strip()):
            yield emit(
                loaded.source,
                "mat-form-missing",
                ("materials", index, "name"),
                f"“{material.name}”是需要填写的表格,但没有提供空白表格;"
                "请在 blank_form 中填写格式文本文件(如 forms/xxx.docx)。",
            )


@rule("mat-exempt-source", Severity.ERROR)
def exempt_only_if_issued(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Only a material a government department issues (``source: 政府部门核发``) can be
    fetched by the window through data sharing; declaring anything else ``exempt`` would
    tell the public not to bring a paper nobody else holds (减证便民).

    Passing:
        - name: 营业执照
          source: 政府部门核发
          exempt: {way: 数据共享, basis: 通过市场监管部门企业登记信息共享获取}

    Failing:
        - name: 法定代表人身份证明
          source: 申请人自备
          exempt: {way: 数据共享, basis: 共享获取}
    """
    for index, material in enumerate(loaded.item.materials):
        if not has(material, "source", "exempt") or material.exempt is None:
            continue
        if material.source is not MaterialSource.GOVERNMENT:
            yield emit(
                loaded.source,
                "mat-exempt-source",
                ("materials", index, "exempt"),
                f"“{material.name}”标为免提交,但来源是“{material.source.value}”:"
                "只有政府部门核发、窗口能通过数据共享获取的材料才能免提交;"
                "请把 source 改为 政府部门核发,或删去 exempt。",
            )


@rule("mat-exempt-form", Severity.ERROR)
def exempt_not_a_form(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A material with a blank form is filled in by the applicant; it cannot be fetched
    from another department, so it cannot be ``exempt``.

    Passing:
        - name: 营业执照
          exempt: {way: 数据共享, basis: 通过市场监管部门企业登记信息共享获取}

    Failing:
        - name: 食品经营许可申请书
          blank_form: forms/shipin-jingying-shenqingshu.docx
          exempt: {way: 数据共享, basis: 共享获取}
    """
    for index, material in enumerate(loaded.item.materials):
        if not has(material, "blank_form", "exempt") or material.exempt is None:
            continue
        if material.blank_form is not None:
            yield emit(
                loaded.source,
                "mat-exempt-form",
                ("materials", index, "exempt"),
                f"“{material.name}”有空白表格,需要申请人填写,不能免提交;"
                "请删去 exempt,或删去 blank_form(如果这份材料其实由部门核发)。",
            )


@rule("mat-exempt-alternative", Severity.ERROR)
def exempt_alone(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """A material the window fetches itself is never "以下任选其一" with others: the
    applicant would be told to bring one of a group the window already holds.

    Passing:
        - name: 营业执照
          exempt: {way: 数据共享, basis: 通过市场监管部门企业登记信息共享获取}

    Failing:
        - name: 营业执照
          one_of: licence
          exempt: {way: 数据共享, basis: 共享获取}
    """
    for index, material in enumerate(loaded.item.materials):
        if not has(material, "one_of", "exempt") or material.exempt is None:
            continue
        if material.one_of is not None:
            yield emit(
                loaded.source,
                "mat-exempt-alternative",
                ("materials", index, "one_of"),
                f"“{material.name}”免提交,不能再和其他材料“任选其一”(one_of: {material.one_of});"
                "窗口已能取得它,同组的其他材料也就不必提交:请删去这一组的 one_of,或删去 exempt。",
            )
