"""Sections that are tables of contents, and contents entries with no heading in the body."""

from __future__ import annotations

from dataclasses import replace

from tracker.analysis.sections.headings import _LINK, _LIST_ITEM, _STOPWORDS, _WORD, _Heading
from tracker.analysis.sections.tree import _names, _section_id, _unique_id, _word_index
from tracker.model import Section
from tracker.text import normalise_title, paragraphs, slugify

# Sections that are tables of contents


def _mark_contents_sections(sections: list[Section]) -> list[Section]:
    """A section most of whose lines name other sections (plain or as links) is a contents list."""
    titles = {normalise_title(section.title) for section in sections}
    index = _word_index(titles)
    marked = []
    for section in sections:
        lines = _entries(section.text)
        short = [line for line in lines if len(line) <= 150]  # a paragraph names no section
        is_contents = (
            len(short) >= 3
            and 2 * len(short) >= len(lines)
            and _names_sections(short, len(lines), titles - {normalise_title(section.title)}, index)
        )
        marked.append(replace(section, contents=True) if is_contents else section)
    return marked


def _entries(text: str) -> list[str]:
    """Its paragraphs, a paragraph of links and nothing else (`[Intro](#intro)[Rights](#rights)`,
    a contents list whose line breaks were lost) as one entry a link."""
    entries = []
    for paragraph in paragraphs(text):
        links = _LINK.findall(paragraph)
        glued = len(links) >= 2 and not _LINK.sub("", paragraph).strip()
        entries += links if glued else [paragraph]
    return entries


def _names_sections(
    lines: list[str], total: int, others: set[str], index: dict[str, set[str]]
) -> bool:
    titles = [_entry_title(line) for line in lines]
    exact = sum(1 for title in titles if title in others)
    if exact >= 3 and 2 * exact >= total:
        return True
    if 2 * len(lines) < total:
        return False
    entries = sum(1 for title in titles if len(title.split()) <= 8 and _names(title, others, index))
    return entries >= 3 and 2 * entries >= total


def _entry_title(line: str) -> str:
    unlinked = _LINK.sub(r"\1", _LIST_ITEM.sub("", line, count=1))
    return normalise_title(_LIST_ITEM.sub("", unlinked, count=1))


# Contents entries with no heading in the body


def _recover_contents_entries(
    sections: list[Section], contents: list[_Heading]
) -> tuple[list[Section], list[str]]:
    present = {normalise_title(section.title) for section in sections}
    entries = [normalise_title(entry.title) for entry in contents]
    warnings = []
    for position, entry in enumerate(contents):
        if _names(entries[position], present):
            continue
        host = _host_section(sections, entries, position, present)
        placed = _place(host, entry.title, sections) if host else None
        if placed:
            sections = placed
            warnings.append(
                f'contents entry "{entry.title}" has no heading in the body; recovered it inside "{host.title}"'
            )
        else:
            warnings.append(f'contents entry "{entry.title}" has no heading in the body')
    return sections, warnings


def _host_section(
    sections: list[Section], entries: list[str], position: int, present: set[str]
) -> Section | None:
    """The section just before where the entry should be: its preceding entry's heading."""
    for earlier in reversed(entries[:position]):
        if earlier in present:
            return next(
                section for section in sections if normalise_title(section.title) == earlier
            )
    return None


def _place(host: Section, title: str, sections: list[Section]) -> list[Section] | None:
    wanted = _content_words(title) - _content_words(host.title)
    words = _content_words(title)
    if not wanted:
        return None
    blocks = host.text.split("\n\n")
    best, best_score = None, 0.0
    for position in range(1, len(blocks)):
        opening = " ".join(blocks[position].split()[:25])
        found = _content_words(opening)
        if not wanted <= found:
            continue
        score = len(words & found) / len(words) + (0.5 if blocks[position - 1] == "" else 0)
        if score > best_score:
            best, best_score = position, score
    if best is None or best_score < 0.6:
        return None
    head_text = "\n\n".join(blocks[:best]).strip("\n")
    tail_text = "\n\n".join(blocks[best:]).strip("\n")
    recovered = Section(
        id=_unique_id(
            _section_id(None, title)
            if host.parent is None
            else f"{host.parent}/{slugify(normalise_title(title))}",
            {},
        ),
        title=title,
        level=host.level,
        parent=host.parent,
        text=tail_text,
        recovered=True,
    )
    index = sections.index(host)
    return [*sections[:index], replace(host, text=head_text), recovered, *sections[index + 1 :]]


def _content_words(text: str) -> set[str]:
    return {
        word.lower().rstrip("s") for word in _WORD.findall(text) if word.lower() not in _STOPWORDS
    }
