"""Several processes make one plan's documents: the same items, order and errors as one."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from plangen.errors import UserError
from plangen.pipeline import forked
from plangen.pipeline.forked import Make, Wants, WorkerLost, in_order
from plangen.pipeline.run import gated
from plangen.plan.datafiles import load_bundle

pytestmark = pytest.mark.skipif(not forked.can_fork(), reason="no fork here")
ROOT = Path(__file__).resolve().parents[2]


def numbers(count: int, fail_at: int | None = None, die_at: int | None = None,
            slow_at: int | None = None) -> Make[tuple[int, int]]:
    """``make`` for ``in_order``: the items 0…count-1, each tagged with its process."""
    def make(wants: Wants | None) -> Iterator[tuple[int, int]]:
        for i in range(count):
            if wants is not None and not wants(i):
                continue
            if i == fail_at:
                raise UserError([f"tài liệu {i} hỏng", "dòng thứ hai"])
            if i == die_at and wants is not None:  # in a worker only
                os.kill(os.getpid(), signal.SIGKILL)
            if i == slow_at:
                time.sleep(0.5)
            yield i, os.getpid()
    return make


@pytest.mark.parametrize("workers", [1, 2, 3, 5])
@pytest.mark.parametrize("count", [0, 1, 2, 7, 12, forked.WINDOW * 3 + 1])
def test_items_come_in_their_order_whatever_the_workers(workers: int, count: int) -> None:
    items = list(in_order(numbers(count), workers))
    assert [i for i, _pid in items] == list(range(count))
    if workers > 1:
        assert os.getpid() not in {pid for _i, pid in items}  # made by the workers


def test_a_long_item_does_not_hold_the_others_back() -> None:
    """While one worker spends half a second on item 0, the other makes all the rest."""
    items = list(in_order(numbers(20, slow_at=0), 2))
    assert [i for i, _pid in items] == list(range(20))
    first = items[0][1]
    assert {pid for _i, pid in items[1:]} == {pid for _i, pid in items} - {first}


def test_an_error_is_raised_at_its_item_whole() -> None:
    seen = []
    with pytest.raises(UserError) as failed:
        for i, _pid in in_order(numbers(9, fail_at=5), 3):
            seen.append(i)
    assert seen == [0, 1, 2, 3, 4]
    assert failed.value.lines == ["tài liệu 5 hỏng", "dòng thứ hai"]


def test_a_killed_worker_is_an_error_not_a_short_build() -> None:
    assert forked.can_fork()  # else nothing would be killed
    with pytest.raises(WorkerLost):
        list(in_order(numbers(9, die_at=5), 2))


def test_no_worker_is_left_when_the_caller_stops_early() -> None:
    items = in_order(numbers(1000), 3)
    assert next(items)[0] == 0
    items.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every child was waited for


def test_the_seed_plan_gives_the_same_bytes_from_one_process_or_three() -> None:
    bundle = load_bundle(ROOT / "plans" / "cchc-2023-2025.yaml")
    alone = [(r.file_name, r.meta, data) for r, data in gated(bundle, workers=1)]
    shared = [(r.file_name, r.meta, data) for r, data in gated(bundle, workers=3)]
    assert shared == alone
    assert len(alone) == len({name for name, _meta, _data in alone}) > 3


def test_an_error_before_any_item_is_raised() -> None:
    def make(wants: Wants | None) -> Iterator[int]:
        raise UserError(["không đọc được dữ liệu"])
        yield 0  # a generator, as the build's

    with pytest.raises(UserError) as failed:
        list(in_order(make, 2))
    assert failed.value.lines == ["không đọc được dữ liệu"]


def test_no_more_workers_than_the_cores_or_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    assert forked.default_workers() == forked.MAX_WORKERS
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert forked.default_workers() == 1
