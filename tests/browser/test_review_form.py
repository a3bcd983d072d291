"""The 审核意见表 on paper: ``diff --format html`` printed to PDF by chromium, read back."""

from __future__ import annotations

import contextlib
import io
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from generator.cli import main

from ..review_cases import CASES, apply, make_legal_repo
from .paper import Paper, poppler_missing, print_pdf, squash

pytestmark = pytest.mark.browser


def test_the_review_form_prints_on_a4(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if poppler_missing():
        pytest.skip(f"{poppler_missing()} is not on PATH")
    (case,) = [c for c in CASES if c.name == "condition-deadline-shortened"]
    repo = make_legal_repo(tmp_path / "repo")
    apply(repo, case)
    monkeypatch.chdir(repo)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["diff", "HEAD~1", "HEAD", "--format", "html"]) == 1
    page = browser.new_page()
    try:
        page.set_content(out.getvalue())
        pdf = tmp_path / "form.pdf"
        pdf.write_bytes(print_pdf(page))
    finally:
        page.close()
    paper = Paper(pdf)
    assert paper.pages == 1
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "(A4)" in info.stdout
    text = paper.text()
    for expected in (
        "目录变更审核意见表",
        "需法制办审核的变更",
        "condition-changed",
        "工会组织在1年6个月内提出申请",
        "未签核",
        "法制办审核意见",
        "修改后同意",
        "审核人",
        "审核日期",
        "文号",
        "签名(盖章)",
    ):
        assert squash(expected) in text, expected
