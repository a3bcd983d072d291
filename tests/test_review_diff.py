"""``diff``: semantic changes between git revisions or folders, burden, flags, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.review.burden import CHECKS

from .review_git import ITEM, commit, edit, make_repo

ROOT = Path(__file__).parent.parent

EXPECTED_MARKDOWN = (ROOT / "tests/golden/review/company-setup.md").read_text(encoding="utf-8")


def _item_change(repo: Path) -> None:
    edit(repo, ITEM, "  promised:\n    days: 1", "  promised:\n    days: 3")
    edit(
        repo,
        ITEM,
        "  - name: 授权委托书",
        "  - name: 房屋租赁合同\n    form: 复印件\n    copies: 1\n    medium: 纸质\n"
        "    source: 申请人自备\n  - name: 授权委托书",
    )
    edit(
        repo,
        ITEM,
        "    role: 设定依据\nconditions:",
        "    role: 设定依据\n  - law: administrative-licensing-law\n    articles: 第十二条\n"
        "    role: 实施依据\nconditions:",
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = make_repo(tmp_path / "repo")
    monkeypatch.chdir(path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_markdown_report_of_an_item_change(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _item_change(repo)
    code, out, _ = _run(capsys, "HEAD")  # HEAD against the working tree
    first, rest = out.split("\n\n", 1)
    assert first.startswith("# 目录变更:HEAD(") and first.endswith(" 之上有未提交的修改)")
    assert rest == EXPECTED_MARKDOWN
    assert code == 1
    commit(repo, "承诺时限调整")
    assert _run(capsys, "HEAD~1", "HEAD")[1].split("\n\n", 1)[1] == EXPECTED_MARKDOWN


def test_reordered_and_redumped_files_report_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in sorted((repo / "catalogue").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=True, indent=4), encoding="utf-8"
        )
    commit(repo, "重新排版")
    code, out, _ = _run(capsys, "HEAD~1", "HEAD", "--format", "json")
    payload = json.loads(out)
    assert payload["changes"] == []
    assert payload["summary"]["exit_code"] == 0
    assert code == 0
    code, out, _ = _run(capsys, "HEAD~1")
    assert "没有实质变更" in out
    assert code == 0


def test_items_departments_laws_chains_and_centre(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cat = repo / "catalogue"
    (cat / "items/gaj/residence-certificate.yaml").unlink()
    shutil.copyfile(cat / "items/gaj/id-card-renewal.yaml", cat / "items/gaj/id-card-lost.yaml")
    edit(repo, "catalogue/departments.yaml", '"0512-68002199"', '"0512-68002100"')
    edit(
        repo,
        "catalogue/laws.yaml",
        "effective: 2012-01-01",
        "effective: 2012-01-01\n    repealed: 2026-06-01",
    )
    edit(repo, "catalogue/laws.yaml", "effective: 2024-07-01", "effective: 2024-08-01")
    edit(repo, ITEM, "visits: 1", "visits: 0")
    edit(
        repo,
        ITEM,
        "fees: 不收费",
        "fees:\n  - name: 工本费\n    standard: 每证 10 元\n"
        "    basis:\n      law: company-law\n      articles: 第三十条\n"
        "    approved_by: 市发展改革委",
    )
    commit(repo, "多处调整")
    code, out, _ = _run(capsys, "HEAD~1", "HEAD", "--format", "json")
    payload = json.loads(out)
    found = [(c["check"], c["level"], c["id"], c["file"], c["line"]) for c in payload["changes"]]
    item = "catalogue/items/scjg/company-setup.yaml"
    lost = "catalogue/items/gaj/id-card-lost.yaml"
    assert found == [
        ("fee-added", "error", "company-setup", item, 63),
        ("visits-lowered", "info", "company-setup", item, 77),
        ("item-added", "error", "id-card-lost", lost, 1),
        ("item-added-detail", "info", "id-card-lost", lost, 12),
        ("basis-repealed", "error", "id-card-lost", lost, 12),
        ("item-added-detail", "info", "id-card-lost", lost, 48),
        ("item-added-detail", "info", "id-card-lost", lost, 50),
        ("item-added-detail", "info", "id-card-lost", lost, 1),
        ("item-added-detail", "info", "id-card-lost", lost, 52),
        ("basis-repealed", "error", "id-card-lost", lost, 55),
        ("item-added-detail", "info", "id-card-lost", lost, 16),
        (
            "item-removed",
            "error",
            "residence-certificate",
            "catalogue/items/gaj/residence-certificate.yaml",
            1,
        ),
        ("public-value-changed", "info", "company-setup", item, 1),
        ("hotline-changed", "error", "scjg", "catalogue/departments.yaml", 9),
        ("law-effective-changed", "warning", "company-law", "catalogue/laws.yaml", 12),
        ("law-repealed", "error", "id-card-law", "catalogue/laws.yaml", 18),
    ]
    texts = [c["text"] for c in payload["changes"]]
    assert texts[0] == (
        "新增收费 工本费(标准 每证 10 元;依据 《中华人民共和国公司法》第三十条;"
        "批准机关 市发展改革委;收费许可证 未填写)"
    )
    assert texts[1] == "到现场次数 1 → 0 次"
    assert texts[2] == "新增事项 居民身份证换领(实施部门 测试市公安局(gaj);行政确认;收费)"
    assert texts[4] == "设定依据 《中华人民共和国居民身份证法》第十一条:该法规已于 2026-06-01 废止"
    assert texts[12] == "监督投诉电话(沿用部门)0512-68002199 → 0512-68002100"
    assert texts[13] == "测试市市场监督管理局:监督投诉电话 0512-68002199 → 0512-68002100"
    assert texts[15] == (
        "《中华人民共和国居民身份证法》已于 2026-06-01 废止;引用它的 2 个事项须另找依据:"
        "居民身份证换领(id-card-lost)、居民身份证换领(id-card-renewal)"
    )
    assert payload["burden"]["total"]["fees_added"] == 1
    assert payload["burden"]["total"]["visits"] == -1
    assert payload["summary"] == {
        "burden": 1,
        "changes": 10,
        "exit_code": 1,
        "info": 2,
        "legal": 7,
        "unsigned": 7,
        "wins": 1,
    }
    assert code == 1


def test_wins_only_exit_zero(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, ITEM, "  - name: 授权委托书\n", "  - name: 授权委托书删除\n")
    text = (repo / ITEM).read_text(encoding="utf-8")
    start = text.index("  - name: 授权委托书删除")
    end = text.index("steps:")
    (repo / ITEM).write_text(text[:start] + text[end:], encoding="utf-8")
    code, out, _ = _run(capsys, "HEAD")
    assert "- 删除材料 授权委托书(第 24 行;✓ 减轻负担;`material-removed`)" in out
    assert "| 有限责任公司设立登记(`company-setup`) | −1 ✓ |" in out
    assert code == 0


def test_chain_and_centre_changes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chains = yaml.safe_load((repo / "catalogue/chains.yaml").read_text(encoding="utf-8"))
    chains["chains"][0]["stages"] = chains["chains"][0]["stages"][:1]
    (repo / "catalogue/chains.yaml").write_text(
        yaml.safe_dump(chains, allow_unicode=True), encoding="utf-8"
    )
    centre = (repo / "catalogue/centre.yaml").read_text(encoding="utf-8")
    hotline = yaml.safe_load(centre)["supervision_phone"]
    edit(repo, "catalogue/centre.yaml", f'"{hotline}"', '"0512-99999999"')
    code, out, _ = _run(capsys, "HEAD", "--format", "json")
    checks = [(c["check"], c["subject"]) for c in json.loads(out)["changes"]]
    assert checks == [("chain-changed", "chain"), ("hotline-changed", "centre")]
    assert code == 1


def test_a_bundle_change_is_shown(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chains = yaml.safe_load((repo / "catalogue/chains.yaml").read_text(encoding="utf-8"))
    chains["chains"][0]["bundle"] = {"lead": "scjg"}
    (repo / "catalogue/chains.yaml").write_text(
        yaml.safe_dump(chains, allow_unicode=True), encoding="utf-8"
    )
    code, out, _ = _run(capsys, "HEAD", "--format", "json")
    (change,) = json.loads(out)["changes"]
    assert (change["check"], change["field"]) == ("chain-changed", "一件事")
    assert change["old"] == "(不是一件事)"
    assert change["new"].startswith("牵头部门 ")
    assert code == 0  # information for reviewers, no sign-off


def test_two_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(ROOT / "tests/fixtures/portal", old)
    shutil.copytree(old, new)
    edit(
        tmp_path,
        "new/items/scjg/company-setup.yaml",
        "  promised:\n    days: 1",
        "  promised:\n    days: 0",
    )
    code, out, _ = _run(capsys, str(old), str(new), "--format", "json")
    (change,) = json.loads(out)["changes"]
    assert change["check"] == "promised-limit-lowered"
    assert change["file"] == f"{new}/items/scjg/company-setup.yaml"
    assert code == 0


def test_bad_data_at_base_does_not_crash(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, ITEM, "name: 有限责任公司设立登记", "name: [有限责任公司设立登记")
    commit(repo, "坏数据")
    edit(repo, ITEM, "name: [有限责任公司设立登记", "name: 有限责任公司设立登记")
    edit(repo, "catalogue/items/gaj/id-card-renewal.yaml", "reviewed: 20", "reviewed: 19")
    code, out, _ = _run(capsys, "HEAD", "--format", "json")
    changes = [(c["check"], c["id"]) for c in json.loads(out)["changes"]]
    assert ("item-unreadable", "company-setup") in changes
    assert ("reviewed-changed", "id-card-renewal") in changes
    assert code == 0


def test_usage_errors(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "no-such-branch")
    assert (code, out) == (2, "")
    assert err == "diff:未知的版本:no-such-branch\n"
    code, _, err = _run(capsys, "HEAD", "--catalogue-path", "missing")
    assert code == 2
    assert err == f"diff:目录不存在:{repo / 'missing'}\n"


def test_github_format(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    _item_change(repo)
    code, out, _ = _run(capsys, "HEAD", "--format", "github")
    assert out.splitlines() == [
        "::warning file=catalogue/items/scjg/company-setup.yaml,line=16,"
        "title=需法制办审核%3Abasis-added::"
        "有限责任公司设立登记:新增实施依据 《中华人民共和国行政许可法》第十二条",
        "::warning file=catalogue/items/scjg/company-setup.yaml,line=40,"
        "title=增加负担%3Amaterial-added::有限责任公司设立登记:新增材料 房屋租赁合同",
        "::warning file=catalogue/items/scjg/company-setup.yaml,line=69,"
        "title=需法制办审核%3Apromised-limit-raised::"
        "有限责任公司设立登记:承诺时限 1 → 3 个工作日",
        "共 3 处变更:需法制办审核 2 处,增加负担 1 处,减轻负担 0 处。",
    ]
    assert summary.read_text(encoding="utf-8").split("\n\n", 1)[1] == EXPECTED_MARKDOWN
    assert code == 1


def test_every_check_is_in_the_reviewers_guide() -> None:
    guide = (ROOT / "docs/review.md").read_text(encoding="utf-8")
    missing = [c for c in CHECKS if f"`{c}`" not in guide]
    assert missing == []


@pytest.mark.parametrize(
    ("day", "verb"), [("2026-05-31", "将于"), ("2026-06-01", "已于"), ("2031-01-01", "已于")]
)
def test_repeal_wording_follows_the_date_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str, verb: str
) -> None:
    """已于 / 将于 is said for ``--date`` (the review's day), never for the machine's clock:
    the same diff filed on the same day reads the same whenever it is printed again."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(ROOT / "tests/fixtures/portal", old)
    shutil.copytree(old, new)
    edit(
        tmp_path,
        "new/laws.yaml",
        "effective: 2012-01-01",
        "effective: 2012-01-01\n    repealed: 2026-06-01",
    )
    _, out, _ = _run(capsys, str(old), str(new), "--format", "json", "--date", day)
    (change,) = [c for c in json.loads(out)["changes"] if c["check"] == "law-repealed"]
    assert change["text"].startswith(f"《中华人民共和国居民身份证法》{verb} 2026-06-01 废止")


def test_unit_change_told_on_the_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A promise moved from 工作日 to 自然日 is not subtracted but told in both units on the
    working calendar of ``--date``'s year; the calendar's own change is listed apart."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(ROOT / "tests/fixtures/portal", old)
    shutil.copytree(old, new)
    calendar = (ROOT / "tests/fixtures/positive/law-calendar-days/centre.yaml").read_text("utf-8")
    (new / "centre.yaml").write_text(
        (old / "centre.yaml").read_text("utf-8") + calendar[calendar.index("calendar:") :],
        encoding="utf-8",
    )
    edit(
        tmp_path,
        "new/items/scjg/company-setup.yaml",
        "  promised:\n    days: 1",
        "  promised:\n    days: 3\n    unit: 自然日",
    )
    _, out, _ = _run(capsys, str(old), str(new), "--format", "json", "--date", "2026-12-03")
    texts = {c["check"]: c["text"] for c in json.loads(out)["changes"]}
    assert texts["promised-limit-changed"] == (
        "承诺时限 1 个工作日 → 3 个自然日(1 个工作日按 2026 年工作日历相当于 1 至 10 个自然日,"
        "视受理日期而定)"
    )
    assert texts["calendar-changed"] == "中心:工作日历(法定节假日和调休)新增 2026 年"
