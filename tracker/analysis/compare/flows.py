"""Paragraphs that left their section: where each one's words live in the other version."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from tracker.analysis.compare.scores import scores_above
from tracker.analysis.compare.units import _Unit
from tracker.analysis.compare.words import _plain_words_cached, shared_codes
from tracker.analysis.weights import (
    LIVE_THRESHOLD,
    MIN_MOVE_WORDS,
    MOVE_THRESHOLD,
    STAY_THRESHOLD,
)
from tracker.model import Change, Move
from tracker.text import paragraphs


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
        identical_old = {a for a, b in pairs.items() if old_units[a].key == new_units[b].key}
        identical_new = {pairs[a] for a in identical_old}
        old_all = _long_paragraphs(old_units)
        new_all = _long_paragraphs(new_units)
        old_changed = [paragraph for paragraph in old_all if paragraph.unit not in identical_old]
        new_changed = [paragraph for paragraph in new_all if paragraph.unit not in identical_new]
        shared_codes.start_pair()

        def best_homes(
            paragraphs_from: list[_Paragraph], paragraphs_to: list[_Paragraph]
        ) -> list[_Homes]:
            """Each changed paragraph's best score in every section of the other version."""
            from rapidfuzz import fuzz

            if not paragraphs_from or not paragraphs_to:
                return [_Homes(paragraph, {}) for paragraph in paragraphs_from]
            rows = scores_above(
                [shared_codes(p.words) for p in paragraphs_from],
                [shared_codes(p.words) for p in paragraphs_to],
                fuzz.ratio,
                _LOWEST_USED_SCORE,
            )
            return [
                _Homes(paragraph, _best_per_unit(row, paragraphs_to))
                for paragraph, row in zip(paragraphs_from, rows, strict=True)
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


# A score under every threshold it is weighed against decides nothing (a home, a move, a
# stay), so rapidfuzz may skip computing it (it bounds the score by the lengths first).
_LOWEST_USED_SCORE = 100 * min(LIVE_THRESHOLD, MOVE_THRESHOLD, STAY_THRESHOLD)


def _best_per_unit(row: dict[int, float], paragraphs: list[_Paragraph]) -> dict[int, float]:
    """The row's best score in each unit the columns' paragraphs belong to, as a share, in
    the units' order (a missing unit scored under every threshold)."""
    best: dict[int, float] = {}
    for column in sorted(row):
        unit = paragraphs[column].unit
        best[unit] = max(best.get(unit, 0.0), row[column] / 100)
    return dict(sorted(best.items()))


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
