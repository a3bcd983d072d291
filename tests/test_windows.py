"""Windows per item (issue 18, point 3): an item and its steps name their windows from
their departments' lists; pages and sheets list those only, each once."""

from __future__ import annotations

from pathlib import Path

from generator.catalogue.loaded import load_catalogue
from generator.checks.pipeline import check_report
from generator.portal.views import item_view

from .catalogues import DEMO_CATALOGUE
from .conftest import AS_OF, FIXTURES, build_case


def _diagnostics(case: str, tmp_path: Path) -> list[tuple[str, str, str]]:
    root = build_case(FIXTURES / case, tmp_path / "catalogue")
    prefix = root.as_posix() + "/"
    return [
        (f"{d.file.removeprefix(prefix)}:{d.line}:{d.col}", d.code, d.message)
        for d in check_report(root, as_of=AS_OF)
    ]


def test_unknown_window_names_exact(tmp_path: Path) -> None:
    known = "市场监管综合窗口(市场监管局)、住建窗口(示例市住房和城乡建设局)"
    assert _diagnostics("negative/ref-window-names", tmp_path) == [
        (
            "items/scjgj/shipin-jingying.yaml:7:21",
            "ref-window-missing",
            "联办部门示例市住房和城乡建设局的窗口没有列出;请在 windows 或该部门办理环节的 "
            "window 中填写:住建窗口(示例市住房和城乡建设局)。",
        ),
        (
            "items/scjgj/shipin-jingying.yaml:8:11",
            "ref-window",
            f"受理窗口“市场监管窗口”不是本部门或联办部门的窗口;请填写 departments.yaml 中的"
            f"窗口名称:{known}。",
        ),
        (
            "items/scjgj/shipin-jingying.yaml:49:17",
            "ref-step-window",
            f"环节的窗口“房产窗口”不是本部门或联办部门的窗口;请填写 departments.yaml 中的"
            f"窗口名称:{known}。",
        ),
    ]


def test_several_windows_and_none_named_exact(tmp_path: Path) -> None:
    assert _diagnostics("negative/ref-window-missing", tmp_path) == [
        (
            "items/scjgj/shipin-jingying.yaml:1:7",
            "ref-window-missing",
            "市场监管局有 2 个窗口,本事项没有写明在哪个窗口受理;请在 windows 中填写:"
            "市场监管综合窗口(市场监管局)、食品许可窗口(市场监管局)。",
        ),
    ]


def test_named_windows_check_clean(tmp_path: Path) -> None:
    assert _diagnostics("positive/windows-joint", tmp_path) == []


def test_views_list_the_named_windows_once(tmp_path: Path) -> None:
    root = build_case(FIXTURES / "positive/windows-joint", tmp_path / "catalogue")
    catalogue, _ = load_catalogue(root)
    (loaded,) = catalogue.items.values()
    windows = catalogue.windows(loaded)
    assert [(w.department_id, w.name, w.joint) for w in windows] == [
        ("scjgj", "食品许可窗口", False),
        ("zjj", "住建窗口", True),
    ]
    assert catalogue.place(loaded) == "二楼B区13号窗口(食品许可窗口)、三楼A区3号窗口(住建窗口)"


def test_a_department_with_one_window_needs_no_name(tmp_path: Path) -> None:
    root = build_case(FIXTURES / "positive/base", tmp_path / "catalogue")
    catalogue, _ = load_catalogue(root)
    (loaded,) = catalogue.items.values()
    assert [w.name for w in catalogue.windows(loaded)] == ["市场监管综合窗口"]


def test_demo_guides_name_only_their_windows() -> None:
    catalogue, _ = load_catalogue(DEMO_CATALOGUE)
    names = {
        i: [(w.department, w.name) for w in catalogue.windows(loaded)]
        for i, loaded in catalogue.items.items()
    }
    assert names["birth-registration"] == [("公安局", "户政综合窗口")]
    assert names["real-estate-transfer-registration"] == [
        ("自然资源和规划局", "不动产登记窗口"),
        ("住建局", "房产交易窗口"),
    ]
    for item_id, found in names.items():
        assert len(found) == len(set(found)), item_id
        loaded = catalogue.items[item_id]
        if loaded.item.kind.value == "联办件":  # each department's window
            departments = {d for d, _ in found}
            assert len(departments) == 1 + len(loaded.item.joint_departments), item_id
    view = item_view(catalogue, catalogue.items["birth-registration"], url="/x/")
    assert "车驾管业务窗口" not in [w.name for w in view.windows]
