"""The demo's 情形引导 flows give, for every answer set, the list a clerk derived by hand.

The tables below were written by reading each item's YAML (question by question, the
``answers`` of each material), not by running the code under test: a key is an answer set
in the page address's form (``question.option``, in the order the questions are asked),
the value the 1-based positions of the materials in the item's ``materials`` list.  A
change to a flow or to the tailoring must change a table here, on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue.answers import answer_sets, encode, tailored
from generator.catalogue.loaded import Catalogue, load_catalogue

DEMO = Path(__file__).resolve().parent.parent / "catalogue"


def _positions(spec: str) -> list[int]:
    out: list[int] = []
    for part in spec.split():
        low, _, high = part.partition("-")
        out.extend(range(int(low), int(high or low) + 1))
    return sorted(out)  # the list keeps the YAML order


FOOD = "1-18 22"  # 申请书 … 技术人员名单, 产品配方: asked of every producer
FOOD_PRODUCTION = {
    "category.general,inspect.self,water.own,agent.self": f"{FOOD} 19 21",
    "category.general,inspect.self,water.own,agent.entrust": f"{FOOD} 19 21 23",
    "category.general,inspect.self,water.public,agent.self": f"{FOOD} 19",
    "category.general,inspect.self,water.public,agent.entrust": f"{FOOD} 19 23",
    "category.general,inspect.entrust,water.own,agent.self": f"{FOOD} 20 21",
    "category.general,inspect.entrust,water.own,agent.entrust": f"{FOOD} 20 21 23",
    "category.general,inspect.entrust,water.public,agent.self": f"{FOOD} 20",
    "category.general,inspect.entrust,water.public,agent.entrust": f"{FOOD} 20 23",
    "category.special,inspect.self,water.own,agent.self": f"{FOOD} 19 21 24",
    "category.special,inspect.self,water.own,agent.entrust": f"{FOOD} 19 21 23 24",
    "category.special,inspect.self,water.public,agent.self": f"{FOOD} 19 24",
    "category.special,inspect.self,water.public,agent.entrust": f"{FOOD} 19 23 24",
    "category.special,inspect.entrust,water.own,agent.self": f"{FOOD} 20 21 24",
    "category.special,inspect.entrust,water.own,agent.entrust": f"{FOOD} 20 21 23 24",
    "category.special,inspect.entrust,water.public,agent.self": f"{FOOD} 20 24",
    "category.special,inspect.entrust,water.public,agent.entrust": f"{FOOD} 20 23 24",
}

# 1 申请书, 6 权属证书, 7 买卖合同, 8 完税凭证 always; 2/3 seller's, 4/5 buyer's identity;
# 9 结婚证 and 10 配偶同意 when married, 11 婚姻状况声明书 when single; 12 委托书.
REAL_ESTATE = {
    "seller.person,marriage.married,buyer.person,agent.self": "1 2 4 6-10",
    "seller.person,marriage.married,buyer.person,agent.entrust": "1 2 4 6-10 12",
    "seller.person,marriage.married,buyer.org,agent.self": "1 2 5-10",
    "seller.person,marriage.married,buyer.org,agent.entrust": "1 2 5-10 12",
    "seller.person,marriage.single,buyer.person,agent.self": "1 2 4 6-8 11",
    "seller.person,marriage.single,buyer.person,agent.entrust": "1 2 4 6-8 11 12",
    "seller.person,marriage.single,buyer.org,agent.self": "1 2 5-8 11",
    "seller.person,marriage.single,buyer.org,agent.entrust": "1 2 5-8 11 12",
    "seller.org,buyer.person,agent.self": "1 3 4 6-8",
    "seller.org,buyer.person,agent.entrust": "1 3 4 6-8 12",
    "seller.org,buyer.org,agent.self": "1 3 5-8",
    "seller.org,buyer.org,agent.entrust": "1 3 5-8 12",
}

# 1 申请书, 2 身份证 always; 3 权属证明 (own, home), 4 租赁协议 (rent), 5 业主同意 (home);
# 6 户口簿 / 7 结婚证 one of them for a family; 8 批准文件; 9 委托书.
INDIVIDUAL: dict[str, str] = {}
for form, family in (("person", ""), ("family", " 6 7")):
    for premises, where in (("own", " 3"), ("rent", " 4"), ("home", " 3 5")):
        for licensed, approval in (("needed", " 8"), ("none", "")):
            for agent, letter in (("self", ""), ("entrust", " 9")):
                key = f"form.{form},premises.{premises},licensed.{licensed},agent.{agent}"
                INDIVIDUAL[key] = f"1 2{where}{family}{approval}{letter}"

# 4 身份证, 5 户口簿, 7 申报表 always; 1 出生医学证明 (domestic) or 2 境外出生证明 and
# 3 护照 (abroad); 6 结婚证 (married); 8 委托书 (entrust).
BIRTH = {
    "born.domestic,marriage.married,declarant.parent": "1 4-7",
    "born.domestic,marriage.married,declarant.entrust": "1 4-8",
    "born.domestic,marriage.unmarried,declarant.parent": "1 4 5 7",
    "born.domestic,marriage.unmarried,declarant.entrust": "1 4 5 7 8",
    "born.abroad,marriage.married,declarant.parent": "2-7",
    "born.abroad,marriage.married,declarant.entrust": "2-8",
    "born.abroad,marriage.unmarried,declarant.parent": "2-5 7",
    "born.abroad,marriage.unmarried,declarant.entrust": "2-5 7 8",
}

# 1 户口簿, 3 申领登记表 always; 2 原证 (renew); 5 监护人身份证 (minor); 4 相片回执 (studio).
ID_CARD = {
    "reason.renew,age.adult,photo.window": "1-3",
    "reason.renew,age.adult,photo.studio": "1-4",
    "reason.renew,age.minor,photo.window": "1-3 5",
    "reason.renew,age.minor,photo.studio": "1-5",
    "reason.lost,age.adult,photo.window": "1 3",
    "reason.lost,age.adult,photo.studio": "1 3 4",
    "reason.lost,age.minor,photo.window": "1 3 5",
    "reason.lost,age.minor,photo.studio": "1 3-5",
}

# 1 申请表, 2 劳动关系证明, 5 身份证 always; 3 医疗诊断 (accident) or 4 职业病诊断;
# 7 公安/法院证明 (violence), 8 因工外出证明 (away), 9 交通事故认定书 (commute); 6 死亡证明.
WORK_INJURY = {
    "harm.accident,cause.workplace,death.alive": "1-3 5",
    "harm.accident,cause.workplace,death.died": "1-3 5 6",
    "harm.accident,cause.violence,death.alive": "1-3 5 7",
    "harm.accident,cause.violence,death.died": "1-3 5-7",
    "harm.accident,cause.away,death.alive": "1-3 5 8",
    "harm.accident,cause.away,death.died": "1-3 5 6 8",
    "harm.accident,cause.commute,death.alive": "1-3 5 9",
    "harm.accident,cause.commute,death.died": "1-3 5 6 9",
    "harm.disease,death.alive": "1 2 4 5",
    "harm.disease,death.died": "1 2 4-6",
}

# A multiple choice question (cases, 可多选): 1 申请表, 2 营业执照, 3 身份证 (both 免提交,
# still in the list the code tailors), 4 平面图, 5 检测报告 always; 6 集中空调通风系统
# 卫生检测报告 with ac; 7 授权委托书 with agent; "cases.-" when neither is chosen.
PUBLIC_PLACE = {
    "cases.-": "1-5",
    "cases.ac": "1-6",
    "cases.agent": "1-5 7",
    "cases.ac,cases.agent": "1-7",
}

TABLES = {
    "public-place-hygiene-licence": PUBLIC_PLACE,
    "food-production-licence": FOOD_PRODUCTION,
    "real-estate-transfer-registration": REAL_ESTATE,
    "individual-business-registration": INDIVIDUAL,
    "birth-registration": BIRTH,
    "id-card-renewal": ID_CARD,
    "work-injury-recognition": WORK_INJURY,
}

# (answer sets, fewest materials, most materials), counting "以下任选其一" as one.
FIGURES = {
    "public-place-hygiene-licence": (4, 5, 7),
    "food-production-licence": (16, 20, 23),
    "real-estate-transfer-registration": (12, 6, 9),
    "individual-business-registration": (24, 3, 7),
    "birth-registration": (8, 4, 7),
    "id-card-renewal": (8, 2, 5),
    "work-injury-recognition": (10, 4, 6),
}


@pytest.fixture(scope="module")
def demo() -> Catalogue:
    catalogue, report = load_catalogue(DEMO)
    assert not report.errors
    return catalogue


@pytest.mark.parametrize("ident", sorted(TABLES))
def test_every_answer_set_gives_the_hand_derived_list(ident: str, demo: Catalogue) -> None:
    item = demo.items[ident].item
    table = TABLES[ident]
    sets = answer_sets(item.situations)
    assert sorted(encode(s, item.situations) for s in sets) == sorted(table)
    for answer_set in sets:
        code = encode(answer_set, item.situations)
        got = [m.name for group in tailored(item, answer_set) for m in group]
        expected = [item.materials[n - 1].name for n in _positions(table[code])]
        assert got == expected, code


@pytest.mark.parametrize("ident", sorted(FIGURES))
def test_the_closing_figures(ident: str, demo: Catalogue) -> None:
    item = demo.items[ident].item
    counts = [len(tailored(item, s)) for s in answer_sets(item.situations)]
    assert (len(counts), min(counts), max(counts)) == FIGURES[ident]


def test_at_least_six_demo_items_have_flows(demo: Catalogue) -> None:
    flows = sorted(i for i, loaded in demo.items.items() if loaded.item.situations)
    assert len(flows) >= 6
    assert set(TABLES) <= set(flows)
