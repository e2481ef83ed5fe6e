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
    Binding("q", "back", "Back/Quit", id="back"),
    Binding("ctrl+c", "quit", "Quit", show=False, id="quit"),
]

POLICIES = [
    Binding("enter", "open", "Open", id="open"),
    Binding("slash", "filter", "Filter", id="filter"),
    Binding("escape", "clear_filter", "Clear filter", show=False, id="clear_filter"),
    *TABLE,
]

TIMELINE = [
    Binding("enter", "open", "Diff / section history", id="open"),
    Binding("space", "mark", "Mark to compare", id="mark"),
    Binding("tab", "switch", "Versions ⇄ grid", id="switch"),
    *TABLE,
]

DIFF = [
    Binding("v", "toggle_view", "Side by side ⇄ inline", id="toggle_view"),
    Binding("n", "next_change", "Next change", id="next_change"),
    Binding("N", "previous_change", "Previous change", id="previous_change"),
    Binding("s", "only('substantive')", "Substantive only", id="only_substantive"),
    Binding("m", "only('minor')", "Minor only", id="only_minor"),
    Binding("c", "only('cosmetic')", "Cosmetic only", id="only_cosmetic"),
    Binding("w", "hide_cosmetic", "Hide cosmetic", id="hide_cosmetic"),
    Binding("o", "follow_move", "Go to moved text", id="follow_move"),
    Binding("slash", "search", "Search", id="search"),
    Binding("escape", "clear", "Clear filters", show=False, id="clear"),
    *TABLE,
]

SECTION = [
    Binding("j", "scroll_down", "Down", show=False, id="down"),
    Binding("k", "scroll_up", "Up", show=False, id="up"),
    Binding("g", "top", "Top", show=False, id="top"),
    Binding("G", "bottom", "Bottom", show=False, id="bottom"),
]

HELP = [
    Binding("escape", "dismiss", "Close", id="close"),
    Binding("q", "dismiss", "Close", show=False, id="close_q"),
    Binding("question_mark", "dismiss", "Close", show=False, id="close_help"),
]
