"""Two versions of a document in, what became of each section out.

1. Sections with the same title and the same text pair up by hash, with no fuzzy work.
2. The rest are scored on several signals at once (normalised title, fuzzy title,
   word-level content similarity) and paired globally, best pair first.
3. Paragraphs that left their section are found in other sections: `moves`.
4. A section that is unpaired but whose text lives on elsewhere is `split` (into
   several) or `merged` (into one); it is `removed` only when its text is gone.
5. Pairs are `unchanged`, `renamed`, `moved` (out of order with their
   neighbours) or `modified`; word diffs run inside each pair, never over the
   whole document; `cosmetic` marks edits of case, spacing, punctuation or quotes.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from tracker import rules
from tracker.analysis.sections import normalise_title, paragraphs
from tracker.analysis.weights import (
    ALIKE_ENOUGH,
    CONTENT_WEIGHT,
    EMPTY_OTHER_WORDS,
    EMPTY_SAME_WORDS,
    LIVE_THRESHOLD,
    LIVES_SHARE,
    LIVES_WHERE,
    MATCH_THRESHOLD,
    MIN_MOVE_WORDS,
    MOVE_THRESHOLD,
    NEIGHBOUR_CONTAINMENT,
    NEIGHBOUR_MOVED,
    PARENT_CONTAINMENT,
    REWRITE_BONUS,
    REWRITE_CONTENT,
    REWRITE_TITLE,
    SAME_TITLE_BASE,
    SAME_TITLE_CONTENT,
    SHARED_ENOUGH,
    STAY_THRESHOLD,
    TITLE_WEIGHT,
)
from tracker.model import Change, Comparison, Document, Move, Section, WordOp

PREAMBLE_TITLE = "(introduction)"
_STOPWORDS = rules.words("stopwords", "content_words")
_TOKEN = re.compile(r"\S+\s*")
_KEY = re.compile(r"\S+")
_WORDS = re.compile(r"[^\W_]+")
_QUOTE_PAIRS = (
    ("“", '"'),
    ("”", '"'),
    ("„", '"'),
    ("‘", "'"),
    ("’", "'"),
    ("`", "'"),
    ("–", "-"),
    ("—", "-"),
)
_LIST_MARKER = re.compile(r"^\s*(?:[*+\-•·]|\d+[.)]|\([a-z0-9]\))\s+", re.M)


@dataclass
class _Unit:
    """A section as the comparison sees it: its own text, or its sub-sections' when empty."""

    section: Section
    index: int
    title_key: str
    text: str
    words: list[str]
    key: tuple[str, str] = ("", "")
    paragraphs: list[str] = field(default_factory=list)


def sections_with_preamble(document: Document) -> list[Section]:
    """The sections, led by the text before the first heading when there is any."""
    if not document.preamble.strip():
        return list(document.sections)
    preamble = Section("preamble", PREAMBLE_TITLE, 1, None, document.preamble)
    return [preamble, *document.sections]


def compare(old: Document, new: Document, *, words: bool = True) -> Comparison:
    old_units = _units(old)
    new_units = _units(new)
    pairs = _pair_identical(old_units, new_units)
    flows = _Flows.measure(old_units, new_units, pairs)
    _pair_similar(old_units, new_units, pairs, flows)
    changes = _classify(old_units, new_units, pairs, flows, words)
    moves = _moves(old_units, new_units, pairs, flows, changes)
    return Comparison(changes=tuple(changes), moves=tuple(moves))


def word_diff(old_text: str, new_text: str) -> tuple[WordOp, ...]:
    """Word-level steps from old to new; case and quote style do not count as changes.

    A longest-common-subsequence alignment over words (rapidfuzz's Indel opcodes,
    in C), with each delete and insert between two equal runs merged into one step.
    """
    from rapidfuzz.distance import Indel

    old_tokens, new_tokens = _TOKEN.findall(old_text), _TOKEN.findall(new_text)
    vocabulary: dict[str, str] = {}
    old_codes = _encode(_token_keys(old_text), vocabulary)
    new_codes = _encode(_token_keys(new_text), vocabulary)
    ops: list[WordOp] = []
    pending_old, pending_new = "", ""
    for op in Indel.opcodes(old_codes, new_codes):
        old_part = "".join(old_tokens[op.src_start : op.src_end])
        new_part = "".join(new_tokens[op.dest_start : op.dest_end])
        if op.tag == "equal":
            if pending_old or pending_new:
                ops.append(_edit(pending_old, pending_new))
                pending_old, pending_new = "", ""
            ops.append(WordOp("equal", old_part, new_part))
        else:
            pending_old += old_part
            pending_new += new_part
    if pending_old or pending_new:
        ops.append(_edit(pending_old, pending_new))
    return tuple(ops)


def _edit(old: str, new: str) -> WordOp:
    return WordOp("replace" if old and new else "delete" if old else "insert", old, new)


def is_cosmetic(old_text: str, new_text: str) -> bool:
    """Only case, whitespace, punctuation, quote style or list markers differ."""
    return _plain_words(old_text) == _plain_words(new_text)


def similarity(old_text: str, new_text: str) -> float:
    """Word-level similarity in [0, 1] (rapidfuzz's normalised Indel over word tokens)."""
    from rapidfuzz import fuzz

    vocabulary: dict[str, str] = {}
    return (
        fuzz.ratio(
            _encode(_plain_words(old_text), vocabulary), _encode(_plain_words(new_text), vocabulary)
        )
        / 100
    )


# Building units and pairing


def _units(document: Document) -> list[_Unit]:
    sections = sections_with_preamble(document)
    units = []
    for index, section in enumerate(sections):
        text = section.text if section.text.strip() else _subtree_text(sections, index)
        words = _plain_words(text)
        unit = _Unit(section, index, normalise_title(section.title), text, words)
        unit.key = (unit.title_key, " ".join(_plain_words(section.text)))
        units.append(unit)
    return units


def _subtree_text(sections: list[Section], index: int) -> str:
    parts = []
    for other in sections[index + 1 :]:
        if other.level <= sections[index].level:
            break
        parts.append(other.text)
    return "\n".join(part for part in parts if part)


def _pair_identical(old_units: list[_Unit], new_units: list[_Unit]) -> dict[int, int]:
    waiting: dict[tuple[str, str], list[int]] = defaultdict(list)
    for unit in new_units:
        waiting[unit.key].append(unit.index)
    pairs = {}
    for unit in old_units:
        candidates = waiting.get(unit.key)
        if candidates:
            pairs[unit.index] = candidates.pop(0)
    return pairs


def _pair_similar(
    old_units: list[_Unit], new_units: list[_Unit], pairs: dict[int, int], flows: _Flows
) -> None:
    """Best pair first over the whole score matrix (a global assignment, not first-come)."""
    taken = set(pairs.values())
    old_free = [unit for unit in old_units if unit.index not in pairs]
    new_free = [unit for unit in new_units if unit.index not in taken]
    if not old_free or not new_free:
        return
    scores = _score_matrix(old_free, new_free, flows)
    ranked = sorted(
        ((score, -abs(a - b), a, b) for a, row in enumerate(scores) for b, score in enumerate(row) if score >= MATCH_THRESHOLD),
        reverse=True,
    )  # fmt: skip
    used_old, used_new = set(), set()
    for _, _, a, b in ranked:
        if a in used_old or b in used_new:
            continue
        used_old.add(a)
        used_new.add(b)
        pairs[old_free[a].index] = new_free[b].index


def _score_matrix(old_free: list[_Unit], new_free: list[_Unit], flows: _Flows) -> list[list[float]]:
    """Title and content together: a rename needs most of both sections' text to correspond."""
    from rapidfuzz import fuzz
    from rapidfuzz.process import cdist

    vocabulary: dict[str, str] = {}
    old_encoded = [_encode(unit.words, vocabulary) for unit in old_free]
    new_encoded = [_encode(unit.words, vocabulary) for unit in new_free]
    content = cdist(old_encoded, new_encoded, scorer=fuzz.ratio)
    titles = cdist(
        [unit.title_key for unit in old_free],
        [unit.title_key for unit in new_free],
        scorer=fuzz.token_set_ratio,
    )
    matrix = []
    for a, old_unit in enumerate(old_free):
        row = []
        for b, new_unit in enumerate(new_free):
            same_title = old_unit.title_key == new_unit.title_key
            title = 1.0 if same_title else titles[a][b] / 100
            whole = content[a][b] / 100
            out_share, in_share = flows.shares(old_unit.index, new_unit.index)
            shared = min(out_share, in_share)
            if not old_unit.words or not new_unit.words:
                score = (
                    EMPTY_SAME_WORDS if old_unit.words == new_unit.words else EMPTY_OTHER_WORDS
                ) * title
            elif same_title:
                score = SAME_TITLE_BASE + SAME_TITLE_CONTENT * max(whole, shared)
            elif shared >= SHARED_ENOUGH or whole >= ALIKE_ENOUGH:
                score = CONTENT_WEIGHT * max(whole, shared) + TITLE_WEIGHT * title
            elif title >= REWRITE_TITLE and whole >= REWRITE_CONTENT:
                score = (
                    MATCH_THRESHOLD + REWRITE_BONUS * whole
                )  # rewritten under a near-identical title
            else:
                score = 0.0
            row.append(score)
        matrix.append(row)
    return matrix


@dataclass(frozen=True)
class _Paragraph:
    """A paragraph long enough to be followed (MIN_MOVE_WORDS words or more)."""

    unit: int
    text: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class _Homes:
    """A changed paragraph and its best score in each section of the other version."""

    paragraph: _Paragraph
    best: dict[int, float]

    def best_home(self) -> tuple[int, float] | None:
        return max(self.best.items(), key=lambda item: item[1]) if self.best else None


@dataclass
class _Flows:
    """Where each paragraph's words went: the best-matching paragraph's section, both ways."""

    old_homes: list[_Homes]
    out_words: dict[int, dict[int, int]]
    in_words: dict[int, dict[int, int]]
    old_sizes: dict[int, int]
    new_sizes: dict[int, int]

    @classmethod
    def measure(
        cls, old_units: list[_Unit], new_units: list[_Unit], pairs: dict[int, int]
    ) -> _Flows:
        from rapidfuzz import fuzz
        from rapidfuzz.process import cdist

        identical_old = {a for a, b in pairs.items() if old_units[a].key == new_units[b].key}
        identical_new = {pairs[a] for a in identical_old}
        old_all = _long_paragraphs(old_units)
        new_all = _long_paragraphs(new_units)
        old_changed = [paragraph for paragraph in old_all if paragraph.unit not in identical_old]
        new_changed = [paragraph for paragraph in new_all if paragraph.unit not in identical_new]
        vocabulary: dict[str, str] = {}
        codes = {id(p): _encode(p.words, vocabulary) for p in (*old_all, *new_all)}

        def best_homes(
            paragraphs_from: list[_Paragraph], paragraphs_to: list[_Paragraph]
        ) -> list[_Homes]:
            """Each changed paragraph's best score in every section of the other version."""
            if not paragraphs_from or not paragraphs_to:
                return [_Homes(paragraph, {}) for paragraph in paragraphs_from]
            scores = cdist(
                [codes[id(p)] for p in paragraphs_from],
                [codes[id(p)] for p in paragraphs_to],
                scorer=fuzz.ratio,
            )
            return [
                _Homes(paragraph, _best_per_unit(scores[row], paragraphs_to))
                for row, paragraph in enumerate(paragraphs_from)
            ]

        old_best = best_homes(old_changed, new_all)
        new_best = best_homes(new_changed, old_all)
        return cls(
            old_best, _living(old_best), _living(new_best),
            {unit.index: len(unit.words) for unit in old_units},
            {unit.index: len(unit.words) for unit in new_units},
        )  # fmt: skip

    def shares(self, old_index: int, new_index: int) -> tuple[float, float]:
        """Share of the old section's words living in the new one, and of the new one's from the old."""
        out_words = self.out_words.get(old_index, {}).get(new_index, 0)
        in_words = self.in_words.get(new_index, {}).get(old_index, 0)
        return out_words / max(1, self.old_sizes[old_index]), in_words / max(
            1, self.new_sizes[new_index]
        )


def _best_per_unit(row, paragraphs: list[_Paragraph]) -> dict[int, float]:
    best: dict[int, float] = {}
    for column, score in enumerate(row):
        unit = paragraphs[column].unit
        best[unit] = max(best.get(unit, 0.0), float(score) / 100)
    return best


def _living(homes: list[_Homes]) -> dict[int, dict[int, int]]:
    """Words of each section whose paragraph lives on (similarity >= LIVE) in another section."""
    totals: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for placed in homes:
        home = placed.best_home()
        if home and home[1] >= LIVE_THRESHOLD:
            totals[placed.paragraph.unit][home[0]] += len(placed.paragraph.words)
    return totals


def _long_paragraphs(units: list[_Unit]) -> list[_Paragraph]:
    result = []
    for unit in units:
        for paragraph in paragraphs(unit.section.text):
            words = _plain_words_cached(paragraph)
            if len(words) >= MIN_MOVE_WORDS:
                result.append(_Paragraph(unit.index, paragraph, words))
    return result


def _moves(
    old_units: list[_Unit],
    new_units: list[_Unit],
    pairs: dict[int, int],
    flows: _Flows,
    changes: list[Change],
) -> list[Move]:
    """Paragraphs not kept by their section's partner but found in another section's change."""
    group_of = {}
    for number, change in enumerate(changes):
        for section in (*change.old, *change.new):
            group_of[id(section)] = number
    moves = []
    for placed in flows.old_homes:
        best_home = placed.best_home()
        if best_home is None:
            continue
        unit, (target, score) = placed.paragraph.unit, best_home
        stays = placed.best.get(pairs.get(unit, -1), 0.0)
        source_section, target_section = old_units[unit].section, new_units[target].section
        if score < MOVE_THRESHOLD or stays >= STAY_THRESHOLD or score <= stays:
            continue
        if group_of.get(id(source_section)) == group_of.get(id(target_section)):
            continue
        moves.append(Move(placed.paragraph.text, source_section, target_section, round(score, 3)))
    return moves


# Classification


def _classify(
    old_units: list[_Unit],
    new_units: list[_Unit],
    pairs: dict[int, int],
    flows: _Flows,
    words: bool,
) -> list[Change]:
    _unpair_across_parents(old_units, new_units, pairs)
    reverse = {b: a for a, b in pairs.items()}
    joins_new: dict[int, list[int]] = defaultdict(
        list
    )  # new index -> unpaired old indexes merged in
    joins_old: dict[int, list[int]] = defaultdict(
        list
    )  # old index -> unpaired new indexes split off
    lone: list[Change] = []

    for unit in old_units:
        if unit.index in pairs:
            continue
        home = _home(unit, old_units, new_units, pairs, flows.out_words, flows.old_sizes)
        if isinstance(home, int):
            joins_new[home].append(unit.index)
        elif home:
            lone.append(_group_change("split", [unit], [new_units[t] for t in sorted(home)], words))
        else:
            lone.append(_group_change("removed", [unit], [], words))
    claimed = {index for indexes in joins_new.values() for index in indexes}
    for unit in new_units:
        if unit.index in reverse or unit.index in joins_new:
            continue
        home = _home(unit, new_units, old_units, reverse, flows.in_words, flows.new_sizes)
        if isinstance(home, int) and home in pairs:
            joins_old[home].append(unit.index)
        elif isinstance(home, list) and not claimed & set(home):
            lone.append(
                _group_change("merged", [old_units[s] for s in sorted(home)], [unit], words)
            )
        else:
            lone.append(_group_change("added", [], [unit], words))

    in_order = _in_order(pairs)
    changes: list[Change] = []
    for b, extra in joins_new.items():
        if b not in reverse and len(extra) == 1:
            pairs[extra[0]] = b  # one lone section living on in one lone section: a pair after all
            reverse[b] = extra[0]
            in_order.add((extra[0], b))
        elif b not in reverse:
            changes.append(
                _group_change(
                    "merged", [old_units[i] for i in sorted(extra)], [new_units[b]], words
                )
            )
    for a, b in sorted(pairs.items(), key=lambda pair: pair[1]):
        if (
            (joins_new.get(b) and reverse[b] == a and (a, b) not in in_order)
            or len(joins_new.get(b, [])) > 1
            or (joins_new.get(b) and joins_new[b] != [a])
        ):
            group = sorted({a, *joins_new[b]})
            changes.append(
                _group_change("merged", [old_units[i] for i in group], [new_units[b]], words)
            )
        elif joins_old.get(a):
            group = sorted({b, *joins_old[a]})
            changes.append(
                _group_change("split", [old_units[a]], [new_units[i] for i in group], words)
            )
        else:
            changes.append(_pair_change(old_units[a], new_units[b], (a, b) in in_order, words))
    return _in_document_order(changes + lone, old_units, new_units)


def _unpair_across_parents(
    old_units: list[_Unit], new_units: list[_Unit], pairs: dict[int, int]
) -> None:
    """A renamed sub-section should stay under its parent's successor; else its text merged up."""
    old_by_id = {unit.section.id: unit.index for unit in old_units}
    new_by_id = {unit.section.id: unit.index for unit in new_units}
    for a, b in list(pairs.items()):
        old_unit, new_unit = old_units[a], new_units[b]
        if old_unit.title_key == new_unit.title_key:
            continue
        old_parent = old_by_id.get(old_unit.section.parent or "")
        new_parent = new_by_id.get(new_unit.section.parent or "")
        if (old_parent is not None and old_parent in pairs and pairs[old_parent] != new_parent) or (
            new_parent is not None
            and new_parent in pairs.values()
            and pairs.get(old_parent) != new_parent
        ):
            del pairs[a]


def _home(
    unit: _Unit,
    own: list[_Unit],
    other: list[_Unit],
    pairs: dict[int, int],
    living: dict[int, dict[int, int]],
    sizes: dict[int, int],
) -> int | list[int] | None:
    """Where an unpaired section's text lives on: one section, several (a split), or nowhere.

    Signals in order: its parent's successor, when it shares words with it (a heading
    that disappeared leaves its text under its parent); the sections holding at least
    half of its words; its previous neighbour's successor, when part of its text provably
    moved elsewhere and the rest shares words with that neighbour (a rewritten passage).
    """
    by_id = {candidate.section.id: candidate.index for candidate in own}
    parent = by_id.get(unit.section.parent or "")
    if (
        parent is not None
        and parent in pairs
        and _containment(unit, other[pairs[parent]]) >= PARENT_CONTAINMENT
    ):
        return pairs[parent]
    targets = _where_it_lives(living.get(unit.index, {}), sizes[unit.index])
    if len(targets) == 1:
        return targets[0]
    if targets:
        return targets
    if not sizes[unit.index]:
        namesake = next(
            (candidate.index for candidate in other if candidate.title_key == unit.title_key), None
        )
        if namesake is not None:
            return namesake  # a heading with no text of its own, still there under the same title
    previous = unit.index - 1
    if previous >= 0 and previous in pairs:
        partly_moved = (
            sum(living.get(unit.index, {}).values()) >= NEIGHBOUR_MOVED * sizes[unit.index]
        )
        if partly_moved and _containment(unit, other[pairs[previous]]) >= NEIGHBOUR_CONTAINMENT:
            return pairs[previous]
    return None


def _containment(unit: _Unit, home: _Unit) -> float:
    """Share of the unit's distinct content words that the home's text also uses."""
    words = {word for word in unit.words if word not in _STOPWORDS and len(word) > 2}
    if not words:
        return 0.0
    return len(words & set(home.words)) / len(words)


def _where_it_lives(living: dict[int, int], size: int) -> list[int]:
    """The sections holding at least half of a section's words between them (each a real share)."""
    if not size or sum(living.values()) < LIVES_WHERE * size:
        return []
    return [
        other
        for other, count in sorted(living.items(), key=lambda item: -item[1])
        if count >= LIVES_SHARE * size
    ]


def _in_order(pairs: dict[int, int]) -> set[tuple[int, int]]:
    """The largest set of pairs whose order agrees in both versions (the rest moved)."""
    ordered = sorted(pairs.items())
    tails: list[int] = []
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(ordered)

    for position, (_, b) in enumerate(ordered):
        spot = bisect.bisect_left(tails, b)
        if spot == len(tails):
            tails.append(b)
            tail_index.append(position)
        else:
            tails[spot] = b
            tail_index[spot] = position
        previous[position] = tail_index[spot - 1] if spot else -1
    keep = set()
    position = tail_index[-1] if tail_index else -1
    while position >= 0:
        keep.add(ordered[position])
        position = previous[position]
    return keep


def _pair_change(old_unit: _Unit, new_unit: _Unit, in_order: bool, words: bool) -> Change:
    old_section, new_section = old_unit.section, new_unit.section
    same_text = old_section.text == new_section.text
    renamed = old_unit.title_key != new_unit.title_key
    if renamed:
        kind = "renamed"
    elif not in_order:
        kind = "moved"
    elif same_text and old_section.title == new_section.title:
        kind = "unchanged"
    else:
        kind = "modified"
    text_same = same_text or old_unit.key[1] == new_unit.key[1]
    score = 1.0 if text_same else similarity(old_section.text, new_section.text)
    cosmetic = kind == "modified" and is_cosmetic(
        f"{old_section.title}\n{old_section.text}", f"{new_section.title}\n{new_section.text}"
    )
    diff = word_diff(old_section.text, new_section.text) if words and not same_text else ()
    return Change(kind, (old_section,), (new_section,), round(score, 3), cosmetic, diff)


def _group_change(kind: str, old: list[_Unit], new: list[_Unit], words: bool) -> Change:
    old_text = "\n\n".join(unit.section.text for unit in old)
    new_text = "\n\n".join(unit.section.text for unit in new)
    score = similarity(old_text, new_text) if old and new else 0.0
    diff = word_diff(old_text, new_text) if words else ()
    return Change(
        kind,
        tuple(unit.section for unit in old),
        tuple(unit.section for unit in new),
        round(score, 3),
        False,
        diff,
    )


def _in_document_order(
    changes: list[Change], old_units: list[_Unit], new_units: list[_Unit]
) -> list[Change]:
    """By position in the new version; a removed section right after its old neighbour's change."""
    new_index = {id(unit.section): unit.index for unit in new_units}
    old_index = {id(unit.section): unit.index for unit in old_units}
    position_of_old: dict[int, float] = {}
    for change in changes:
        if change.new:
            position = min(new_index[id(section)] for section in change.new)
            for section in change.old:
                position_of_old[old_index[id(section)]] = position

    def position(change: Change) -> tuple[float, int]:
        if change.new:
            return min(new_index[id(section)] for section in change.new), 0
        first_old = old_index[id(change.old[0])]
        before = [position_of_old[i] for i in range(first_old - 1, -1, -1) if i in position_of_old]
        return (before[0] if before else -1) + 0.5, first_old

    return sorted(changes, key=position)


# Tokens


@lru_cache(maxsize=8192)
def _plain_words_cached(text: str) -> tuple[str, ...]:
    return tuple(_WORDS.findall(_LIST_MARKER.sub("", _unify_quotes(text)).lower()))


def _plain_words(text: str) -> list[str]:
    """Lower-case words without punctuation, quotes or list markers: what a reader compares."""
    return list(_plain_words_cached(text))


def _token_keys(text: str) -> list[str]:
    """One key per `_TOKEN` of the text: the word, lower-cased, with one kind of quote."""
    return _KEY.findall(_unify_quotes(text.lower()))


def _unify_quotes(text: str) -> str:
    """Curly quotes and long dashes as their plain forms (str.replace is far faster than translate)."""
    for fancy, plain in _QUOTE_PAIRS:
        if fancy in text:
            text = text.replace(fancy, plain)
    return text


def _encode(words, vocabulary: dict[str, str]) -> str:
    """Words as one character each, so rapidfuzz's string scorers work on words."""
    for word in set(words).difference(vocabulary):
        number = len(vocabulary) + 0x100
        vocabulary[word] = chr(number if number < 0xD800 else number + 0x800)
    return "".join(map(vocabulary.__getitem__, words))
