"""One plan's documents made by several processes at once, given back in their order.

Why: each document is rendered and gated on its own, in pure Python, so a build uses one
core however many the machine has. A forked process starts with everything its parent
has loaded (modules, the plan, its data), so it costs a few milliseconds, not a second
start-up; each makes every n-th document and sends it back through a pipe, and the parent
takes them in turn, so the caller sees the same documents in the same order as from one
process, and the same errors at the same place.

Where there is no ``fork`` (Windows), or where this process runs other threads (the
preview server: a thread could hold a lock the copy would wait for forever), the documents
are made in this process.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, TypeVar, cast

Item = TypeVar("Item")
Share = tuple[int, int]
"""``(k, n)``: the ``k``-th of ``n`` processes, which makes items ``k``, ``k + n``, …"""
_ITEM, _END, _FAILED = "item", "end", "failed"
_DONE = object()  # what ``next`` gives back when a share has no item left


class WorkerLost(Exception):
    """A worker process ended without finishing its share (killed, or out of memory)."""


def can_fork() -> bool:
    """True where worker processes can start from a copy of this one: the system has
    ``fork`` and this process has no other thread."""
    return hasattr(os, "fork") and threading.active_count() == 1


def interleaved(make: Callable[[Share | None], Iterator[Item]], workers: int
                ) -> Iterator[Item]:
    """The items of ``make((0, n))`` … ``make((n - 1, n))``, item ``i`` from share
    ``i % n``: the order ``make(None)`` gives them in. Share 0 is made here, each other
    share in a forked process. An error raised while making an item is raised here when
    that item's turn comes."""
    if workers < 2 or not can_fork():
        yield from make(None)
        return
    # What is loaded is frozen, not collected (a full collection took 25 ms): no process
    # then walks it again, so the children do not touch (and so copy) its pages.
    gc.freeze()
    children: list[tuple[int, BinaryIO]] = []
    finished = False
    try:
        for k in range(1, workers):
            children.append(_start(make, (k, workers)))
        gc.unfreeze()
        shares = [make((0, workers)), *(_received(stream) for _pid, stream in children)]
        while True:
            for k, share in enumerate(shares):
                item = next(share, _DONE)
                if item is _DONE:
                    _check_done(shares[k + 1:] + shares[:k])
                    finished = True
                    return
                yield cast(Item, item)
    finally:
        gc.unfreeze()
        _stop(children, finished)


def _start(make: Callable[[Share | None], Iterator[Any]], share: Share) -> tuple[int, BinaryIO]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: make its share, send it, and end without running any cleanup
        os.close(read_end)
        _serve(make, share, write_end)
    os.close(write_end)
    return pid, os.fdopen(read_end, "rb")


def _serve(make: Callable[[Share | None], Iterator[Any]], share: Share, fd: int) -> None:
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
        with os.fdopen(fd, "wb") as out:
            try:
                for item in make(share):
                    _send(out, (_ITEM, item))
                _send(out, (_END, None))
            except BaseException as err:  # every failure goes to the parent
                _send(out, (_FAILED, _portable(err)))
        code = 0
    finally:
        os._exit(code)


def _send(out: BinaryIO, message: tuple[str, Any]) -> None:
    pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()


def _portable(err: BaseException) -> BaseException:
    """``err`` if it survives pickling (plangen's own errors do), else a RuntimeError that
    carries its traceback, so that a bug in a worker is still shown as a bug."""
    try:
        pickle.loads(pickle.dumps(err))
        return err
    except Exception:  # any exception may fail to pickle in its own way
        return RuntimeError("".join(traceback.format_exception(err)))


def _received(stream: BinaryIO) -> Iterator[Any]:
    while True:
        try:
            kind, value = pickle.load(stream)
        except EOFError:
            raise WorkerLost("a worker process of the build stopped before its end") from None
        if kind == _END:
            return
        if kind == _FAILED:
            raise value
        yield value


def _check_done(others: list[Iterator[Any]]) -> None:
    """When one share has ended, every other has given all its items too: shares take
    turns, so a share with an item left would hold one from after the end."""
    for share in others:
        if next(share, _DONE) is not _DONE:
            raise RuntimeError("the build's worker processes disagree on the documents")


def _stop(children: list[tuple[int, BinaryIO]], finished: bool) -> None:
    """Close each pipe and wait for each child; first end the children of a build that
    stopped early (an error, Ctrl+C, or a caller that took no more), which may still be
    working."""
    for pid, stream in children:
        stream.close()
        if not finished:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
