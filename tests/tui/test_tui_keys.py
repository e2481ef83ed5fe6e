"""Every key of the terminal UI beyond the basics, driven with Pilot on a hand-made history:
four versions of one policy whose long sections change a paragraph at a time."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, ProgressBar, Static

from conftest import run_tracker
from tracker.store.archive import Archive
from tracker.tui.app import TrackerApp
from tracker.tui.grid import SectionGrid
from tracker.tui.screens.diff import DiffScreen
from tracker.tui.screens.help import HelpScreen
from tracker.tui.screens.section import SectionHistoryScreen
from tracker.tui.screens.timeline import TimelineScreen
from tracker.tui.widgets import ChangeText

POLICY = "acme/privacy"
FILLER = "This paragraph says the same thing in every version of the policy, word for word."


def policy_text(version: int, folder: str) -> str:
    """Version `version`: the retention paragraph changes each time, the rest stays."""
    keeping = (
        f"We keep **account records** for {12 * (version + 1)} months, then delete them. "
        f"See [our retention page](https://example.org/retention/{version}) for details."
    )
    paragraphs = [f"{FILLER} ({folder} {number})" for number in range(12)]
    paragraphs[6] = keeping
    paragraphs[11] = f"Questions about {folder}: write to privacy{version}@example.org."
    body = "\n\n".join(paragraphs)
    return (
        f"# Acme Privacy Policy\n\nLast updated: March {version + 1}, 2024\n\n"
        f"## Data retention\n\n{body}\n\n## Your rights\n\nYou may ask for a copy of your data.\n"
    )


def add_version(archive: Path, folder: Path, version: int, *options: str) -> None:
    source = folder / f"2024-03-{version + 1:02d}.md"
    source.write_text(policy_text(version, folder.name))
    result = run_tracker(
        "add", str(source), "--policy", POLICY, "--archive", str(archive), *options
    )
    assert result.code == 0, result.err


@pytest.fixture
def history(archive, tmp_path) -> Path:
    folder = tmp_path / tmp_path.name  # the name keeps other tests' cached steps apart
    folder.mkdir()
    for version in range(4):
        add_version(archive, folder, version)
    return archive


def rows(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_latest_diff(pilot) -> DiffScreen:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, DiffScreen)
    return pilot.app.screen


@pytest.mark.asyncio
async def test_the_marked_version_is_shown_by_number(history):
    app = TrackerApp(Archive(history), POLICY)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("k", "space")
        versions = app.screen.query_one("#versions", DataTable)
        assert [row[0] for row in rows(versions)] == ["1", "2", "3◆", "4"]
        assert "marked #3" in str(app.screen.query_one("#timeline-title", Static).content)
        await pilot.press("k", "k", "enter")  # on #1: compares #1 with the marked #3
        await settle(pilot)
        assert (app.screen.old_index, app.screen.new_index) == (0, 2)
        await pilot.press("q")
        await pilot.pause()
        assert [row[0] for row in rows(app.screen.query_one("#versions", DataTable))][2] == "3"


@pytest.mark.asyncio
async def test_brackets_step_to_the_pair_before_and_after(history):
    app = TrackerApp(Archive(history), POLICY)
    async with app.run_test(size=(120, 36)) as pilot:
        diff = await open_latest_diff(pilot)
        assert (diff.old_index, diff.new_index) == (2, 3)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert (diff.old_index, diff.new_index) == (1, 2)
        assert "#2 2024-03-02 → #3 2024-03-03" in str(diff.query_one("#diff-title", Static).content)
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert (diff.old_index, diff.new_index) == (0, 1)  # no pair before the first
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert (diff.old_index, diff.new_index) == (1, 2)
        assert diff.query_one("#changes", DataTable).row_count


@pytest.mark.asyncio
async def test_unchanged_paragraphs_fold_and_markdown_renders(history):
    app = TrackerApp(Archive(history), POLICY)
    async with app.run_test(size=(120, 36)) as pilot:
        diff = await open_latest_diff(pilot)
        text = diff.query_one(ChangeText)
        folded = [str(block.content) for block in text.query(".folded")]
        assert folded and "unchanged paragraph" in folded[0]
        shown = " ".join(str(block.content) for block in text.query(".paragraph"))
        assert "account records" in shown and "**" not in shown and "](" not in shown
        await pilot.press("e")
        await pilot.pause()
        assert not text.query(".folded") and FILLER in " ".join(
            str(block.content) for block in text.query(".paragraph")
        )
        await pilot.press("R")
        await pilot.pause()
        raw = " ".join(str(block.content) for block in text.query(".paragraph"))
        assert "**account records**" in raw and "](https://example.org/retention/" in raw


@pytest.mark.asyncio
async def test_n_steps_through_the_changes_in_the_text(history):
    app = TrackerApp(Archive(history), POLICY)
    async with app.run_test(size=(120, 24)) as pilot:
        diff = await open_latest_diff(pilot)
        table = diff.query_one("#changes", DataTable)
        retention = next(i for i, row in enumerate(rows(table)) if "Data retention" in row[2])
        table.move_cursor(row=retention)
        await pilot.press("e")  # unfolded, the text is taller than its pane
        await pilot.pause()
        detail = diff.query_one("#detail")
        assert detail.max_scroll_y > 0 and detail.scroll_y == 0
        await pilot.press("n")
        await pilot.pause()
        first = detail.scroll_y
        assert first > 0
        await pilot.press("n")
        await pilot.pause()
        assert detail.scroll_y > first and table.cursor_row == retention
        await pilot.press("N")
        await pilot.pause()
        assert detail.scroll_y == first


@pytest.mark.asyncio
async def test_search_highlights_its_hits(history):
    app = TrackerApp(Archive(history), POLICY)
    async with app.run_test(size=(120, 36)) as pilot:
        diff = await open_latest_diff(pilot)
        await pilot.press("slash", *"retention", "enter")
        await pilot.pause()
        assert diff.query_text == "retention"
        text = diff.query_one(ChangeText)
        assert text.hits
        content = text.hits[0].content
        assert any(str(span.style) == "reverse" for span in content.spans)


@pytest.mark.asyncio
async def test_section_history_from_a_diff_opens_each_versions_diff(history):
    app = TrackerApp(Archive(history), POLICY)
    async with app.run_test(size=(120, 36)) as pilot:
        diff = await open_latest_diff(pilot)
        table = diff.query_one("#changes", DataTable)
        table.move_cursor(row=next(i for i, r in enumerate(rows(table)) if "retention" in r[2]))
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, SectionHistoryScreen)
        entries = app.screen.query_one("#entries", DataTable)
        assert [row[:2] for row in rows(entries)] == [
            ["1", "#1"],
            ["2", "#2"],
            ["3", "#3"],
            ["4", "#4"],
        ]
        assert entries.cursor_row == 3
        await pilot.press("N", "N")
        assert entries.cursor_row == 1
        assert "#2" in str(app.screen.query_one("#entry-head", Static).content)
        await pilot.press("n", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DiffScreen)
        assert (app.screen.old_index, app.screen.new_index) == (1, 2)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("section", "column", "opened_on"),
    [
        ("Data retention", 3, "#3"),  # a changed cell: that version's entry
        ("Your rights", 4, "#1"),  # an unchanged cell: the change that left it so
        ("Data retention", 0, "#4"),  # the names column: the newest
    ],
)
async def test_a_grid_cell_opens_its_sections_history_at_its_version(
    history, section, column, opened_on
):
    app = TrackerApp(Archive(history), POLICY)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        grid = app.screen.query_one("#grid", SectionGrid)
        assert grid.cursor_coordinate.column == 4  # opened on the newest version
        grid.move_cursor(row=next(i for i, r in enumerate(rows(grid)) if r[0] == section))
        grid.move_cursor(column=column)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SectionHistoryScreen)
        entries = app.screen.query_one("#entries", DataTable)
        assert rows(entries)[entries.cursor_row][1] == opened_on


@pytest.mark.asyncio
async def test_z_gives_the_focused_pane_the_screen(history):
    app = TrackerApp(Archive(history), POLICY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("z")
        assert app.screen.maximized is app.screen.query_one("#versions")
        await pilot.press("tab")
        assert app.screen.maximized is app.screen.query_one("#grid")
        await pilot.press("z", "tab", "enter")
        await settle(pilot)
        diff = app.screen
        await pilot.press("z")
        assert diff.maximized is diff.query_one("#detail")
        await pilot.press("z")
        assert diff.maximized is None


@pytest.mark.asyncio
async def test_narrow_screens_stack_the_panes(history):
    app = TrackerApp(Archive(history), POLICY)
    async with app.run_test(size=(80, 24)) as pilot:
        diff = await open_latest_diff(pilot)
        assert diff.has_class("narrow")
        headers = [
            column.label.plain for column in diff.query_one("#changes", DataTable).columns.values()
        ]
        assert headers[:2] == ["k", "s"]  # marks, not words, where columns are few
    async with TrackerApp(Archive(history), POLICY).run_test(size=(200, 50)) as pilot:
        diff = await open_latest_diff(pilot)
        assert not diff.has_class("narrow")


@pytest.mark.asyncio
async def test_refresh_reads_new_versions(history, tmp_path):
    app = TrackerApp(Archive(history), POLICY)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#versions", DataTable).row_count == 4
        add_version(history, tmp_path / tmp_path.name, 4)
        await pilot.press("r")
        await settle(pilot)
        assert app.screen.query_one("#versions", DataTable).row_count == 5


@pytest.mark.asyncio
async def test_uncompared_steps_are_compared_with_their_count_shown(archive, tmp_path):
    folder = tmp_path / tmp_path.name
    folder.mkdir()
    for version in range(3):
        add_version(archive, folder, version, "--no-compare")
    app = TrackerApp(Archive(archive), POLICY)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        bar = app.screen.query_one("#comparing", ProgressBar)
        assert (bar.total, bar.progress, bar.display) == (2, 2, False)
        assert app.screen.query_one("#versions", DataTable).row_count == 3


@pytest.mark.asyncio
async def test_help_is_titled_and_scrolls_at_80x24(history):
    app = TrackerApp(Archive(history), POLICY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_latest_diff(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_pane = app.screen.query_one("#help")
        assert "Keys: diff" in str(app.screen.query("Static").first().content.title)
        assert help_pane.max_scroll_y > 0 and app.focused is help_pane
        await pilot.press("end")
        assert help_pane.scroll_y > 0


@pytest.mark.asyncio
async def test_palette_offers_tracker_actions(history):
    app = TrackerApp(Archive(history), POLICY)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_latest_diff(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Open acme/privacy", "Wide", "Pair", "History", "Help"} <= set(titles)
        assert "Maximize" not in titles
        helps = {command.title: command.help for command in app.get_system_commands(app.screen)}
        assert helps["Wide"] == "The text alone on the screen, or back (key: z)"


@pytest.mark.asyncio
async def test_W_writes_the_policys_report(history, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = TrackerApp(Archive(history), POLICY)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("W")
        await settle(pilot)
    report = tmp_path / "acme-privacy-report.html"
    assert report.is_file() and "acme/privacy" in report.read_text()
