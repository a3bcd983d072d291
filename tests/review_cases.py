"""The legal office's cases: one realistic pull-request commit each, over a frozen copy of
the demo catalogue (``tests/fixtures/legal``), for ``test_review_legal``.

Each case is (setup, change): ``setup`` edits committed first (the base revision),
``change`` edits committed on top (the head revision).  Edits are plain text replacements,
as a clerk would make them.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .review_git import commit, edit, git

LEGAL = Path(__file__).parent / "fixtures" / "legal"

POLLUTANT = "catalogue/items/sthj/pollutant-discharge-permit.yaml"
INJURY = "catalogue/items/rsj/work-injury-recognition.yaml"
HYGIENE = "catalogue/items/wjw/public-place-hygiene-licence.yaml"
ESTATE = "catalogue/items/zrzy/real-estate-transfer-registration.yaml"
COMPANY = "catalogue/items/scjg/company-establishment.yaml"
DEREG = "catalogue/items/scjg/simplified-deregistration.yaml"
LAWS = "catalogue/laws.yaml"
DEPARTMENTS = "catalogue/departments.yaml"

Edit = Callable[[Path], None]


def replace(relative: str, old: str, new: str) -> Edit:
    return lambda repo: edit(repo, relative, old, new)


def move(old: str, new: str) -> Edit:
    def run(repo: Path) -> None:
        (repo / new).parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "mv", old, new], cwd=repo, check=True, capture_output=True)

    return run


def copy(old: str, new: str, *replacements: tuple[str, str]) -> Edit:
    def run(repo: Path) -> None:
        text = (repo / old).read_text(encoding="utf-8")
        for a, b in replacements:
            assert a in text, a
            text = text.replace(a, b, 1)
        (repo / new).write_text(text, encoding="utf-8")

    return run


def delete(relative: str) -> Edit:
    return lambda repo: (repo / relative).unlink()


@dataclass(frozen=True)
class Case:
    name: str
    """Also the golden file's name: tests/golden/review/legal/<name>.md."""
    what: str
    """The change, as the pull request would describe it."""
    change: tuple[Edit, ...]
    flags: tuple[tuple[str, str], ...]
    """(check, level) of every change expected, in report order."""
    exit: int
    setup: tuple[Edit, ...] = field(default=())


_BASIS_13 = (
    "    articles: 第十二条\n    role: 实施依据\n",
    "    articles: 第十二条\n    role: 实施依据\n  - law: pollutant-permit-regulation\n"
    "    articles: 第十三条\n    role: 实施依据\n",
)
_BASIS_14 = (
    "    articles: 第十三条\n    role: 实施依据\n",
    "    articles: 第十三条\n    role: 实施依据\n  - law: pollutant-permit-regulation\n"
    "    articles: 第十四条\n    role: 实施依据\n",
)
_TAX = (
    "  - name: 完税凭证\n    form: 原件\n    copies: 1\n    medium: 纸质或电子\n"
    "    source: 政府部门核发\n"
    "    note: 税务部门已推送电子完税信息的,无需提交纸质凭证。\n"
)
_CONDITION = "工会组织在1年内提出申请"
_FEE = (
    "fees: 不收费",
    "fees:\n  - name: 卫生许可证工本费\n    standard: 每证 10 元\n    basis:\n"
    "      law: public-places-hygiene-regulation\n      articles: 第八条\n"
    "    approved_by: 示例市发展和改革委员会\n",
)


def make_legal_repo(path: Path) -> Path:
    path.mkdir(parents=True)
    git(path, "init", "-q", "-b", "main")
    shutil.copytree(LEGAL, path / "catalogue")
    commit(path, "目录初版", date="2026-09-01T09:00:00+08:00")
    return path


def apply(repo: Path, case: Case) -> None:
    """Base and head revisions of ``case`` on top of the initial commit."""
    for step in case.setup:
        step(repo)
    if case.setup:
        commit(repo, f"准备:{case.name}", date="2026-09-15T09:00:00+08:00")
    for step in case.change:
        step(repo)
    commit(repo, case.what)


CASES: tuple[Case, ...] = (
    Case(
        "basis-second-article-added",
        "排污许可证核发:实施依据增加 排污许可管理条例 第十四条(第十三条保留)",
        (replace(POLLUTANT, *_BASIS_14),),
        (("basis-added", "error"),),
        1,
        setup=(replace(POLLUTANT, *_BASIS_13),),
    ),
    Case(
        "basis-one-of-two-deleted",
        "排污许可证核发:删除同一条例的一条实施依据(第十三条)",
        (replace(POLLUTANT, _BASIS_13[1], _BASIS_13[0]),),
        (("basis-removed", "error"),),
        1,
        setup=(replace(POLLUTANT, *_BASIS_13),),
    ),
    Case(
        "basis-article-changed",
        "排污许可证核发:实施依据 第十二条 改为 第十三条",
        (replace(POLLUTANT, "    articles: 第十二条\n", "    articles: 第十三条\n"),),
        (("basis-changed", "error"),),
        1,
    ),
    Case(
        "condition-deadline-shortened",
        "工伤认定:受理条件 1年 改为 6个月(与工伤保险条例 第十七条 不符)",
        (replace(INJURY, _CONDITION, "工会组织在6个月内提出申请"),),
        (("condition-changed", "error"),),
        1,
    ),
    Case(
        "department-move",
        "公共场所卫生许可改由市场监管局实施",
        (move(HYGIENE, "catalogue/items/scjg/public-place-hygiene-licence.yaml"),),
        (
            ("item-moved", "error"),
            ("public-value-changed", "info"),
            ("public-value-changed", "info"),
            ("public-value-changed", "info"),
        ),
        1,
    ),
    Case(
        "department-hotline-edit",
        "卫健委监督投诉电话更换",
        (replace(DEPARTMENTS, '"0512-68002599"', '"0512-68002500"'),),
        (("public-value-changed", "info"), ("hotline-changed", "error")),
        1,
    ),
    Case(
        "material-renamed",
        "存量房转移登记:完税凭证 更名为 契税完税凭证",
        (replace(ESTATE, "  - name: 完税凭证\n", "  - name: 契税完税凭证\n"),),
        (("material-renamed", "info"),),
        0,
    ),
    Case(
        "materials-reordered",
        "存量房转移登记:调整材料顺序",
        (
            replace(
                ESTATE,
                _TAX,
                "",
            ),
            replace(
                ESTATE,
                "  - name: 存量房买卖合同(网签备案)\n",
                _TAX + "  - name: 存量房买卖合同(网签备案)\n",
            ),
        ),
        (),
        0,
    ),
    Case(
        "new-item",
        "新增事项:个人独资企业设立登记",
        (
            copy(
                COMPANY,
                "catalogue/items/scjg/sole-proprietorship-setup.yaml",
                ("name: 有限责任公司设立登记", "name: 个人独资企业设立登记"),
            ),
        ),
        (("item-added", "error"),),
        1,
    ),
    Case(
        "material-optional",
        "简易注销:容缺后补的材料改为非必要",
        (replace(DEREG, "    necessity: 容缺后补\n", "    necessity: 非必要\n"),),
        (("material-optional", "info"),),
        0,
    ),
    Case(
        "fee-added",
        "公共场所卫生许可:新增工本费",
        (replace(HYGIENE, *_FEE),),
        (("fee-added", "error"),),
        1,
    ),
    Case(
        "basis-swapped-to-repealed-law",
        "简易注销:设定依据改引公司登记管理条例(已废止)",
        (
            replace(
                DEREG,
                "law: market-entity-registration-regulation",
                "law: company-registration-regulation",
            ),
        ),
        (("basis-added", "error"), ("basis-repealed", "error"), ("basis-removed", "error")),
        1,
    ),
    Case(
        "law-repealed",
        "排污许可管理条例废止",
        (
            replace(
                LAWS,
                "    effective: 2021-03-01\n",
                "    effective: 2021-03-01\n    repealed: 2026-11-01\n",
            ),
        ),
        (("law-repealed", "error"),),
        1,
    ),
    Case(
        "law-repeal-announced",
        "排污许可管理条例将于 2099 年废止(已公布)",
        (
            replace(
                LAWS,
                "    effective: 2021-03-01\n",
                "    effective: 2021-03-01\n    repealed: 2099-07-01\n",
            ),
        ),
        (("law-repealed", "error"),),
        1,
    ),
    Case(
        "unreadable-and-fee-raise",
        "一个文件写坏了,另一个文件提高了收费",
        (
            replace(INJURY, "name: 工伤认定", "name: [工伤认定"),
            replace(ESTATE, "    standard: 每件80元", "    standard: 每件90元"),
        ),
        (("fee-raised", "error"), ("item-unreadable", "warning")),
        1,
    ),
    Case(
        "item-removed",
        "取消简易注销事项(改由一网通办)",
        (delete(DEREG),),
        (("item-removed", "error"),),
        1,
    ),
)
