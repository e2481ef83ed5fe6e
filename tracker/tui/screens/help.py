"""The `?` overlay: every key of the screen underneath, and the app's own."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tracker.present.wording import DATE_MARK, kind_legend
from tracker.tui import keymap

_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "escape": "esc",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
}
_SCREEN_NAMES = {
    "PoliciesScreen": "policies",
    "TimelineScreen": "timeline and grid",
    "DiffScreen": "diff",
    "SectionHistoryScreen": "section history",
}


def key_name(key: str) -> str:
    """A binding's key as it is typed: `?`, `[`, `ctrl+p`."""
    return _KEY_NAMES.get(key, key)


_MEANINGS = (
    "\n[b]substantive[/b] a fact changed (contact, age, retention, data, third parties, rights, "
    "selling) or a section of substance came or went\n"
    "[b]minor[/b] reworded, no fact changed\n"
    "[b]cosmetic[/b] only case, spacing, punctuation or quotes, or the policy's own date\n"
    f"grid: {kind_legend()}\n"
    f"[b]{DATE_MARK}[/b] in the versions: what its dates and sightings say (a change its date "
    "does not show, only the date bumped, a revert, an announced or backdated date, a broken "
    "capture), told in full below the table\n"
)


class HelpScreen(ModalScreen):
    BINDINGS = keymap.HELP

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        screen = _SCREEN_NAMES.get(type(self.under).__name__, "this screen")
        table = Table(title=f"Keys: {screen}", box=None)
        table.add_column("key", style="bold")
        table.add_column("does")
        for binding in [*getattr(self.under, "BINDINGS", []), *self.app.BINDINGS]:
            if isinstance(binding, Binding):
                table.add_row(key_name(binding.key), binding.tooltip or binding.description)
        table.add_row("ctrl+p", "Command palette: every action by name")
        table.add_row("mouse", "Click a row to select it; click again to open")
        yield VerticalScroll(
            Static(table),
            Static(_MEANINGS, classes="meanings"),
            Static("[dim]escape, q or ? closes this help[/]"),
            id="help",
        )

    def on_mount(self) -> None:
        self.query_one("#help").focus()  # arrows and page keys scroll it where it does not fit

    async def action_dismiss(self, result=None) -> None:
        self.dismiss(result)
