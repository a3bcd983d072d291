"""Build progress: what the child reports on its pipe, and silence where nobody watches."""

from __future__ import annotations

import os

import pytest

from generator.portal import progress


def test_the_child_reports_stage_lines_on_the_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    read_fd, write_fd = os.pipe()
    monkeypatch.setenv(progress.ENV, str(write_fd))
    monkeypatch.setattr(progress, "_opened", False)
    monkeypatch.setattr(progress, "_sink", None)
    progress.report("写出事项页面", 8, 64)
    progress.report("写出事项页面", 64, 64)
    assert progress._sink is not None
    progress._sink.close()
    with os.fdopen(read_fd, encoding="utf-8") as lines:
        assert lines.read() == "写出事项页面\t8\t64\n写出事项页面\t64\t64\n"


def test_nothing_is_reported_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(progress.ENV, raising=False)
    monkeypatch.setattr(progress, "_opened", False)
    monkeypatch.setattr(progress, "_sink", None)
    progress.report("生成页面", 1, 2)
    assert progress._sink is None


def test_no_progress_in_ci_or_without_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    env: dict[str, str] = {}
    with progress.shown(env) as fds:
        assert fds == []
    assert progress.ENV not in env
