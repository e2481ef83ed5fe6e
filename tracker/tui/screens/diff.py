"""Two versions side by side: section changes by significance, and each one's word diff."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from tracker.history.history import History
from tracker.model import Change, Comparison
from tracker.present.console import safe
from tracker.present.wording import caveat_message, comparison_summary, describe, reason
from tracker.tui import keymap
from tracker.tui.widgets import (
    KIND_STYLE,
    SIGNIFICANCE_ORDER,
    TableNavigation,
    cell,
    change_titles,
    inline_diff,
    literal,
    plain_section_text,
    shortened,
    side_by_side,
    significance_cell,
    topic_label,
)


class DiffScreen(TableNavigation, Screen):
    BINDINGS = keymap.DIFF

    def __init__(self, history: History, old_index: int, new_index: int) -> None:
        super().__init__()
        self.history = history
        self.old_index, self.new_index = old_index, new_index
        self.comparison: Comparison | None = None
        self.shown: list[Change] = []
        self.side_by_side = False
        self.only: str | None = None
        self.hide_cosmetic = False
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            f"[b]{self.history.policy}[/b]  {self._versions_label()}",
            id="diff-title",
            classes="title",
        )
        yield Input(placeholder="search changes (enter to apply, escape to clear)", id="search")
        with Horizontal(id="diff"):
            yield DataTable(id="changes", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="detail"):
                yield Static(id="detail-head")
                with Horizontal(id="detail-body"):
                    yield Static(id="detail-old")
                    yield Static(id="detail-new")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#search", Input).display = False
        self.query_one("#diff").loading = True
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        try:
            comparison = self.history.comparison(self.old_index, self.new_index)
        except Exception as error:  # shown in the UI, never a traceback
            self.app.call_from_thread(self.app.report_error, error)
            return
        self.app.call_from_thread(self.show, comparison)

    def show(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.query_one("#diff").loading = False
        self.show_title()
        table = self.query_one("#changes", DataTable)
        table.add_columns("kind", "significance", "section", "topic")
        self.refill()
        table.focus()

    def _versions_label(self) -> str:
        """`#1 2016-04-19 → #2 2018-05`: numbered, as versions may share a date."""
        old, new = self.history.versions[self.old_index], self.history.versions[self.new_index]
        return f"#{self.old_index + 1} {old.effective.short} → #{self.new_index + 1} {new.effective.short}"

    def show_title(self) -> None:
        summary = shortened(comparison_summary(self.comparison), 220)
        filters = [f"only {self.only}"] if self.only else []
        filters += ["cosmetic hidden"] if self.hide_cosmetic else []
        filters += [f"search “{self.query_text}”"] if self.query_text else []
        shown = (
            f"\n[reverse] filters: {literal(', '.join(filters))} [/] escape clears"
            if filters
            else ""
        )
        warnings = "".join(
            f"\n[b $warning]warning:[/] {literal(shortened(caveat_message(caveat), 160))}"
            for caveat in self.comparison.caveats
            if caveat_message(caveat) not in summary
        )
        self.query_one("#diff-title", Static).update(
            f"[b]{self.history.policy}[/b]  {self._versions_label()}\n{literal(summary)}{warnings}{shown}"
        )

    def refill(self) -> None:
        changes = sorted(
            (change for change in self.comparison.changes if change.kind != "unchanged"),
            key=lambda change: SIGNIFICANCE_ORDER.get(change.significance, 9),
        )
        if self.only:
            changes = [change for change in changes if change.significance == self.only]
        if self.hide_cosmetic:
            changes = [change for change in changes if not change.cosmetic]
        if self.query_text:
            needle = self.query_text.lower()
            changes = [change for change in changes if needle in self._searchable(change)]
        self.shown = changes
        self.show_title()
        table = self.query_one("#changes", DataTable)
        table.clear()
        for number, change in enumerate(changes):
            table.add_row(
                Text(change.kind, style=KIND_STYLE.get(change.kind, "")),
                significance_cell(change.significance),
                cell(shortened(change_titles(change), 60)),
                cell(topic_label(change.topic) if change.topic != "other" else ""),
                key=str(number),
            )
        if not changes:
            self.query_one("#detail-head", Static).update(
                "No change matches the filters (escape clears them)."
            )
            self.query_one("#detail-old", Static).update("")
            self.query_one("#detail-new", Static).update("")

    @staticmethod
    def _searchable(change: Change) -> str:
        sections = (*change.old, *change.new)
        return " ".join(
            [section.title for section in sections]
            + [section.text for section in sections]
            + [describe(fact) for fact in change.facts]
        ).lower()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is not None and self.shown:
            self.show_change(self.shown[int(str(event.row_key.value))])

    def show_change(self, change: Change) -> None:
        head = Text()
        head.append(f"{change.kind} ", style=f"bold {KIND_STYLE.get(change.kind, '')}")
        head.append(change_titles(change), style="bold")
        if change.old and change.new:
            head.append(f"  ({round(change.similarity * 100)}% same)", style="dim")
        head.append(f"\n{change.significance}: {safe(reason(change))}\n", style="italic")
        for fact in change.facts:
            head.append(f" • {safe(describe(fact))}\n")
        for move in self._moves_of(change):
            going = move.source in change.old
            where = safe(move.target.title if going else move.source.title)
            head.append(
                f" ↪ passage {'moved to' if going else 'moved here from'} “{where}” (o to jump)\n",
                style="blue",
            )
        self.query_one("#detail-head", Static).update(head)
        old_view, new_view = (
            self.query_one("#detail-old", Static),
            self.query_one("#detail-new", Static),
        )
        if change.kind in ("added", "removed") or not change.words:
            old_view.update(plain_section_text(change))
            new_view.update("")
            new_view.display = False
        elif self.side_by_side:
            old_text, new_text = side_by_side(change.words)
            old_view.update(old_text)
            new_view.update(new_text)
            new_view.display = True
        else:
            old_view.update(inline_diff(change.words))
            new_view.update("")
            new_view.display = False

    def _moves_of(self, change: Change):
        ids = {section.id for section in change.old} | {section.id for section in change.new}
        return [
            move for move in self.comparison.moves
            if (move.source.id in ids and move.source in change.old) or (move.target.id in ids and move.target in change.new)
        ]  # fmt: skip

    def current(self) -> Change | None:
        table = self.query_one("#changes", DataTable)
        return self.shown[table.cursor_row] if self.shown and table.row_count else None

    def action_toggle_view(self) -> None:
        self.side_by_side = not self.side_by_side
        change = self.current()
        if change:
            self.show_change(change)
        self.notify("side by side" if self.side_by_side else "inline")

    def current_table(self) -> DataTable:
        return self.query_one("#changes", DataTable)

    def action_next_change(self) -> None:
        self.action_cursor_down()

    def action_previous_change(self) -> None:
        self.action_cursor_up()

    def action_only(self, level: str) -> None:
        self.only = None if self.only == level else level
        self.refill()
        self.notify(f"showing {self.only} changes" if self.only else "showing every change")

    def action_hide_cosmetic(self) -> None:
        self.hide_cosmetic = not self.hide_cosmetic
        self.refill()

    def action_follow_move(self) -> None:
        change = self.current()
        if change is None:
            return
        for move in self._moves_of(change):
            other = move.target if move.source in change.old else move.source
            for number, candidate in enumerate(self.shown):
                if other in candidate.new or other in candidate.old:
                    self.query_one("#changes", DataTable).move_cursor(row=number)
                    return
        self.notify("no moved passage to follow from this change")

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_text = event.value.strip()
        self.refill()
        self.query_one("#changes", DataTable).focus()

    def action_clear(self) -> None:
        self.only, self.hide_cosmetic, self.query_text = None, False, ""
        search = self.query_one("#search", Input)
        search.value = ""
        search.display = False
        self.refill()
        self.query_one("#changes", DataTable).focus()
