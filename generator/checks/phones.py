"""Phones: every item shows a working enquiry number and a supervision hotline.

Numbers are checked with Google's libphonenumber metadata (``phonenumberslite``, which
includes the short-number tables): a landline with its area code, a mobile, a 400/800
line, or a service short number such as 12345.  Items inherit their department's numbers,
so each number is checked where it is written: centre.yaml and departments.yaml by a
catalogue rule, the item's own ``contact`` by an item rule under the same code.  Results
are cached per distinct number; a catalogue has few.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import phonenumbers

from ..catalogue.diagnostics import Diagnostic, Severity
from ..catalogue.loaded import Catalogue, LoadedItem
from ..catalogue.sources import DataPath, SourceMap
from . import CheckContext, rule
from ._common import emit, has

REGION = "CN"
FULLWIDTH = re.compile(r"[\uff01-\uff5e\u3000]")
ALLOWED = re.compile(r"^[0-9()+\- ]+$")
SHORT = re.compile(r"^[0-9]{3,6}$")

Site = tuple[SourceMap, DataPath, str, str]
_OWN = (("enquiry_phone", "咨询电话"), ("supervision_phone", "监督投诉电话"))
_CENTRE = (
    ("enquiry_phone", "中心咨询电话"),
    ("supervision_phone", "中心监督投诉电话"),
    ("citizen_hotline", "便民热线"),
)


@lru_cache(maxsize=1024)
def problem(number: str) -> str | None:
    """``None`` for a valid number, else ``"blank"``, ``"fullwidth"`` or ``"invalid"``."""
    text = number.strip()
    if not text:
        return "blank"
    if FULLWIDTH.search(text):
        return "fullwidth"
    if not ALLOWED.match(text):
        return "invalid"
    try:
        parsed = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException:
        return "invalid"
    if SHORT.match(text):
        return None if phonenumbers.is_valid_short_number(parsed) else "invalid"
    return None if phonenumbers.is_valid_number(parsed) else "invalid"


def _top_level(catalogue: Catalogue) -> Iterator[Site]:
    """Phones written in centre.yaml and departments.yaml: (source, path, number, label)."""
    centre, source = catalogue.centre, catalogue.sources.get("centre.yaml")
    if centre is not None and source is not None:
        for key, label in _CENTRE:
            number = getattr(centre, key, None)
            if number is not None:
                yield source, (key,), number, label
    source = catalogue.sources.get("departments.yaml")
    departments = getattr(catalogue.files.get("departments.yaml"), "departments", ())
    if source is not None:
        for index, department in enumerate(departments):
            for key, label in _OWN:
                number = getattr(department, key, None)
                if number is not None:
                    yield source, ("departments", index, key), number, label


def _own(loaded: LoadedItem) -> Iterator[Site]:
    """Phones an item writes itself; inherited ones are checked where they are written."""
    contact = getattr(loaded.item, "contact", None)
    for key, label in _OWN:
        number = getattr(contact, key, None)
        if number is not None:
            yield loaded.source, ("contact", key), number, label


def _fullwidth(sites: Iterator[Site]) -> Iterator[Diagnostic]:
    for source, path, number, label in sites:
        if problem(number) == "fullwidth":
            fixed = unicodedata.normalize("NFKC", number).strip()
            yield emit(
                source,
                "phone-fullwidth",
                path,
                f'{label}“{number}”含全角字符;请改用半角数字,写成 "{fixed}"。',
            )


def _invalid(sites: Iterator[Site]) -> Iterator[Diagnostic]:
    for source, path, number, label in sites:
        if problem(number) == "invalid":
            yield emit(
                source,
                "phone-invalid",
                path,
                f"{label}“{number}”不是有效的电话号码;每栏只填一个号码,固定电话带区号,"
                '如 "0512-65551234"、"13800000000" 或 "12345"。',
            )


@rule("phone-missing", Severity.ERROR)
def item_phones_present(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """After inheritance every item has an enquiry number and a supervision hotline
    (第四条第六、七项).  An item inherits its department's numbers; the centre and each
    department must give both, and none may be blank.

    Passing:
        # departments.yaml
        - id: scjgj
          enquiry_phone: "0512-65551234"
          supervision_phone: "0512-65559999"

    Failing:
        # departments.yaml
        - id: scjgj
          enquiry_phone: ""
          supervision_phone: "0512-65559999"
    """
    catalogue = ctx.catalogue
    if not catalogue.indexed("departments.yaml") or catalogue.department_of(loaded):
        return  # a department always has both numbers (checked in departments.yaml)
    contact = loaded.item.contact
    for key, label in _OWN:
        if has(contact, key) and not (getattr(contact, key) or "").strip():
            yield emit(
                loaded.source,
                "phone-missing",
                ("contact", key),
                f"没有{label}:本事项未填写,所在部门目录也不是已登记的部门;"
                f"请在 contact.{key} 中填写号码,或把文件放到正确的部门目录。",
            )


@rule("phone-missing", Severity.ERROR, scope="catalogue")
def top_level_phones_present(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """centre.yaml and departments.yaml: the numbers items inherit may not be blank."""
    for source, path, number, label in _top_level(catalogue):
        if problem(number) == "blank":
            message = f'{label}是空的;请填写号码,如 "0512-65551234"。'
            yield emit(source, "phone-missing", path, message)


@rule("phone-fullwidth", Severity.ERROR)
def item_phones_halfwidth(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """Phone numbers use half-width digits: full-width ``０５１２`` (typed with a Chinese
    input method) cannot be dialled from the page.  Checked in items, centre.yaml and
    departments.yaml.

    Passing:
        enquiry_phone: "0512-65551234"

    Failing:
        enquiry_phone: "０５１２－６５５５１２３４"
    """
    yield from _fullwidth(_own(loaded))


@rule("phone-fullwidth", Severity.ERROR, scope="catalogue")
def top_level_phones_halfwidth(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """The same check on centre.yaml and departments.yaml."""
    yield from _fullwidth(_top_level(catalogue))


@rule("phone-invalid", Severity.ERROR)
def item_phones_valid(loaded: LoadedItem, ctx: CheckContext) -> Iterator[Diagnostic]:
    """One dialable Chinese number per field: a landline with area code, a mobile, a
    400/800 number, or a service short number (12345, 12315, 110 ...); no extension
    words or several numbers in one field.  Checked in items, centre.yaml and
    departments.yaml.

    Passing:
        enquiry_phone: "0512-65551234"
        supervision_phone: "12345"

    Failing:
        enquiry_phone: "65551234"                # 缺区号
        supervision_phone: "0512-65551234转801"
    """
    yield from _invalid(_own(loaded))


@rule("phone-invalid", Severity.ERROR, scope="catalogue")
def top_level_phones_valid(catalogue: Catalogue, ctx: CheckContext) -> Iterator[Diagnostic]:
    """The same check on centre.yaml and departments.yaml."""
    yield from _invalid(_top_level(catalogue))
