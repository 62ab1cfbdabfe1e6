"""``python -m plangen`` runs the command line."""

from plangen.cli import entry

entry()
