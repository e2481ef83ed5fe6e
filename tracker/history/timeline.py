"""The section x version grid: one row per section lineage, kept across renames."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.history.history import History
from tracker.model import Change, ChangeKind, Comparison

PAIR_KINDS = (ChangeKind.UNCHANGED, ChangeKind.RENAMED, ChangeKind.MOVED, ChangeKind.MODIFIED)


@dataclass(frozen=True)
class Row:
    title: str
    cells: tuple[str | None, ...]
    titles: tuple[str | None, ...]
    ids: tuple[str | None, ...]


@dataclass(frozen=True)
class Grid:
    policy: str
    versions: tuple[str, ...]
    rows: tuple[Row, ...]


class _Lineage:
    def __init__(self, width: int) -> None:
        self.cells: list[str | None] = [None] * width
        self.titles: list[str | None] = [None] * width
        self.positions: list[int | None] = [None] * width
        self.ids: list[str | None] = [None] * width


def build_grid(history: History, progress=None) -> Grid:
    """The grid, from the cache when this exact sequence of versions was seen before."""
    key = ":".join(version.sha256 for version in history.versions)
    return history.cache.get_or_make("grid", key, Grid, lambda: _build_grid(history, progress))


def _build_grid(history: History, progress=None) -> Grid:
    from tracker.analysis.compare import sections_with_preamble

    width = len(history.versions)
    lineages: list[_Lineage] = []
    current: dict[str, _Lineage] = {}
    for position, section in enumerate(
        sections_with_preamble(history.document(0)) if width else []
    ):
        lineage = _Lineage(width)
        lineage.cells[0], lineage.titles[0], lineage.positions[0] = (
            ChangeKind.ADDED,
            section.title,
            position,
        )
        lineage.ids[0] = section.id
        lineages.append(lineage)
        current[section.id] = lineage
    for index in range(1, width):
        current = _advance(history.step(index, words=False), index, width, current, lineages)
        if progress:
            progress()
    rows = tuple(
        Row(
            next(title for title in reversed(lineage.titles) if title),
            tuple(lineage.cells),
            tuple(lineage.titles),
            tuple(lineage.ids),
        )
        for lineage in _reading_order(lineages, width)
    )
    return Grid(
        history.policy, tuple(version.effective.short for version in history.versions), rows
    )


def _advance(
    comparison: Comparison,
    index: int,
    width: int,
    current: dict[str, _Lineage],
    lineages: list[_Lineage],
) -> dict[str, _Lineage]:
    following: dict[str, _Lineage] = {}
    order = {section.id: position for position, section in enumerate(_new_sections(comparison))}

    def continue_row(lineage: _Lineage | None, section_id: str, title: str, kind: str) -> None:
        if lineage is None or section_id in following:
            if section_id in following:
                return
            lineage = _Lineage(width)
            lineages.append(lineage)
        lineage.cells[index], lineage.titles[index] = kind, title
        lineage.positions[index] = order.get(section_id)
        lineage.ids[index] = section_id
        following[section_id] = lineage

    for change in comparison.changes:
        if change.kind == ChangeKind.ADDED:
            continue_row(None, change.new[0].id, change.new[0].title, ChangeKind.ADDED)
        elif change.kind == ChangeKind.REMOVED:
            lineage = current.get(change.old[0].id)
            if lineage:
                lineage.cells[index] = ChangeKind.REMOVED
        elif change.kind in PAIR_KINDS or change.kind == ChangeKind.SPLIT:
            origin = current.get(change.old[0].id)
            for position, section in enumerate(change.new):
                continue_row(
                    origin if position == 0 else None, section.id, section.title, change.kind
                )
        elif change.kind == ChangeKind.MERGED:
            rows = [current.get(section.id) for section in change.old]
            keep = next((row for row in rows if row is not None), None)
            for row in rows:
                if row is not None and row is not keep:
                    row.cells[index] = ChangeKind.MERGED
            for position, section in enumerate(change.new):  # a regrouping also splits
                continue_row(
                    keep if position == 0 else None, section.id, section.title, ChangeKind.MERGED
                )
    return following


def _new_sections(comparison: Comparison):
    seen: dict[str, object] = {}
    for change in comparison.changes:
        for section in change.new:
            seen.setdefault(section.id, section)
    return list(seen.values())


def _reading_order(lineages: list[_Lineage], width: int) -> list[_Lineage]:
    """Rows in the latest version's order; a row that ended sits after its last neighbour above."""

    def key(lineage: _Lineage) -> tuple[float, int]:
        last = max(
            index for index, position in enumerate(lineage.positions) if position is not None
        )
        if last == width - 1:
            return float(lineage.positions[last]), 0
        before = [
            other for other in lineages
            if other.positions[last] is not None and other.positions[width - 1] is not None
            and other.positions[last] < lineage.positions[last]
        ]  # fmt: skip
        anchor = max(before, key=lambda other: other.positions[last], default=None)
        return (anchor.positions[width - 1] + 0.5 if anchor else -0.5), last

    return sorted(lineages, key=key)


Levels = tuple[tuple[str | None, ...], ...]


def grid_significance(history: History, grid: Grid) -> Levels:
    """Each grid cell's significance (None where its section did not change), cached like the
    grid: the grid comes from the steps without words, significance from those with them."""
    key = ":".join(version.sha256 for version in history.versions)
    return history.cache.get_or_make(
        "grid-significance", key, Levels, lambda: _grid_significance(history, grid)
    )


def _grid_significance(history: History, grid: Grid) -> Levels:
    levels = [[None] * len(history.versions) for _ in grid.rows]
    for index in range(1, len(history.versions)):
        new_level: dict[str, str] = {}
        old_level: dict[str, str] = {}
        for change in history.step(index).changes:
            if change.kind != ChangeKind.UNCHANGED:
                new_level.update((section.id, change.significance) for section in change.new)
                old_level.update((section.id, change.significance) for section in change.old)
        for number, row in enumerate(grid.rows):
            if row.cells[index] in (None, ChangeKind.UNCHANGED):
                continue
            section = row.ids[index]  # None where the row's section was removed or merged away
            levels[number][index] = (
                new_level.get(section) if section else old_level.get(row.ids[index - 1] or "")
            )
    return tuple(map(tuple, levels))


def row_change(history: History, row: Row, index: int) -> Change | None:
    """What happened to the row's section in version `index` (its first version: added)."""
    from tracker.analysis.compare import sections_with_preamble

    if index == 0:
        section = next(
            (s for s in sections_with_preamble(history.document(0)) if s.id == row.ids[0]), None
        )
        return Change(ChangeKind.ADDED, (), (section,), 0.0, False) if section else None
    wanted_new, wanted_old = row.ids[index], row.ids[index - 1]
    for change in history.step(index).changes:
        if any(section.id == wanted_new for section in change.new) or (
            wanted_new is None and any(section.id == wanted_old for section in change.old)
        ):
            return change
    return None
