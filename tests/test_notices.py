"""``python -m generator notices``: PDF files of notice sheets, from a catalogue in a
temporary git repository (so ``--changed-since`` has real history to compare with).

The edits: 居民身份证 gets a new material name (its sheet changes), 公司设立 only a new FAQ
answer (not printed, so its sheet does not change), 食品生产许可 a renamed material.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generator import vcs
from generator.catalogue.loaded import load_catalogue
from generator.printing import sheets
from generator.printing.notices import Progress, run_notices
from generator.printing.pdf import PRINT_EXTRA

from .conftest import run_cli

PROJECT = Path(__file__).resolve().parent.parent
DEMO = PROJECT / "catalogue"

PRINTED = ("gaj", "id-card-renewal")
UNPRINTED = ("scjg", "company-establishment")
LONG = ("scjg", "food-production-licence")


def _git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=测试", "-c", "user.email=test@example.invalid", *args]
    result = subprocess.run(command, cwd=repo, capture_output=True, text=True, check=True)
    return result.stdout


def _edit(catalogue: Path, where: tuple[str, str], old: str, new: str) -> None:
    path = catalogue / "items" / where[0] / f"{where[1]}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding the demo catalogue under ``catalogue/``, committed, then
    edited in the work tree."""
    if shutil.which("git") is None:
        pytest.skip("git is not on PATH")
    root = tmp_path_factory.mktemp("repo")
    shutil.copytree(DEMO, root / "catalogue")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "demo")
    catalogue = root / "catalogue"
    _edit(catalogue, PRINTED, "  - name: 原居民身份证", "  - name: 原居民身份证(含临时身份证)")
    _edit(catalogue, UNPRINTED, "a: 不需要。", "a: 不需要单独办理。")
    return catalogue


needs_chromium = pytest.mark.skipif(
    shutil.which("chromium") is None,
    reason="chromium is not on PATH (make test installs Debian's chromium package)",
)


def notices(catalogue: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command in its own process: it starts Playwright, and this session's browser
    tests may hold one already (two sync Playwrights cannot share a thread)."""
    command = [sys.executable, "-m", "generator", "notices", "--catalogue", str(catalogue)]
    return subprocess.run(
        [*command, *args], cwd=PROJECT, capture_output=True, text=True, check=False, timeout=900
    )


def refused(catalogue: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command in this process, for input it refuses before printing anything."""
    return run_cli("notices", "--catalogue", catalogue, *args)


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    assert match
    return int(match.group(1))


def test_changed_compares_printed_content_not_files(repo: Path, tmp_path: Path) -> None:
    before = tmp_path / "before"
    _git(repo.parent, "archive", "-o", str(tmp_path / "before.tar"), "HEAD:catalogue")
    before.mkdir()
    subprocess.run(["tar", "-xf", str(tmp_path / "before.tar"), "-C", str(before)], check=True)
    now, report = load_catalogue(repo)
    assert not report.errors
    assert sheets.changed(sheets.printed(now), before) == {PRINTED[1]}
    assert sheets.changed(sheets.printed(now), None) == set(now.items)


def test_export_writes_the_catalogue_as_committed(repo: Path, tmp_path: Path) -> None:
    """From inside the repository's catalogue folder, as ``notices`` runs it."""
    target = tmp_path / "before"
    assert vcs.export_catalogue(repo, vcs.resolve("HEAD", vcs.toplevel(repo)), target)
    item = f"items/{PRINTED[0]}/{PRINTED[1]}.yaml"
    assert "原居民身份证(含临时身份证)" in (repo / item).read_text(encoding="utf-8")
    assert "原居民身份证(含临时身份证)" not in (target / item).read_text(encoding="utf-8")
    assert (target / "centre.yaml").is_file()


def test_a_version_line_alone_is_no_change(repo: Path) -> None:
    catalogue, _ = load_catalogue(repo)
    assert sheets.changed(sheets.printed(catalogue), repo) == set()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--item", "no-such-item"], "没有事项 no-such-item"),
        (["--department", "no-such-department"], "部门 no-such-department 不存在"),
        (["--changed-since", "no-such-revision"], "未知的版本:no-such-revision"),
        (["--changed-since=--output=x"], "未知的版本:--output=x"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    repo: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    result = refused(repo, "--out", str(tmp_path / "out"), *args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert list((tmp_path / "out").glob("*.pdf")) == []


def test_an_unwritable_folder_is_exit_2(repo: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = refused(repo, "--out", str(blocker / "out"), "--item", PRINTED[1])
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "无法写入输出目录" in result.stderr


def test_changed_since_outside_git_is_exit_2(tmp_path: Path) -> None:
    catalogue = tmp_path / "catalogue"
    shutil.copytree(DEMO, catalogue)
    result = refused(catalogue, "--out", str(tmp_path / "out"), "--changed-since", "HEAD")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1


@pytest.mark.browser
@pytest.mark.build
@needs_chromium
def test_changed_since_prints_exactly_the_changed_sheets(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = notices(repo, "--out", str(out), "--changed-since", "HEAD")
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"{PRINTED[1]}.pdf"]
    assert result.stderr == ""  # no progress line when not a terminal
    assert "已写出 1 个 PDF" in result.stdout
    # Issue 18: the temporary build's folder is never named (it is gone when the run ends).
    assert "banshi-notices-" not in result.stdout and "已生成" not in result.stdout


@pytest.mark.browser
@pytest.mark.build
@needs_chromium
def test_every_item_gets_its_pdf_and_a_department_one(repo: Path, tmp_path: Path) -> None:
    catalogue, _ = load_catalogue(repo)
    out = tmp_path / "out"
    result = notices(repo, "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.stem for p in out.glob("*.pdf")) == sorted(catalogue.items)
    assert all(p.read_bytes().startswith(b"%PDF-") for p in out.glob("*.pdf"))

    department = LONG[0]
    batch_out = tmp_path / "batch"
    result = notices(repo, "--out", str(batch_out), "--department", department)
    assert result.returncode == 0, result.stdout + result.stderr
    assert [p.name for p in batch_out.iterdir()] == [f"{department}.pdf"]
    if shutil.which("pdfinfo"):
        expected = sum(pdf_pages(out / f"{i.id}.pdf") for i in catalogue.items_of(department))
        assert pdf_pages(batch_out / f"{department}.pdf") == expected


@pytest.mark.browser
@pytest.mark.build
@needs_chromium
def test_a_department_reprint_keeps_only_its_changed_sheets(repo: Path, tmp_path: Path) -> None:
    catalogue_dir = tmp_path / "repo" / "catalogue"
    shutil.copytree(repo.parent, tmp_path / "repo")
    _edit(catalogue_dir, LONG, "  - name: 工艺设备布局图", "  - name: 工艺设备布局图和设备清单")
    out = tmp_path / "out"
    result = notices(catalogue_dir, "--out", str(out), "--department", "scjg", "--changed-since",
                     "HEAD")  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert [p.name for p in out.iterdir()] == ["scjg.pdf"]
    if shutil.which("pdftotext"):
        extracted = subprocess.run(
            ["pdftotext", str(out / "scjg.pdf"), "-"], capture_output=True, text=True, check=True
        )
        text = re.sub(r"\s+", "", extracted.stdout)
        assert "食品生产许可" in text and "工艺设备布局图和设备清单" in text
        assert "公司设立登记" not in text and "药品零售经营" not in text


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_only() -> None:
    terminal = _Terminal()
    progress = Progress(2, terminal)
    progress.step("a")
    progress.step("b")
    progress.done()
    assert terminal.getvalue().endswith("\r已打印 2/2:b\x1b[K\n")
    pipe = io.StringIO()
    quiet = Progress(2, pipe)
    quiet.step("a")
    quiet.done()
    assert pipe.getvalue() == ""


def test_without_the_print_extra_notices_says_how_to_install_it_before_building(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "playwright", None)  # as if not installed
    code = run_notices(DEMO, tmp_path / "out", as_of=date(2026, 11, 1))
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"错误:打印告知单需要 Playwright,本安装未包含:请运行 {PRINT_EXTRA}\n"
