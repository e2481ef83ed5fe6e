"""The terminal UI, driven by keys with Textual's Pilot on the demo archive."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from tracker.store.archive import Archive
from tracker.tui.app import TrackerApp
from tracker.tui.grid import SectionGrid
from tracker.tui.screens.diff import DiffScreen
from tracker.tui.screens.help import HelpScreen
from tracker.tui.screens.policies import PoliciesScreen
from tracker.tui.screens.section import SectionHistoryScreen
from tracker.tui.screens.timeline import TimelineScreen

SIZE = (120, 36)


def cells(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


async def settle(pilot, app) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.asyncio
async def test_browse_mesosphere_end_to_end(demo_archive):
    app = TrackerApp(Archive(demo_archive))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, PoliciesScreen)
        policies = [row[0] for row in cells(app.screen.query_one(DataTable))]
        assert "mesosphere/privacy" in policies
        await pilot.press(*"meso")  # typing filters
        await pilot.pause()
        assert [row[0] for row in cells(app.screen.query_one("#policies-table", DataTable))] == [
            "mesosphere/privacy"
        ]
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, TimelineScreen)
        versions = cells(app.screen.query_one("#versions", DataTable))
        assert [row[2] for row in versions] == ["2016-04-19", "2018-05"]
        assert [row[1] for row in versions] == [" ", "●"]  # the second is substantive
        grid = cells(app.screen.query_one("#grid", SectionGrid))
        security = next(row for row in grid if row[0] == "SECURITY")
        assert security[1:] == ["+", "R"]
        await pilot.press("enter")  # diff of the selected (latest) version with the one before
        await settle(pilot, app)
        assert isinstance(app.screen, DiffScreen)
        table = app.screen.query_one("#changes", DataTable)
        rows = cells(table)
        renamed = next(index for index, row in enumerate(rows) if "→ SECURITY" in row[2])
        assert (
            rows[renamed][0] == "renamed"
            and "Is Personal Information about me secure?" in rows[renamed][2]
        )
        contact = next(index for index, row in enumerate(rows) if "CONTACT US" in row[2])
        table.move_cursor(row=contact)
        await pilot.pause()
        head = str(app.screen.query_one("#detail-head", Static).content)
        assert "Contact email changed: contact@dcos.io -> contact@mesosphere.com" in head
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.side_by_side
        # under 140 columns, old above new, each changed paragraph saying which side it is
        labels = [str(label.content) for label in app.screen.query(".pair.stacked > Static")]
        assert "#1 2016-04-19 (old)" in labels and "#2 2018-05 (new)" in labels
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        await pilot.press("q", "q")
        await pilot.pause()
    assert app.return_code == 0 or app.return_code is None


@pytest.mark.asyncio
async def test_filters_and_section_history(demo_archive):
    app = TrackerApp(Archive(demo_archive), "mesosphere/privacy")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, TimelineScreen)
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.press("s")
        await pilot.pause()
        significance = {row[1] for row in cells(app.screen.query_one("#changes", DataTable))}
        assert significance == {"substantive"}
        await pilot.press("s", "q")
        await pilot.pause()
        await pilot.press("tab")
        grid = app.screen.query_one("#grid", SectionGrid)
        grid.move_cursor(row=next(i for i, row in enumerate(cells(grid)) if row[0] == "SECURITY"))
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, SectionHistoryScreen)
        entries = cells(app.screen.query_one("#entries", DataTable))
        assert [row[:4] for row in entries] == [
            ["1", "#1", "2016-04-19", "added"],
            ["2", "#2", "2018-05", "renamed"],
        ]


@pytest.mark.asyncio
async def test_single_version_policy_and_empty_archive(demo_archive, tmp_path):
    app = TrackerApp(Archive(demo_archive), "dotcloud/privacy")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert "only one version" in str(app.screen.query_one("#timeline-title", Static).content)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)  # nothing to compare: stays, with a message
    from tracker.store.archive import init_archive

    empty = init_archive(tmp_path / "empty")
    app = TrackerApp(empty)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert "no policies yet" in str(app.screen.query_one("#policies-empty", Static).content)


def test_unknown_policy_is_a_clear_error(demo_archive):
    from conftest import run_tracker

    result = run_tracker("tui", "nobody/privacy", cwd=demo_archive)
    assert result.code == 1 and "unknown policy" in result.err and "Traceback" not in result.err


@pytest.mark.asyncio
async def test_markup_in_policy_text_is_shown_literally(tmp_path):
    from conftest import run_tracker

    archive = tmp_path / "archive"
    run_tracker("init", str(archive))
    for day, extra in ((1, ""), (2, " We now also keep [$success]logs[/] for 30 days.")):
        source = tmp_path / f"v{day}.md"
        source.write_text(
            f"Effective date: May {day}, 2020\n\n## Data [beta] rights\n\nYou may [b]ask[/b] us.{extra}\n"
        )
        assert (
            run_tracker(
                "add", str(source), "--policy", "acme/privacy", "--archive", str(archive)
            ).code
            == 0
        )
    app = TrackerApp(Archive(archive), "acme/privacy")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        grid = cells(app.screen.query_one("#grid", SectionGrid))
        assert any(row[0] == "Data [beta] rights" for row in grid)
        await pilot.press("enter")
        await settle(pilot, app)
        rows = cells(app.screen.query_one("#changes", DataTable))
        assert any("Data [beta] rights" in row[2] for row in rows)


@pytest.mark.asyncio
async def test_vim_keys_move_the_cursor(demo_archive):
    app = TrackerApp(Archive(demo_archive))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        table = app.screen.query_one("#policies-table", DataTable)
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("k", "k", "j")
        assert table.cursor_row == table.row_count - 2
        await pilot.press("g")
        assert table.cursor_row == 0
