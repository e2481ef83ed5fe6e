"""A policy's versions in order, with change summaries, and the section x version grid."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from tracker.history.history import History, LogEntry
from tracker.history.timeline import Grid, Levels, build_grid, grid_significance
from tracker.present.console import safe
from tracker.present.wording import (
    DATE_MARK,
    KIND_MARK,
    SIGNIFICANCE_MARK,
    counted,
    flag_words,
    log_summary,
    seen_words,
)
from tracker.tui import keymap
from tracker.tui.grid import GridRow, SectionGrid
from tracker.tui.widgets import (
    TableNavigation,
    cell,
    fill_table,
    grid_cell,
    literal,
    shortened,
    significance_style,
    volume_bar,
)

_VERSION_COLUMNS = (
    ("number", "#"), ("significance", "s"), ("effective", "effective"), ("precision", "precision"),
    ("source", "source"), ("volume", "volume"), ("summary", "what changed"),
)  # fmt: skip
LEGEND_KINDS = ("added", "modified", "renamed", "moved", "split", "merged", "removed", "unchanged")


class TimelineScreen(TableNavigation, Screen):
    BINDINGS = keymap.TIMELINE

    def __init__(self, policy: str) -> None:
        super().__init__()
        self.policy = policy
        self.history: History | None = None
        self.grid: Grid | None = None
        self.marked: int | None = None
        self.entries: list[LogEntry] = []
        self.levels: Levels = ()
        self.ready = False  # the versions and the grid shown

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="timeline"):
            yield Static(f"[b]{self.policy}[/b]  loading…", id="timeline-title", classes="title")
            yield ProgressBar(id="comparing", show_eta=False)
            yield DataTable(id="versions", cursor_type="row", zebra_stripes=True)
            yield Static("", id="version-detail", classes="detail")
            yield Static("", id="grid-legend", classes="legend")
            yield SectionGrid(id="grid")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#comparing", ProgressBar).display = False
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        try:
            history = History(self.app.archive, self.policy)
            if history.uncached_steps():  # not compared when filed (`add --no-compare`)
                self._compare(len(history.versions) - 1)
            entries = history.log_entries()
            grid = build_grid(history)
            levels = grid_significance(history, grid)
        except Exception as error:  # shown in the UI, never a traceback
            self.app.call_from_thread(self.show_error, error)
            return
        self.app.call_from_thread(self.show, history, entries, grid, levels)

    def _compare(self, steps: int) -> None:
        """The steps compared on every core, with their count shown as they finish."""
        from tracker.app.precompute import precompute

        bar = self.query_one("#comparing", ProgressBar)
        title = self.query_one("#timeline-title", Static)

        def shown(advance: int = 1, total: int | None = None) -> None:
            if total is not None:
                bar.display = True
                bar.update(total=total, progress=0)
            bar.advance(advance)
            title.update(
                f"[b]{self.policy}[/b]  comparing {int(bar.progress)}/{int(bar.total or 0)}"
                f" of {counted(steps, 'step')} (once: then cached)"
            )

        precompute(
            self.app.archive,
            [self.policy],
            progress=lambda advance, total=None: self.app.call_from_thread(shown, advance, total),
        )
        self.app.call_from_thread(setattr, bar, "display", False)

    def show_error(self, error: Exception) -> None:
        self.query_one("#comparing", ProgressBar).display = False
        self.query_one("#timeline-title", Static).update(
            f"[b]{self.policy}[/b]  [red]{literal(str(error))}[/]"
        )
        self.app.report_error(error)

    def show(self, history: History, entries: list[LogEntry], grid: Grid, levels: Levels) -> None:
        self.history, self.grid, self.entries, self.levels = history, grid, entries, levels
        self.query_one("#timeline-title", Static).update(self._title(self._hint()))
        self._fill_versions(entries)
        self._fill_grid(grid)
        self.query_one("#versions", DataTable).focus()
        self.ready = True

    def recolour(self) -> None:
        if self.history is not None:
            row = self.query_one("#versions", DataTable).cursor_row
            grid = self.query_one("#grid", SectionGrid)
            at = grid.cursor_coordinate
            self._fill_versions(self.entries)
            self._fill_grid(self.grid)
            self.query_one("#versions", DataTable).move_cursor(row=row)
            grid.move_cursor(row=at.row, column=at.column)

    def _fill_versions(self, entries: list[LogEntry]) -> None:
        colours = self.app.colours
        versions = self.query_one("#versions", DataTable)
        sizes = [self._volume(entry) for entry in entries]
        rows = [
            (
                self._number(index),
                Text(SIGNIFICANCE_MARK[level], style=significance_style(level, colours)),
                *map(cell, (entry.version.effective.short, entry.version.effective.precision,
                            _source(entry.version), volume_bar(sizes[index], max(sizes)),
                            f"{DATE_MARK} {log_summary(entry)}" if entry.flags else log_summary(entry))),
            )
            for index, (entry, level) in enumerate((entry, _significance(entry)) for entry in entries)
        ]  # fmt: skip
        fill_table(versions, _VERSION_COLUMNS, rows, spare={"number": 1})  # room for the mark
        versions.move_cursor(row=len(entries) - 1)
        marks = " ".join(
            f"{_styled(SIGNIFICANCE_MARK[level], significance_style(level, colours))} {level}"
            for level in ("substantive", "minor", "cosmetic")
        )
        self.query_one("#grid-legend", Static).update(
            f"[b]s[/b] {marks} (grid marks too) · [b]volume[/b] changes beyond cosmetics"
            f"\n[b]grid[/b] {self._kind_legend()}"
        )

    @staticmethod
    def _volume(entry: LogEntry) -> int:
        """How many of the step's changes are more than cosmetic: what the bar shows."""
        if entry.step is None:
            return 0
        counts = entry.step.counts
        return counts.get("significance_substantive", 0) + counts.get("significance_minor", 0)

    def _number(self, index: int) -> Text:
        """The version's number, with a mark while it is the one marked to compare."""
        if index == self.marked:
            return Text(f"{index + 1}◆", style="reverse bold")
        return Text(str(index + 1))

    @staticmethod
    def _kind_legend() -> str:
        return " ".join(f"[b]{KIND_MARK[kind]}[/] {kind}" for kind in LEGEND_KINDS)

    def _fill_grid(self, grid: Grid) -> None:
        colours = self.app.colours
        table = self.query_one("#grid", SectionGrid)
        name_width = min(40, max(16, self.size.width // 3))
        rows = [
            GridRow(
                cell(shortened(safe(row.title), name_width - 1)),
                tuple(
                    grid_cell(kind, level, colours)
                    for kind, level in zip(row.cells, levels, strict=True)
                ),
            )
            for row, levels in zip(grid.rows, self.levels, strict=True)
        ]
        table.set_rows(rows, len(grid.versions), name_width)
        # The versions table opens on the newest version; the grid on its newest column too.
        self.call_after_refresh(lambda: table.move_cursor(column=len(grid.versions)))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted version's whole summary, which the table's column may cut."""
        if event.data_table.id != "versions" or event.row_key is None or not self.entries:
            return
        index = int(str(event.row_key.value))
        version = self.entries[index].version
        mark = "  [reverse] marked [/]" if index == self.marked else ""
        entry = self.entries[index]
        dates = f"  [$warning]{DATE_MARK} {flag_words(entry.flags)}[/]" if entry.flags else ""
        volume = f"  [dim]volume: {counted(self._volume(entry), 'change')} beyond cosmetics[/]"
        self.query_one("#version-detail", Static).update(
            f"[b]#{index + 1} {version.effective.label}[/b]{mark}  {literal(log_summary(entry))}"
            f"{dates}  [dim]{seen_words(version)}[/]" + (volume if entry.step else "")
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_version(int(str(event.row_key.value)))

    def on_section_grid_cell_selected(self, event: SectionGrid.CellSelected) -> None:
        self.open_section(event.coordinate.row, event.coordinate.column)

    def action_open(self) -> None:
        table = self.current_table()
        if not table.row_count:
            return
        if isinstance(table, SectionGrid):
            self.open_section(*table.cursor_coordinate)
        else:
            self.open_version(table.cursor_row)

    def open_section(self, row: int, column: int) -> None:
        """A grid cell's section history, at the cell's version (the names column: the newest)."""
        if self.history is None:
            return
        from tracker.tui.screens.section import SectionHistoryScreen

        at = column - 1 if column else None
        self.app.push_screen(SectionHistoryScreen(self.history, self.grid.rows[row], self.grid, at))

    def open_version(self, index: int) -> None:
        """The diff of this version with the one before, or with the marked one."""
        if self.history is None:
            return
        old = self.marked if self.marked is not None and self.marked != index else index - 1
        if old < 0:
            self.notify(
                "only one version so far: nothing to compare yet"
                if len(self.history.versions) == 1
                else "the first version has nothing before it; mark another with space to compare"
            )
            return
        from tracker.tui.screens.diff import DiffScreen

        self._set_mark(None)
        self.app.push_screen(DiffScreen(self.history, min(old, index), max(old, index), self.grid))

    def action_mark(self) -> None:
        table = self.query_one("#versions", DataTable)
        if not table.row_count:
            return
        index = table.cursor_row
        if index == self.marked:
            self._set_mark(None)
            self.notify("mark cleared")
            return
        self._set_mark(index)
        version = self.history.versions[index]
        self.notify(
            f"marked #{index + 1} ({version.effective.short}): enter on another compares the two"
        )

    def _set_mark(self, index: int | None) -> None:
        versions = self.query_one("#versions", DataTable)
        previous, self.marked = self.marked, index
        for changed in {previous, index} - {None}:
            versions.update_cell(str(changed), "number", self._number(changed))
        hint = (
            f"marked #{index + 1}: enter on another version compares the two"
            if index is not None
            else self._hint()
        )
        self.query_one("#timeline-title", Static).update(self._title(hint))

    def _hint(self) -> str:
        if len(self.history.versions) == 1:
            return "only one version so far: nothing to compare yet"
        return "enter diff · space mark two to compare · tab grid · ? help"

    def _title(self, hint: str) -> str:
        count = counted(len(self.history.versions), "version")
        return f"[b]{self.policy}[/b]  {count}  ·  {hint}"

    @work(thread=True, group="report")
    def action_write_report(self) -> None:
        from pathlib import Path

        from tracker.present.reporting import write_policy_report

        self.app.call_from_thread(self.notify, f"writing the report of {self.policy}…")
        try:
            path = write_policy_report(self.app.archive, self.policy, Path.cwd())
        except Exception as error:  # shown in the UI, never a traceback
            self.app.call_from_thread(self.app.report_error, error)
            return
        self.app.call_from_thread(self.notify, f"report written to {path}", timeout=10)

    def action_refresh(self) -> None:
        """Read the archive again: versions added since the screen opened appear."""
        self.marked, self.ready = None, False
        self.app.archive.reload()
        self.notify("reading the archive again")
        self.load()

    def action_full_height(self) -> None:
        """The focused table alone on the screen (again: both)."""
        if self.maximized is not None:
            self.minimize()
        else:
            self.maximize(self.current_table(), container=False)

    def action_switch(self) -> None:
        zoomed = self.maximized is not None
        if zoomed:
            self.minimize()
        target = self.query_one(
            "#grid" if self.focused is self.query_one("#versions") else "#versions"
        )
        target.focus()
        if zoomed:
            self.maximize(target, container=False)

    def current_table(self) -> DataTable | SectionGrid:
        return (
            self.focused
            if isinstance(self.focused, DataTable | SectionGrid)
            else self.query_one("#versions", DataTable)
        )


def _significance(entry: LogEntry) -> str:
    """The step's highest significance: `substantive`, `minor`, `cosmetic` or `none`."""
    counts = entry.step.counts if entry.step else {}
    for level in ("substantive", "minor", "cosmetic"):
        if counts.get(f"significance_{level}"):
            return level
    return "none"


def _styled(text: str, style: str) -> str:
    return f"[{style}]{text}[/]" if style else text


def _source(version) -> str:
    """Where the version came from, in a few words."""
    if version.source.extraction_change:
        return "extraction change"
    return (
        (version.source.archived_on and f"archived {version.source.archived_on}")
        or (version.source.recorded_on and f"recorded {version.source.recorded_on}")
        or version.source.file_name
        or ""
    )
