"""``python -m generator.deploy``: write the web-server recipes into the repository's deploy/."""

from __future__ import annotations

from pathlib import Path

from .recipes import write_recipes

if __name__ == "__main__":
    for path in write_recipes(Path(__file__).resolve().parents[2] / "deploy"):
        print(path)
