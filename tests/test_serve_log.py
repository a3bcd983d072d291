"""Catalogue errors while ``serve`` runs are log records at ERROR (issue 18 point 10: they
were bare lines among the server's INFO output), shown on stderr as ``错误:…``."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from generator.portal import servelog
from generator.portal.build import preview_build
from generator.portal.memo import Memo

PORTAL = Path(__file__).parent / "fixtures" / "portal"

pytestmark = pytest.mark.build


def test_a_broken_save_is_logged_as_an_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue, preview = tmp_path / "catalogue", Memo(enabled=True)
    shutil.copytree(PORTAL, catalogue)
    preview_build(catalogue, tmp_path / "served", preview)
    item = catalogue / "items/gaj/id-card-renewal.yaml"
    item.write_text(item.read_text(encoding="utf-8") + "kind: [\n", encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger=servelog.LOG.name), servelog.to_stderr():
        preview_build(catalogue, tmp_path / "served", preview)
    records = [r for r in caplog.records if "预览保留上次正确的版本" in r.getMessage()]
    assert len(records) == 1 and records[0].levelno >= logging.WARNING, caplog.records
    assert "id-card-renewal.yaml" in records[0].getMessage()
    err = capsys.readouterr().err
    assert err.startswith("错误:目录有错误,预览保留上次正确的版本:"), err
    assert servelog.LOG.handlers == []  # serve's handler goes with it
