"""Read a YAML file into plain data, remembering where every value came from.

Why: an admin must be told the line and column of each mistake, so PyYAML's node tree
(``compose``) is walked by hand instead of using ``safe_load``. Walking it ourselves also
lets us refuse what safe_load silently accepts or mangles: duplicate keys (the last one
would win), YAML 1.1 booleans (``No`` becoming ``False``), timestamps (dates are the
model's job, so an impossible date gets a located message), tags of any kind, and alias
bombs that expand to millions of values.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from plangen.messages import Lang, message
from plangen.spec import vn

MAX_FILE_BYTES = 1_000_000  # a plan is a few kB; a megabyte is surely a mistake
MAX_NODES = 100_000  # values after aliases are expanded (billion-laughs guard)


@dataclass(frozen=True)
class Limits:
    """How large a file may be, in bytes and in values once aliases are expanded, and
    whether the character span of each value is kept (``plangen new`` edits plan files in
    place; data files are only read, and a province's would hold millions of spans)."""

    bytes: int
    nodes: int
    spans: bool = True


PLAN_LIMITS = Limits(MAX_FILE_BYTES, MAX_NODES)
# A province's data: 10,000 registrations are about 2.5 MB of CSV and 150,000 YAML values
# of results; the limits leave room for ten times that and still stop an alias bomb.
DATA_LIMITS = Limits(50_000_000, 5_000_000, spans=False)

DataPath = tuple[str | int, ...]
"""Where a value sits in the data: keys and list indexes from the top (``("campaign", "end")``)."""

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
_PLAIN_TAGS = {STR, INT, FLOAT, BOOL, NULL, MAP, SEQ}
# Characters XML 1.0 cannot hold: C0 controls except tab, line feed, carriage return.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# Invisible characters pasted from Word or the web. Zero-width spaces, the byte-order mark
# and word joiners carry no meaning in plan text: dropped. Joiners, soft hyphens and
# direction marks might: reported, so nothing is rendered differently in silence.
_DROPPED = re.compile("[\u200b\ufeff\u2060]")
_INVISIBLE = re.compile("[\u00ad\u200c\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class _CoreResolver(BaseResolver):
    """YAML 1.2 core-schema scalars only: no ``yes``/``no`` booleans, no timestamps."""


_CoreResolver.add_implicit_resolver(
    BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_CoreResolver.add_implicit_resolver(
    INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_CoreResolver.add_implicit_resolver(
    FLOAT, re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."))
_CoreResolver.add_implicit_resolver(NULL, re.compile(r"^(?:~|null|Null|NULL|)$"),
                                    ["~", "n", "N", ""])


class _Composer(Reader, Scanner, Parser, Composer, _CoreResolver):
    """PyYAML's parsing stages up to the node tree, with the core resolver."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _CoreResolver.__init__(self)


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _FastComposer(CParser, _CoreResolver):
        """The same stages in libyaml's C: a Sở's file of 30,000 results is read in half a
        second instead of five."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _CoreResolver.__init__(self)


# libyaml accepts a little that PyYAML refuses (a tab after a value, "|#"), counts columns
# after a byte-order mark otherwise, and places the empty value at the end of a file
# without a final line break elsewhere: such texts are left to PyYAML, so that a file is
# accepted, refused and located alike everywhere.
_LIBYAML_DIFFERS = re.compile("[\t\ufeff]|[|>][-+0-9]*#")


def compose(text: str) -> Node | None:
    """The node tree of ``text``: from libyaml where PyYAML has it and it reads the text
    as PyYAML does (``test_yamlread`` compares them), else from PyYAML's own parser, whose
    error messages plangen explains (libyaml words them differently)."""
    if yaml.__with_libyaml__ and text.endswith("\n") and not _LIBYAML_DIFFERS.search(text):
        try:
            return _FastComposer(text).get_single_node()
        except yaml.YAMLError:
            pass
    return _Composer(text).get_single_node()


@dataclass
class Located:
    """Plain data read from YAML plus the position of each value and key.

    ``values[path]`` and ``keys[path]`` are 1-based (line, column) pairs.
    """

    data: Any
    values: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    block_scalars: set[DataPath] = field(default_factory=set)
    spans: dict[DataPath, tuple[int, int]] = field(default_factory=dict)  # character offsets
    top_document: bool = False
    """The file's top level holds a document, read as ``van_ban[0]`` (``plan.load``):
    :meth:`origin` gives the paths the file itself has."""

    def origin(self, path: DataPath) -> DataPath:
        """``path`` as the file has it: ``van_ban[0].body`` is the top level's ``body``
        and ``van_ban[1]`` the file's ``van_ban[0]`` when the file's top level holds a
        document."""
        if not self.top_document or path[:1] != ("van_ban",) or len(path) < 2 \
                or not isinstance(path[1], int):
            return path
        return path[2:] if path[1] == 0 else ("van_ban", path[1] - 1, *path[2:])


@dataclass(frozen=True)
class YamlProblem:
    """A problem found while reading, before the model sees the data."""

    line: int
    col: int
    path: DataPath
    code: str
    values: dict[str, Any]

    def text(self, lang: Lang) -> str:
        """The message in ``lang``."""
        return message(self.code, lang, **self.values)


class YamlRejected(Exception):
    """The file cannot be read at all; carries the problems found."""

    def __init__(self, problems: list[YamlProblem]) -> None:
        super().__init__(problems)
        self.problems = problems


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Walker:
    """Turns a node tree into data, collecting positions and problems."""

    def __init__(self, limits: Limits) -> None:
        self.out = Located(data=None)
        self.problems: list[YamlProblem] = []
        self.count = 0
        self.max_nodes = limits.nodes
        self.spans = limits.spans

    def problem(self, node: Node, path: DataPath, code: str, **values: Any) -> None:
        line, col = _pos(node)
        self.problems.append(YamlProblem(line, col, path, code, values))

    def walk(self, node: Node, path: DataPath) -> Any:
        self.count += 1
        if self.count > self.max_nodes:
            raise YamlRejected([YamlProblem(*_pos(node), path, "too_many_nodes",
                                            {"limit": self.max_nodes})])
        self.out.values[path] = _pos(node)
        if self.spans:
            self.out.spans[path] = (node.start_mark.index, node.end_mark.index)
        if node.tag not in _PLAIN_TAGS:
            self.problem(node, path, "bad_tag", tag=node.tag.replace("tag:yaml.org,2002:", "!!"))
            return None
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.walk(child, (*path, i)) for i, child in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self.scalar(node, path)

    def mapping(self, node: MappingNode, path: DataPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in {STR, INT}:
                self.problem(key_node, path, "key_not_text")
                continue
            key = vn.nfc(str(key_node.value))
            if key in first_seen:
                self.problem(key_node, (*path, key), "duplicate_key", key=key,
                             first_line=first_seen[key])
                continue
            first_seen[key] = _pos(key_node)[0]
            self.out.keys[(*path, key)] = _pos(key_node)
            result[key] = self.walk(value_node, (*path, key))
        return result

    def scalar(self, node: ScalarNode, path: DataPath) -> Any:
        if node.style in ("|", ">"):
            self.out.block_scalars.add(path)
        text, refused = clean_text(node.value)
        if refused is not None:
            code, values = refused
            self.problem(node, path, code, **values)
            return None
        if node.tag == INT:
            return int(text)
        if node.tag == FLOAT:
            return float(text)
        if node.tag == BOOL:
            return text.lower() == "true"
        if node.tag == NULL:
            return None
        return text


_SYNTAX_HINTS = (  # (words in PyYAML's message, our message code, point at the context?)
    ("scanning a quoted scalar", "yaml_unclosed_quote", True),
    ("could not find expected ':'", "yaml_missing_colon", True),
    ("mapping values are not allowed here", "yaml_colon", False),
    ("that cannot start any token", "yaml_bad_start", False),
    ("expected ',' or", "yaml_flow", True),
    ("expected <block end>", "yaml_indent", False),
    ("did not find expected key", "yaml_indent", False),
    ("bad indentation", "yaml_indent", False),
)


def scalars(data: Any) -> Iterator[Any]:
    """Every scalar of data read from YAML, in the file's order."""
    return (value for _path, value in scalar_paths(data))


def scalar_paths(data: Any, path: DataPath = ()) -> Iterator[tuple[DataPath, Any]]:
    """Every scalar of data read from YAML with its path, in the file's order."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from scalar_paths(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from scalar_paths(value, (*path, i))
    else:
        yield path, data


def value_at(data: Any, path: DataPath) -> Any:
    """The value at ``path`` in data read from YAML, or None when there is none."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def clean_text(raw: str) -> tuple[str, tuple[str, dict[str, Any]] | None]:
    """Text as plangen keeps it (NFC, meaningless invisible characters dropped), or the
    message code and values of why it cannot be kept (control or doubtful characters)."""
    text = _DROPPED.sub("", vn.nfc(raw))
    bad = _CONTROL.search(text)
    if bad:
        return text, ("control_char", {"char": ord(bad.group())})
    hidden = _INVISIBLE.search(text)
    if hidden:
        char = hidden.group()
        return text, ("invisible_char", {"char": ord(char),
                                         "name": unicodedata.name(char, "?")})
    return text, None


def _syntax_problem(err: yaml.YAMLError, text: str) -> YamlProblem:
    """A YAML syntax error as a located message that says what to fix."""
    if isinstance(err, yaml.reader.ReaderError):  # a character YAML itself refuses
        line = text.count("\n", 0, err.position) + 1
        col = err.position - (text.rfind("\n", 0, err.position) + 1) + 1
        return YamlProblem(line, col, (), "control_char", {"char": err.character})
    mark = getattr(err, "problem_mark", None)
    problem = str(getattr(err, "problem", "") or err)
    context = str(getattr(err, "context", "") or "")
    if "'\\t'" in problem or "\t" in problem:
        return YamlProblem(*_mark(mark), (), "yaml_tab", {})
    nbsp = _nbsp_after_colon(text)
    if nbsp is not None:  # "place:\u00a0Hà Nội" is no key for YAML
        return YamlProblem(*nbsp, (), "yaml_nbsp", {})
    indented = _indented_key(text, mark.line if mark is not None else 0)
    if indented is not None and "mapping values are not allowed" in problem:
        return YamlProblem(*indented, (), "yaml_key_indented", {})
    unclosed = _unclosed_quote(text, mark.line if mark is not None else 0)
    if unclosed is not None:  # a quote left open swallows lines until YAML stumbles later
        return YamlProblem(*unclosed, (), "yaml_unclosed_quote", {})
    for words, code, at_context in _SYNTAX_HINTS:
        if words in problem or words in context:
            where = getattr(err, "context_mark", None) if at_context else None
            found = re.search(r"character '(.)'", problem)
            values = {"char": found.group(1)} if found else {}
            return YamlProblem(*_mark(where or mark), (), code, values)
    detail = f"{context}; {problem}" if context else problem
    return YamlProblem(*_mark(mark), (), "yaml_syntax", {"problem": detail})


_NBSP_KEY = re.compile(r"^\s*(?:- )?[\w-]+:(?P<nbsp>[\u00a0\u202f])")
_KEY_LINE = re.compile(r"^(?P<indent> *)(?:- )?[\w-]+:(?:\s|$)")


def _nbsp_after_colon(text: str) -> tuple[int, int] | None:
    """Line and column of a non-breaking space typed (or pasted from Word) right after a
    key's colon, where YAML wants a plain space."""
    for number, line in enumerate(text.splitlines(), 1):
        found = _NBSP_KEY.match(line)
        if found is not None:
            return number, found.start("nbsp") + 1
    return None


def _indented_key(text: str, error_line: int) -> tuple[int, int] | None:
    """Line and column of a ``key:`` indented further than the ``key: value`` line above
    it (YAML reads it as the value's second line, then stumbles on its colon)."""
    lines = text.splitlines()
    if not 0 < error_line < len(lines):
        return None
    here, above = _KEY_LINE.match(lines[error_line]), _KEY_LINE.match(lines[error_line - 1])
    if here is None or above is None or lines[error_line - 1].rstrip().endswith(":"):
        return None
    if len(here["indent"]) > len(above["indent"]):
        return error_line + 1, len(here["indent"]) + 1
    return None


def _unclosed_quote(text: str, before_line: int) -> tuple[int, int] | None:
    """Line and column of a double quote opened and not closed on its own line, if any
    line before ``before_line`` (0-based) has one: the likely cause of a later error."""
    for number, line in enumerate(text.splitlines()[:before_line]):
        content = line.split(" #", 1)[0]
        quotes = [m.start() for m in re.finditer(r'(?<!\\)"', content)]
        if len(quotes) % 2 == 1 and ":" in content[:quotes[0]]:
            return number + 1, quotes[-1] + 1
    return None


def _mark(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def read_yaml(text: str, limits: Limits = PLAN_LIMITS) -> Located:
    """Parse ``text`` into :class:`Located` data, or raise :class:`YamlRejected`."""
    try:
        root = compose(text)
    except yaml.YAMLError as err:
        raise YamlRejected([_syntax_problem(err, text)]) from None
    except RecursionError:
        raise YamlRejected([YamlProblem(1, 1, (), "too_deep", {})]) from None
    walker = _Walker(limits)
    if root is None or not isinstance(root, MappingNode):
        pos = _pos(root) if root is not None else (1, 1)
        raise YamlRejected([YamlProblem(*pos, (), "top_not_mapping", {})])
    try:
        walker.out.data = walker.walk(root, ())
    except RecursionError:
        raise YamlRejected([YamlProblem(1, 1, (), "too_deep", {})]) from None
    if walker.problems:
        raise YamlRejected(walker.problems)
    return walker.out
