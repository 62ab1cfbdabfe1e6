"""What the preview shows and how its builds go (plangen.serve.preview), driven directly
in an event loop: the last good documents kept beside a broken plan's errors, the
document a page looks at made first, a build ended by a newer save, and the end."""

from __future__ import annotations

import asyncio
import os
import shutil
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from conftest import MINIMAL_PLAN
from plangen.serve.preview import Preview
from serving import NoOffice, grow, seed_copy


def builders() -> list[int]:
    """The build processes this test process started and that still run."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat[1]) == os.getpid() and stat[0] != "Z" \
                and b"plangen.serve.builder" in command:
            found.append(int(entry.name))
    return found


async def until(test: Callable[[], bool], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not test():
        assert time.monotonic() < deadline, "never so"
        await asyncio.sleep(0.01)


def run(scenario: Callable[[Preview], Awaitable[None]], plan: Path) -> Preview:
    preview = Preview(plan, "en", office=NoOffice())

    async def main() -> None:
        try:
            await scenario(preview)
        finally:
            await preview.stopped()

    asyncio.run(main())
    preview.close()
    assert not preview.folder.exists()
    return preview


def test_a_broken_plan_keeps_the_last_documents_and_quotes_the_line(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(MINIMAL_PLAN, plan)

    async def scenario(preview: Preview) -> None:
        await preview.rebuild()
        good = preview.snapshot
        assert {d.state for d in good.documents} == {"clean"} and good.errors == []
        plan.write_text(plan.read_text(encoding="utf-8").replace("trich_yeu:", "trich_yue:"),
                        encoding="utf-8")
        await preview.rebuild()
        broken = preview.snapshot
        assert broken.version == good.version + 1
        assert broken.documents is good.documents
        assert good.documents[0].docx is not None and good.documents[0].docx.is_file()
        assert broken.errors[2:4] == [
            f"{plan}:9:1: trich_yue: unknown key \"trich_yue\"; did you mean \"trich_yeu\"?",
            "    9 | trich_yue: Tổ chức hội thi {{ campaign.name }} năm {{ campaign.start.year }}"]
        assert preview.sources.loading  # a new file may be what it waits for

    run(scenario, plan)


@pytest.fixture(scope="module")
def large_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed plan with 300 more registrations: a build of some seconds."""
    folder = tmp_path_factory.mktemp("large")
    plan = seed_copy(folder / "work")
    grow(plan, 300, folder / "grown")
    return plan


async def listed(preview: Preview) -> asyncio.Task[None]:
    """A build started, once it has listed the documents (and is making them)."""
    build = preview.rebuild()
    await until(lambda: bool(preview.snapshot.documents))
    return build


def test_the_document_a_page_looks_at_is_made_next(large_plan: Path) -> None:
    async def scenario(preview: Preview) -> None:
        build = await listed(preview)
        wanted = preview.snapshot.find("bao-cao-tong-ket.docx")
        assert wanted is not None and wanted.state == "pending"
        preview.look_at("bao-cao-tong-ket.docx")
        await until(lambda: wanted.state != "pending")
        pending = [d for d in preview.snapshot.documents if d.state == "pending"]
        assert len(pending) > 200  # the forms before it in the list are still to come
        await build
        assert {d.state for d in preview.snapshot.documents} == {"clean"}

    run(scenario, large_plan)


def test_a_newer_save_ends_the_build_in_progress(large_plan: Path) -> None:
    async def scenario(preview: Preview) -> None:
        first = await listed(preview)
        running = builders()
        assert len(running) == 2  # the build, and the next one's process, ready
        await preview.rebuild()
        assert first.cancelled()
        assert not set(running) & set(builders())  # one killed, the other one used
        assert preview.snapshot.version == 2 and not preview.snapshot.building
        assert sorted(f.name for f in preview.folder.iterdir()) == ["1", "2"]  # shown, before

    run(scenario, large_plan)


def test_stopping_ends_every_build_at_once(large_plan: Path) -> None:
    async def scenario(preview: Preview) -> None:
        build = await listed(preview)
        started = time.monotonic()
        await preview.stopped()
        assert time.monotonic() - started < 1
        assert build.cancelled() or build.done()
        assert builders() == []

    run(scenario, large_plan)
