"""A regulation written as data: Chương, Mục, Điều, khoản and điểm, numbered by plangen.

Why: a Quy chế or Quy định issued with a decision is numbered as NĐ30 Phụ lục I, II.6.đ
describes (Chương I, Mục 1, Điều 1., khoản 1., điểm a)). Typed by hand, those numbers go
wrong when an article is added or moved; written as data, each is counted where it is
printed: Điều across the whole regulation, Mục within its Chương, khoản within its Điều,
điểm within its khoản.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pydantic import Field

from plangen.plan.document import Block, Division, Heading, Prose
from plangen.plan.model import StrictModel, Text
from plangen.plan.problems import RuleProblem
from plangen.plan.textblocks import text_blocks
from plangen.plan.yamlread import DataPath
from plangen.spec import vn


class Khoan(StrictModel):
    """Một khoản có các điểm a), b), …"""

    content: Text
    """Nội dung khoản (không ghi số: plangen đánh số 1., 2., …), thường kết thúc bằng dấu hai chấm trước các điểm."""
    diem: list[Text] = Field(default_factory=list)
    """Các điểm của khoản (không ghi a), b): plangen đánh chữ theo bảng chữ cái tiếng Việt)."""


class Dieu(StrictModel):
    """Một điều: tên điều, rồi nội dung hoặc các khoản."""

    title: Text
    """Tên điều (không ghi "Điều 1.": plangen đánh số liên tục trong cả văn bản)."""
    content: Text | None = None
    """Nội dung của điều không chia khoản (Markdown)."""
    khoan: list[Text | Khoan] = Field(default_factory=list)
    """Các khoản: mỗi khoản một câu, hoặc content và diem khi khoản có các điểm."""


class Muc(StrictModel):
    """Một mục trong chương."""

    title: Text
    """Tên mục (plangen ghi "Mục 1", "Mục 2", … trong mỗi chương)."""
    dieu: list[Dieu] = Field(min_length=1)
    """Các điều của mục."""


class Chuong(StrictModel):
    """Một chương: tên chương, rồi các mục hoặc các điều."""

    title: Text
    """Tên chương (plangen ghi "Chương I", "Chương II", … và in hoa tên chương)."""
    muc: list[Muc] = Field(default_factory=list)
    """Các mục của chương (nếu chương chia mục)."""
    dieu: list[Dieu] = Field(default_factory=list)
    """Các điều của chương (khi chương không chia mục)."""


# A khoản or điểm typed with its own number: "1. …", "2) …", "a) …", "đ. …".
_TYPED = re.compile(r"^\s*(\d{1,3}[.)]|[a-zđ][.)])\s")
_TYPED_ARTICLE = re.compile(r"^\s*(\*\*)?Điều\s+\d+")


def regulation_blocks(chuong: Sequence[Chuong], dieu: Sequence[Dieu]) -> list[Block]:
    """The blocks of a regulation: its chapters (with their sections), or its articles
    when it has no chapters."""
    blocks: list[Block] = []
    counter = iter(range(1, 10_000))
    for i, chapter in enumerate(chuong, 1):
        blocks.append(Division(label=f"Chương {vn.la_ma(i)}", title=chapter.title))
        for j, section in enumerate(chapter.muc, 1):
            blocks.append(Division(label=f"Mục {j}", title=section.title))
            blocks += _articles(section.dieu, counter)
        blocks += _articles(chapter.dieu, counter)
    blocks += _articles(dieu, counter)
    return blocks


def _articles(articles: Sequence[Dieu], counter: Iterator[int]) -> list[Block]:
    blocks: list[Block] = []
    for article in articles:
        blocks.append(Heading(level=2, label=f"Điều {next(counter)}.", text=article.title))
        if article.content:
            blocks += text_blocks(article.content)
        for k, item in enumerate(article.khoan, 1):
            clause = item if isinstance(item, Khoan) else Khoan(content=item)
            lines = [f"{k}. {clause.content}"]
            lines += [f"{vn.chu_cai(d)}) {point}" for d, point in enumerate(clause.diem, 1)]
            blocks.append(Prose(text="\n".join(lines)))
    return blocks


def regulation_rules(chuong: Sequence[Chuong], dieu: Sequence[Dieu], path: DataPath
                     ) -> Iterator[RuleProblem]:
    """A chapter with neither sections nor articles, an article with neither content nor
    clauses, and numbers typed where plangen writes them."""
    for i, chapter in enumerate(chuong):
        where: DataPath = (*path, "chuong", i)
        if not chapter.muc and not chapter.dieu:
            yield RuleProblem(where, "chuong_empty")
        for j, section in enumerate(chapter.muc):
            yield from _article_rules(section.dieu, (*where, "muc", j, "dieu"))
        yield from _article_rules(chapter.dieu, (*where, "dieu"))
    yield from _article_rules(dieu, (*path, "dieu"))


def _article_rules(articles: Sequence[Dieu], path: DataPath) -> Iterator[RuleProblem]:
    for i, article in enumerate(articles):
        where: DataPath = (*path, i)
        if _TYPED_ARTICLE.match(article.title):
            yield RuleProblem((*where, "title"), "article_numbered")
        if not article.content and not article.khoan:
            yield RuleProblem(where, "dieu_empty")
        for k, item in enumerate(article.khoan):
            clause = item if isinstance(item, Khoan) else Khoan(content=item)
            at: DataPath = (*where, "khoan", k) + (("content",) if isinstance(item, Khoan) else ())
            if _TYPED.match(clause.content):
                yield RuleProblem(at, "clause_numbered")
            for d, point in enumerate(clause.diem):
                if _TYPED.match(point):
                    yield RuleProblem((*where, "khoan", k, "diem", d), "clause_numbered")
