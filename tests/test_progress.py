"""Build progress: reported to the running build's callback, silent where nobody watches."""

from __future__ import annotations

import pytest

from generator.portal import progress


def test_reports_reach_the_callback_of_the_running_build_only() -> None:
    seen: list[tuple[str, int, int]] = []
    progress.report("生成页面", 1, 2)  # no build running: nobody to tell
    with progress.reporting(lambda *step: seen.append(step)):
        progress.report("写出事项页面", 8, 64)
        with progress.reporting(None):
            progress.report("内层", 1, 1)
        progress.report("写出事项页面", 64, 64)
    progress.report("生成页面", 2, 2)
    assert seen == [("写出事项页面", 8, 64), ("写出事项页面", 64, 64)]


def test_no_progress_in_ci_or_without_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert not progress.wanted()
