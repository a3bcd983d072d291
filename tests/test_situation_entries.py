"""情形引导 beyond materials: conditions, fees and steps with ``answers`` on the guide page,
and the 补正 form keyed to the answers (the script hides what the answers leave out).

Read by hand from the demo YAML: individual-business-registration's third condition
needs 经营范围中有没有依法须经批准的项目? 有,已取得批准文件; id-card-renewal's first fee
(20 元) only 为什么办理? 有效期满…换领新证, its second (40 元) every case (损坏换领 is in
the first option too); work-injury-recognition's second step, 调查核实, only 事故伤害
(工伤保险条例 第十九条: no investigation for a diagnosed 职业病).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from generator.catalogue.loaded import load_catalogue
from generator.portal import pages
from generator.portal.rendering import make_environment, render_page

DEMO = Path(__file__).resolve().parent.parent / "catalogue"
ITEMS = ("individual-business-registration", "id-card-renewal", "work-injury-recognition")


@cache
def _pages() -> dict[str, str]:
    catalogue, report = load_catalogue(DEMO)
    assert not report.errors
    env = make_environment()
    wanted = {f"/items/{i}/" for i in ITEMS} | {f"/items/{i}/notice/" for i in ITEMS}
    return {p.url: render_page(env, p) for p in pages.plan_site(catalogue).pages if p.url in wanted}


def _data(html: str) -> dict[str, object]:
    block = re.search(r'<script type="application/json" data-bs-sit-data>(.*?)</script>', html)
    assert block
    data: dict[str, object] = json.loads(block.group(1))
    return data


def _tagged(html: str) -> list[str]:
    return re.findall(r'data-bs-sit-entry="([a-z]+\.\d+)"', html)


def test_a_condition_with_answers_is_labelled_and_tagged() -> None:
    html = _pages()["/items/individual-business-registration/"]
    assert _tagged(html) == ["conditions.2"]
    assert "适用情形:经营范围中有没有依法须经批准的项目?有,已取得批准文件" in html
    assert _data(html)["conditions"] == [{}, {}, {"licensed": "needed"}]
    assert "只列出适用的受理条件" in html
    assert "只列出适用的收费项目" not in html  # 不收费: nothing to tailor


def test_fees_with_answers() -> None:
    html = _pages()["/items/id-card-renewal/"]
    assert _tagged(html) == ["fees.0"]
    assert "适用情形:为什么办理?有效期满、登记项目变更或者证件损坏,换领新证" in html
    assert _data(html)["fees"] == [{"reason": "renew"}, {}]


def test_steps_with_answers() -> None:
    html = _pages()["/items/work-injury-recognition/"]
    assert _tagged(html) == ["steps.1"]
    assert "适用情形:申请认定的是事故伤害还是职业病?事故伤害" in html
    assert _data(html)["steps"] == [{}, {"harm": "accident"}, {}, {}]


def test_the_correction_form_knows_each_materials_number() -> None:
    html = _pages()["/items/work-injury-recognition/notice/"]
    form = html[html.index("data-bs-correction-form") :]
    form = form[: form.index("</fieldset>")]
    numbers = re.findall(r'data-bs-correction-material data-bs-sit-n="(\d+)"', form)
    assert numbers == [str(n) for n in range(1, 10)]  # 9 materials, none exempt
    assert "data-bs-correction-scope hidden" in form
