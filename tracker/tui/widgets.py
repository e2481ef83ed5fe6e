"""Small presentation pieces shared by the screens: word diffs, kind marks, change bars.

Policy text reaches a widget only through these pieces or `literal`, all made inert with
`tracker.present.console.safe`, the CLI's own helper: an escape sequence in a policy shows
as `\\x1b[2J` instead of acting on the terminal.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from tracker.model import Change, WordOp
from tracker.present.console import safe
from tracker.present.wording import KIND_MARK, KIND_STYLE

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


def significance_cell(significance: str) -> Text:
    style = {"substantive": "bold", "cosmetic": "dim"}.get(significance, "")
    return Text(significance, style=style)


def kind_cell(kind: str | None) -> Text:
    if kind is None:
        return Text(" ")
    return Text(
        KIND_MARK.get(kind, "?"), style=f"bold {KIND_STYLE.get(kind, '')}", justify="center"
    )


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
    if not largest:
        return ""
    level = round(changed / largest * (len(BARS) - 1))
    return BARS[level] * 3


def inline_diff(ops: tuple[WordOp, ...]) -> Text:
    """Deletions struck red, insertions underlined green, in one flow of text."""
    text = Text()
    for op in ops:
        if op.op == "equal":
            text.append(safe(op.old))
            continue
        if op.old:
            text.append(safe(op.old), style="strike red")
        if op.new:
            text.append(safe(op.new), style="underline green")
    return text


def side_by_side(ops: tuple[WordOp, ...]) -> tuple[Text, Text]:
    """The old text with its deletions marked, and the new text with its insertions."""
    old, new = Text(), Text()
    for op in ops:
        if op.op == "equal":
            old.append(safe(op.old))
            new.append(safe(op.new))
            continue
        old.append(safe(op.old), style="strike red")
        new.append(safe(op.new), style="underline green")
    return old, new


def plain_section_text(change: Change) -> Text:
    sections = change.new or change.old
    style = "green" if change.kind == "added" else "red strike" if change.kind == "removed" else ""
    return Text(safe("\n\n".join(section.text for section in sections)), style=style)


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
