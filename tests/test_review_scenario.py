"""A reviewer's checklist: 24 pull-request commits in a row over the demo catalogue.

Each row is one commit (diffed against its parent): what the clerk did, the flags the
legal office must see (check, level; ``item-added-detail`` lines aside) and the exit
status a CI job acts on (1: sign-off needed).  The rows read as the checklist the issue
asked for; a failure names the row.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

import pytest

from generator.cli import main

from .review_cases import (
    COMPANY,
    DEPARTMENTS,
    DEREG,
    ESTATE,
    HYGIENE,
    INJURY,
    LAWS,
    POLLUTANT,
    Edit,
    copy,
    delete,
    make_legal_repo,
    move,
    replace,
)
from .review_git import commit

MOVED = "catalogue/items/scjg/public-place-hygiene-licence.yaml"
E, W, I = "error", "warning", "info"  # noqa: E741

_ARTICLE = "    articles: 第十二条\n    role: 实施依据\n"
_ENTRY = "  - law: pollutant-permit-regulation\n" + _ARTICLE
_MATERIAL = (
    "materials:\n  - name: 公司登记(备案)申请书\n",
    "materials:\n  - name: 房屋租赁合同\n    form: 复印件\n    copies: 1\n    medium: 纸质\n"
    "    source: 申请人自备\n  - name: 公司登记(备案)申请书\n",
)
_FEE = (
    "fees: 不收费",
    "fees:\n  - name: 卫生许可证工本费\n    standard: 每证 10 元\n    basis:\n"
    "      law: public-places-hygiene-regulation\n      articles: 第八条\n"
    "    approved_by: 示例市发展和改革委员会\n    licence: 示价费证字(2026)第2001号\n",
)

CHECKLIST: list[tuple[str, list[Edit], list[tuple[str, str]], int]] = [
    (
        "排污许可:实施依据增加 第十三条",
        [replace(POLLUTANT, _ARTICLE, _ARTICLE + _ENTRY.replace("十二", "十三"))],
        [("basis-added", E)],
        1,
    ),
    (
        "排污许可:实施依据再增加 第十四条(同一条例)",
        [
            replace(
                POLLUTANT,
                _ENTRY.replace("十二", "十三"),
                _ENTRY.replace("十二", "十三") + _ENTRY.replace("十二", "十四"),
            )
        ],
        [("basis-added", E)],
        1,
    ),
    (
        "排污许可:删除 第十三条 那一条",
        [replace(POLLUTANT, _ENTRY.replace("十二", "十三"), "")],
        [("basis-removed", E)],
        1,
    ),
    (
        "工伤认定:受理条件 1年 → 6个月",
        [replace(INJURY, "工会组织在1年内", "工会组织在6个月内")],
        [("condition-changed", E)],
        1,
    ),
    (
        "工伤认定:改回 1年",
        [replace(INJURY, "工会组织在6个月内", "工会组织在1年内")],
        [("condition-changed", E)],
        1,
    ),
    (
        "公共场所卫生许可 改由市场监管局实施",
        [move(HYGIENE, MOVED)],
        [("item-moved", E), *[("public-value-changed", I)] * 3],
        1,
    ),
    (
        "不动产转移登记:完税凭证 更名 契税完税凭证",
        [replace(ESTATE, "  - name: 完税凭证\n", "  - name: 契税完税凭证\n")],
        [("material-renamed", I)],
        0,
    ),
    (
        "不动产转移登记:重新排版(缩进 4)",
        [lambda repo: _redump(repo / ESTATE)],
        [],
        0,
    ),
    (
        "简易注销:容缺后补 → 非必要",
        [replace(DEREG, "    necessity: 容缺后补\n", "    necessity: 非必要\n")],
        [("material-optional", I)],
        0,
    ),
    ("公共场所卫生许可:新增工本费", [replace(MOVED, *_FEE)], [("fee-added", E)], 1),
    (
        "不动产登记费(住宅)80 → 90 元",
        [replace(ESTATE, "    standard: 每件80元", "    standard: 每件90元")],
        [("fee-raised", E)],
        1,
    ),
    (
        "不动产登记费(住宅)90 → 70 元",
        [replace(ESTATE, "    standard: 每件90元", "    standard: 每件70元")],
        [("fee-lowered", I)],
        0,
    ),
    (
        "简易注销:设定依据改引已废止的公司登记管理条例",
        [
            replace(
                DEREG,
                "law: market-entity-registration-regulation",
                "law: company-registration-regulation",
            )
        ],
        [("basis-added", E), ("basis-repealed", E), ("basis-removed", E)],
        1,
    ),
    (
        "排污许可管理条例 废止",
        [
            replace(
                LAWS,
                "    effective: 2021-03-01\n",
                "    effective: 2021-03-01\n    repealed: 2026-11-01\n",
            )
        ],
        [("law-repealed", E)],
        1,
    ),
    (
        "新增事项 个人独资企业设立登记",
        [copy(COMPANY, "catalogue/items/scjg/sole-proprietorship-setup.yaml")],
        [("item-added", E)],
        1,
    ),
    (
        "公司设立:承诺时限 1 → 0(当场办结)",
        [replace(COMPANY, "  promised:\n    days: 1", "  promised:\n    days: 0")],
        [("promised-limit-lowered", I)],
        0,
    ),
    (
        "公司设立:法定时限 3 → 2",
        [replace(COMPANY, "  statutory:\n    days: 3", "  statutory:\n    days: 2")],
        [("statutory-limit-lowered", E)],
        1,
    ),
    ("公司设立:新增材料 房屋租赁合同", [replace(COMPANY, *_MATERIAL)], [("material-added", W)], 0),
    (
        "公司设立:删除一项不予受理情形",
        [replace(COMPANY, "  - 前置审批事项未取得批准文件或者批准文件已失效的。\n", "")],
        [("refusal-removed", E)],
        1,
    ),
    (
        "公司设立:数量限制",
        [replace(COMPANY, "fees: 不收费", "quantity_limit: 同一住所限登记一户\nfees: 不收费")],
        [("quantity-limit-changed", E)],
        1,
    ),
    (
        "人社局监督投诉电话更换",
        [replace(DEPARTMENTS, '"0512-68002699"', '"0512-68002600"')],
        [("public-value-changed", I), ("hotline-changed", E)],
        1,
    ),
    (
        "工伤认定:只更新审核日期",
        [replace(INJURY, "reviewed: 2026-10-30", "reviewed: 2026-12-01")],
        [("reviewed-changed", I)],
        0,
    ),
    (
        "工伤认定:文件写坏(未闭合的方括号)",
        [replace(INJURY, "name: 工伤认定", "name: [工伤认定")],
        [("item-unreadable", W)],
        0,
    ),
    ("取消事项 企业简易注销登记", [delete(DEREG)], [("item-removed", E)], 1),
]


def _redump(path: Path) -> None:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump(data, allow_unicode=True, indent=4), encoding="utf-8")


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[list[tuple[str, str]], int]]:
    repo = make_legal_repo(tmp_path_factory.mktemp("scenario") / "repo")
    cwd = Path.cwd()
    found = []
    try:
        os.chdir(repo)
        for what, edits, _, _ in CHECKLIST:
            for step in edits:
                step(repo)
            commit(repo, what)
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                code = main(["diff", "HEAD~1", "HEAD", "--format", "json"])
            changes = json.loads(out.getvalue())["changes"]
            flags = [(c["check"], c["level"]) for c in changes if c["check"] != "item-added-detail"]
            found.append((flags, code))
    finally:
        os.chdir(cwd)
    return found


@pytest.mark.parametrize("row", range(len(CHECKLIST)), ids=[r[0] for r in CHECKLIST])
def test_checklist(row: int, outcomes: list[tuple[list[tuple[str, str]], int]]) -> None:
    what, _, flags, exit_code = CHECKLIST[row]
    assert outcomes[row] == (flags, exit_code), what


def test_the_checklist_is_long_enough() -> None:
    assert len(CHECKLIST) >= 20
