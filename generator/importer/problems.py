"""The importer's diagnostics: located at the cell, in ``check``'s formats.

Every code is documented in ``docs/import.md`` (tests/test_import_docs.py holds the two
together).  A problem is an error when the value could not be read (the YAML then holds
the raw text where a number or a choice belongs, and ``check`` fails until a person fixes
it); a warning when a value was read with a repair a person should confirm.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalogue.diagnostics import Diagnostic, Severity
from .cells import Fixed, Unreadable
from .reading import Row

CODES: dict[str, str] = {
    "import-limit-text": "时限无法读成天数(如“五到七个工作日”);表格原文已写入 YAML 的 days",
    "import-limit-unit": "时限单位不是工作日或自然日,或与时限文字矛盾",
    "import-code-float": "编码被表格存成了浮点数或科学计数法,末几位已丢失",
    "import-code-number": "编码被表格存成了数字,已补回前导零(请核对)",
    "import-phone": "电话栏不是一个电话号码",
    "import-phone-number": "电话号码被存成了数字,已补回区号的 0(请核对)",
    "import-date": "日期无法解析",
    "import-flag": "是/否栏填了别的内容",
    "import-choice": "取值不在规定的选项中(事项类型、办件类型、材料必要性、来源渠道等)",
    "import-material-text": "材料栏无法拆出材料名称、原件/复印件和份数",
    "import-basis-text": "依据栏无法拆出《法规名称》和条款",
    "import-missing": "必填的栏目为空(事项名称、实施编码、实施主体)",
    "import-duplicate": "同一实施编码出现了两次,后一个未导入",
    "import-orphan": "附表中的行找不到对应的事项(实施编码不在基本信息表中)",
    "import-text-kept": (
        "内容无法放进目录的字段(如办理流程、特别程序的文字),已作为注释保留在 YAML 中"
    ),
    "import-form-missing": "材料的空白表格或示例样表文件不在目录中,需要补上文件",
    "import-column-unknown": "表头中有本工具不认识的栏目,该栏未导入",
    "import-situations": (
        "情形引导栏无法读取(不是有效的 JSON,或引用了不存在的材料、条件、收费、环节)"
    ),
}


@dataclass
class Problems:
    """The diagnostics of one import, and how many cells need a person."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def at(self, row: Row, key: str, code: str, message: str, *, warning: bool = False) -> None:
        assert code in CODES, code
        self.diagnostics.append(
            Diagnostic(
                row.file,
                row.number,
                row.col(key),
                code,
                Severity.WARNING if warning else Severity.ERROR,
                message,
                cell=row.ref(key),
            )
        )

    def read(self, row: Row, key: str, value: object) -> object:
        """The value to write: a repair is told, an unreadable cell gives its raw text."""
        if isinstance(value, Unreadable):
            self.at(row, key, value.code, value.message, warning=value.warning)
            return value.raw
        if isinstance(value, Fixed):
            self.at(row, key, value.code, value.message, warning=True)
            return value.value
        return value

    def cells(self, *, errors: bool) -> int:
        """Cells a person must fix (errors) or confirm (warnings); a header listing unknown
        columns is neither."""
        wanted = Severity.ERROR if errors else Severity.WARNING
        return len(
            {
                (d.file, d.cell)
                for d in self.diagnostics
                if d.severity is wanted and d.code != "import-column-unknown"
            }
        )
