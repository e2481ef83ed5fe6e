"""Sentences and the words that cue them: list items take the line that introduces them,
table cells their header row, and hard-wrapped lines are joined again."""

from __future__ import annotations

import re

from tracker import rules

_HELP_LINKS = rules.pattern("facts", "cues.help_links", re.I)
_CONTINUES = rules.pattern("facts", "cues.continuation")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)]|\([a-z\d]{1,3}\))\s+")
# A line that is only web links, images or linked images (a badge: `[![BBB](src)](href)`);
# e-mail and phone links are contacts.
_LINKS_ONLY = re.compile(
    r"^[\s)\]]*(?:[-*•+]\s+|\d{1,2}[.)]\s+)?"
    r"(?:(?:\[!\[[^\]]*\]\([^)]*\)\]|!?\[[^\]]*\])\((?!mailto:|tel:)[^)]*\)[\s|·•,/-]*)+$"
)
_SPLIT_LINK = re.compile(r"\[[ \t]*\n\s*([^\[\]\n]{1,80}?)\s*\n[ \t]*\n?\s*\]\(")


def cued_sentences(text: str, heading: str, chrome: re.Pattern[str] | None = None):
    """Each sentence with the words that cue it: a list item is cued by the line that
    introduces the list (`you may have the right to:`) or, failing that, the heading;
    a table cell by its row and the table's header row; a sentence that goes on with the one
    before (`These include ...`) by that one too.

    Page chrome states nothing: a line of links that no lead-in introduces (a menu, a
    sidebar of articles, a row of social links) or that one introduces as help on browsers
    or settings, and a line `chrome` matches (a footer's copyright line)."""
    lead_in = heading
    table_header = None
    if "](" in text and "[" in text:  # a link whose words stand on lines of their own
        text = _SPLIT_LINK.sub(r"[\1](", text)
    for line in _unwrapped_lines(text):
        if (_LINKS_ONLY.match(line) and not _introduces_parties(lead_in)) or (
            chrome is not None and chrome.search(line)
        ):
            continue
        if line.lstrip().startswith("|"):
            table_header = table_header or line
            yield from ((sentence, f"{table_header} {line}") for sentence in sentences(line))
            continue
        table_header = None
        item = bool(_LIST_ITEM.match(line))
        previous = ""
        for sentence in sentences(line):
            if item:
                yield sentence, f"{lead_in} {sentence}"
            else:
                yield sentence, f"{previous} {sentence}" if _CONTINUES.match(sentence) else sentence
            previous = sentence
        if line.strip() and not item:
            lead_in = line if line.rstrip().endswith(":") else heading


def _introduces_parties(lead_in: str) -> bool:
    return lead_in.rstrip().endswith(":") and not _HELP_LINKS.search(lead_in)


def _unwrapped_lines(text: str):
    """The text's lines with hard wraps undone: a line that stops mid-sentence goes on in the
    next one, unless a blank line, a list item or a table row comes first."""
    current = ""
    for line in text.splitlines():
        stripped = line.strip()
        if current and stripped and _goes_on(current) and not _starts_block(line):
            current = f"{current} {stripped}"
            continue
        if current:
            yield current
        current = line if stripped else ""
    if current:
        yield current


def _goes_on(line: str) -> bool:
    return not line.lstrip().startswith("|") and not re.search(r"[.!?:;]\W*$|(?:\*\*|__)$", line)


def _starts_block(line: str) -> bool:
    return bool(_LIST_ITEM.match(line)) or line.lstrip().startswith(("|", "#"))


def joined_lines(text: str) -> str:
    """Consecutive lines joined with commas, to read an address written one part a line."""
    return re.sub(r"(?<=[\w.])[ \t]*\n(?=[ \t]*[\w])", ", ", text)


def sentences(text: str) -> list[str]:
    plain = _LINK.sub(_link_text, _GLYPH_IMAGE.sub(r"\1", text))
    plain = _MARKUP.sub("", _ESCAPE.sub(r"\1", plain))
    # table cells and the line breaks inside them are sentence boundaries
    plain = re.sub(r"<br\s*/?>|\s\|\s", "\n", plain, flags=re.I)
    parts = _SENTENCE_BREAK.split(plain)
    return [part for part in (piece.strip() for piece in parts) if part]


# `DMCA\_notice\_email@` is `DMCA_notice_email@`: an underscore inside a word is no markup.
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+.!-])")
_MARKUP = re.compile(r"[*`]+|(?<!\w)_+|_+(?!\w)")
# A sentence ends at `.`, `!`, `?` or `;` before a capital, not after an initial (`1625 N.
# Market Blvd.`, `John Q. Public`).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])(?<![\s(][A-Z]\.)\s+(?=[A-Z(“\"])|\n+")


# An image that stands for a character, as pages write `info![@](at-sign.png)example.org` to
# hide an address from scrapers.
_GLYPH_IMAGE = re.compile(r"""!\[([@.])\]\([^)\s]*(?:\s+"[^"]*"|\s+'[^']*')?\)""")
_LINK = re.compile(r"\[([^\]]*)\]\((?:mailto:)?[^)]*\)")


def _link_text(link: re.Match[str]) -> str:
    """A link's words, kept apart from words its markup was glued to (a footer's
    `Reserved.[support@acme.com](mailto:...)[Terms](...)` is three pieces, not one address)."""
    before = link.string[link.start() - 1 : link.start()]
    after = link.string[link.end() : link.end() + 1]
    glued_before = bool(before) and (before.isalnum() or before in ".)")
    return (" " if glued_before else "") + link.group(1) + (" " if after.isalnum() else "")
