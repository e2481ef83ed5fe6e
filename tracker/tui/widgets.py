"""Small presentation pieces shared by the screens: cells, marks, bars, and a change's text.

Policy text reaches a widget only through these pieces, `prose` or `literal`, all made inert
with `tracker.present.console.safe`, the CLI's own helper: an escape sequence in a policy
shows as `\\x1b[2J` instead of acting on the terminal.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rich.text import Text
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Static

from tracker.model import Change
from tracker.present.console import safe
from tracker.present.wording import KIND_MARK, SIGNIFICANCE_MARK, counted
from tracker.tui import prose
from tracker.tui.colours import Palette

SIGNIFICANCE_ORDER = {"substantive": 0, "minor": 1, "cosmetic": 2, "none": 3}
BARS = " ▁▂▃▄▅▆▇█"


def cell(value: object) -> Text:
    """A DataTable cell shown literally (DataTable reads plain strings as markup) and inert."""
    return Text(safe(str(value)))


def literal(text: str) -> str:
    """Policy text put into Textual markup: inert, its square brackets kept literal."""
    from textual.markup import escape

    return escape(safe(text))


def shortened(text: str, width: int) -> str:
    """`text` cut to `width` characters, with an ellipsis when something was cut."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def topic_label(topic: str | None) -> str:
    """`third_party_sharing` as a reader writes it: `third party sharing`."""
    return (topic or "").replace("_", " ")


def significance_style(significance: str, colours: Palette) -> str:
    return {"substantive": f"bold {colours['substantive']}", "cosmetic": "dim"}.get(
        significance, ""
    )


def significance_cell(significance: str, colours: Palette, *, short: bool = False) -> Text:
    """`substantive` in words, or `●` (`○` minor, `·` cosmetic) where columns are few."""
    shown = SIGNIFICANCE_MARK.get(significance, " ") if short else significance
    return Text(
        shown,
        style=significance_style(significance, colours),
        justify="center" if short else "left",
    )


def kind_cell(kind: str | None, colours: Palette, *, short: bool = True) -> Text:
    """A change kind as its mark (`~`, `+`...) or its word, in the kind's colour."""
    if kind is None:
        return Text(" ")
    shown = KIND_MARK.get(kind, "?") if short else kind
    return Text(shown, style=f"bold {colours[kind]}", justify="center" if short else "left")


def fill_table(
    table: DataTable,
    columns: tuple[tuple[str, str], ...],
    rows: list[tuple[Text, ...]],
    *,
    spare: dict[str, int] | None = None,
    keys: list[str] | None = None,
) -> None:
    """Replace a table's columns and rows (keyed by `keys`, else their position), each column
    as wide as its widest cell (plus any `spare`). Widths are given, not measured: DataTable measures new rows when it is next
    idle, and a screen drawn before that would show every column at its header's width."""
    table.clear(columns=True)
    for number, (key, label) in enumerate(columns):
        width = max(len(label), *(row[number].cell_len for row in rows), 1)
        table.add_column(label, key=key, width=width + (spare or {}).get(key, 0))
    for index, row in enumerate(rows):
        table.add_row(*row, key=keys[index] if keys else str(index))


def grid_cell(kind: str | None, significance: str | None, colours: Palette) -> Text:
    """A grid cell: its kind's mark, in its significance's colour (dim when unchanged)."""
    if kind is None:
        return Text(" ")
    style = significance_style(significance, colours) if significance else "dim"
    return Text(KIND_MARK.get(kind, "?"), style=style or "bold", justify="center")


def change_titles(change: Change) -> str:
    """The change's section titles, inert (`safe`), ready for a widget."""
    old = safe(" + ".join(section.title for section in change.old))
    new = safe(" + ".join(section.title for section in change.new))
    if not change.old:
        return new
    if not change.new or old == new:
        return old
    return f"{old} → {new}"


def volume_bar(changed: int, largest: int) -> str:
    if not largest or not changed:
        return ""
    level = max(1, round(changed / largest * (len(BARS) - 1)))
    return BARS[level] * 3


class ChangeText(Vertical):
    """A change's text, one block a paragraph: unchanged runs folded, changed ones marked.

    `changed` are the blocks `n`/`N` step through, `hits` those holding the search words
    (highlighted in them)."""

    DEFAULT_CSS = """
    ChangeText { height: auto; }
    ChangeText .paragraph { height: auto; margin-bottom: 1; }
    ChangeText .folded { color: $text-muted; height: auto; margin-bottom: 1; }
    ChangeText .pair { height: auto; margin-bottom: 1; }
    ChangeText .pair > Static { width: 1fr; height: auto; padding-right: 1; }
    ChangeText .pair-head { height: auto; text-style: bold; }
    ChangeText .pair-head > Static { width: 1fr; }
    ChangeText .stacked { layout: vertical; }
    ChangeText .stacked > Static { width: 1fr; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.changed: list[Widget] = []
        self.hits: list[Widget] = []

    def show(self, change: Change, colours: Palette, view: TextView) -> None:
        self.remove_children()
        self.changed, self.hits = [], []
        blocks = list(self._blocks(change, colours, view))
        if blocks:
            self.mount_all(blocks)

    def _blocks(self, change: Change, colours: Palette, view: TextView) -> Iterator[Widget]:
        if change.kind in ("added", "removed") or not change.words:
            style = colours["inserted"] if change.kind == "added" else ""
            style = f"strike {colours['deleted']}" if change.kind == "removed" else style
            for section in change.new or change.old:
                text = prose.section_text(section.text, style, raw=view.raw)
                yield self._noted(Static(view.marked(text), classes="paragraph"), text, view,
                                  changed=change.kind != "unchanged")  # fmt: skip
            return
        if view.side_by_side and not view.stacked:
            yield Horizontal(Static(view.heads[0]), Static(view.heads[1]), classes="pair-head")
        folded: list[prose.Paragraph] = []
        for paragraph in [*prose.paragraphs(change.words), None]:
            if paragraph is not None and not paragraph.changed and not view.unfold:
                folded.append(paragraph)
                continue
            if folded:
                yield self._folded(folded, view)
                folded = []
            if paragraph is not None:
                yield self._paragraph(paragraph, colours, view)

    def _paragraph(self, paragraph: prose.Paragraph, colours: Palette, view: TextView) -> Widget:
        if not view.side_by_side:
            text = prose.woven(paragraph, colours, raw=view.raw)
            return self._noted(
                Static(view.marked(text), classes="paragraph"), text, view, paragraph.changed
            )
        old, new = prose.sides(paragraph, colours, raw=view.raw)
        sides = [Static(view.marked(old)), Static(view.marked(new))]
        if view.stacked and paragraph.changed:  # old above new: each says which it is
            sides = [Static(Text(view.heads[0], style="dim")), sides[0],
                     Static(Text(view.heads[1], style="dim")), sides[1]]  # fmt: skip
        pair = Horizontal(*sides, classes=f"pair{view.layout}")
        return self._noted(pair, old + new, view, paragraph.changed)

    def _folded(self, run: list[prose.Paragraph], view: TextView) -> Widget:
        words = sum(len(paragraph.old.split()) for paragraph in run)
        label = (
            f"⋯ {counted(len(run), 'unchanged paragraph')} ({counted(words, 'word')}): e unfolds"
        )
        text = Text("".join(paragraph.old for paragraph in run))
        hit = bool(view.needle) and view.needle in text.plain.lower()
        block = Static(label + ("; a search hit is in them" if hit else ""), classes="folded")
        return self._noted(block, text, view, changed=False)

    def _noted(self, block: Widget, text: Text, view: TextView, changed: bool) -> Widget:
        if changed:
            self.changed.append(block)
        if view.needle and view.needle in text.plain.lower():
            self.hits.append(block)
        return block


class TextPane(VerticalScroll):
    """The scrolling pane a change's text is in: the one `z` gives the whole screen."""

    ALLOW_MAXIMIZE = True


@dataclass(frozen=True)
class TextView:
    """How a change's text is shown: the diff screen's toggles."""

    side_by_side: bool = False
    stacked: bool = False  # side by side, old above new, where columns are few
    unfold: bool = False
    raw: bool = False
    heads: tuple[str, str] = ("old", "new")
    needle: str = ""  # a search, lower case

    @property
    def layout(self) -> str:
        return " stacked" if self.stacked else ""

    def marked(self, text: Text) -> Text:
        if self.needle:
            text = text.copy()
            text.highlight_words([self.needle], style="reverse", case_sensitive=False)
        return text


class TableNavigation:
    """`j`/`k`/`g`/`G` on the screen's current table, as in lazygit and tig."""

    def current_table(self) -> DataTable:
        raise NotImplementedError

    def action_cursor_down(self) -> None:
        self.current_table().action_cursor_down()

    def action_cursor_up(self) -> None:
        self.current_table().action_cursor_up()

    def action_first(self) -> None:
        self.current_table().move_cursor(row=0)

    def action_last(self) -> None:
        table = self.current_table()
        table.move_cursor(row=table.row_count - 1)
