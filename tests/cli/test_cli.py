"""The command line: what it prints, what it writes, its exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_PLAN, ROOT, SEED_PLAN
from plangen.cli import main


def test_build_writes_the_plan_into_its_own_folder(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(SEED_PLAN), "-o", str(tmp_path)]) == 0
    folder = tmp_path / "cchc-2023-2025"
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"đã ghi {folder / 'ke-hoach.docx'}"
    assert sorted(out) == sorted(f"đã ghi {path}" for path in folder.rglob("*.docx"))


def test_build_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--lang", "en", str(MINIMAL_PLAN), "-o", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"wrote {tmp_path / 'minimal' / 'ke-hoach.docx'}",
        f"wrote {tmp_path / 'minimal' / 'phieu-dang-ky' / 'mau-trong.docx'}"]


def test_validate_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["validate", str(SEED_PLAN)]) == 0
    assert capsys.readouterr().out == f"{SEED_PLAN}: hợp lệ\n"
    assert list(tmp_path.iterdir()) == []


def test_missing_file_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "no-such-plan.yaml"]) == 1
    assert capsys.readouterr().err == "no-such-plan.yaml: không tìm thấy tệp\n1 lỗi\n"


def test_a_folder_given_as_the_plan_is_named_a_folder(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"{tmp_path}: đây là một thư mục, không phải tệp kế hoạch; ghi đường dẫn tới tệp .yaml "
        "(ví dụ plans/ke-hoach.yaml)\n1 lỗi\n")
    assert main(["build", "--lang", "en", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"{tmp_path}: this is a folder, not a plan file; give the path of a .yaml file "
        "(e.g. plans/ke-hoach.yaml)\n1 problem(s); nothing was written\n")


@pytest.mark.parametrize("jobs", ["0", "-2"])
def test_jobs_below_one_are_refused(jobs: str, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(MINIMAL_PLAN), "--jobs", jobs, "-o", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"--jobs phải từ 1 trở lên (nhận được {jobs})\n"
    assert list(tmp_path.iterdir()) == []


def test_unwritable_output_is_a_user_error(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["build", str(MINIMAL_PLAN), "-o", str(blocker)]) == 1
    assert capsys.readouterr().err.startswith(f"{MINIMAL_PLAN}: không ghi được ")


@pytest.mark.parametrize("argv", [[], ["build"], ["frobnicate"], ["validate", "--lang", "fr", "x"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    assert "cách dùng: plangen" in capsys.readouterr().err


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    bad = ROOT / "tests" / "bad" / "misspelt-key.yaml"
    done = subprocess.run([sys.executable, "-m", "plangen", "validate", str(bad)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "trich_yue" in done.stderr


def test_a_closed_pipe_ends_quietly() -> None:
    """`plangen schema | head`: the reader goes away, plangen stops without a traceback."""
    with subprocess.Popen([sys.executable, "-m", "plangen", "schema"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as reader:
        assert reader.stdout is not None and reader.stderr is not None
        reader.stdout.close()
        assert reader.wait(timeout=60) == 1
        assert reader.stderr.read() == b""


def test_files_get_the_mode_the_umask_gives(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        assert main(["init", str(tmp_path / "ke-hoach.yaml")]) == 0
        assert main(["build", str(tmp_path / "ke-hoach.yaml"), "-o", str(tmp_path / "out")]) == 0
    finally:
        os.umask(old)
    made = [tmp_path / "ke-hoach.yaml", tmp_path / "plan.schema.json",
            tmp_path / "out" / "ke-hoach" / "ke-hoach.docx"]
    assert {oct(p.stat().st_mode & 0o777) for p in made} == {oct(0o640)}


def test_a_progress_line_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from plangen.cli.build import progress_line

    assert progress_line(Path("ke-hoach.yaml")) is None  # stderr is captured, not a terminal
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    show = progress_line(Path("ke-hoach.yaml"))
    assert show is not None
    show(10)  # a short build shows nothing
    show(60)
    show(-1)
    assert capsys.readouterr().err == "\rke-hoach.yaml: 60 …\r\033[K"
