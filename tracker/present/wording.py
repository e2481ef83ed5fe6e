"""The words and marks the tool prints, shared by the CLI, the report and the TUI."""

from __future__ import annotations

from tracker.model import Change, WordOp

KIND_STYLE = {
    "added": "green", "removed": "red", "renamed": "cyan", "moved": "bright_blue", "modified": "yellow",
    "split": "magenta", "merged": "magenta", "unchanged": "dim",
}  # fmt: skip
KIND_MARK = {
    "added": "+", "removed": "x", "renamed": "R", "moved": "M", "modified": "~",
    "split": "S", "merged": "J", "unchanged": "·",
}  # fmt: skip


def kind_legend() -> str:
    """`+ added  ~ modified ...` in Rich markup, each mark in its colour."""
    order = ("added", "modified", "renamed", "moved", "split", "merged", "removed", "unchanged")
    return "  ".join(f"[{KIND_STYLE[kind]}]{KIND_MARK[kind]}[/] {kind}" for kind in order)


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`1 section`, `2 sections`, `3 policies`: the count with its noun in the right number."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def elided(text: str, keep: int = 15) -> str:
    """Long unchanged text cut to its first and last `keep` words around ` … `; line breaks kept."""
    words = text.split(" ")
    if len(words) <= 2 * keep + 3:
        return text
    return " ".join(words[:keep]) + " … " + " ".join(words[-keep:])


REWRITTEN_BELOW = 0.4  # similarity under which a word-by-word redline is noise


def redline_ops(change: Change) -> tuple[WordOp, ...]:
    """The word diff to show a reader: word by word, or, for a section rewritten beyond
    recognition, its old text struck and then its new text, instead of a confetti of edits."""
    if change.similarity >= REWRITTEN_BELOW or not (change.old and change.new):
        return change.words
    old = "\n\n".join(section.text.strip() for section in change.old if section.text.strip())
    new = "\n\n".join(section.text.strip() for section in change.new if section.text.strip())
    return (WordOp("replace", old + "\n\n", new),)
