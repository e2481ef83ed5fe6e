"""One section through every version: each step's change and word diff in turn."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tracker.history.history import History
from tracker.history.timeline import Row, row_change
from tracker.present.console import safe
from tracker.present.wording import describe, reason
from tracker.tui import keymap
from tracker.tui.widgets import (
    KIND_STYLE,
    change_titles,
    inline_diff,
    literal,
    plain_section_text,
)


class SectionHistoryScreen(Screen):
    BINDINGS = keymap.SECTION

    def __init__(self, history: History, row: Row) -> None:
        super().__init__()
        self.history = history
        self.row = row

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            f"[b]{self.history.policy}[/b]  section history: [b]{literal(self.row.title)}[/b]",
            classes="title",
        )
        yield VerticalScroll(Static(id="steps"), id="section-history")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#section-history").loading = True
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        text = Text()
        for index, cell in enumerate(self.row.cells):
            if cell is None or (cell == "unchanged" and index):
                continue
            version = self.history.versions[index]
            text.append(f"\n{version.effective.short}  ", style="bold")
            text.append(cell, style=f"bold {KIND_STYLE.get(cell, '')}")
            change = row_change(self.history, self.row, index)
            if change is None:
                text.append("\n")
                continue
            if change.kind in ("renamed", "split", "merged"):
                text.append(f"  {change_titles(change)}", style="italic")
            text.append("\n")
            if change.reason:
                text.append(f"{change.significance}: {safe(reason(change))}\n", style="italic")
            for fact in change.facts:
                text.append(f" • {safe(describe(fact))}\n")
            body = (
                inline_diff(change.words)
                if change.words and change.kind not in ("added", "removed")
                else plain_section_text(change)
            )
            text.append(body)
            text.append("\n")
        self.app.call_from_thread(self.show, text)

    def show(self, text: Text) -> None:
        self.query_one("#section-history").loading = False
        self.query_one("#steps", Static).update(text)

    def action_scroll_down(self) -> None:
        self.query_one("#section-history").scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#section-history").scroll_up()

    def action_top(self) -> None:
        self.query_one("#section-history").scroll_home()

    def action_bottom(self) -> None:
        self.query_one("#section-history").scroll_end()
