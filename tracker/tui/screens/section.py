"""One section through every version: a numbered entry a change, and the highlighted one's diff."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from tracker.history.history import History
from tracker.history.timeline import Grid, Row, row_change
from tracker.model import Change
from tracker.present.console import safe
from tracker.present.wording import describe, reason
from tracker.tui import keymap
from tracker.tui.widgets import (
    ChangeText,
    TableNavigation,
    TextPane,
    TextView,
    cell,
    change_titles,
    fill_table,
    kind_cell,
    literal,
    shortened,
    significance_cell,
)

_ENTRY_COLUMNS = (
    ("entry", ""), ("version", "version"), ("effective", "effective"), ("kind", "kind"),
    ("significance", "significance"), ("title", "title"),
)  # fmt: skip


@dataclass(frozen=True)
class Entry:
    """The section in one version: what happened to it there."""

    index: int  # the version's position in the history
    change: Change | None


class SectionHistoryScreen(TableNavigation, Screen):
    BINDINGS = keymap.SECTION

    def __init__(
        self, history: History, row: Row, grid: Grid | None = None, at: int | None = None
    ) -> None:
        super().__init__()
        self.history = history
        self.row = row
        self.grid = grid
        self.at = at  # the version to open on (a grid cell's); None: the newest
        self.entries: list[Entry] = []
        self.view = TextView()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            f"[b]{self.history.policy}[/b]  section history: [b]{literal(self.row.title)}[/b]",
            id="section-title",
            classes="title",
        )
        with Vertical(id="section-history"):
            yield DataTable(id="entries", cursor_type="row", zebra_stripes=True)
            with TextPane(id="entry-detail"):
                yield Static(id="entry-head")
                yield ChangeText(id="entry-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#section-history").loading = True
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        try:
            entries = [
                Entry(index, row_change(self.history, self.row, index))
                for index, kind in enumerate(self.row.cells)
                if kind is not None and (kind != "unchanged" or index == 0)
            ]
        except Exception as error:  # shown in the UI, never a traceback
            self.app.call_from_thread(self.app.report_error, error)
            return
        self.app.call_from_thread(self.show, entries)

    @property
    def ready(self) -> bool:
        return bool(self.entries)

    def recolour(self) -> None:
        if self.entries:
            row = self.current_table().cursor_row
            self.show(self.entries)
            self.current_table().move_cursor(row=row)

    def show(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.query_one("#section-history").loading = False
        colours = self.app.colours
        table = self.query_one("#entries", DataTable)
        rows = []
        for number, entry in enumerate(entries):
            version = self.history.versions[entry.index]
            kind = self.row.cells[entry.index] or ""
            significance = entry.change.significance if entry.change and entry.index else ""
            title = self.row.titles[entry.index] or (entry.change and change_titles(entry.change))
            rows.append((
                cell(number + 1), cell(f"#{entry.index + 1}"), cell(version.effective.short),
                kind_cell(kind, colours, short=False), significance_cell(significance, colours),
                cell(shortened(safe(title or ""), 60)),
            ))  # fmt: skip
        fill_table(table, _ENTRY_COLUMNS, rows)
        self.query_one("#section-title", Static).update(
            f"[b]{self.history.policy}[/b]  section history: [b]{literal(self.row.title)}[/b]  "
            f"·  {len(entries)} entries  ·  enter opens that version's diff"
        )
        table.move_cursor(row=self._opening_entry(entries))
        table.focus()

    def _opening_entry(self, entries: list[Entry]) -> int:
        """The entry of the version asked for, or of the last change before it: an unchanged
        cell shows the section as its last change left it."""
        if self.at is None:
            return len(entries) - 1
        return max(
            (number for number, entry in enumerate(entries) if entry.index <= self.at), default=0
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is None or not self.entries:
            return
        self.show_entry(self.entries[int(str(event.row_key.value))])

    def show_entry(self, entry: Entry) -> None:
        head = Text()
        version = self.history.versions[entry.index]
        head.append(f"#{entry.index + 1} {version.effective.label}  ", style="bold")
        change = entry.change
        if change is None:
            self.query_one("#entry-head", Static).update(head)
            self.query_one(ChangeText).remove_children()
            return
        head.append(change.kind, style=f"bold {self.app.colours[change.kind]}")
        if change.kind in ("renamed", "split", "merged"):
            head.append(f"  {change_titles(change)}", style="italic")
        if change.reason and entry.index:
            head.append(f"\n{change.significance}: {safe(reason(change))}", style="italic")
        for fact in change.facts:
            head.append(f"\n • {safe(describe(fact))}")
        self.query_one("#entry-head", Static).update(head)
        self.query_one(ChangeText).show(change, self.app.colours, self.view)

    def _redraw(self, message: str) -> None:
        table = self.current_table()
        if self.entries and table.row_count:
            self.show_entry(self.entries[table.cursor_row])
        self.notify(message)

    def action_unfold(self) -> None:
        self.view = replace(self.view, unfold=not self.view.unfold)
        self._redraw("unchanged text shown" if self.view.unfold else "unchanged text folded")

    def action_raw(self) -> None:
        self.view = replace(self.view, raw=not self.view.raw)
        self._redraw("raw Markdown, as filed" if self.view.raw else "Markdown rendered")

    def current_table(self) -> DataTable:
        return self.query_one("#entries", DataTable)

    def action_next_entry(self) -> None:
        self.current_table().action_cursor_down()

    def action_previous_entry(self) -> None:
        self.current_table().action_cursor_up()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        table = self.current_table()
        if not self.entries or not table.row_count:
            return
        index = self.entries[table.cursor_row].index
        if index == 0:
            self.notify("the first version has nothing before it to compare with")
            return
        from tracker.tui.screens.diff import DiffScreen

        self.app.push_screen(DiffScreen(self.history, index - 1, index, self.grid))
