"""A policy's versions in order, with change summaries, and the section x version grid."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from tracker.history.history import History, LogEntry
from tracker.history.timeline import Grid, build_grid
from tracker.present.console import safe
from tracker.present.wording import (
    DATE_MARK,
    counted,
    flag_words,
    kind_legend,
    log_summary,
    seen_words,
)
from tracker.tui import keymap
from tracker.tui.widgets import (
    TableNavigation,
    cell,
    kind_cell,
    literal,
    shortened,
    volume_bar,
)

CHANGE_KINDS = ("modified", "renamed", "moved", "split", "merged", "added", "removed")


class TimelineScreen(TableNavigation, Screen):
    BINDINGS = keymap.TIMELINE

    def __init__(self, policy: str) -> None:
        super().__init__()
        self.policy = policy
        self.history: History | None = None
        self.grid: Grid | None = None
        self.marked: int | None = None
        self.entries: list[LogEntry] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="timeline"):
            yield Static(f"[b]{self.policy}[/b]  loading…", id="timeline-title", classes="title")
            yield ProgressBar(id="comparing", show_eta=False)
            yield DataTable(id="versions", cursor_type="row", zebra_stripes=True)
            yield Static("", id="version-detail", classes="detail")
            yield Static(
                f"section x version grid   {kind_legend()}", id="grid-legend", classes="legend"
            )
            yield DataTable(id="grid", cursor_type="row")
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
        except Exception as error:  # shown in the UI, never a traceback
            self.app.call_from_thread(self.show_error, error)
            return
        self.app.call_from_thread(self.show, history, entries, grid)

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

    def show(self, history: History, entries: list[LogEntry], grid: Grid) -> None:
        self.history, self.grid, self.entries = history, grid, entries
        count = len(history.versions)
        hint = "enter: diff with the version before · space: mark, then enter on another to compare"
        if count == 1:
            hint = "only one version so far: nothing to compare yet"
        self.query_one("#timeline-title", Static).update(
            f"[b]{self.policy}[/b]  {counted(count, 'version')}  ·  {hint}"
        )
        versions = self.query_one("#versions", DataTable)
        versions.add_columns("#", "effective", "precision", "source", "volume", "what changed")
        sizes = [
            sum(entry.step.counts.get(kind, 0) for kind in CHANGE_KINDS) if entry.step else 0
            for entry in entries
        ]
        for index, entry in enumerate(entries):
            version = entry.version
            source = "extraction change" if version.source.extraction_change else (
                (version.source.archived_on and f"archived {version.source.archived_on}")
                or (version.source.recorded_on and f"recorded {version.source.recorded_on}")
                or version.source.file_name or ""
            )  # fmt: skip
            summary = f"{DATE_MARK} {log_summary(entry)}" if entry.flags else log_summary(entry)
            versions.add_row(
                *map(cell, (index + 1, version.effective.short, version.effective.precision, source,
                            volume_bar(sizes[index], max(sizes)), summary)),
                key=str(index),
            )  # fmt: skip
        table = self.query_one("#grid", DataTable)
        table.add_column("section", key="section", width=40)
        for index in range(len(grid.versions)):
            table.add_column(str(index + 1), key=f"v{index}", width=max(2, len(str(index + 1))))
        for number, row in enumerate(grid.rows):
            table.add_row(
                cell(shortened(safe(row.title), 40)),
                *(kind_cell(kind) for kind in row.cells),
                key=str(number),
            )
        versions.move_cursor(row=count - 1)
        versions.focus()
        # The versions table opens on the newest version; the grid shows the newest columns too.
        self.call_after_refresh(lambda: table.scroll_to(x=table.max_scroll_x, animate=False))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted version's whole summary, which the table's column may cut."""
        if event.data_table.id != "versions" or event.row_key is None or not self.entries:
            return
        index = int(str(event.row_key.value))
        version = self.entries[index].version
        mark = "  [reverse] marked [/]" if index == self.marked else ""
        entry = self.entries[index]
        dates = f"  [yellow]{DATE_MARK} {flag_words(entry.flags)}[/]" if entry.flags else ""
        self.query_one("#version-detail", Static).update(
            f"[b]#{index + 1} {version.effective.label}[/b]{mark}  {literal(log_summary(entry))}"
            f"{dates}  [dim]{seen_words(version)}[/]"
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_row(event.data_table, int(str(event.row_key.value)))

    def action_open(self) -> None:
        table = (
            self.focused
            if isinstance(self.focused, DataTable)
            else self.query_one("#versions", DataTable)
        )
        if table.row_count:
            self.open_row(table, table.cursor_row)

    def open_row(self, table: DataTable, index: int) -> None:
        if self.history is None:
            return
        if table.id == "grid":
            from tracker.tui.screens.section import SectionHistoryScreen

            self.app.push_screen(SectionHistoryScreen(self.history, self.grid.rows[index]))
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

        self.marked = None
        self.app.push_screen(DiffScreen(self.history, min(old, index), max(old, index)))

    def action_mark(self) -> None:
        table = self.query_one("#versions", DataTable)
        if table.row_count:
            self.marked = table.cursor_row
            version = self.history.versions[self.marked]
            self.notify(
                f"marked {version.effective.short}: press enter on another version to compare"
            )

    def action_switch(self) -> None:
        target = "#grid" if self.focused is self.query_one("#versions") else "#versions"
        self.query_one(target, DataTable).focus()

    def current_table(self) -> DataTable:
        return (
            self.focused
            if isinstance(self.focused, DataTable)
            else self.query_one("#versions", DataTable)
        )
