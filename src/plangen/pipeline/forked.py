"""One plan's documents made by several processes at once, given back in their order.

Why: each document is rendered and gated on its own, in pure Python, so a build uses one
core however many the machine has. A forked process starts with everything its parent
has loaded (modules, the plan, its data), so it costs a few milliseconds, not a second
start-up. Each worker takes the next document nobody has taken yet (a number read from a
shared pipe), so a long Kế hoạch in one worker does not leave the other idle; the parent
puts what they send back in order, so the caller sees the same documents in the same
order as from one process, and the same errors at the same place.

Where there is no ``fork`` (Windows), or where this process runs other threads (the
preview server: a thread could hold a lock the copy would wait for forever), the documents
are made in this process.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import select
import signal
import struct
import threading
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

Item = TypeVar("Item")
Wants = Callable[[int], bool]
"""Asked for each place of the build's order, from 0: does this process make it?"""
Make = Callable[[Wants | None], Iterator[Item]]
"""The items of the places ``wants`` takes, in order (every place when None)."""

WINDOW = 64  # places handed out beyond the one the caller waits for: bounds what is held
_TOKEN = struct.Struct("<I")
_LENGTH = struct.Struct("<Q")
_ITEM, _END, _FAILED = "item", "end", "failed"


class WorkerLost(Exception):
    """A worker process ended without finishing its work (killed, or out of memory)."""


MAX_WORKERS = 8  # a plan of a few documents on a large server: no more forks than that


def default_workers() -> int:
    """One worker per core, at most :data:`MAX_WORKERS`."""
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def can_fork() -> bool:
    """True where worker processes can start from a copy of this one: the system has
    ``fork`` and this process has no other thread."""
    return hasattr(os, "fork") and threading.active_count() == 1


def in_order(make: Make[Item], workers: int) -> Iterator[Item]:
    """The items ``make(None)`` gives, in that order, made by ``workers`` forked processes
    (here, when there cannot be several). An error raised while making an item is raised
    here when that item's turn comes."""
    if workers < 2 or not can_fork():
        yield from make(None)
        return
    pool = _Pool()
    try:
        # What is loaded is frozen, not collected (a full collection took 25 ms): no
        # process walks it again, so the workers do not touch (and so copy) its pages.
        gc.freeze()
        for _ in range(workers):
            pool.start(make)
        gc.unfreeze()
        pool.hand_out(WINDOW)
        yield from pool.results()
    finally:
        gc.unfreeze()
        pool.stop()


@dataclass
class _Worker:
    pid: int
    fd: int  # the read end of its results
    received: bytearray = field(default_factory=bytearray)
    ended: bool = False


@dataclass
class _Pool:
    """The workers, the pipe they take places from, and what they sent back."""

    workers: list[_Worker] = field(default_factory=list)
    tokens: tuple[int, int] = field(default_factory=os.pipe)  # read end, write end
    handed: int = 0  # places handed out so far
    closed: bool = False  # no more places: the last one has been passed
    finished: bool = False

    def start(self, make: Make[Any]) -> None:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: make what it takes, send it, end without any cleanup
            os.close(read_end)
            os.close(self.tokens[1])
            for other in self.workers:
                os.close(other.fd)
            _serve(make, self.tokens[0], write_end)
        os.close(write_end)
        self.workers.append(_Worker(pid, read_end))

    def hand_out(self, count: int) -> None:
        """Let the workers take ``count`` more places."""
        if self.closed:
            return
        os.write(self.tokens[1], b"".join(_TOKEN.pack(self.handed + i) for i in range(count)))
        self.handed += count

    def results(self) -> Iterator[Any]:
        waiting: dict[int, tuple[str, Any]] = {}
        place = 0
        while True:
            if place in waiting:
                kind, value = waiting.pop(place)
                if kind == _FAILED:
                    raise value
                yield value
                place += 1
                self.hand_out(1)
                continue
            if all(worker.ended for worker in self.workers):
                if waiting:
                    raise RuntimeError("the build's workers skipped a document")
                self.finished = True
                return
            for worker in self._ready():
                for kind, at, value in self._messages(worker):
                    if kind == _ITEM:
                        waiting[at] = (kind, value)
                        continue
                    worker.ended = True
                    if kind == _END:
                        self._close_tokens()  # it took a place past the last one
                    elif at < 0:  # failed before taking a place: no turn to wait for
                        raise value
                    else:
                        waiting[at] = (kind, value)

    def _ready(self) -> list[_Worker]:
        live = {worker.fd: worker for worker in self.workers if not worker.ended}
        readable, _, _ = select.select(list(live), [], [])
        return [live[fd] for fd in readable]

    def _messages(self, worker: _Worker) -> list[tuple[str, int, Any]]:
        chunk = os.read(worker.fd, 1 << 20)
        if not chunk:
            raise WorkerLost("a worker process of the build stopped before its end")
        worker.received += chunk
        out = []
        while len(worker.received) >= _LENGTH.size:
            (size,) = _LENGTH.unpack_from(worker.received)
            if len(worker.received) < _LENGTH.size + size:
                break
            out.append(pickle.loads(worker.received[_LENGTH.size:_LENGTH.size + size]))
            del worker.received[:_LENGTH.size + size]
        return out

    def _close_tokens(self) -> None:
        if not self.closed:
            self.closed = True
            os.close(self.tokens[1])

    def stop(self) -> None:
        """Close the pipes and wait for each worker; first end the workers of a build
        that stopped early (an error, Ctrl+C, or a caller that took no more)."""
        self._close_tokens()
        os.close(self.tokens[0])
        for worker in self.workers:
            os.close(worker.fd)
            if not self.finished:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(worker.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(worker.pid, 0)


@dataclass
class _Claims:
    """A worker's places: each taken from the shared pipe when the last one is made."""

    fd: int
    next_place: int | None = None  # taken, not reached yet
    taken: list[int] = field(default_factory=list)  # reached, not sent yet

    def wants(self, place: int) -> bool:
        if self.next_place is None:
            token = os.read(self.fd, _TOKEN.size)
            self.next_place = _TOKEN.unpack(token)[0] if token else 1 << 62
        if place != self.next_place:
            return False
        self.next_place = None
        self.taken.append(place)
        return True


def _serve(make: Make[Any], tokens: int, fd: int) -> None:
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
        claims = _Claims(tokens)
        try:
            for item in make(claims.wants):
                _send(fd, (_ITEM, claims.taken.pop(0), item))
            _send(fd, (_END, -1, None))
        except BaseException as err:  # every failure goes to the parent, at its place
            place = claims.taken[0] if claims.taken else -1
            _send(fd, (_FAILED, place, _portable(err)))
        code = 0
    finally:
        os._exit(code)


def _send(fd: int, message: tuple[str, int, Any]) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_LENGTH.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _portable(err: BaseException) -> BaseException:
    """``err`` if it survives pickling (plangen's own errors do), else a RuntimeError that
    carries its traceback, so that a bug in a worker is still shown as a bug."""
    try:
        pickle.loads(pickle.dumps(err))
        return err
    except Exception:  # any exception may fail to pickle in its own way
        return RuntimeError("".join(traceback.format_exception(err)))
