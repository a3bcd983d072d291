"""The command line as staff and CI use it: exit codes, formats, --as-of, --strict."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from .conftest import FIXTURES, build_case, run_cli

ITEM = "items/scjgj/shipin-jingying.yaml"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_cli("check", *args)


def case(name: str, tmp_path: Path) -> Path:
    return build_case(FIXTURES / "negative" / name, tmp_path / "catalogue")


def test_clean_catalogue_exits_zero(base_catalogue: Path) -> None:
    result = run(base_catalogue, "--as-of", "2026-01-01")
    assert result.returncode == 0, result.stdout
    assert result.stdout.endswith("0 个错误,0 个警告。\n")


def test_missing_directory_exits_two(tmp_path: Path) -> None:
    result = run(tmp_path / "nope")
    assert result.returncode == 2
    assert "目录不存在" in result.stderr


def test_bad_files_exit_one_without_traceback(tmp_path: Path) -> None:
    """Several broken files at once: each reported, the others still checked."""
    root = case("yaml-syntax", tmp_path)
    (root / "items/zjj").mkdir()
    (root / "items/zjj/gbk.yaml").write_bytes("name: 施工许可\n".encode("gbk"))
    (root / "items/zjj/tabs.yaml").write_text("a:\n\tb: 1\n", encoding="utf-8")
    (root / "items/zjj/big.yaml").write_text("# x\n" * 300_000, encoding="utf-8")
    chains = root / "chains.yaml"
    chains.write_text(chains.read_text(encoding="utf-8").replace("]", ", meiyou]"), "utf-8")
    result = run(root, "--as-of", "2026-01-01")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for expected in ("(yaml-syntax)", "(file-encoding)", "(yaml-tab)", "(file-too-large)"):
        assert expected in result.stdout
    # chains.yaml was still checked; an unreadable item file is not reported as missing.
    assert result.stdout.count("(ref-chain-item)") == 1
    assert "“meiyou”不存在" in result.stdout


def test_fullwidth_phone_exits_one(tmp_path: Path) -> None:
    result = run(case("phone-fullwidth", tmp_path), "--as-of", "2026-01-01")
    assert result.returncode == 1
    assert '写成 "0512-65551235"' in result.stdout


def test_json_format(tmp_path: Path) -> None:
    root = case("fee-free-text", tmp_path)
    result = run(root, "--format", "json", "--as-of", "2026-01-01")
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["summary"] == {"errors": 1, "files": 5, "items": 1, "warnings": 0}
    [diagnostic] = payload["diagnostics"]
    assert diagnostic == {
        "code": "fee-free-text",
        "col": 7,
        "file": f"{root.as_posix()}/{ITEM}",
        "line": 63,
        "message": "收费写成了“免费”;不收费请写“不收费”,收费请逐项列出名称、标准、依据和批准机关。",
        "path": "fees",
        "severity": "error",
    }


def test_github_format(tmp_path: Path) -> None:
    root = case("time-licensing-default", tmp_path)
    result = run(root, "--format", "github", "--as-of", "2026-01-01")
    assert result.returncode == 0  # a warning only
    first, summary = result.stdout.splitlines()
    assert first == (
        f"::warning file={root.as_posix()}/{ITEM},line=53,col=11,title=time-licensing-default::"
        "行政许可法定时限一般为 20 个工作日,这里是 30;"
        "请在 time_limit.statutory.basis 中引用延长时限的法规条款。"
    )
    assert summary.endswith("0 个错误,1 个警告。")


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    root = case("cond-blank-catch-all", tmp_path)
    (root / ITEM).write_text(
        (root / ITEM).read_text(encoding="utf-8").replace('  - text: " "\n', ""),
        encoding="utf-8",
    )
    assert run(root, "--as-of", "2026-01-01").returncode == 0
    assert run(root, "--as-of", "2026-01-01", "--strict").returncode == 1


def test_as_of_decides_repealed_and_not_in_force(tmp_path: Path) -> None:
    """食品安全法 is repealed on 2025-12-31 and the fee rule takes effect on 2026-06-01."""
    root = case("basis-repealed-not-in-force", tmp_path)
    before = run(root, "--as-of", "2025-12-30")
    assert before.returncode == 0
    assert "(basis-repealed)" not in before.stdout
    assert "(basis-not-in-force)" in before.stdout
    on_the_day = run(root, "--as-of", "2025-12-31")
    assert on_the_day.returncode == 1
    assert "(basis-repealed)" in on_the_day.stdout
    later = run(root, "--as-of", "2026-06-01")
    assert "(basis-repealed)" in later.stdout
    assert "(basis-not-in-force)" not in later.stdout
    assert run(root, "--as-of", "2026-13-01").returncode == 2  # argparse: bad date
