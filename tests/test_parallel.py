"""Per-item work spread over processes gives the same results, in order, as one process."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from generator import parallel
from generator.checks.pipeline import check_catalogue

from .conftest import AS_OF, FIXTURES, build_case


def test_spans_cover_every_index_once_in_order() -> None:
    values = list(range(1000))
    spans = parallel.spans(values, 16)
    assert [i for span in spans for i in span] == values
    assert len(spans) == 16


def test_a_costly_value_gets_a_span_of_its_own() -> None:
    values = [1] * 100 + [500] + [1] * 100
    spans = parallel.spans(values, 4, cost=lambda v: v)
    assert [i for span in spans for i in span] == list(range(201))
    assert any(list(span) == [100] for span in spans)


@pytest.mark.parametrize("processes", [1, 2])
def test_fork_map_equals_map_and_runs_closures(processes: int) -> None:
    offset = 7  # a closure: forking, not pickling, hands the task to the workers
    values = list(range(1000))
    chunks = list(parallel.fork_map(lambda v: v * v + offset, values, processes=processes))
    assert [r for chunk in chunks for r in chunk] == [v * v + offset for v in values]
    assert gc.get_freeze_count() == 0  # what it froze for the workers is thawed


def test_a_failing_task_raises_in_the_caller() -> None:
    def task(value: int) -> int:
        if value == 500:
            raise ValueError("bad value")
        return value

    with pytest.raises(ValueError, match="bad value"):
        list(parallel.fork_map(task, list(range(1000)), processes=2))


CASES = ["positive/base", "negative/mixed-lists", "negative/mixed-centre-chains"]


@pytest.mark.parametrize("case", CASES)
def test_check_in_parallel_reports_what_one_process_reports(case: str, tmp_path: Path) -> None:
    """The checker uses the same pool: forked workers, plain data back, same report."""
    assert (FIXTURES / case).is_dir()
    root = build_case(FIXTURES / case, tmp_path / "catalogue")
    one_catalogue, one = check_catalogue(root, as_of=AS_OF, workers=1)
    two_catalogue, two = check_catalogue(root, as_of=AS_OF, workers=2)
    assert [d.parsable() for d in two] == [d.parsable() for d in one]
    assert bool(one.diagnostics) == case.startswith("negative")
    assert list(two_catalogue.items) == list(one_catalogue.items)
