"""Every key of the terminal UI, screen by screen: change a key here and only here.

Each binding has a stable id (tests and snapshots name them); the help overlay and the
footer read their labels from these lists.
"""

from __future__ import annotations

from textual.binding import Binding

# Vim-style moves in every table.
TABLE = [
    Binding("j", "cursor_down", "Down", show=False, id="down"),
    Binding("k", "cursor_up", "Up", show=False, id="up"),
    Binding("g", "first", "First", show=False, id="first"),
    Binding("G", "last", "Last", show=False, id="last"),
]

APP = [
    Binding("question_mark", "help", "Help", id="help"),
    Binding("q", "back", "Back", id="back", tooltip="Back to the screen before; quit on the first"),
    Binding("ctrl+c", "quit", "Quit", show=False, id="quit"),
]

POLICIES = [
    Binding("enter", "open", "Open", id="open"),
    Binding("slash", "filter", "Filter", id="filter"),
    Binding("escape", "clear_filter", "Clear filter", show=False, id="clear_filter"),
    *TABLE,
]

_OPEN = (
    "Diff with the version before, or with the marked one; on a grid cell: the section's "
    "history at that version"
)
TIMELINE = [
    Binding("enter", "open", "Diff", id="open", tooltip=_OPEN),
    Binding("space", "mark", "Mark", id="mark", tooltip="Mark a version to compare with another"),
    Binding("tab", "switch", "Versions⇄grid", id="switch"),
    Binding(
        "z", "full_height", "Zoom", id="full_height", tooltip="The focused table alone, or both"
    ),
    Binding("r", "refresh", "Refresh", id="refresh", tooltip="Read the archive again"),
    Binding(
        "W",
        "write_report",
        "Write report",
        show=False,
        id="write_report",
        tooltip="Write this policy's changelog report as HTML in the current folder",
    ),
    *TABLE,
]

# The footer shows the keys a first visit needs; `?` lists every one.
DIFF = [
    Binding("n", "next_change", "Next", id="next_change",
            tooltip="Next change in the text (next search hit while searching), then the next section"),
    Binding("N", "previous_change", "Previous", show=False, id="previous_change",
            tooltip="Previous change in the text (or search hit), then the previous section"),
    Binding("v", "toggle_view", "Sides", id="toggle_view", tooltip="Side by side ⇄ inline"),
    Binding("z", "full_width", "Wide", id="full_width", tooltip="The text alone on the screen, or back"),
    Binding("right_square_bracket", "step_pair(1)", "Pair", id="next_pair",
            tooltip="The next pair of versions (both one later)"),
    Binding("left_square_bracket", "step_pair(-1)", "Previous pair", show=False, id="previous_pair",
            tooltip="The previous pair of versions (both one earlier)"),
    Binding("h", "section_history", "History", id="section_history",
            tooltip="This section through every version"),
    Binding("slash", "search", "Search", id="search", tooltip="Search the changes; n/N step through the hits"),
    Binding("e", "unfold", "Unfold", show=False, id="unfold", tooltip="Show or fold unchanged paragraphs"),
    Binding("R", "raw", "Raw", show=False, id="raw", tooltip="Raw Markdown as filed ⇄ rendered"),
    Binding("s", "only('substantive')", "Substantive only", show=False, id="only_substantive"),
    Binding("m", "only('minor')", "Minor only", show=False, id="only_minor"),
    Binding("c", "only('cosmetic')", "Cosmetic only", show=False, id="only_cosmetic"),
    Binding("w", "hide_cosmetic", "Hide cosmetic", show=False, id="hide_cosmetic"),
    Binding("o", "follow_move", "Go to moved text", show=False, id="follow_move"),
    Binding("escape", "clear", "Clear filters", show=False, id="clear"),
    *TABLE,
]  # fmt: skip

SECTION = [
    Binding(
        "enter", "open", "Diff", id="open", tooltip="The whole diff of the highlighted version"
    ),
    Binding(
        "n",
        "next_entry",
        "Next",
        id="next_entry",
        tooltip="The next version this section changed in",
    ),
    Binding(
        "N",
        "previous_entry",
        "Previous",
        show=False,
        id="previous_entry",
        tooltip="The previous version this section changed in",
    ),
    Binding(
        "e",
        "unfold",
        "Unfold",
        show=False,
        id="unfold",
        tooltip="Show or fold unchanged paragraphs",
    ),
    Binding("R", "raw", "Raw", show=False, id="raw", tooltip="Raw Markdown as filed ⇄ rendered"),
    *TABLE,
]

HELP = [
    Binding("escape", "dismiss", "Close", id="close"),
    Binding("q", "dismiss", "Close", show=False, id="close_q"),
    Binding("question_mark", "dismiss", "Close", show=False, id="close_help"),
]
