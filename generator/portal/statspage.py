"""What the ``/stats/`` and ``/data/`` pages show: figures formatted, charts drawn.

The arithmetic is :mod:`generator.opendata.stats`; this module only turns it into strings,
SVG and table rows, so the templates do no arithmetic.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from ..opendata import columns, dcat, jsonld, records, vocabulary
from ..opendata.stats import Figures, Statistics, decimal, percent
from . import urls
from .charts import Series, bar_chart
from .datafiles import FORMATS


@dataclass(frozen=True)
class ChartView:
    id: str
    title: str
    svg: Markup
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class FigureRow:
    label: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class StatsView:
    total: tuple[tuple[str, str], ...]
    charts: tuple[ChartView, ...]
    measures: tuple[str, ...]
    rows: tuple[FigureRow, ...]
    """One row per department: its name and its value of each measure."""
    calendar_note: str = ""
    """How many limits count 自然日 and are left out of the day figures (never added)."""


def _measures(f: Figures) -> list[tuple[str, str]]:
    return [
        ("事项数", str(f.items)),
        ("即办件", f"{f.on_the_spot}({percent(f.on_the_spot_share)})"),
        ("平均法定天数", decimal(f.average_statutory)),
        ("平均承诺天数", decimal(f.average_promised)),
        ("承诺压缩比例", percent(f.cut)),
        ("不收费事项", f"{f.free}({percent(f.free_share)})"),
        ("平均材料数", decimal(f.average_materials)),
        ("免提交材料", f"{f.exempt}/{f.materials}({percent(f.exempt_share)})"),
        ("最多跑一次", f"{f.one_visit}({percent(f.one_visit_share)})"),
        ("可网上办理", f"{f.online}({percent(f.online_share)})"),
    ]


def _chart(
    chart_id: str, title: str, desc: str, labels: list[str], series: list[Series]
) -> ChartView:
    rows = tuple((label, *(s.texts[i] for s in series)) for i, label in enumerate(labels))
    return ChartView(
        chart_id,
        title,
        Markup(bar_chart(f"{chart_id}-svg", title, desc, labels, series)),
        ("", *(s.name for s in series)),
        rows,
    )


def stats_view(stats: Statistics) -> StatsView:
    total = stats.total
    kinds = [k for k, _ in total.by_kind]
    kind_counts = [n for _, n in total.by_kind]
    departments = [f for _, f in stats.departments]
    names = [f.name for f in departments]
    charts = (
        _chart(
            "chart-kinds",
            "各办件类型的事项数",
            "全部事项按办件类型(即办件、承诺件、联办件、报批件)统计的事项数。",
            kinds,
            [Series("事项数", tuple(kind_counts), tuple(str(n) for n in kind_counts))],
        ),
        _chart(
            "chart-types",
            "各事项类型的事项数",
            "全部事项按事项类型(行政许可、行政确认、公共服务等)统计的事项数。",
            [t for t, _ in total.by_type],
            [
                Series(
                    "事项数",
                    tuple(n for _, n in total.by_type),
                    tuple(str(n) for _, n in total.by_type),
                )
            ],
        ),
        _chart(
            "chart-departments",
            "各部门事项数和即办件数",
            "每个部门的事项总数和其中的即办件数。",
            names,
            [
                Series(
                    "事项数",
                    tuple(f.items for f in departments),
                    tuple(str(f.items) for f in departments),
                ),
                Series(
                    "即办件",
                    tuple(f.on_the_spot for f in departments),
                    tuple(str(f.on_the_spot) for f in departments),
                ),
            ],
        ),
        _chart(
            "chart-days",
            "各部门平均法定和承诺办结时限(天)",
            "每个部门事项的平均法定办结时限和平均承诺办结时限,单位为天。",
            names,
            [
                Series(
                    "平均法定时限",
                    tuple(float(f.average_statutory or 0) for f in departments),
                    tuple(decimal(f.average_statutory) for f in departments),
                ),
                Series(
                    "平均承诺时限",
                    tuple(float(f.average_promised or 0) for f in departments),
                    tuple(decimal(f.average_promised) for f in departments),
                ),
            ],
        ),
    )
    measures = tuple(label for label, _ in _measures(total))
    rows = tuple(FigureRow(f.name, tuple(v for _, v in _measures(f))) for f in departments)
    left_out = (
        ("法定", total.items - total.statutory_counted),
        ("承诺", total.items - total.promised_counted),
    )
    counts = "、".join(f"{label} {n} 项" for label, n in left_out if n)
    note = f"以自然日计的时限({counts})不与工作日相加,不计入天数;" if counts else ""
    return StatsView(tuple(_measures(total)), charts, measures, rows, note)


@dataclass(frozen=True)
class DownloadView:
    name: str
    url: str
    format: str
    title: str
    size: str
    """Byte size with thousands separators, e.g. ``138,582``."""
    sha256: str


@dataclass(frozen=True)
class DataPageView:
    downloads: tuple[DownloadView, ...]
    item_columns: tuple[columns.Column, ...]
    material_columns: tuple[columns.Column, ...]
    mapping: tuple[tuple[str, str, str], ...]
    example_item_url: str | None
    licence: str
    licence_url: str
    licence_title: str
    dcat_url: str
    vocabulary_url: str
    terms: tuple[vocabulary.Term, ...] = vocabulary.TERMS
    schemes: tuple[vocabulary.Scheme, ...] = tuple(vocabulary.SCHEMES.values())
    sheets: tuple[columns.Sheet, ...] = columns.SHEETS
    """Every table of the CSV files and the workbook, with its columns' sources."""


def data_page_view(
    example_item: str | None, licence: str, files: Mapping[str, bytes]
) -> DataPageView:
    """The ``/data/`` page; ``licence`` is the centre's choice (SPDX id), ``files`` the
    published data files (site URL -> bytes), listed with their sizes and checksums."""
    names = [name for fmt in FORMATS.values() for name, _ in fmt] + [dcat.FILE]
    downloads = tuple(
        DownloadView(
            name,
            url,
            dcat.file_type(name).eu_format.replace("_", "-"),
            dcat.title(name),
            f"{len(files[url]):,}",
            dcat.sha256(files[url]),
        )
        for name in names
        for url in [urls.data_file_url(name)]
    )
    title, text_url, _ = records.LICENCES[licence]
    return DataPageView(
        downloads,
        columns.ITEM_COLUMNS,
        columns.MATERIAL_COLUMNS,
        jsonld.MAPPING,
        urls.item_data_url(example_item) if example_item else None,
        licence,
        text_url,
        title,
        urls.data_file_url(dcat.FILE),
        urls.data_file_url(vocabulary.FILE),
    )
