"""Pairing sections on several signals at once, then classifying what became of each."""

from __future__ import annotations

import bisect
from collections import defaultdict

from tracker.analysis.compare.flows import _Flows
from tracker.analysis.compare.scores import scores_above
from tracker.analysis.compare.units import _Unit
from tracker.analysis.compare.words import _STOPWORDS, _encode, is_cosmetic, similarity, word_diff
from tracker.analysis.weights import (
    ALIKE_ENOUGH,
    CONTENT_WEIGHT,
    EMPTY_OTHER_WORDS,
    EMPTY_SAME_WORDS,
    LIVES_SHARE,
    LIVES_WHERE,
    MATCH_THRESHOLD,
    NEIGHBOUR_CONTAINMENT,
    NEIGHBOUR_MOVED,
    PARENT_CONTAINMENT,
    REWRITE_BONUS,
    REWRITE_CONTENT,
    REWRITE_TITLE,
    SAME_TITLE_BASE,
    SAME_TITLE_CONTENT,
    SHARED_ENOUGH,
    TITLE_WEIGHT,
)
from tracker.model import Change, ChangeKind


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

    vocabulary: dict[str, str] = {}
    old_encoded = [_encode(unit.words, vocabulary) for unit in old_free]
    new_encoded = [_encode(unit.words, vocabulary) for unit in new_free]
    content = scores_above(old_encoded, new_encoded, fuzz.ratio)
    titles = scores_above(
        [unit.title_key for unit in old_free],
        [unit.title_key for unit in new_free],
        fuzz.token_set_ratio,
    )
    matrix = []
    for a, old_unit in enumerate(old_free):
        row = []
        for b, new_unit in enumerate(new_free):
            same_title = old_unit.title_key == new_unit.title_key
            title = 1.0 if same_title else titles[a].get(b, 0.0) / 100
            whole = content[a].get(b, 0.0) / 100
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
    split_into: set[int] = set()  # new indexes a lone old section split into
    removed: dict[int, Change] = {}  # old index -> its removal, unless a new section merges it

    for unit in old_units:
        if unit.index in pairs:
            continue
        home = _home(unit, old_units, new_units, pairs, flows.out_words, flows.old_sizes)
        if isinstance(home, int):
            joins_new[home].append(unit.index)
        elif home:
            split_into.update(home)
            lone.append(
                _group_change(ChangeKind.SPLIT, [unit], [new_units[t] for t in sorted(home)], words)
            )
        else:
            removed[unit.index] = _group_change(ChangeKind.REMOVED, [unit], [], words)
    claimed = {index for indexes in joins_new.values() for index in indexes}
    for unit in new_units:
        if unit.index in reverse or unit.index in joins_new or unit.index in split_into:
            continue
        home = _home(unit, new_units, old_units, reverse, flows.in_words, flows.new_sizes)
        if isinstance(home, int) and home in pairs:
            joins_old[home].append(unit.index)
        elif isinstance(home, list) and not claimed & set(home):
            for index in home:
                removed.pop(index, None)  # its text lives on here: not removed after all
            lone.append(
                _group_change(
                    ChangeKind.MERGED, [old_units[s] for s in sorted(home)], [unit], words
                )
            )
        else:
            lone.append(_group_change(ChangeKind.ADDED, [], [unit], words))

    lone += removed.values()
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
                    ChangeKind.MERGED, [old_units[i] for i in sorted(extra)], [new_units[b]], words
                )
            )
    for a, b in sorted(pairs.items(), key=lambda pair: pair[1]):
        if (
            (joins_new.get(b) and reverse[b] == a and (a, b) not in in_order)
            or len(joins_new.get(b, [])) > 1
            or (joins_new.get(b) and joins_new[b] != [a])
        ):
            group = sorted({a, *joins_new[b]})
            split_off = sorted({b, *joins_old.get(a, [])})  # a regrouping: merged, and split too
            changes.append(
                _group_change(
                    ChangeKind.MERGED,
                    [old_units[i] for i in group],
                    [new_units[i] for i in split_off],
                    words,
                )
            )
        elif joins_old.get(a):
            group = sorted({b, *joins_old[a]})
            changes.append(
                _group_change(
                    ChangeKind.SPLIT, [old_units[a]], [new_units[i] for i in group], words
                )
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
        kind = ChangeKind.RENAMED
    elif not in_order:
        kind = ChangeKind.MOVED
    elif same_text and old_section.title == new_section.title:
        kind = ChangeKind.UNCHANGED
    else:
        kind = ChangeKind.MODIFIED
    text_same = same_text or old_unit.key[1] == new_unit.key[1]
    score = 1.0 if text_same else similarity(old_section.text, new_section.text)
    cosmetic = kind == ChangeKind.MODIFIED and is_cosmetic(
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
