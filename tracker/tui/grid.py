"""The section x version grid, drawn a line at a time: one mark a version, hundreds of versions.

A DataTable draws every cell of a visible row through rich, whatever the scroll: at 400
versions the first paint of the grid took seconds. Here a row is one strip of plain segments,
cropped to what is on screen; the section names stay pinned at the left and the version
numbers at the top. It offers the few DataTable calls the screens and tests use
(`move_cursor`, `cursor_coordinate`, `row_count`, `get_row_at`...).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.events import Click
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


@dataclass(frozen=True)
class GridRow:
    """A section's name and its mark in each version (a mark is a styled single character)."""

    name: Text
    marks: tuple[Text, ...]


class SectionGrid(ScrollView, can_focus=True):
    """Rows are sections, columns 1..n versions; column 0 is the pinned names column."""

    BINDINGS = [
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", show=False),
        Binding("left", "cursor_left", show=False),
        Binding("right", "cursor_right", show=False),
        Binding("home", "first_column", show=False),
        Binding("end", "last_column", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown", "page_down", show=False),
        Binding("enter", "select_cursor", show=False),
    ]
    COMPONENT_CLASSES = {
        "section-grid--header",
        "section-grid--names",
        "section-grid--cursor",
        "section-grid--cursor-blurred",
        "section-grid--cursor-row",
    }
    DEFAULT_CSS = """
    SectionGrid { background: $surface; padding-left: 1; }
    SectionGrid > .section-grid--header { text-style: bold; background: $panel; }
    SectionGrid > .section-grid--names { background: $panel; }
    SectionGrid > .section-grid--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    SectionGrid > .section-grid--cursor-blurred { background: $block-cursor-blurred-background; }
    SectionGrid > .section-grid--cursor-row { text-style: bold; }
    """

    cursor_coordinate: reactive[Coordinate] = reactive(Coordinate(0, 0), always_update=True)

    class CellSelected(Message):
        """`enter` (or a second click) on a cell."""

        def __init__(self, grid: SectionGrid, coordinate: Coordinate) -> None:
            super().__init__()
            self.grid = grid
            self.coordinate = coordinate

        @property
        def control(self) -> SectionGrid:
            return self.grid

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[GridRow] = []
        self.versions = 0
        self.name_width = 16
        self.column_width = 2

    def set_rows(self, rows: list[GridRow], versions: int, name_width: int) -> None:
        """Show these rows; the cursor goes to the first row's newest version."""
        self.rows, self.versions, self.name_width = rows, versions, name_width
        self.column_width = len(str(versions)) + 1
        self.virtual_size = Size(name_width + versions * self.column_width, len(rows) + 1)
        self.cursor_coordinate = Coordinate(0, versions)
        self.refresh()

    # The DataTable calls the screens use.
    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def cursor_row(self) -> int:
        return self.cursor_coordinate.row

    def get_row_at(self, row: int) -> list[Text]:
        return [self.rows[row].name, *self.rows[row].marks]

    def move_cursor(
        self, *, row: int | None = None, column: int | None = None, scroll: bool = True
    ) -> None:
        current = self.cursor_coordinate
        wanted = Coordinate(
            current.row if row is None else row, current.column if column is None else column
        )
        self.cursor_coordinate = self._clamped(wanted)
        if scroll:
            self._scroll_cursor_into_view()

    def _clamped(self, coordinate: Coordinate) -> Coordinate:
        return Coordinate(
            max(0, min(coordinate.row, len(self.rows) - 1)),
            max(0, min(coordinate.column, self.versions)),
        )

    def watch_cursor_coordinate(self) -> None:
        self.refresh()

    def _scroll_cursor_into_view(self) -> None:
        row, column = self.cursor_coordinate
        x = self.name_width + (column - 1) * self.column_width if column else self.scroll_x
        width = self.column_width if column else 1
        self.scroll_to_region(
            Region(int(x), row + 1, width, 1),
            animate=False,
            spacing=Spacing(top=1, left=self.name_width if column else 0),
            immediate=True,
        )

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self.cursor_row + 1)

    def action_cursor_left(self) -> None:
        self.move_cursor(column=self.cursor_coordinate.column - 1)

    def action_cursor_right(self) -> None:
        self.move_cursor(column=self.cursor_coordinate.column + 1)

    def action_first_column(self) -> None:
        self.move_cursor(column=1)

    def action_last_column(self) -> None:
        self.move_cursor(column=self.versions)

    def action_page_up(self) -> None:
        self.move_cursor(row=self.cursor_row - max(1, self.size.height - 2))

    def action_page_down(self) -> None:
        self.move_cursor(row=self.cursor_row + max(1, self.size.height - 2))

    def action_select_cursor(self) -> None:
        if self.rows:
            self.post_message(self.CellSelected(self, self.cursor_coordinate))

    def on_click(self, event: Click) -> None:
        """A click moves the cursor to the cell; a click on the cursor's cell opens it."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0 or not self.rows:
            return
        row = int(self.scroll_y) + offset.y - 1
        if offset.x < self.name_width:
            column = 0
        else:
            column = (int(self.scroll_x) + offset.x - self.name_width) // self.column_width + 1
        target = self._clamped(Coordinate(row, column))
        if target == self.cursor_coordinate:
            self.action_select_cursor()
        else:
            self.move_cursor(row=target.row, column=target.column)

    # Drawing.
    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            return self._line(self._header_name(), self._header_cells(), width)
        row = int(self.scroll_y) + y - 1
        if row >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        return self._line(self._row_name(row), self._row_cells(row), width)

    def _line(self, name: list[Segment], cells: list[Segment], width: int) -> Strip:
        scroll_x = int(self.scroll_x)
        visible = max(0, width - self.name_width)
        pinned = Strip(name, self.name_width).crop_extend(0, self.name_width, self.rich_style)
        moving = Strip(cells).crop_extend(scroll_x, scroll_x + visible, self.rich_style)
        return Strip.join([pinned, moving]).crop(0, width)

    def _header_name(self) -> list[Segment]:
        style = self.get_component_rich_style("section-grid--header")
        return [Segment("section".ljust(self.name_width), style)]

    def _header_cells(self) -> list[Segment]:
        style = self.get_component_rich_style("section-grid--header")
        cursor = self.cursor_coordinate.column
        return [
            Segment(
                str(number).rjust(self.column_width - 1) + " ",
                style + Style(reverse=True) if number == cursor else style,
            )
            for number in range(1, self.versions + 1)
        ]

    def _row_name(self, row: int) -> list[Segment]:
        name = self.rows[row].name
        style = self.get_component_rich_style("section-grid--names")
        if row == self.cursor_row:
            style += self.get_component_rich_style(
                self._cursor_class()
                if self.cursor_coordinate.column == 0
                else "section-grid--cursor-row"
            )
        text = name.plain[: self.name_width - 1].ljust(self.name_width)
        return [Segment(text, style + _style_of(name))]

    def _row_cells(self, row: int) -> list[Segment]:
        base = self.rich_style
        cursor_column = self.cursor_coordinate.column if row == self.cursor_row else -1
        cursor = self.get_component_rich_style(self._cursor_class())
        pad = " " * (self.column_width - 2)
        segments = []
        for number, mark in enumerate(self.rows[row].marks, 1):
            style = base + _style_of(mark)
            if number == cursor_column:
                style += cursor
            segments += [Segment(pad + (mark.plain or " "), style), Segment(" ", base)]
        return segments

    def _cursor_class(self) -> str:
        return "section-grid--cursor" if self.has_focus else "section-grid--cursor-blurred"

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


def _style_of(text: Text) -> Style:
    style = text.style
    return Style.parse(style) if isinstance(style, str) else style
