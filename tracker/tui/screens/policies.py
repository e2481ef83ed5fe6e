"""Every policy in the archive, with its versions, dates and last substantive change."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from tracker.model import PolicySummary
from tracker.present.wording import counted
from tracker.tui import keymap
from tracker.tui.widgets import TableNavigation, cell, fill_table, literal

_COLUMNS = (
    ("policy", "policy"), ("versions", "versions"), ("first", "first"), ("last", "last"),
    ("substantive", "last substantive"),
)  # fmt: skip


class PoliciesScreen(TableNavigation, Screen):
    BINDINGS = keymap.POLICIES

    def __init__(self) -> None:
        super().__init__()
        self.policies: list[PolicySummary] = []
        self.ready = False  # every policy's last substantive change found
        self.last_substantive: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="policies"):
            yield Static("", id="policies-title", classes="title")
            yield Input(
                placeholder="type to filter policies (/)", id="filter", select_on_focus=False
            )
            yield DataTable(id="policies-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="policies-empty", classes="message")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self.policies = self.app.archive.policies()
        self.query_one("#policies-title", Static).update(
            f"[b]{counted(len(self.policies), 'policy', 'policies')}[/b] in {literal(self.app.archive.path.name)}  ·  enter opens, / filters, ? help"
        )
        if not self.policies:
            self.query_one("#policies-empty", Static).update(
                "This archive has no policies yet. Add one with `tracker add FILE`, or run `tracker demo`."
            )
        self.refresh_table()
        table.focus()
        self.find_substantive_changes()

    def refresh_table(self) -> None:
        words = self.query_one(Input).value.lower().split()
        shown = [
            summary for summary in self.policies if all(word in summary.policy for word in words)
        ]
        rows = [
            tuple(map(cell, (summary.policy, summary.versions, summary.first.short, summary.last.short,
                             self.last_substantive.get(summary.policy, "…" if summary.versions > 1 else "—"))))
            for summary in shown
        ]  # fmt: skip
        table = self.query_one(DataTable)
        row = table.cursor_row
        fill_table(table, _COLUMNS, rows, keys=[summary.policy for summary in shown])
        table.move_cursor(row=row)

    @work(thread=True, exclusive=True)
    def find_substantive_changes(self) -> None:
        from tracker.history.history import History

        for summary in self.policies:
            if summary.versions < 2:
                continue
            entries = History(self.app.archive, summary.policy).log_entries()  # cached when filed
            substantive = [
                entry for entry in entries
                if entry.step and entry.step.counts.get("significance_substantive")
            ]  # fmt: skip
            found = substantive[-1].version.effective.short if substantive else "none"
            self.last_substantive[summary.policy] = found
            self.app.call_from_thread(self.refresh_table)
        self.app.call_from_thread(setattr, self, "ready", True)

    def on_input_changed(self, _event: Input.Changed) -> None:
        self.refresh_table()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        """Type a few letters, press enter: opens the first matching policy."""
        self.query_one(DataTable).focus()
        self.action_open()

    def on_key(self, event) -> None:
        """Letters typed on the table go to the filter, as in a fuzzy finder."""
        table_focused = self.focused is self.query_one(DataTable)
        character = event.character or ""
        if table_focused and character.isalnum() and character not in "jkgGq":
            filter_input = self.query_one(Input)
            filter_input.focus()
            filter_input.insert_text_at_cursor(character)
            event.stop()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_policy(str(event.row_key.value))

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            self.open_policy(
                str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
            )

    def open_policy(self, policy: str) -> None:
        from tracker.tui.screens.timeline import TimelineScreen

        self.app.push_screen(TimelineScreen(policy))

    def action_filter(self) -> None:
        self.query_one(Input).focus()

    def action_clear_filter(self) -> None:
        self.query_one(Input).value = ""
        self.query_one(DataTable).focus()

    def current_table(self) -> DataTable:
        return self.query_one("#policies-table", DataTable)
