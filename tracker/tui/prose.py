"""Policy text as a person reads it: Markdown rendered, word diffs paired by paragraph.

A word diff is cut into paragraphs at the blank lines of its unchanged text. A paragraph kept
mostly as it was is shown with its deletions struck and insertions underlined in one flow; a
paragraph mostly rewritten is shown as the old one struck, then the new one whole, because
woven old and new words read as nonsense. Runs of unchanged paragraphs fold into one line.

Markdown is rendered as it is appended: bold, links (their text, underlined), list bullets,
table pipes, `<br>` and backslash escapes; `raw=True` keeps the text exactly as filed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from tracker.analysis.weights import REWRITTEN
from tracker.model import WordOp
from tracker.present.console import safe
from tracker.tui.colours import Palette

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_LINK_TAIL = re.compile(r"\]\([^)\s]*\)")  # a link whose `[` was in the op before
_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_HEADING = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+")
_BULLET = re.compile(r"(?m)^([ \t]*)[*+-][ \t]+")
_TABLE_RULE = re.compile(
    r"(?m)^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$\n?"
)
_STRONG = re.compile(r"\*\*|__")
_INDENT = re.compile(r"\n[ \t]+")  # Markdown's continuation indent, which only pushes text right


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a word diff: its ops, in order."""

    ops: tuple[WordOp, ...]

    @property
    def changed(self) -> bool:
        return any(op.op != "equal" for op in self.ops)

    @property
    def rewritten(self) -> bool:
        """Less than `REWRITTEN` of it kept: shown old, then new, not woven."""
        kept = sum(len(op.old) for op in self.ops if op.op == "equal")
        longest = max(sum(len(op.old) for op in self.ops), sum(len(op.new) for op in self.ops))
        return bool(longest) and kept / longest < REWRITTEN

    @property
    def old(self) -> str:
        return "".join(op.old for op in self.ops)

    @property
    def new(self) -> str:
        return "".join(op.new for op in self.ops)


def paragraphs(ops: tuple[WordOp, ...]) -> list[Paragraph]:
    """The diff cut at the paragraph breaks of its unchanged text (and of whole insertions or
    deletions); a replacement that spans a break stays in one paragraph."""
    found: list[list[WordOp]] = [[]]
    for op in ops:
        text = op.old if op.op in ("equal", "delete") else op.new
        if op.op == "replace" or not _PARAGRAPH_BREAK.search(text):
            found[-1].append(op)
            continue
        pieces = _split_keeping_breaks(text)
        for number, piece in enumerate(pieces):
            if number:
                found.append([])
            if piece:
                found[-1].append(_same_op(op, piece))
    return [Paragraph(tuple(group)) for group in found if group]


def _split_keeping_breaks(text: str) -> list[str]:
    """`a\\n\\nb` -> [`a\\n\\n`, `b`]: each break stays at the end of its paragraph."""
    pieces, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        pieces.append(text[start : match.end()])
        start = match.end()
    pieces.append(text[start:])
    return pieces


def _same_op(op: WordOp, text: str) -> WordOp:
    return WordOp(op.op, text if op.op != "insert" else "", text if op.op != "delete" else "")


class Writer:
    """Appends policy text to a rich Text, rendering Markdown across the pieces it is given."""

    def __init__(self, raw: bool = False) -> None:
        self._text = Text()
        self.raw = raw
        self._strong = False

    @property
    def text(self) -> Text:
        """What was written, without the blank lines that ended it."""
        text = self._text.copy()
        text.rstrip()
        return text

    def write(self, piece: str, style: Style | str = "") -> None:
        piece = safe(piece)
        if self.raw:
            self._text.append(piece, style)
            return
        piece = _INDENT.sub("\n", _BREAK_TAG.sub("\n", piece))
        at_line_start = not self._text.plain or self._text.plain.endswith("\n")
        # a piece that starts mid-line keeps its first line as it is: `2018 - 2019` is no bullet
        first, newline, rest = ("", "", piece) if at_line_start else piece.partition("\n")
        piece = first + newline + _line_starts(rest.lstrip(" \t") if not self._text.plain else rest)
        piece = _LINK_TAIL.sub("", _LINK.sub(lambda match: f"\0{match[1]}\1", piece))
        piece = _ESCAPE.sub(r"\1", piece).replace("|", "│")
        for number, part in enumerate(_STRONG.split(piece)):
            if number:
                self._strong = not self._strong
            self._append_links(part, Style.parse(style) if isinstance(style, str) else style)

    def _append_links(self, part: str, style: Style) -> None:
        bold = Style(bold=True) if self._strong else Style()
        for number, segment in enumerate(re.split(r"[\0\1]", part)):
            if segment:
                link = Style(underline=True) if number % 2 else Style()
                self._text.append(
                    segment.replace("[", "").replace("]", "") if number % 2 else segment,
                    style + bold + link,
                )


def _line_starts(text: str) -> str:
    """Table rules dropped, heading marks dropped, list markers as bullets."""
    return _BULLET.sub(r"\1• ", _HEADING.sub("", _TABLE_RULE.sub("", text)))


def section_text(text: str, style: str = "", *, raw: bool = False) -> Text:
    writer = Writer(raw)
    writer.write(text, style)
    return writer.text


def woven(paragraph: Paragraph, colours: Palette, *, raw: bool = False) -> Text:
    """One paragraph as a reader sees its change: woven, or old struck then new whole."""
    writer = Writer(raw)
    deleted, inserted = _styles(colours)
    if paragraph.rewritten:
        writer.write(paragraph.old.rstrip("\n"), deleted)
        writer.write("\n")
        writer.write(paragraph.new, inserted)
        return writer.text
    for op in paragraph.ops:
        if op.op == "equal":
            writer.write(op.old)
            continue
        if op.old:
            writer.write(op.old, deleted)
        if op.new:
            writer.write(op.new, inserted)
    return writer.text


def sides(paragraph: Paragraph, colours: Palette, *, raw: bool = False) -> tuple[Text, Text]:
    """The old paragraph with its deletions marked, and the new one with its insertions."""
    old, new = Writer(raw), Writer(raw)
    deleted, inserted = _styles(colours)
    for op in paragraph.ops:
        old.write(op.old, "" if op.op == "equal" else deleted)
        new.write(op.new, "" if op.op == "equal" else inserted)
    return old.text, new.text


def _styles(colours: Palette) -> tuple[str, str]:
    return f"strike {colours['deleted']}", f"underline {colours['inserted']}"
