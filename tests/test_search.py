"""The search analyser, synonyms and index writer, without a browser.

The browser side of the analyser is compared with this one in
tests/browser/test_search.py; recall over realistic queries is measured there too.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from generator.catalogue.loaded import load_catalogue
from generator.search.chinese import pinyin_tokens, t2s_table
from generator.search.index import EXACT_PREFIX, fnv1a, shard_key, write_index
from generator.search.normalise import bigrams, normalise, tokens, unigrams
from generator.search.synonyms import load_synonyms

DEMO = Path(__file__).resolve().parent.parent / "catalogue"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("营业执照", "营业执照"),
        ("ＡＢＣ１２３", "abc123"),  # full-width to half-width, then lower case
        ("营业执照怎么办", "营业执照"),
        ("如何办理社保?", "社保"),
        ("身份证丢了,需要什么材料?", "身份证丢了"),
        ("在哪里办驾驶证换证", "驾驶证换证"),
        ("《食品经营许可证》核发(简化)", "食品经营许可证 核发 简化"),
        ("Shebao  YYZZ", "shebao yyzz"),
        ("请问:公司-注销/怎么弄…", "公司 注销"),
        ("  ", ""),
        ("", ""),
        # a question's grammar, not a list of phrases (issue 20)
        ("结婚登记需要准备哪些材料?", "结婚登记"),
        ("补办要带什么证件", "补办"),
        ("上哪儿可以申请居住证呢", "居住证"),
        ("请问营业执照多久能办好,要多少钱", "营业执照"),
        ("办护照收费吗", "办护照"),
        ("开网吧", "开网吧"),  # 吧 is part of a word, never removed
        ("无犯罪记录证明", "无犯罪记录证明"),  # 证明 only after 什么 / 哪些
        ("\u3000劳务\u3000派遣\u3000", "劳务 派遣"),
    ],
)
def test_normalise(text: str, want: str) -> None:
    assert normalise(text) == want


def test_normalise_applies_traditional_table_to_queries() -> None:
    table = {"營": "营", "業": "业", "執": "执"}
    assert normalise("營業執照", table) == "营业执照"


def test_tokens_are_bigrams_of_chinese_and_whole_latin_runs() -> None:
    assert bigrams("劳务派遣") == ["劳务", "务派", "派遣"]
    assert bigrams("证") == ["证"]
    assert tokens("劳务派遣 abc123") == ["劳务", "务派", "派遣", "abc123"]
    assert tokens("社保社保") == ["社保", "保社"]  # no repeats
    assert tokens("证") == ["证"]
    assert tokens("") == []
    assert unigrams("社保 a") == {"社", "保"}


def test_every_part_of_a_name_shares_tokens_with_it() -> None:
    name = tokens(normalise("劳务派遣经营许可"))
    for part in ("劳务", "派遣", "劳务派遣", "经营许可", "派遣经营"):
        assert set(tokens(part)) <= set(name), part


def test_pinyin_full_initials_and_pairs() -> None:
    whole, parts = pinyin_tokens("营业执照")
    assert {"yingyezhizhao", "yyzz"} <= whole
    assert {"yingye", "zhizhao"} <= parts
    assert pinyin_tokens("abc") == (set(), set())


def test_traditional_table_comes_from_opencc_and_targets_indexed_characters() -> None:
    table = t2s_table({"营", "业", "执", "照"})
    assert table["營"] == "营" and table["業"] == "业" and table["執"] == "执"
    assert all(simplified in {"营", "业", "执", "照"} for simplified in table.values())


def test_fnv1a_is_stable() -> None:
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C  # the published FNV-1a test vector


def test_exact_name_token_lives_with_the_first_token() -> None:
    assert shard_key(EXACT_PREFIX + "出生登记") == "出生"
    assert shard_key("出生") == "出生"


def test_demo_synonyms_are_clean_and_many() -> None:
    synonyms = load_synonyms(DEMO)
    assert synonyms.diagnostics == []
    assert len(synonyms.groups) >= 100


def test_missing_synonyms_file_is_no_synonyms(tmp_path: Path) -> None:
    synonyms = load_synonyms(tmp_path)
    assert synonyms.groups == [] and synonyms.diagnostics == []


def test_bad_synonym_groups_are_reported_and_good_ones_kept(tmp_path: Path) -> None:
    (tmp_path / "synonyms.yaml").write_text(
        "groups:\n  - [公积金]\n  - [社保, 社会保险, 社保]\n  - [驾照, 驾驶证]\n",
        encoding="utf-8",
    )
    synonyms = load_synonyms(tmp_path)
    assert [(d.code, d.line, d.col) for d in synonyms.diagnostics] == [
        ("syn-single-term", 2, 5),
        ("syn-duplicate-term", 3, 16),
    ]
    assert synonyms.groups == [("社保", "社会保险"), ("驾照", "驾驶证")]


def _digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_index_is_byte_identical_across_builds(tmp_path: Path) -> None:
    catalogue, _ = load_catalogue(DEMO)
    groups = load_synonyms(DEMO).groups
    write_index(catalogue, groups, tmp_path / "one", "items/{id}/")
    write_index(catalogue, groups, tmp_path / "two", "items/{id}/")
    assert _digest(tmp_path / "one") == _digest(tmp_path / "two")


def test_index_expands_synonyms_at_index_time(tmp_path: Path) -> None:
    catalogue, _ = load_catalogue(DEMO)
    out = tmp_path / "index"
    write_index(catalogue, [("社保", "社会保险")], out, "items/{id}/")
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    postings: dict[str, list[int]] = {}
    for shard in range(meta["shards"]):
        postings.update(json.loads((out / "p" / f"{shard}.json").read_text(encoding="utf-8")))
    ids = list(catalogue.items)
    docs = []
    doc = 0
    for value in postings["社保"]:
        doc += value // meta["codes"]
        docs.append(ids[doc])
    assert "social-insurance-registration" in docs
    assert "shebao" in postings  # pinyin of the synonym, too


def test_a_pasted_page_is_capped_and_tokenised_in_linear_time() -> None:
    import time

    from generator.search.normalise import MAX_QUERY, capped

    page = "".join(chr(0x4E00 + n) for n in range(20_000))  # 20,000 distinct characters
    start = time.perf_counter()
    every = tokens(normalise(page))
    took = time.perf_counter() - start
    # 19,999 pairs less those around the question characters (吗, 呢, 哪 …) that go
    assert 19_950 < len(every) < 19_999 and took < 1.0, took  # quadratic took minutes
    assert capped(page) == page[:MAX_QUERY] and len(tokens(capped(page))) == MAX_QUERY - 1
    assert capped("𠀀" * 100) == "𠀀" * MAX_QUERY  # code points, as Array.from counts them
