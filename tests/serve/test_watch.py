"""Which saves rebuild the preview (plangen.serve.watch): the plan's own sources, judged
relative to the plan's folder, and nothing else. Unit tests of the filter, then the
preview run as a process, seen from a real browser."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from watchfiles import Change

from plangen.serve.watch import Sources
from serving import (
    built,
    chromium,
    needs,
    open_page,
    pages_loaded,
    seed_copy,
    serving,
    state,
    wait_for,
)

SETTLE_SECONDS = 3.0  # longer than the watcher's quiet time, its debounce and a build


def sources_of(plan: Path) -> Sources:
    sources = Sources(plan, plan.parent.parent / "templates")
    data = plan.parent / plan.stem
    sources.read([str(data / "dang-ky.yaml"), str(data / "ket-qua.yaml"),
                  str(plan.parent.parent / "templates" / "phieu-dang-ky.docx")])
    return sources


def test_only_the_plan_its_data_and_its_templates_count(tmp_path: Path) -> None:
    plan = seed_copy(tmp_path / "output" / ".cache" / "work")  # folders that once hid it
    sources = sources_of(plan)
    data = plan.parent / plan.stem
    for counted in (plan, data / "dang-ky.yaml", data / ".." / plan.stem / "ket-qua.yaml",
                    plan.parent.parent / "templates" / "phieu-dang-ky.docx"):
        assert sources(Change.modified, str(counted)), counted
        assert sources(Change.added, str(counted)), counted  # saved by renaming over it
    for ignored in (plan.parent / "so-noi-vu-thi-dua-2025.yaml",  # another plan
                    plan.parent / "chi-so-cchc-2025" / "nhiem-vu.csv",  # its data
                    plan.parent / "output" / "ke-hoach.docx",
                    plan.parent.parent / "templates" / "other.docx",
                    data / ".dang-ky.yaml.swp", data / "~$ket-qua.yaml"):
        assert not sources(Change.modified, str(ignored)), ignored
        assert not sources(Change.added, str(ignored)), ignored


def test_a_plan_that_does_not_load_waits_for_new_files_too(tmp_path: Path) -> None:
    """It may name a data file that is not there yet: a new one rebuilds it."""
    plan = seed_copy(tmp_path / "work")
    sources = sources_of(plan)
    sources.failed()
    new = plan.parent / plan.stem / "dang-ky-2.yaml"
    assert sources(Change.added, str(new))
    assert not sources(Change.modified, str(plan.parent / "so-noi-vu-thi-dua-2025.yaml"))
    assert not sources(Change.added, str(plan.parent / ".hidden" / "x.yaml"))
    assert not sources(Change.added, str(plan.parent / "notes.txt"))
    sources.read([])
    assert not sources(Change.added, str(new))


@needs("office", "chromium")
def test_a_plan_anywhere_refreshes_and_other_plans_do_not_rebuild_it(tmp_path: Path) -> None:
    """A plan under a folder called ``output`` and a dot-folder refreshes on each save;
    saving another plan of its folder (or its data) does not rebuild it; its data files
    and templates do, saved in place or by renaming a new file over them (vim, gedit)."""
    plan = seed_copy(tmp_path / "output" / ".drafts")
    with serving(plan, tmp_path) as served, chromium() as browser:
        page = open_page(browser, served.url)
        pages_loaded(page)
        version = built(served.port, 0)["version"]

        def saved(path: Path, by_rename: bool = False) -> None:
            data = path.read_bytes() + (b"\n" if path.suffix != ".docx" else b"")
            if by_rename:
                fresh = path.with_name(f".{path.name}.tmp")
                fresh.write_bytes(data)
                os.replace(fresh, path)
            else:
                path.write_bytes(data)

        for other in (plan.parent / "so-noi-vu-thi-dua-2025.yaml",
                      plan.parent / "chi-so-cchc-2025" / "nhiem-vu.csv"):
            saved(other)
            saved(other, by_rename=True)
        time.sleep(SETTLE_SECONDS)
        assert state(served.port)["version"] == version  # nothing was rebuilt

        for source, by_rename in ((plan, False), (plan, True),
                                  (plan.parent / plan.stem / "dang-ky-bieu-mau.csv", False),
                                  (plan.parent.parent / "templates" / "phieu-dang-ky.docx",
                                   True)):
            saved(source, by_rename)
            now = wait_for(served.port, lambda s, v=version: s["version"] > v
                           and not s["building"])
            assert now["version"] == version + 1, source
            version = now["version"]
            page.wait_for_function(f"() => Number(document.body.dataset.version) >= {version}")
        assert page.errors == []


@needs("office")
def test_a_burst_of_saves_builds_once(tmp_path: Path) -> None:
    plan = seed_copy(tmp_path / "work")
    with serving(plan, tmp_path) as served:
        first = built(served.port, 0)
        text = plan.read_text(encoding="utf-8")
        for i in range(5):  # five saves inside the debounce window
            plan.write_text(text.replace("Ban Giám hiệu", f"Ban Giám hiệu{' ' * i}"),
                            encoding="utf-8")
            time.sleep(0.02)
        after = built(served.port, first["version"])
        time.sleep(SETTLE_SECONDS)  # had the burst built twice, a second build came now
        assert state(served.port)["version"] == after["version"] == first["version"] + 1


def test_a_missing_data_file_rebuilds_once_it_is_there(tmp_path: Path) -> None:
    plan = seed_copy(tmp_path / "work")
    data = plan.parent / plan.stem / "dang-ky.yaml"
    kept = tmp_path / "dang-ky.yaml"
    shutil.move(data, kept)
    with serving(plan, tmp_path) as served:
        broken = wait_for(served.port, lambda s: s["errors"])
        assert "dang-ky.yaml" in broken["errors"][0]
        shutil.copy(kept, data)
        fixed = wait_for(served.port, lambda s: s["version"] > broken["version"]
                         and not s["building"])
        assert fixed["errors"] == [] and fixed["documents"]
