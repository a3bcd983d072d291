"""QR codes drawn ahead in worker processes are the same bytes as those drawn one by one."""

from __future__ import annotations

import pytest

from generator.portal import qr


def test_prepared_codes_match_serial(monkeypatch: pytest.MonkeyPatch) -> None:
    urls = [f"https://zwfw.example.gov.cn/items/item-{n}/" for n in range(6)]
    serial = [qr.qr_svg(url) for url in urls]
    monkeypatch.setattr(qr, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(qr, "_CACHE", {})
    qr.prepare(urls)
    assert set(qr._CACHE) == set(urls)
    assert [qr.qr_svg(url) for url in urls] == serial
