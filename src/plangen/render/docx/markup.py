"""Plan text (a small Markdown) → blocks of styled spans, independent of DOCX.

Why: admins write paragraphs and "- " items the way NĐ30 prints them, so the block
grammar is ours (a "- " item, an indented item printed with "+", a line that starts
with its own "1." or "a)" as a paragraph of its own, paragraphs split by a blank line),
while inline bold, italic and links go through the ``markdown`` library.
Raw HTML is escaped before Markdown sees it: it is shown as text, never as markup.
Bare web addresses become hyperlinks.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from html.parser import HTMLParser

import markdown

from plangen.spec import nd30


@dataclass(frozen=True)
class Span:
    """A run of text with one look: bold, italic, and possibly a link target."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    note: str | None = None  # a footnote's text: the span is its mark, with no text


@dataclass(frozen=True)
class Block:
    """A paragraph (``level`` 0) or a list item (1 prints "- ", 2 prints "+ ")."""

    level: int
    spans: tuple[Span, ...]
    centred: bool = False  # a "-> … <-" line: a chủ đề or khẩu hiệu, centred and emphasised

    @property
    def text(self) -> str:
        """The block's plain text, marker included."""
        return "".join(span.text for span in self.spans)


# An item starts with "-", "*" or "+"; an en or em dash pasted from Word counts as "-".
_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>[-*+–—])\s+(?P<text>.*)$")
# A khoản or điểm written as text in a paragraph: "1. …", "2) …", "1.1. …", "a) …", "đ) …".
_NUMBERED = re.compile(r"^[ \t]*(\d{1,3}(\.\d{1,3})*[.)]|[a-zđ]\))[ \t]+\S")
# "-> Chủ đề năm học <-": a centred line (a chủ đề or khẩu hiệu).
CENTRED = re.compile(r"^->\s*(?P<text>.*\S)\s*<-$")
_NOTE_MARK = re.compile(r"\[\^(?P<key>[^\]\s]+)\](?!:)")
# Private-use characters carry a footnote mark through Markdown untouched.
_NOTE_OPEN, _NOTE_CLOSE = "\ue000", "\ue001"
_NOTE_PLACEHOLDER = re.compile(f"{_NOTE_OPEN}(?P<key>[^{_NOTE_CLOSE}]+){_NOTE_CLOSE}")
URL = re.compile(r"https?://[^\s<>\"“”]*[^\s<>\"“”.,;:!?)]")


def parse_blocks(text: str, notes: Mapping[str, str] | None = None) -> list[Block]:
    """Split text into paragraphs and items, each with its marker in front; ``[^key]``
    marks become footnote spans with the text ``notes`` gives them."""
    raw: list[tuple[int, list[str]]] = []
    for line in text.splitlines():
        if not line.strip():
            raw.append((-1, []))  # a blank line ends the current block
            continue
        item = _ITEM.match(line)
        if CENTRED.match(line.strip()):
            raw += [(0, [line.strip()]), (-1, [])]  # a line of its own: nothing continues it
        elif _NUMBERED.match(line):
            raw.append((0, [line.strip()]))  # "1. …", "a) …": a khoản or điểm of its own
        elif item:
            nested = len(item["indent"].expandtabs(4)) >= 2 or item["mark"] == "+"
            raw.append((2 if nested else 1, [item["text"].strip()]))
        elif raw and raw[-1][0] >= 0:
            raw[-1][1].append(line.strip())  # a wrapped line continues its block
        else:
            raw.append((0, [line.strip()]))
    return [_block(level, " ".join(lines), notes or {}) for level, lines in raw if level >= 0]


def _block(level: int, text: str, notes: Mapping[str, str]) -> Block:
    centred = CENTRED.match(text)
    if centred is not None:
        return _centred(centred["text"], notes)
    spans = parse_inline(text, notes)
    if level:
        spans = [Span(nd30.BULLET_MARKS[level - 1] + " "), *spans]
    return Block(level, tuple(spans))


def _centred(text: str, notes: Mapping[str, str]) -> Block:
    """A centred line; bold throughout unless the author chose its emphasis."""
    spans = parse_inline(text, notes)
    if not any(span.bold or span.italic for span in spans):
        spans = [replace(span, bold=True) for span in spans]
    return Block(0, tuple(spans), centred=True)


def parse_inline(text: str, notes: Mapping[str, str] | None = None) -> list[Span]:
    """Bold, italic, links and footnote marks of one paragraph, as spans; everything else
    is text."""
    text = _NOTE_MARK.sub(lambda m: f"{_NOTE_OPEN}{m['key']}{_NOTE_CLOSE}"
                          if notes and m["key"] in notes else m.group(), text)
    spans = [Span(text)] if is_plain(text) else _markdown_spans(text)
    return _merge(_footnotes(_autolink(spans), notes or {}))


# Text with none of these characters, and none of these at its start, reads the same
# with or without Markdown; most of a plan's sentences are such text.
_MARKDOWN_SIGNS = frozenset("*_`[]\\<>&!~|\t\r\n")
_MARKDOWN_STARTS = frozenset("-+#=0123456789 ")


def is_plain(text: str) -> bool:
    """True when Markdown would give ``text`` back unchanged: no emphasis, link, code,
    escape or HTML sign, nothing at its start that could open a list or a heading, and
    no space around it."""
    return (bool(text) and _MARKDOWN_SIGNS.isdisjoint(text) and text[0] not in _MARKDOWN_STARTS
            and text == text.strip())


def _markdown_spans(text: str) -> list[Span]:
    """Spans of ``text`` read as Markdown, its raw HTML escaped first."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = re.sub(r"^(\d+(?:\.\d+)*)\.", r"\1\\.", escaped)  # "1. …" is text, not a list
    escaped = re.sub(r"^([#=])", r"\\\1", escaped)  # "# …" is text, not a heading
    reader = _SpanReader()
    reader.feed(_converter().reset().convert(escaped))
    reader.close()
    return reader.spans


_PER_THREAD = threading.local()


def _converter() -> markdown.Markdown:
    """One Markdown converter for each thread (a converter keeps state while it works),
    reset before each text: setting one up registers some forty processors, which cost
    more than converting a paragraph."""
    converter: markdown.Markdown | None = getattr(_PER_THREAD, "converter", None)
    if converter is None:
        converter = _PER_THREAD.converter = markdown.Markdown()
    return converter


class _SpanReader(HTMLParser):
    """Collects the text of Markdown's HTML output with the styles around it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.spans: list[Span] = []
        self.bold = self.italic = 0
        self.href: str | None = None
        self.blocks = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "a":
            self.href = dict(attrs).get("href")
        elif tag in ("p", "li", "h1", "h2", "h3", "blockquote", "pre"):
            if self.blocks:
                self.handle_data(" ")
            self.blocks += 1
        elif tag == "br":
            self.handle_data(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("strong", "b"):
            self.bold -= 1
        elif tag in ("em", "i"):
            self.italic -= 1
        elif tag == "a":
            self.href = None

    def handle_data(self, data: str) -> None:
        text = data.replace("\n", " ")
        if text:
            self.spans.append(Span(text, self.bold > 0, self.italic > 0, self.href))


def _autolink(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if span.href is not None:
            out.append(span)
            continue
        pos = 0
        for found in URL.finditer(span.text):
            if found.start() > pos:
                out.append(replace(span, text=span.text[pos:found.start()]))
            out.append(replace(span, text=found.group(), href=found.group()))
            pos = found.end()
        if pos < len(span.text):
            out.append(replace(span, text=span.text[pos:]))
    return out


def _footnotes(spans: list[Span], notes: Mapping[str, str]) -> list[Span]:
    """Split spans at the footnote placeholders: each becomes a span that is only a mark."""
    out: list[Span] = []
    for span in spans:
        pos = 0
        for found in _NOTE_PLACEHOLDER.finditer(span.text):
            if found.start() > pos:
                out.append(replace(span, text=span.text[pos:found.start()]))
            out.append(Span("", note=notes[found["key"]]))
            pos = found.end()
        if pos < len(span.text):
            out.append(replace(span, text=span.text[pos:]))
    return out


def _merge(spans: list[Span]) -> list[Span]:
    """Join neighbours with the same look, so a paragraph has as few runs as it needs."""
    out: list[Span] = []
    for span in spans:
        if out and span.note is None and replace(out[-1], text="") == replace(span, text=""):
            out[-1] = replace(span, text=out[-1].text + span.text)
        else:
            out.append(span)
    return out
