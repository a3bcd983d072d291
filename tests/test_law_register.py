"""The law register in the guide: a law whose repeal is announced says so where it is cited."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from generator.catalogue.loaded import load_catalogue
from generator.catalogue.models import Citation
from generator.portal import pages
from generator.portal.rendering import make_environment, render_page
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
    assert ref.repealed == date(2027, 7, 1)
    assert ref.page_url == "/laws/pollutant-permit-regulation/"
    html = _render(ref)
    assert html.endswith('第十二条<span class="bs-muted">(该法规将于2027年7月1日废止)</span>')
    plain = law_ref(catalogue, Citation(law="eia-law", articles="第二十二条"))
    assert "废止" not in _render(plain)


PORTAL = Path(__file__).parent / "fixtures" / "portal"


def test_law_pages_list_every_citing_item_and_the_successor() -> None:
    catalogue, report = load_catalogue(PORTAL)
    assert not report.errors
    old = catalogue.laws["id-card-law"]
    catalogue.laws[old.id] = old.model_copy(
        update={"repealed": date(2027, 7, 1), "replaced_by": "company-law"}
    )
    plan = pages.plan_site(catalogue)
    by_url = plan.by_url()
    assert [p.url for p in plan.pages if p.url.startswith("/laws/")] == [
        "/laws/",
        *(f"/laws/{law_id}/" for law_id in catalogue.laws),
    ]
    env = make_environment()
    law = render_page(env, by_url["/laws/id-card-law/"])
    assert "<dt>施行日期</dt><dd>2012年1月1日</dd>" in law
    assert (
        '<dt>废止日期</dt><dd>将于2027年7月1日废止,由<a href="../company-law/">'
        "《中华人民共和国公司法》</a>取代</dd>"
    ) in law
    citing = re.findall(r'<a href="../../items/([a-z0-9-]+)/">', law)
    assert citing == ["id-card-renewal", "residence-certificate"]
    index = render_page(env, by_url["/laws/"])
    assert "<span>法律 · 2 个事项引用 · 将于2027年7月1日废止</span>" in index
    guide = render_page(env, by_url["/items/id-card-renewal/"])
    assert '<a class="bs-law-page" href="../../laws/id-card-law/">引用该法规的全部事项</a>' in guide
    assert "(该法规将于2027年7月1日废止)" in guide
    assert '<a href="laws/">办事依据的法律法规</a>' in render_page(env, by_url["/"])
    official = render_page(env, by_url["/laws/administrative-licensing-law/"])
    assert '<a href="https://flk.npc.gov.cn/" rel="noopener">国家法律法规数据库</a>' in official
