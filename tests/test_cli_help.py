"""The command line speaks Chinese (issue 18 point 10): every option and positional of
every subcommand has help text that names its default, every subcommand's help ends
with an example, and argparse's own words (usage, error, invalid choice, required, not
a date, -h) are Chinese too.  In-process: ``main`` with the arguments, as the shell
would call it.
"""

from __future__ import annotations

import argparse
import re

import pytest

from generator import cli

ENGLISH = re.compile(
    r"usage|error|invalid|required|argument|choose|unrecognized|expected|not a date|"
    r"show this help|options|positional",
    re.IGNORECASE,
)


def subcommands() -> dict[str, argparse.ArgumentParser]:
    top = cli.parser()
    action = next(a for a in top._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        cli.main(list(args))
    out, err = capsys.readouterr()
    return int(exit_.value.code or 0), out, err


def test_every_subcommand_is_listed_with_help_and_examples(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "-h")
    assert code == 0 and err == ""
    assert out.startswith("用法:python -m generator ")
    assert "显示本帮助并退出" in out and "示例:" in out
    for name in subcommands():
        assert re.search(rf"^    {name} +\S", out, re.MULTILINE), name
    assert not ENGLISH.search(out), ENGLISH.search(out)


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_every_option_has_help_with_its_default_and_an_example(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    parser = subcommands()[name]
    for action in parser._actions:
        assert action.help, f"{name} {action.dest} has no help"
    code, out, err = run(capsys, name, "-h")
    assert code == 0 and err == ""
    assert out.startswith(f"用法:python -m generator {name} ")
    for action in parser._actions:
        default = action.default
        if default in (None, False, "", argparse.SUPPRESS):
            continue
        said = "默认:今天" if action.dest in ("as_of", "date") else f"默认:{default}"
        assert said in out, f"{name} {action.dest}: {out}"
    example = out.split("示例:\n", 1)[1]
    assert example.strip().startswith(f"python -m generator {name}"), out
    assert not ENGLISH.search(out), ENGLISH.search(out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--format", "x"], "参数 --format:无效的选项值:'x'(可选:"),
        (["notices"], "缺少必需的参数:--out"),
        (["check", "--as-of", "2026-13-01"], "参数 --as-of:不是日期(应为 YYYY-MM-DD):2026-13-01"),
        (["serve", "--port", "abc"], "参数 --port:无效的整数值:'abc'"),
        (["nope"], "无效的选项值:'nope'"),
        (["check", "--nope"], "无法识别的参数:--nope"),
        (
            ["notices", "--out", "x", "--item", "a", "--department", "b"],
            "参数 --department:不能与参数 --item 同时使用",
        ),
    ],
)
def test_usage_errors_are_chinese_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    first = err.splitlines()[0]
    assert first.startswith("用法:python -m generator")
    assert message in err and "错误:" in err, err
    assert not ENGLISH.search(err), err
