"""The JSON Schema of plan files, and the starter plan ``plangen init`` writes.

Why: editors (VS Code with the YAML extension) read the schema named on a plan's first
line, ``# yaml-language-server: $schema=plan.schema.json``, and then complete keys and
show each field's Vietnamese description while the admin types.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import json
import sys
from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel

from plangen.plan.model import ENTRY_MODELS, Plan, StrictModel

SCHEMA_FILE = "plan.schema.json"  # named on each plan's first line for editors


def plan_schema() -> str:
    """The JSON Schema of a plan file, as text."""
    import plangen.kinds  # noqa: F401  (the registry makes the plan's union of documents)

    schema = Plan.model_json_schema()
    models = {model.__name__: model for model in _subclasses(StrictModel)}
    _describe_fields(schema, Plan)
    for name, definition in schema.get("$defs", {}).items():
        if name in models:
            _describe_fields(definition, models[name])
    _top_level_document(schema)
    _numbers_as_text(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2)


def _top_level_document(schema: dict[str, Any]) -> None:
    """The keys of a document written at the file's top level (as plans written before
    every document was listed in ``van_ban`` do): any document's fields, ``kind`` one of
    the registered kinds (``plan.load.list_documents`` reads them)."""
    properties = schema["properties"]
    definitions = schema.get("$defs", {})
    for model in dict.fromkeys(ENTRY_MODELS.values()):
        for key, field in definitions[model.__name__]["properties"].items():
            if key not in properties and key not in ("kind", "key"):
                properties[key] = field
    properties["kind"] = {
        "description": "Loại của văn bản ghi ở cấp ngoài cùng của tệp (mặc định KH: Kế hoạch).",
        "enum": list(ENTRY_MODELS), "default": "KH"}
    schema["properties"] = dict(sorted(properties.items()))


def _numbers_as_text(node: Any) -> None:
    """A text field accepts a number, as the reader does (``coerce_numbers_to_str``): a
    table row written ``- [1, Rà soát thủ tục, …]`` is not underlined in the editor. Text
    with a pattern or a format (an abbreviation, a date) stays text only."""
    if isinstance(node, list):
        for item in node:
            _numbers_as_text(item)
        return
    if not isinstance(node, dict):
        return
    if node.get("type") == "string" and not {"pattern", "format", "enum", "const"} & set(node):
        node["type"] = ["string", "number"]
    for key, value in node.items():
        if key != "propertyNames":
            _numbers_as_text(value)


def _subclasses(model: type[StrictModel]) -> list[type[StrictModel]]:
    found = []
    for sub in model.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def _describe_fields(definition: dict[str, Any], model: type[BaseModel]) -> None:
    """Each field's docstring as its description, keys sorted as pydantic sorts them.

    Why here and not pydantic's ``use_attribute_docstrings``: that reads every model's
    source when the model is defined, which made up a quarter of every command's start-up;
    only this schema needs the docstrings."""
    properties = definition.get("properties", {})
    for name, doc in _field_docs(model).items():
        field = model.model_fields.get(name)
        key = (field.alias or name) if field is not None else name
        if key in properties and "description" not in properties[key]:
            properties[key] = dict(sorted({**properties[key], "description": doc}.items()))


def _field_docs(model: type[BaseModel]) -> dict[str, str]:
    """The string written under each annotated field of ``model`` and its bases."""
    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if not issubclass(cls, BaseModel) or cls is BaseModel:
            continue
        node = next((n for n in _module_tree(cls.__module__).body
                     if isinstance(n, ast.ClassDef) and n.name == cls.__name__), None)
        if node is None:
            continue
        for field, after in itertools.pairwise(node.body):
            if (isinstance(field, ast.AnnAssign) and isinstance(field.target, ast.Name)
                    and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                    and isinstance(after.value.value, str)):
                docs[field.target.id] = inspect.cleandoc(after.value.value)
    return docs


@cache
def _module_tree(module: str) -> ast.Module:
    return ast.parse(inspect.getsource(sys.modules[module]))


def starter_plan() -> str:
    """A commented plan that validates and builds, to start from."""
    return resources.files("plangen").joinpath("data/starter.yaml").read_text("utf-8")
