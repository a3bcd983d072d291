"""``python -m generator export``: the same bytes as the site's data files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.catalogue.loaded import load_catalogue
from generator.cli import main
from generator.portal import datafiles, urls

PORTAL = Path(__file__).resolve().parent / "fixtures" / "portal"
CSV = [
    "items.csv",
    "materials.csv",
    "fees.csv",
    "questions.csv",
    "laws.csv",
    "steps.csv",
    "special.csv",
    "departments.csv",
]
FILES = {
    "csv": [*CSV, *(f"{name}-metadata.json" for name in CSV)],
    "json": ["catalogue.json", "catalogue.schema.json"],
    "jsonld": ["catalogue.jsonld", "vocabulary.jsonld"],
    "xlsx": ["catalogue.xlsx"],
    "dcat": ["dcat.jsonld"],
}


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_export_writes_the_site_files(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["export", "--catalogue", str(PORTAL), "--format", fmt, "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES[fmt])
    site = datafiles.data_files(load_catalogue(PORTAL)[0])
    for name in FILES[fmt]:
        assert (out / name).read_bytes() == site[urls.data_file_url(name)]


def test_export_refuses_a_catalogue_with_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "catalogue"
    shutil.copytree(PORTAL, root)
    (root / "departments.yaml").write_text("departments: [1]\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["export", "--catalogue", str(root), "--format", "csv", "--out", str(out)]) == 1
    assert "未导出数据" in capsys.readouterr().err
    assert not out.exists()


def test_export_missing_catalogue_exits_two(tmp_path: Path) -> None:
    args = ["export", "--catalogue", str(tmp_path / "none"), "--format", "json"]
    assert main([*args, "--out", str(tmp_path / "out")]) == 2


def test_export_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["export", "--format", "pdf", "--out", str(tmp_path)])
    assert exc.value.code == 2
