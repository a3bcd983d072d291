"""Zensical spike (docs/engine.md): SiteBuild's marker pages as a plain docs folder, drawn
by Zensical without any plugin, then filled by ``SiteBuild.finish`` as after MkDocs.

Run in a throwaway venv that has Zensical, from the checkout's venv:
``python benchmarks/zensical_spike.py CATALOGUE OUT /path/to/zensical [theme]``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.portal.sitebuild import SiteBuild  # noqa: E402


def main(catalogue: Path, out: Path, zensical: str, theme: bool) -> None:
    shutil.rmtree(out, ignore_errors=True)
    (out / "docs").mkdir(parents=True)
    started = time.perf_counter()
    with SiteBuild(catalogue, overrides=Path("/nonexistent")) as site:
        site.prepare()
        planned = time.perf_counter()
        nav: list[tuple[str, str]] = []
        drawn: list[str] = []
        for uri, in_nav in site.marker_pages():
            title, drawing = site.title(uri), site.content(uri)
            assert title is not None and drawing is not None
            path = out / "docs" / uri
            path.parent.mkdir(parents=True, exist_ok=True)
            block = f'<div class="banshi-content">\n{drawing[0]}\n</div>\n'
            path.write_text(f"---\ntitle: {title}\n---\n\n{block}", encoding="utf-8")
            drawn.append("/" + uri.removesuffix("index.md"))
            if in_nav:
                nav.append((title, uri))
        custom = f"\n  custom_dir: {ROOT / 'generator' / 'chrome' / 'theme'}" if theme else ""
        (out / "mkdocs.yml").write_text(
            f"site_name: {site.chrome.site_name}\nsite_url: {site.chrome.site_url}\n"
            f"theme:\n  name: material\n  language: zh\n  font: false{custom}\nnav:\n"
            + "".join(f'  - "{t}": {u}\n' for t, u in nav),
            encoding="utf-8",
        )
        written = time.perf_counter()
        result = subprocess.run(
            [zensical, "build", "-f", "mkdocs.yml"], cwd=out, capture_output=True, text=True
        )
        built = time.perf_counter()
        print("zensical:", result.returncode, (result.stdout + result.stderr).split("\n")[-4:])
        if result.returncode == 0:
            site.finish(out / "site", drawn)
        finished = time.perf_counter()
    pages = list((out / "site").rglob("*.html"))
    left = [p for p in pages if "BANSHISHELL" in p.read_text(encoding="utf-8")]
    print(
        f"plan {planned - started:.2f} s, markers {written - planned:.2f} s, "
        f"zensical {built - written:.2f} s, finish {finished - built:.2f} s; "
        f"{len(pages)} pages, {len(left)} with markers left"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4:] == ["theme"])
