"""The font of the attachment's signing text: Times New Roman when the machine has it,
else Liberation Serif, which has Times New Roman's metrics (NĐ30 asks for Times New Roman
10 pt; Debian ships Liberation Serif in fonts-liberation2, Windows ships times.ttf).

The font is embedded (a subset) in the signature's appearance, so the text shows the same
on any reader.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

TIMES_FILES = ("times.ttf", "Times New Roman.ttf", "Times_New_Roman.ttf", "TimesNewRoman.ttf")
LIBERATION_FILE = "LiberationSerif-Regular.ttf"
SYSTEM_FOLDERS = (
    "/usr/share/fonts/truetype/msttcorefonts", "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/liberation", "/usr/share/fonts/liberation-serif",
    "/Library/Fonts", "/System/Library/Fonts/Supplemental",
)


@dataclass(frozen=True)
class Font:
    path: Path
    name: str

    @property
    def is_times(self) -> bool:
        return self.name == "Times New Roman"


def folders() -> list[Path]:
    """Where fonts are looked for: ``PLANGEN_FONTS`` (folders, separated as in PATH), the
    user's and the system's font folders."""
    chosen = [Path(p) for p in os.environ.get("PLANGEN_FONTS", "").split(os.pathsep) if p]
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR", r"C:\Windows")
        local = os.environ.get("LOCALAPPDATA")
        chosen.append(Path(windir, "Fonts"))
        if local:
            chosen.append(Path(local, "Microsoft", "Windows", "Fonts"))
    return [*chosen, Path.home() / ".fonts", *map(Path, SYSTEM_FOLDERS)]


def serif_font() -> Font | None:
    """Times New Roman, else Liberation Serif; ``None`` when neither is installed."""
    choices = ((TIMES_FILES, "Times New Roman"), ((LIBERATION_FILE,), "Liberation Serif"))
    for wanted, name in choices:
        for folder in folders():
            for file_name in wanted:
                if (folder / file_name).is_file():
                    return Font(folder / file_name, name)
    return _fontconfig_match()


def _fontconfig_match() -> Font | None:
    """What fontconfig gives for Times New Roman, when it is one of the two fonts."""
    program = shutil.which("fc-match")
    if program is None:
        return None
    done = subprocess.run([program, "-f", "%{file}\n%{family}", "Times New Roman"],
                          capture_output=True, text=True, check=False, timeout=30)
    path, _, family = done.stdout.partition("\n")
    for name in ("Times New Roman", "Liberation Serif"):
        if name in family and Path(path).is_file():
            return Font(Path(path), name)
    return None
