"""The section x version grid widget on its own: pinned names, scrolling, keys and clicks."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult

from tracker.tui.grid import GridRow, SectionGrid

VERSIONS = 300


class GridApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.selected: list[tuple[int, int]] = []

    def compose(self) -> ComposeResult:
        yield SectionGrid(id="grid")

    def on_mount(self) -> None:
        rows = [
            GridRow(
                Text(f"Section {row}"),
                tuple(Text("~" if (row + v) % 7 == 0 else "·") for v in range(VERSIONS)),
            )
            for row in range(40)
        ]
        grid = self.query_one(SectionGrid)
        grid.set_rows(rows, VERSIONS, name_width=16)
        grid.focus()
        self.call_after_refresh(lambda: grid.move_cursor(column=VERSIONS))

    def on_section_grid_cell_selected(self, event: SectionGrid.CellSelected) -> None:
        self.selected.append(tuple(event.coordinate))


def screen_lines(grid: SectionGrid) -> list[str]:
    return [grid.render_line(y).text for y in range(grid.size.height)]


@pytest.mark.asyncio
async def test_opens_on_the_newest_version_with_names_and_numbers_pinned():
    app = GridApp()
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        grid = app.query_one(SectionGrid)
        assert tuple(grid.cursor_coordinate) == (0, VERSIONS)
        assert grid.scroll_x > 0  # scrolled to the newest columns
        lines = screen_lines(grid)
        assert lines[0].startswith("section") and lines[0].rstrip().endswith("300")
        assert lines[1].startswith("Section 0")
        await pilot.press("home")
        assert grid.cursor_coordinate.column == 1 and grid.scroll_x == 0
        assert screen_lines(grid)[0].split()[:3] == ["section", "1", "2"]


@pytest.mark.asyncio
async def test_keys_move_the_cursor_and_scroll_rows_under_the_header():
    app = GridApp()
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        grid = app.query_one(SectionGrid)
        await pilot.press("left", "left", "down")
        assert tuple(grid.cursor_coordinate) == (1, VERSIONS - 2)
        for _ in range(30):
            await pilot.press("down")
        assert grid.cursor_row == 31 and grid.scroll_y > 0
        lines = screen_lines(grid)
        assert lines[0].startswith("section")  # the numbers stay on top
        assert any(line.startswith("Section 31") for line in lines[1:])
        await pilot.press("end", "enter")
        assert app.selected == [(31, VERSIONS)]


@pytest.mark.asyncio
async def test_a_click_moves_the_cursor_and_a_second_opens_the_cell():
    app = GridApp()
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        grid = app.query_one(SectionGrid)
        await pilot.press("home")
        # padding 1, names 16 wide, columns 4 wide: x = 1 + 16 + 4 * 2 + 3 is version 3's mark
        await pilot.click(SectionGrid, offset=(28, 3))
        assert tuple(grid.cursor_coordinate) == (2, 3)
        assert app.selected == []
        await pilot.click(SectionGrid, offset=(28, 3))
        assert app.selected == [(2, 3)]
        await pilot.click(SectionGrid, offset=(3, 5))  # a name: the names column
        assert tuple(grid.cursor_coordinate) == (4, 0)
