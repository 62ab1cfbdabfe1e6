"""Several processes make one plan's documents: the same items, order and errors as one."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from plangen.build import forked
from plangen.build.forked import Share, WorkerLost, interleaved
from plangen.build.pipeline import gated
from plangen.errors import UserError
from plangen.plan.datafiles import load_bundle

pytestmark = pytest.mark.skipif(not forked.can_fork(), reason="no fork here")
ROOT = Path(__file__).resolve().parents[1]


Make = Callable[[Share | None], Iterator[tuple[int, int]]]


def numbers(count: int, fail_at: int | None = None, die_at: int | None = None) -> Make:
    """``make`` for ``interleaved``: the items 0…count-1, each tagged with its process."""
    def make(share: Share | None) -> Iterator[tuple[int, int]]:
        for i in range(count):
            if share is not None and i % share[1] != share[0]:
                continue
            if i == fail_at:
                raise UserError([f"tài liệu {i} hỏng", "dòng thứ hai"])
            if i == die_at and share is not None and share[0] != 0:  # in a worker only
                os.kill(os.getpid(), signal.SIGKILL)
            yield i, os.getpid()
    return make


@pytest.mark.parametrize("workers", [1, 2, 3, 5])
@pytest.mark.parametrize("count", [0, 1, 2, 7, 12])
def test_items_come_in_their_order_whatever_the_workers(workers: int, count: int) -> None:
    items = list(interleaved(numbers(count), workers))
    assert [i for i, _pid in items] == list(range(count))
    if workers > 1 and count > 1:
        assert len({pid for _i, pid in items}) == min(workers, count)  # really shared


def test_an_error_is_raised_at_its_item_whole() -> None:
    seen = []
    with pytest.raises(UserError) as failed:
        for i, _pid in interleaved(numbers(9, fail_at=5), 3):  # item 5 is a worker's
            seen.append(i)
    assert seen == [0, 1, 2, 3, 4]
    assert failed.value.lines == ["tài liệu 5 hỏng", "dòng thứ hai"]


def test_a_killed_worker_is_an_error_not_a_short_build() -> None:
    assert forked.can_fork()  # else nothing would be killed
    with pytest.raises(WorkerLost):
        list(interleaved(numbers(9, die_at=5), 2))  # item 5 is the worker's


def test_no_worker_is_left_when_the_caller_stops_early() -> None:
    items = interleaved(numbers(1000), 3)
    assert next(items)[0] == 0
    items.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every child was waited for


def test_the_seed_plan_gives_the_same_bytes_from_one_process_or_three() -> None:
    bundle = load_bundle(ROOT / "plans" / "cchc-2023-2025.yaml")
    alone = [(r.file_name, r.meta, data) for r, data in gated(bundle, workers=1)]
    shared = [(r.file_name, r.meta, data) for r, data in gated(bundle, workers=3)]
    assert shared == alone
    assert len(alone) == 14
