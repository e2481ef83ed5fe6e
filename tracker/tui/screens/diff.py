"""Two versions side by side: section changes by significance, and each one's word diff."""

from __future__ import annotations

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from tracker.history.history import History
from tracker.history.timeline import Grid, Row
from tracker.model import Change, Comparison
from tracker.present.console import safe
from tracker.present.wording import caveat_message, comparison_summary, describe, reason
from tracker.tui import keymap
from tracker.tui.widgets import (
    SIGNIFICANCE_ORDER,
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
    topic_label,
)

# Below these widths the panes stack, and side by side puts the old text above the new.
NARROW_COLUMNS = 120
SIDE_BY_SIDE_COLUMNS = 140


class DiffScreen(TableNavigation, Screen):
    BINDINGS = keymap.DIFF

    def __init__(
        self, history: History, old_index: int, new_index: int, grid: Grid | None = None
    ) -> None:
        super().__init__()
        self.history = history
        self.grid = grid
        self.old_index, self.new_index = old_index, new_index
        self.comparison: Comparison | None = None
        self.shown: list[Change] = []
        self.side_by_side = False
        self.unfold = False
        self.raw = False
        self.only: str | None = None
        self.hide_cosmetic = False
        self.query_text = ""
        self._narrow: bool | None = None

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
            with TextPane(id="detail"):
                yield Static(id="detail-head")
                yield ChangeText(id="detail-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#search", Input).display = False
        self.load()

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW_COLUMNS
        self.set_class(narrow, "narrow")
        if self.comparison is not None and narrow != self._narrow:
            self._narrow = narrow
            self.refill()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        self.app.call_from_thread(self._loading, True)
        try:
            comparison = self.history.comparison(self.old_index, self.new_index)
        except Exception as error:  # shown in the UI, never a traceback
            self.app.call_from_thread(self.app.report_error, error)
            return
        self.app.call_from_thread(self.show, comparison)

    def _loading(self, loading: bool) -> None:
        self.query_one("#diff").loading = loading

    @property
    def ready(self) -> bool:
        return self.comparison is not None

    def show(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self._loading(False)
        self._narrow = self.size.width < NARROW_COLUMNS
        self.refill()
        self.query_one("#changes", DataTable).focus()

    def recolour(self) -> None:
        if self.comparison is not None:
            row = self.query_one("#changes", DataTable).cursor_row
            self.refill()
            self.query_one("#changes", DataTable).move_cursor(row=row)

    def _versions_label(self) -> str:
        """`#1 2016-04-19 → #2 2018-05`: numbered, as versions may share a date."""
        return f"{self._version_label(self.old_index)} → {self._version_label(self.new_index)}"

    def _version_label(self, index: int) -> str:
        return f"#{index + 1} {self.history.versions[index].effective.short}"

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
        short = bool(self._narrow)
        colours = self.app.colours
        columns = (("kind", "k" if short else "kind"), ("significance", "s" if short else "significance"),
                   ("section", "section"), ("topic", "topic"))  # fmt: skip
        rows = [
            (
                kind_cell(change.kind, colours, short=short),
                significance_cell(change.significance, colours, short=short),
                cell(shortened(change_titles(change), 60)),
                cell(topic_label(change.topic) if change.topic != "other" else ""),
            )
            for change in changes
        ]
        fill_table(self.query_one("#changes", DataTable), columns, rows)
        if not changes:
            self.query_one("#detail-head", Static).update(
                "No change matches the filters (escape clears them)."
            )
            self.query_one(ChangeText).remove_children()

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
        head.append(f"{change.kind} ", style=f"bold {self.app.colours[change.kind]}")
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
        self.query_one(ChangeText).show(change, self.app.colours, self._view())
        self.query_one("#detail", TextPane).scroll_home(animate=False)

    def _view(self) -> TextView:
        return TextView(
            side_by_side=self.side_by_side,
            stacked=self.size.width < SIDE_BY_SIDE_COLUMNS,
            unfold=self.unfold,
            raw=self.raw,
            heads=(
                f"{self._version_label(self.old_index)} (old)",
                f"{self._version_label(self.new_index)} (new)",
            ),
            needle=self.query_text.lower(),
        )

    def _moves_of(self, change: Change):
        ids = {section.id for section in change.old} | {section.id for section in change.new}
        return [
            move for move in self.comparison.moves
            if (move.source.id in ids and move.source in change.old) or (move.target.id in ids and move.target in change.new)
        ]  # fmt: skip

    def current(self) -> Change | None:
        table = self.query_one("#changes", DataTable)
        return self.shown[table.cursor_row] if self.shown and table.row_count else None

    def _redraw(self, message: str) -> None:
        change = self.current()
        if change:
            self.show_change(change)
        self.notify(message)

    def action_toggle_view(self) -> None:
        self.side_by_side = not self.side_by_side
        stacked = " (old above new: the screen is narrow)" if self._view().stacked else ""
        self._redraw(f"side by side{stacked}" if self.side_by_side else "inline")

    def action_unfold(self) -> None:
        self.unfold = not self.unfold
        self._redraw("unchanged text shown" if self.unfold else "unchanged text folded")

    def action_raw(self) -> None:
        self.raw = not self.raw
        self._redraw("raw Markdown, as filed" if self.raw else "Markdown rendered")

    def action_full_width(self) -> None:
        if self.maximized is not None:
            self.minimize()
            return
        self.maximize(self.query_one("#detail", TextPane), container=False)

    def current_table(self) -> DataTable:
        return self.query_one("#changes", DataTable)

    def action_next_change(self) -> None:
        self._step_in_text(1)

    def action_previous_change(self) -> None:
        self._step_in_text(-1)

    def _step_in_text(self, direction: int) -> None:
        """To the next changed paragraph (or search hit) in the text, then the next change."""
        text = self.query_one(ChangeText)
        blocks = text.hits if self.query_text else text.changed
        detail = self.query_one("#detail", TextPane)
        at_end = detail.scroll_y >= detail.max_scroll_y if direction > 0 else detail.scroll_y <= 0
        ahead = [
            block for block in blocks
            if (text.virtual_region.y + block.virtual_region.y - round(detail.scroll_y)) * direction > 0
        ]  # fmt: skip
        if ahead and not at_end:
            detail.scroll_to_widget(
                ahead[0] if direction > 0 else ahead[-1], top=True, animate=False
            )
            return
        table = self.current_table()
        before = table.cursor_row
        table.action_cursor_down() if direction > 0 else table.action_cursor_up()
        if table.cursor_row == before:
            self.notify("no more changes this way" if not self.query_text else "no more hits")

    def action_step_pair(self, step: int) -> None:
        """`]`: the next pair of versions (both one later); `[`: the previous."""
        old, new = self.old_index + step, self.new_index + step
        if old < 0 or new >= len(self.history.versions):
            self.notify("no pair of versions that way")
            return
        self.old_index, self.new_index = old, new
        self.comparison, self.shown = None, []
        self.query_one("#changes", DataTable).clear()
        self.query_one("#diff-title", Static).update(
            f"[b]{self.history.policy}[/b]  {self._versions_label()}  loading…"
        )
        self.load()

    def action_section_history(self) -> None:
        change = self.current()
        row = self._grid_row(change) if change else None
        if row is None:
            self.notify("no section history for this change" if change else "no change selected")
            return
        from tracker.tui.screens.section import SectionHistoryScreen

        self.app.push_screen(SectionHistoryScreen(self.history, row, self.grid))

    def _grid_row(self, change: Change) -> Row | None:
        if self.grid is None:
            from tracker.history.timeline import build_grid

            self.grid = build_grid(self.history)
        new_ids = {section.id for section in change.new}
        old_ids = {section.id for section in change.old}
        for row in self.grid.rows:
            if row.ids[self.new_index] in new_ids or row.ids[self.old_index] in old_ids:
                return row
        return None

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
