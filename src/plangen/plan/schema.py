"""The JSON Schema of plan files, and the starter plan ``plangen init`` writes.

Why: editors (VS Code with the YAML extension) read the schema named on a plan's first
line, ``# yaml-language-server: $schema=plan.schema.json``, and then complete keys and
show each field's Vietnamese description while the admin types.
"""

from __future__ import annotations

import json
from importlib import resources

from plangen.plan.model import Plan

SCHEMA_FILE = "plan.schema.json"  # named on each plan's first line for editors


def plan_schema() -> str:
    """The JSON Schema of a plan file, as text."""
    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2)


def starter_plan() -> str:
    """A commented plan that validates and builds, to start from."""
    return resources.files("plangen").joinpath("data/starter.yaml").read_text("utf-8")
