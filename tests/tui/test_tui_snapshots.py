"""One picture per screen of the terminal UI, on the demo archive (pytest-textual-snapshot)."""

from __future__ import annotations

import pytest

from tracker.store.archive import Archive
from tracker.tui.app import TrackerApp


async def wait_for_workers(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
def test_policies_screen(snap_compare, demo_archive, size):
    assert snap_compare(
        TrackerApp(Archive(demo_archive)), terminal_size=size, run_before=wait_for_workers
    )


def test_timeline_screen(snap_compare, demo_archive):
    app = TrackerApp(Archive(demo_archive), "mesosphere/privacy")
    assert snap_compare(app, terminal_size=(120, 36), run_before=wait_for_workers)


def test_diff_screen(snap_compare, demo_archive):
    async def open_diff(pilot) -> None:
        await wait_for_workers(pilot)
        await pilot.press("enter")
        await wait_for_workers(pilot)

    app = TrackerApp(Archive(demo_archive), "mesosphere/privacy")
    assert snap_compare(app, terminal_size=(120, 36), run_before=open_diff)


def test_section_history_screen(snap_compare, demo_archive):
    async def open_security(pilot) -> None:
        await wait_for_workers(pilot)
        await pilot.press("tab")
        grid = pilot.app.screen.query_one("#grid")
        titles = [str(grid.get_row_at(index)[0]) for index in range(grid.row_count)]
        grid.move_cursor(row=titles.index("SECURITY"))
        await pilot.press("enter")
        await wait_for_workers(pilot)

    app = TrackerApp(Archive(demo_archive), "mesosphere/privacy")
    assert snap_compare(app, terminal_size=(120, 36), run_before=open_security)


def test_help_overlay(snap_compare, demo_archive):
    app = TrackerApp(Archive(demo_archive), "mesosphere/privacy")

    async def open_help(pilot) -> None:
        await wait_for_workers(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 36), run_before=open_help)
