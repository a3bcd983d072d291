"""A hostile catalogue pull request, tried as an attacker and a careless editor would (issue 16).

Each case states the exact diagnostic (``file:line:col: code`` and the clerk's message) or
the behaviour expected.  The committed fixtures under ``fixtures/negative/`` hold the cases a
file can express (``ref-file-hostile``, ``file-tree-hostile``, ``yaml-too-deep``,
``text-bidi``, ``syn-file-*``); here are those that need the machine: links to ``/etc``
and ``/proc``, a 25 MB form, names with ``#?%``, and what the plan publishes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.catalogue.loaded import load_catalogue
from generator.checks.pipeline import check_report
from generator.portal import pages, urls, views

from .conftest import AS_OF, FIXTURES, build_case, run_cli

ITEM = "items/scjgj/shipin-jingying.yaml"
FORM_LINE = "    blank_form: forms/shenqingshu.txt\n"


def _catalogue(tmp_path: Path, case: str = "positive/base") -> Path:
    return build_case(FIXTURES / case, tmp_path / "catalogue")


def _form(root: Path, value: str) -> None:
    """Point the item's blank form at ``value``."""
    item = root / ITEM
    text = item.read_text(encoding="utf-8")
    assert FORM_LINE in text
    item.write_text(text.replace(FORM_LINE, f"    blank_form: {value}\n"), encoding="utf-8")


def _found(root: Path) -> list[str]:
    prefix = root.as_posix() + "/"
    return [
        f"{d.file.removeprefix(prefix)}:{d.line}:{d.col}: {d.code}: {d.message}"
        for d in check_report(root, as_of=AS_OF)
    ]


def _check_cli(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "check", str(root), "--as-of", "2026-01-01"],
        capture_output=True,
        text=True,
        check=False,
    )


LINK = (
    "items/scjgj/shipin-jingying.yaml:27:17: ref-file-symlink: “{link}”是符号链接;"
    "目录中的文件不能是链接(无论指向哪里),请把真实文件复制进 catalogue/ 并提交。"
)


@pytest.mark.parametrize(
    ("name", "target", "value", "link"),
    [
        ("passwd.pdf", "/etc/passwd", "forms/passwd.pdf", "forms/passwd.pdf"),
        ("environ.txt", "/proc/self/environ", "forms/environ.txt", "forms/environ.txt"),
        ("etc", "/etc", "forms/etc/passwd", "forms/etc"),  # a link to a folder, on the way
        ("inside.txt", "shenqingshu.txt", "forms/inside.txt", "forms/inside.txt"),
    ],
    ids=["file-outside", "proc", "folder", "inside-too"],
)
def test_a_linked_form_is_refused_and_never_published(
    tmp_path: Path, name: str, target: str, value: str, link: str
) -> None:
    root = _catalogue(tmp_path)
    (root / "forms" / name).symlink_to(target)
    _form(root, value)
    assert _found(root) == [LINK.format(link=link)]
    # Even a build that skipped the check publishes nothing behind a link.
    catalogue, _ = load_catalogue(root)
    plan = pages.plan_site(catalogue)
    assert [f.url for f in plan.files] == []
    assert not [g for g in plan.generated if g.url.startswith("/forms/")]


def test_the_forms_folder_itself_linked_away_is_refused(tmp_path: Path) -> None:
    root = _catalogue(tmp_path)
    real = tmp_path / "elsewhere"
    (root / "forms").rename(real)
    (root / "forms").symlink_to(real)
    assert _found(root) == [LINK.format(link="forms")]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "biao.html",
            b"<!doctype html><script>alert(document.cookie)</script>",
            "ref-file-type: 不能发布“.html”类型的文件 forms/biao.html;表格和示例只能是 "
            "DOC、DOCX、ET、JPG、ODS、ODT、OFD、PDF、PNG、TXT、WPS、XLS、XLSX 格式"
            "(网页、SVG 等可执行脚本的文件不能发布)。",
        ),
        (
            "biao.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "ref-file-type: 不能发布“.svg”类型的文件 forms/biao.svg;表格和示例只能是 "
            "DOC、DOCX、ET、JPG、ODS、ODT、OFD、PDF、PNG、TXT、WPS、XLS、XLSX 格式"
            "(网页、SVG 等可执行脚本的文件不能发布)。",
        ),
        (
            "application-form.pdf",
            b"\n  <HTML><body><script>fetch('/')</script>",
            "ref-file-content: 文件 forms/application-form.pdf 的内容是网页(HTML/SVG/XML),"
            "不是扩展名所说的 PDF 文件;请用办公软件另存为真正的 PDF 文件。",
        ),
        (
            "shenqingbiao.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
            "ref-file-content: 文件 forms/shenqingbiao.docx 的内容是 97-2003 版办公文件,"
            "不是扩展名所说的 Word 文件;请用办公软件另存为真正的 Word 文件。",
        ),
        (
            "readme.txt",
            b"<html><script>alert(1)</script></html>",
            "ref-file-content: 文件 forms/readme.txt 的内容是网页(HTML/SVG/XML),不是纯文本;"
            "请改为 PDF 或真正的纯文本文件。",
        ),
        (
            "gbk.txt",
            "食品经营许可申请书".encode("gbk"),
            "ref-file-content: 文本文件 forms/gbk.txt 不是 UTF-8 编码(可能是 GBK);"
            "请另存为 UTF-8,否则网页上打开会是乱码。",
        ),
        (
            "noextension",
            b"%PDF-1.7",
            "ref-file-type: 不能发布“无扩展名”类型的文件 forms/noextension;表格和示例只能是 "
            "DOC、DOCX、ET、JPG、ODS、ODT、OFD、PDF、PNG、TXT、WPS、XLS、XLSX 格式"
            "(网页、SVG 等可执行脚本的文件不能发布)。",
        ),
    ],
    ids=["html", "svg", "html-named-pdf", "doc-named-docx", "html-named-txt", "gbk-txt", "bare"],
)
def test_active_or_mislabelled_forms_are_refused(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    root = _catalogue(tmp_path)
    (root / "forms" / name).write_bytes(content)
    _form(root, f"forms/{name}")
    assert _found(root) == [f"{ITEM}:27:17: {expected}"]
    catalogue, _ = load_catalogue(root)
    assert pages.plan_site(catalogue).files == []


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("a.pdf", b"%PDF-1.7\n"),
        ("a.ofd", b"PK\x03\x04"),
        ("a.docx", b"PK\x03\x04"),
        ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
        ("a.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
        ("A.JPG", b"\xff\xd8\xff\xe0"),
        ("a.png", b"\x89PNG\r\n\x1a\n"),
        ("a.txt", "申请书\n".encode()),
    ],
)
def test_what_offices_publish_is_accepted(tmp_path: Path, name: str, head: bytes) -> None:
    root = _catalogue(tmp_path)
    (root / "forms" / name).write_bytes(head + bytes(16) * (name != "a.txt"))
    _form(root, f"forms/{name}")
    assert _found(root) == []


def test_a_form_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    root = _catalogue(tmp_path)
    big = root / "forms" / "saomiao.pdf"
    with big.open("wb") as handle:  # sparse: 25 MB on paper, nothing on disk
        handle.write(b"%PDF-1.7\n")
        handle.truncate(25_000_000)
    _form(root, "forms/saomiao.pdf")
    assert _found(root) == [
        f"{ITEM}:27:17: ref-file-too-large: 文件 forms/saomiao.pdf 有 25.0 MB,超过上限 20 MB;"
        "请压缩图片或拆分文件后再提交。"
    ]


def test_a_folder_or_a_device_is_not_a_form(tmp_path: Path) -> None:
    root = _catalogue(tmp_path)
    _form(root, "forms")
    assert _found(root) == [
        f"{ITEM}:27:17: ref-file-not-file: forms 是文件夹,不是普通文件;请填写一个表格文件的路径。"
    ]
    fifo = root / "forms" / "pipe.pdf"
    os.mkfifo(fifo)  # opening a pipe would hang the check: it is never opened
    item = root / ITEM
    item.write_text(
        item.read_text(encoding="utf-8").replace(
            "blank_form: forms\n", "blank_form: forms/pipe.pdf\n"
        ),
        encoding="utf-8",
    )
    assert _found(root) == [
        f"{ITEM}:27:17: ref-file-not-file: forms/pipe.pdf 是特殊文件,不是普通文件;"
        "请填写一个表格文件的路径。"
    ]


def test_form_names_with_hash_question_mark_and_percent_are_percent_encoded(
    tmp_path: Path,
) -> None:
    root = _catalogue(tmp_path)
    name = "申请表#1?版 100%.txt"
    (root / "forms" / name).write_text("申请表\n", encoding="utf-8")
    _form(root, f'"forms/{name}"')
    assert _found(root) == []
    catalogue, _ = load_catalogue(root)
    loaded = next(iter(catalogue.items.values()))
    guide = views.item_view(catalogue, loaded, url=urls.item_url(loaded.id))
    link = guide.materials[0][2]
    assert link == "/forms/%E7%94%B3%E8%AF%B7%E8%A1%A8%231%3F%E7%89%88%20100%25.txt"
    assert urls.relative_url(link, "/items/shipin-jingying/") == "../../" + link.lstrip("/")
    published = [g for g in pages.plan_site(catalogue).generated if g.url.startswith("/forms/")]
    assert [g.url for g in published] == [f"/forms/{name}"]  # written under its real name
    assert published[0].content == b"\xef\xbb\xbf" + "申请表\n".encode()  # .txt: with a BOM


def test_deep_nesting_is_one_located_diagnostic_and_the_rest_is_still_checked(
    tmp_path: Path,
) -> None:
    """500–999 levels crashed the builder (RecursionError, "内部错误", nothing else shown)."""
    root = _catalogue(tmp_path)
    item = root / ITEM
    text = item.read_text(encoding="utf-8")
    for depth, style in ((999, "flow"), (700, "block")):
        deep = "[" * depth + "x" + "]" * depth if style == "flow" else "\n  " + "- " * depth + "x"
        item.write_text(text.replace("summary: 从事食品", f"summary: {deep}\nx: 从事食品"), "utf-8")
        result = _check_cli(root)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr + result.stdout
        assert "内部错误" not in result.stderr + result.stdout
        assert (
            "[error] 嵌套超过 50 层;目录文件不需要这么深的结构,请检查缩进和括号。 (yaml-too-deep)"
            in (result.stdout)
        )
        assert "(schema-unknown-key)" in result.stdout  # the other problems are still there


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "groups:\n  - [社保, 社会保险\n".encode(),
            "synonyms.yaml:2:5: yaml-syntax",
        ),
        ("groups:\n  - [社保, 社会保险]\n".encode("gbk"), "synonyms.yaml:2:6: file-encoding"),
        ("groups:\n  - &a [社保, 社会保险]\n  - *a\n".encode(), "synonyms.yaml:2:5: yaml-anchor"),
        ("groups: !!python/object:os.system [社保]\n".encode(), "synonyms.yaml:1:9: yaml-tag"),
    ],
    ids=["syntax", "gbk", "alias", "tag"],
)
def test_synonyms_go_through_the_strict_loader_and_fail_the_check(
    tmp_path: Path, raw: bytes, expected: str
) -> None:
    root = _catalogue(tmp_path)
    (root / "synonyms.yaml").write_bytes(raw)
    found = [line.split(": ", 2)[0] + ": " + line.split(": ", 2)[1] for line in _found(root)]
    assert found[0] == expected
    result = run_cli("check", root, "--as-of", "2026-01-01")
    assert result.returncode == 1


def test_a_linked_synonyms_file_is_refused(tmp_path: Path) -> None:
    root = _catalogue(tmp_path)
    (root / "synonyms.yaml").symlink_to("/etc/passwd")
    assert _found(root) == [
        "synonyms.yaml:1:1: file-symlink: “synonyms.yaml”是符号链接;目录中的文件和文件夹"
        "不能是链接(无论指向哪里),请提交真实的文件。"
    ]


def test_a_linked_top_level_or_item_file_is_never_read(tmp_path: Path) -> None:
    root = _catalogue(tmp_path)
    (root / "laws.yaml").rename(tmp_path / "laws.yaml")
    (root / "laws.yaml").symlink_to(tmp_path / "laws.yaml")
    (root / "items/scjgj/environ.yaml").symlink_to("/proc/self/environ")
    found = _found(root)
    assert found[:2] == [
        "items/scjgj/environ.yaml:1:1: file-symlink: “items/scjgj/environ.yaml”是符号链接;"
        "目录中的文件和文件夹不能是链接(无论指向哪里),请提交真实的文件。",
        "laws.yaml:1:1: file-symlink: “laws.yaml”是符号链接;目录中的文件和文件夹"
        "不能是链接(无论指向哪里),请提交真实的文件。",
    ]
    # The laws were not read: references into them are not checked (as when missing).
    assert [line.split(": ")[1] for line in found[2:]] == []


BIDI = [
    ("\u202e", "U+202E"),
    ("\u2066", "U+2066"),
    ("\u2067", "U+2067"),
    ("\u2068", "U+2068"),
    ("\u2069", "U+2069"),
    ("\u200e", "U+200E"),
    ("\u200f", "U+200F"),
]


@pytest.mark.parametrize(("char", "code"), BIDI, ids=[c for _, c in BIDI])
def test_bidi_controls_are_refused_in_any_text(tmp_path: Path, char: str, code: str) -> None:
    root = _catalogue(tmp_path)
    item = root / ITEM
    escaped = f"\\u{ord(char):04x}"
    text = item.read_text(encoding="utf-8").replace(
        "name: 食品经营许可\n", f'name: "食品经营{escaped}可许"\n', 1
    )
    item.write_text(text, encoding="utf-8")
    assert _found(root) == [
        f"{ITEM}:1:7: text-bidi: 含有看不见的文字方向控制字符 {code};它会让文字倒着或错位显示"
        "(页面、告知单和导出表格都受影响),请删除(重新输入这段文字即可)。"
    ]


def test_bidi_in_a_department_name_is_refused_too(tmp_path: Path) -> None:
    root = _catalogue(tmp_path)
    departments = root / "departments.yaml"
    text = departments.read_text(encoding="utf-8")
    name = text.split("name: ", 1)[1].split("\n", 1)[0]
    departments.write_text(text.replace(name, f'"\\u202e{name}"', 1), encoding="utf-8")
    assert [line.split(": ", 2)[1] for line in _found(root)] == ["text-bidi"]


@pytest.mark.parametrize(
    "text",
    [
        "家庭 👨\u200d👩\u200d👧\u200d👦 办理",
        "医生 👩🏽\u200d⚕️",
        "苏格兰 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
    ],
    ids=["family", "profession-skin-tone", "tag-flag"],
)
def test_emoji_sequences_are_not_zero_width_spam(tmp_path: Path, text: str) -> None:
    root = _catalogue(tmp_path)
    item = root / ITEM
    body = item.read_text(encoding="utf-8")
    item.write_text(body.replace("summary: 从事食品", f"summary: {text}从事食品"), "utf-8")
    assert _found(root) == []


def test_a_lone_joiner_is_refused(tmp_path: Path) -> None:
    root = _catalogue(tmp_path)
    item = root / ITEM
    body = item.read_text(encoding="utf-8")
    item.write_text(body.replace("summary: 从事食品", "summary: 从事\u200d食品"), "utf-8")
    assert _found(root) == [
        f"{ITEM}:8:10: text-zero-width: 含有看不见的格式字符 U+200D;它会让搜索失灵,请删除"
        "(重新输入这段文字即可)。"
    ]


def test_dot_files_and_item_named_folders_are_reported(tmp_path: Path) -> None:
    root = _catalogue(tmp_path)
    source = (root / ITEM).read_text(encoding="utf-8")
    (root / "items/scjgj/.hidden.yaml").write_text(source, "utf-8")
    (root / "items/scjgj/..yaml").write_text(source, "utf-8")
    (root / "items/scjgj/.gitkeep").write_text("", "utf-8")  # tools' files stay quiet
    (root / "items/scjgj/jiuban.yaml").mkdir()
    hidden = (
        "以点开头,会被当作隐藏文件跳过,不会检查也不会发布;"
        "如是事项请改名为 <事项 id>.yaml,不需要请删除。"
    )
    assert _found(root) == [
        f"items/scjgj/..yaml:1:1: file-hidden: “..yaml”{hidden}",
        f"items/scjgj/.hidden.yaml:1:1: file-hidden: “.hidden.yaml”{hidden}",
        "items/scjgj/jiuban.yaml:1:1: file-directory: “jiuban.yaml”是文件夹,不是事项文件;"
        "事项应是 items/<部门 id>/<事项 id>.yaml 文件。",
    ]
