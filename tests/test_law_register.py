"""The law register in the guide: a law whose repeal is announced says so where it is cited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.catalogue.loaded import load_catalogue
from generator.catalogue.models import Citation
from generator.portal.rendering import make_environment
from generator.portal.views import law_ref

LEGAL = Path(__file__).parent / "fixtures" / "legal"


def _render(ref: object) -> str:
    env = make_environment()
    template = env.from_string('{% import "_base/macros.html" as m %}{{ m.law(ref) }}')
    return template.render(ref=ref, page_url="/items/x/").strip()


def test_a_cited_law_to_be_repealed_says_when() -> None:
    catalogue, _ = load_catalogue(LEGAL)
    law = catalogue.laws["pollutant-permit-regulation"]
    catalogue.laws[law.id] = law.model_copy(update={"repealed": date(2027, 7, 1)})
    ref = law_ref(catalogue, Citation(law=law.id, articles="第十二条"))
    assert ref.repealed == "2027-07-01"
    html = _render(ref)
    assert html.endswith('第十二条<span class="bs-muted">(该法规将于 2027-07-01 废止)</span>')
    plain = law_ref(catalogue, Citation(law="eia-law", articles="第二十二条"))
    assert "废止" not in _render(plain)
