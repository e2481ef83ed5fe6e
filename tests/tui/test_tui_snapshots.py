"""One picture per screen of the terminal UI, on the demo archive (pytest-textual-snapshot),
at the smallest size it is made for (80x24) and at a large one (200x50)."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from tracker.store.archive import Archive
from tracker.tui.app import TrackerApp

SIZES = pytest.mark.parametrize("size", [(80, 24), (200, 50)], ids=["80x24", "200x50"])


async def wait_for_workers(pilot) -> None:
    """The screen's data shown (its `ready`) and every table's column widths measured
    (DataTable measures new rows when it is next idle): a picture of the finished screen,
    never of one half laid out."""
    for _ in range(500):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        screen = pilot.app.screen
        tables = screen.query(DataTable)
        pending = any(table._require_update_dimensions or table._updated_cells for table in tables)
        if getattr(screen, "ready", True) and not pending:
            break
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
def test_policies_screen(snap_compare, demo_archive, size):
    assert snap_compare(
        TrackerApp(Archive(demo_archive)), terminal_size=size, run_before=wait_for_workers
    )


@SIZES
def test_timeline_screen(snap_compare, demo_archive, size):
    app = TrackerApp(Archive(demo_archive), "mesosphere/privacy")
    assert snap_compare(app, terminal_size=size, run_before=wait_for_workers)


def test_timeline_screen_light(snap_compare, demo_archive):
    async def light(pilot) -> None:
        await wait_for_workers(pilot)
        pilot.app.theme = "textual-light"  # after the tables are drawn: they are drawn again
        await wait_for_workers(pilot)

    app = TrackerApp(Archive(demo_archive), "mesosphere/privacy")
    assert snap_compare(app, terminal_size=(120, 36), run_before=light)


@SIZES
def test_diff_screen(snap_compare, demo_archive, size):
    async def open_diff(pilot) -> None:
        await wait_for_workers(pilot)
        await pilot.press("enter")
        await wait_for_workers(pilot)

    app = TrackerApp(Archive(demo_archive), "mesosphere/privacy")
    assert snap_compare(app, terminal_size=size, run_before=open_diff)


@SIZES
def test_diff_side_by_side(snap_compare, demo_archive, size):
    async def side_by_side(pilot) -> None:
        await wait_for_workers(pilot)
        await pilot.press("enter")
        await wait_for_workers(pilot)
        await pilot.press("j", "v")
        await pilot.pause()

    app = TrackerApp(Archive(demo_archive), "mesosphere/privacy")
    assert snap_compare(app, terminal_size=size, run_before=side_by_side)


@SIZES
def test_section_history_screen(snap_compare, demo_archive, size):
    async def open_security(pilot) -> None:
        await wait_for_workers(pilot)
        await pilot.press("tab")
        grid = pilot.app.screen.query_one("#grid")
        titles = [str(grid.get_row_at(index)[0]) for index in range(grid.row_count)]
        grid.move_cursor(row=titles.index("SECURITY"))
        await pilot.press("enter")
        await wait_for_workers(pilot)

    app = TrackerApp(Archive(demo_archive), "mesosphere/privacy")
    assert snap_compare(app, terminal_size=size, run_before=open_security)


@SIZES
def test_help_overlay(snap_compare, demo_archive, size):
    app = TrackerApp(Archive(demo_archive), "mesosphere/privacy")

    async def open_help(pilot) -> None:
        await wait_for_workers(pilot)
        await pilot.press("enter")
        await wait_for_workers(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=open_help)
