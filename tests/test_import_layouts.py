"""The other layouts: separate sheets joined by 实施编码 with the national code lists, and
``--department`` for a department's own sheet."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import openpyxl

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent

BASIC = ["事项名称", "基本编码", "实施编码", "事项类型", "实施主体", "办件类型", "服务对象",
         "法定办结时限", "法定办结时限单位", "承诺办结时限", "承诺办结时限单位", "是否收费",
         "咨询方式", "监督投诉方式", "审批结果名称", "审批结果类型", "设定依据",
         "实施依据"]  # fmt: skip
MATERIAL = ["实施编码", "排序", "材料名称", "材料必要性", "材料类型", "材料形式",
            "纸质材料份数", "来源渠道", "来源渠道说明"]  # fmt: skip
CODE = "11320500MB0117200800001"


def _workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    basic = book.active
    assert basic is not None
    basic.title = "基本信息"
    basic.append(BASIC)
    basic.append(["食品经营许可", "000172008000", CODE, "01", "示例市市场监督管理局", "承诺件",
                  "法人或其他组织", 20, "工作日", 10, "工作日", "否", "0512-68003101",
                  "0512-68003199", "食品经营许可证", "证照",
                  "《中华人民共和国食品安全法》第三十五条",
                  "《食品经营许可和备案管理办法》第十条"])  # fmt: skip
    materials = book.create_sheet("材料目录")
    materials.append(MATERIAL)
    materials.append(
        [CODE, 2, "营业执照", "1", "复印件", "纸质/电子化", 1, "20", "市场监管部门核发"]
    )
    materials.append([CODE, 1, "食品经营许可申请书", "3", "原件", "纸质", 1, "10", None])
    book.save(path)


def test_separate_sheets_with_national_codes(tmp_path: Path) -> None:
    source, out = tmp_path / "清单.xlsx", tmp_path / "out"
    _workbook(source)
    with contextlib.redirect_stdout(io.StringIO()) as stdout:
        code = main(["import", str(source), "--out", str(out), "--as-of", "2026-12-01"])
    assert code == 1, "check still wants steps, windows and the review date"
    assert "import-" not in stdout.getvalue(), "every cell was readable"
    text = (out / "items" / "scjdglj" / "spjyxk.yaml").read_text(encoding="utf-8")
    assert text == (
        "name: 食品经营许可\n"
        "codes:\n"
        '  basic: "000172008000"\n'
        '  implementation: "11320500MB0117200800001"\n'
        "type: 行政许可\n"
        "kind: 承诺件\n"
        "audience:\n"
        "  - 法人\n"
        "basis:\n"
        "  - law: spaqf\n"
        "    articles: 第三十五条\n"
        "    role: 设定依据\n"
        "  - law: spjyxkhbaglbf\n"
        "    articles: 第十条\n"
        "    role: 实施依据\n"
        "materials:\n"
        "  - name: 食品经营许可申请书\n"
        "    necessity: 容缺后补\n"
        "    form: 原件\n"
        "    copies: 1\n"
        "    medium: 纸质\n"
        "    source: 申请人自备\n"
        "  - name: 营业执照\n"
        "    form: 复印件\n"
        "    copies: 1\n"
        "    medium: 纸质或电子\n"
        "    source: 政府部门核发\n"
        "    source_note: 市场监管部门核发\n"
        "time_limit:\n"
        "  statutory:\n"
        "    days: 20\n"
        "  promised:\n"
        "    days: 10\n"
        "fees: 不收费\n"
        "result:\n"
        "  name: 食品经营许可证\n"
        "  type: 证照\n"
    ), "materials in 排序 order; conditions absent, for check to ask for"
    departments = (out / "departments.yaml").read_text(encoding="utf-8")
    assert (
        '  - id: scjdglj\n    name: 示例市市场监督管理局\n    enquiry_phone: "0512-68003101"'
        in (departments)
    ), "a new department takes its first item's numbers"


def test_department_option_files_every_item_there(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with contextlib.redirect_stdout(io.StringIO()):
        main(["import", str(ROOT / "tests/fixtures/import/messy.csv"), "--out", str(out),
              "--department", "zwfw"])  # fmt: skip
    assert [p.name for p in (out / "items").iterdir()] == ["zwfw"]
    assert len(list((out / "items" / "zwfw").glob("*.yaml"))) == 24
    departments = (out / "departments.yaml").read_text(encoding="utf-8")
    assert "  - id: zwfw\n    name: 示例市市场监督管理局\n" in departments
