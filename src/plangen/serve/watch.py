"""Which saves rebuild the preview: those of the plan's own sources, nothing else.

Why: a folder of plans holds other plans, their outputs, editors' backups; rebuilding on
each of their saves wastes seconds and, worse, was the only sign a văn thư had of a
"refresh" that showed nothing new. The sources are the files the last build read (see
:class:`plangen.serve.builder.Reads`): the plan, its data files and the templates its
documents use. A change counts when the changed file, taken relative to the plan's folder
(or the templates' folder), is one of them: the folders above it, named ``output`` or
starting with a dot, do not matter.

While the plan does not load, what it will read is not known (a data file it names may
not exist yet): a new plan, data or template file in those folders rebuilds it too.
"""

from __future__ import annotations

from pathlib import Path

from watchfiles import Change

SOURCE_SUFFIXES = (".yaml", ".yml", ".csv", ".docx")


class Sources:
    """The files whose change rebuilds the preview; a ``watch_filter`` for watchfiles."""

    def __init__(self, plan_file: Path, templates: Path) -> None:
        self.plan_file = plan_file.resolve()
        self.folders = [self.plan_file.parent]
        if templates.is_dir() and not templates.resolve().is_relative_to(self.folders[0]):
            self.folders.append(templates.resolve())  # watched (recursively) once
        self.files: frozenset[Path] = frozenset({self.plan_file})
        self.loading = True  # no build has said what it reads yet

    def read(self, sources: list[str]) -> None:
        """What the last build read: from now on, those files only."""
        self.files = frozenset({self.plan_file, *(Path(s) for s in sources)})
        self.loading = False

    def failed(self) -> None:
        """The last build could not load the plan: a new file may be what it waits for."""
        self.loading = True

    def __call__(self, change: Change, path: str) -> bool:
        changed = Path(path).resolve()
        if changed in self.files:
            return True
        return self.loading and change == Change.added and self._could_be_source(changed)

    def _could_be_source(self, changed: Path) -> bool:
        """A plan, data or template file in one of the folders, not hidden, not a
        backup, not in a hidden folder below the folder (judged below it only)."""
        if changed.suffix.lower() not in SOURCE_SUFFIXES:
            return False
        for folder in self.folders:
            if changed.is_relative_to(folder):
                parts = changed.relative_to(folder).parts
                return not any(part.startswith((".", "~$")) for part in parts)
        return False
