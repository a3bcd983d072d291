"""Documentation of the codes raised while reading and validating files (not by rules).

``generator/catalogue/sources.py``, ``validation.py`` and ``loaded.py`` emit these; they are
documented here in the same shape as a rule docstring so ``docs/checks.md`` lists every
code a reviewer can meet.  A test greps ``generator/`` and fails on an undocumented code.
"""

from __future__ import annotations

from ..catalogue.diagnostics import Severity

E = Severity.ERROR

LOADER_CODES: dict[str, tuple[Severity, str]] = {
    "file-missing": (
        E,
        """A required top-level file (centre.yaml, departments.yaml, laws.yaml, chains.yaml)
        is missing.

        Passing:
            catalogue/chains.yaml   # 存在,没有审批链时写 chains: []

        Failing:
            # catalogue/ 下没有 chains.yaml
        """,
    ),
    "file-unreadable": (
        E,
        """The file exists but cannot be read (permissions, a directory with a .yaml name).

        Passing:
            # 文件可读

        Failing:
            # chmod 000 catalogue/laws.yaml
        """,
    ),
    "file-too-large": (
        E,
        """A file over 1 MB is refused before parsing: no item needs that much, and a huge
        file is usually a mistake or an attack.

        Passing:
            # 几 KB 的事项文件

        Failing:
            # 超过 1,000,000 字节的文件
        """,
    ),
    "file-encoding": (
        E,
        """Files are UTF-8.  GBK/GB2312 (the default of many Chinese Windows editors) and
        UTF-16 are refused with a hint; save the file as "UTF-8".

        Passing:
            name: 食品经营许可   # 以 UTF-8 保存

        Failing:
            name: 食品经营许可   # 以 GBK 保存
        """,
    ),
    "file-bom": (
        E,
        """A UTF-8 byte-order mark at the start of the file (Notepad's "UTF-8") is
        reported; save as "UTF-8 without BOM".

        Passing:
            name: 食品经营许可

        Failing:
            \\ufeffname: 食品经营许可
        """,
    ),
    "file-empty": (
        E,
        """The file contains no YAML document (empty, or comments only).

        Passing:
            name: 食品经营许可

        Failing:
            # 只有注释
        """,
    ),
    "file-control-char": (
        E,
        """A control character (other than tab and line breaks) in the raw file; it breaks
        YAML and printing.  Delete it.

        Passing:
            name: 食品经营许可

        Failing:
            name: 食品经营许可\\x07
        """,
    ),
    "file-layout": (
        E,
        """Item files live at ``items/<部门 id>/<事项 id>.yaml``; anything else under
        ``items/`` is reported.

        Passing:
            items/scjgj/shipin-jingying.yaml

        Failing:
            items/shipin-jingying.yaml
            items/scjgj/shipin-jingying.yml
        """,
    ),
    "file-symlink": (
        E,
        """A file or folder of the catalogue (an item, centre.yaml, synonyms.yaml, a folder
        under ``items/``) is a symbolic link.  Links are never followed, wherever they
        point: a pull request could otherwise have the build read and publish any file of
        the build machine.  Commit the real file.

        Passing:
            items/scjgj/shipin-jingying.yaml     # 普通文件

        Failing:
            items/scjgj/shipin-jingying.yaml -> /etc/passwd
        """,
    ),
    "file-hidden": (
        E,
        """A file under ``items/`` whose name starts with a dot and ends in ``.yaml``
        (``.hidden.yaml``, ``..yaml``) would be skipped as hidden: never checked, never
        published.  Rename it or delete it.  Other dot-files (``.gitkeep``) are ignored.

        Passing:
            items/scjgj/shipin-jingying.yaml

        Failing:
            items/scjgj/.shipin-jingying.yaml
        """,
    ),
    "file-directory": (
        E,
        """A folder under ``items/`` is named like an item file (``xxx.yaml``); an item is
        one file, not a folder.

        Passing:
            items/scjgj/shipin-jingying.yaml     # 文件

        Failing:
            items/scjgj/shipin-jingying.yaml/    # 文件夹
        """,
    ),
    "file-bad-id": (
        E,
        """The item id (file name) and department id (folder) become permanent URLs: only
        lower-case letters, digits and hyphens.

        Passing:
            items/scjgj/shipin-jingying.yaml

        Failing:
            items/scjgj/食品经营.yaml
            items/SCJGJ/shipin_jingying.yaml
        """,
    ),
    "yaml-syntax": (
        E,
        """The file is not valid YAML (unclosed quote, bad indentation, a value YAML cannot
        read).  The message says in Chinese what is wrong and what to do, at the mistake
        itself: an unclosed quote or bracket is reported where it opens, not lines later
        where the parser gave up; the parser's own English text follows as 解析器原文.

        Passing:
            name: "食品经营许可"

        Failing:
            name: "食品经营许可
        """,
    ),
    "yaml-too-deep": (
        E,
        """Values nested more than 50 levels deep (lists in lists, mappings in mappings).
        No catalogue file needs more than a few levels; deeper nesting is a stray bracket or
        an attack on the reader, and is reported once, where it starts being too deep.

        Passing:
            materials:
              - name: 申请书

        Failing:
            name: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ … 600 层 … x ]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
        """,
    ),
    "yaml-tab": (
        E,
        """Tabs in indentation: YAML only allows spaces.

        Passing:
            codes:
              basic: "000123456000"

        Failing:
            codes:
            \\tbasic: "000123456000"
        """,
    ),
    "yaml-anchor": (
        E,
        """Anchors and aliases (``&a`` / ``*a``) are refused: they hide what a page shows
        and let a tiny file expand exponentially ("billion laughs").  Write content out.

        Passing:
            post: 窗口受理岗

        Failing:
            post: &p 窗口受理岗
            other: *p
        """,
    ),
    "yaml-duplicate-key": (
        E,
        """The same key twice in one mapping: YAML would silently keep only the last.

        Passing:
            name: 食品经营许可

        Failing:
            name: 食品经营许可
            name: 食品生产许可
        """,
    ),
    "yaml-ambiguous": (
        E,
        """An unquoted value that YAML 1.1 silently changes: ``0512`` (octal 330), ``NO``
        (false), ``9:30`` (570), ``1_000``.  Quote it.

        Passing:
            enquiry_phone: "0512-65551234"
            hours: "9:30-17:00"

        Failing:
            citizen_hotline: 0512
            hours: 9:30
        """,
    ),
    "yaml-tag": (
        E,
        """Explicit YAML tags (``!!python/object``, ``!!binary``, ``!custom``) are refused.

        Passing:
            name: 食品经营许可

        Failing:
            name: !!binary 6aOf5ZOB
        """,
    ),
    "yaml-key": (
        E,
        """Mapping keys are plain words; a list, mapping or null as a key is refused.

        Passing:
            name: 食品经营许可

        Failing:
            [name]: 食品经营许可
        """,
    ),
    "schema-not-mapping": (
        E,
        """The top of a file is a mapping (``key: value``), not a list or a single value.

        Passing:
            laws:
              - id: xingzheng-xukefa

        Failing:
            - id: xingzheng-xukefa
        """,
    ),
    "schema-unknown-key": (
        E,
        """A key the schema does not know, usually a typo; the message suggests the
        closest known key.

        Passing:
            materials: []

        Failing:
            material: []
        """,
    ),
    "schema-missing": (
        E,
        """A required field is missing.

        Passing:
            reviewed: 2026-01-01

        Failing:
            # 没有 reviewed
        """,
    ),
    "schema-type": (
        E,
        """A value of the wrong type: text where a number is expected, a number where text
        is expected (phones and codes must be quoted), a list where a mapping is expected.

        Passing:
            copies: 1
            enquiry_phone: "12345"

        Failing:
            copies: "1"
            enquiry_phone: 12345
        """,
    ),
    "schema-enum": (
        E,
        """A value outside the allowed list (kind, type, role, unit ...); the message lists
        the allowed values.

        Passing:
            kind: 承诺件

        Failing:
            kind: 普通件
        """,
    ),
    "schema-pattern": (
        E,
        """A value not in the required format: ids, national codes, URLs.

        Passing:
            codes: {basic: "000123456000", implementation: "000123456000001"}

        Failing:
            codes: {basic: "123", implementation: "abc"}
        """,
    ),
    "schema-invalid": (
        E,
        """Any other schema violation pydantic reports; the message quotes it.

        Passing:
            reviewed: 2026-01-01

        Failing:
            reviewed: 2026-13-45
        """,
    ),
    "ref-duplicate-id": (
        E,
        """Ids are unique: two departments, laws or chains with the same id, or two item
        files with the same name in different department folders.

        Passing:
            - id: scjgj
            - id: zjj

        Failing:
            - id: scjgj
            - id: scjgj
        """,
    ),
}
