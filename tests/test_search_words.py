"""Word boundaries, phrases and pinyin input in the ranking (issue 20), without a browser.

The demo's own queries (tests/search_queries.yaml, typed into the real page by
tests/browser/test_search.py) are ranked here with the Python reference too, so a change
to the ranking that loses one fails in the fast suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.catalogue.loaded import load_catalogue
from generator.search.chinese import word_pinyin
from generator.search.index import (
    ABBREVIATION_PREFIX,
    ACROSS_HIGH,
    COVERS,
    KEYWORD,
    NAME,
    SYN_NAME,
    TEXT,
    WEIGHTS,
    Document,
    _Synonyms,
    document_tokens,
    write_index,
)
from generator.search.rank import (
    IndexFolder,
    initials_parts,
    lead_abbreviations,
    shingles_of,
    spelled_pairs,
    syllabify,
)
from generator.search.synonyms import load_synonyms
from generator.search.words import Lexicon

DEMO = Path(__file__).resolve().parent.parent / "catalogue"
QUERIES = Path(__file__).resolve().parent / "search_queries.yaml"
# as a catalogue gives them: synonym terms, keywords, pieces of names and materials
LEXICON = Lexicon(
    ["施工", "资质", "建筑业企业", "住房公积金", "住房贷款", "住房", "个人", "普通护照", "护照"]
)


def test_known_words_cut_a_run_and_pairs_across_them_are_told_apart() -> None:
    assert LEXICON.pieces("施工资质") == ["施工", "资质"]
    assert LEXICON.pieces("住房公积金个人住房贷款") == ["住房公积金", "个人", "住房", "贷款"]
    assert LEXICON.pieces("普通护照签发") == ["普通", "护照", "签", "发"]
    inside, across = LEXICON.split_pairs("施工资质")
    assert across == {"工资"} and inside == {"施工", "资质"}
    # text the lexicon does not know keeps every pair at full weight
    assert LEXICON.split_pairs("营业执照")[1] == set()


def test_a_pair_across_two_words_of_a_name_weighs_as_a_material() -> None:
    doc = Document(
        "x", "建筑业企业施工资质", 0, "", "", True, "", 0, ((NAME, "建筑业企业施工资质", True),)
    )
    best = document_tokens(doc, _Synonyms([]), LEXICON)
    assert best["施工"] == NAME and best["资质"] == NAME
    assert best["工资"] == ACROSS_HIGH
    assert WEIGHTS[ACROSS_HIGH] == WEIGHTS[TEXT] and not COVERS[ACROSS_HIGH]


def test_initials_of_the_names_own_words_weigh_more_than_initials_cut_across() -> None:
    spelled = word_pinyin("普通护照签发", LEXICON.pieces)
    assert {"hz", "huzhao", "pthz", "putong"} <= spelled
    assert "tq" not in spelled and "zq" not in spelled  # 签 and 发 are loose characters
    doc = Document("x", "普通护照签发", 0, "", "", True, "", 0, ((KEYWORD, "普通护照签发", True),))
    assert document_tokens(doc, _Synonyms([]), LEXICON)["hz"] == KEYWORD


SYLLABLES = frozenset(
    ["jie", "hun", "deng", "ji", "gong", "jin", "ti", "qu", "she", "bao", "xi", "an", "xian"]
)


def test_concatenated_pinyin_is_cut_into_syllables_and_searched_by_pairs() -> None:
    assert syllabify("jiehundengji", SYLLABLES) == ["jie", "hun", "deng", "ji"]
    assert syllabify("xian", SYLLABLES) == ["xian"]  # fewest syllables
    assert syllabify("jszhz", SYLLABLES) == []
    assert spelled_pairs(["gongjijintiqu"], SYLLABLES) == ["gongji", "jijin", "jinti", "tiqu"]
    assert spelled_pairs(["shebao"], SYLLABLES) == []  # two syllables: the run itself
    assert initials_parts(["jszhz"], SYLLABLES) == ["jsz", "szh", "zhz", "js", "sz", "zh", "hz"]
    assert initials_parts(["jiehun"], SYLLABLES) == []
    assert shingles_of("不动产抵押 首次") == ["不动产", "动产抵", "产抵押"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> IndexFolder:
    out = tmp_path_factory.mktemp("demo") / "index"
    catalogue, _ = load_catalogue(DEMO)
    write_index(catalogue, load_synonyms(DEMO).groups, out, "items/{id}/")
    return IndexFolder(out)


def _ranked(demo: IndexFolder, query: str) -> list[str]:
    return demo.ids(demo.search(query)[1])


def test_the_demo_queries_find_their_item_in_the_top_five(demo: IndexFolder) -> None:
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    missed = [
        (q["q"], _ranked(demo, str(q["q"]))[:5])
        for entries in data.values()
        for q in entries
        if not set(_ranked(demo, str(q["q"]))[:5]) & set(q["expect"])
    ]
    assert not missed


def test_what_an_item_gives_outranks_what_it_asks_for(demo: IndexFolder) -> None:
    # 营业执照 is a keyword of several items that need one; the item that issues it wins
    assert _ranked(demo, "营业执照")[0] == "company-establishment"
    assert "company-establishment" in _ranked(demo, "yyzz")[:3]


def test_pinyin_of_a_synonym_reaches_the_items_the_synonym_reaches(demo: IndexFolder) -> None:
    assert set(_ranked(demo, "shebao")) == set(_ranked(demo, "社保"))


def test_overlapping_known_words_are_no_boundary() -> None:
    """不动产权证书: 不动产 and 产权 overlap; 动产 is inside 不动产, not across two words,
    and 不动产权 is not cut into 不动 and 产权 (which would cut through 不动产)."""
    lexicon = Lexicon(["不动产", "产权查询", "产权", "证书", "不动产权", "不动产证"])
    assert "不动" not in lexicon.words
    inside, across = lexicon.split_pairs("不动产权证书")
    assert {"不动", "动产", "产权", "证书"} <= inside and across == {"权证"}
    assert lexicon.split_pairs("施工资质") == (frozenset({"施工", "工资", "资质"}), frozenset())


def test_an_abbreviation_is_the_first_characters_of_words_next_to_each_other() -> None:
    lexicon = Lexicon(["危险废物", "危险", "废物", "经营", "许可", "结婚", "登记", "婚姻"])
    assert lexicon.abbreviations("危险废物经营许可") == {"危废", "废经", "经许"}
    assert "婚登" not in lexicon.abbreviations("结婚登记")  # a pair of the text itself
    assert lead_abbreviations("危废许可证 结婚登记", "~") == ["~危废", "~结婚"]
    doc = Document(
        "x", "危险废物经营许可", 0, "", "", True, "", 0, ((NAME, "危险废物经营许可", True),)
    )
    best = document_tokens(doc, _Synonyms([]), lexicon)
    assert best[ABBREVIATION_PREFIX + "危废"] == SYN_NAME and "危废" not in best
