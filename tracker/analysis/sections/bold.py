"""Bold lines as the HTML converter leaves them: markers split, nested or left open."""

from __future__ import annotations

import re

_SIMPLE = re.compile(r"^\s*(?:\*\*|__)(?P<title>[^*_\n]+?)(?:\*\*|__)\s*$")
_MARKER_RUN = re.compile(r"\*{2,}")
_LABEL = re.compile(r"^(?:\(?[a-z]\)|\(?[ivx]{1,4}\)|\d{1,3}(?:\\?\.\d{1,3})*\\?\.?)\s", re.I)


def bold_title(line: str) -> str | None:
    """The text of a line bold from end to end, its markers removed: `**Your Choices**`,
    `**9.1** **EU-U.S. DPF**` (adjacent), `**11.7 **Research****` (nested), and a numbered
    `**5\\. Take Control` left open at a line break. None when any text lies outside the bold
    (`**Email.** We send...`)."""
    simple = _SIMPLE.match(line)
    if simple:
        return simple.group("title").strip()
    text = line.strip()
    if not text.startswith("**") or "*" in _MARKER_RUN.sub("", text):
        return None
    depth, position = 0, 0
    for run in _MARKER_RUN.finditer(text):
        if depth <= 0 and text[position : run.start()].strip():
            return None
        depth += _depth_change(text, run, depth)
        position = run.end()
    if depth <= 0 and text[position:].strip():
        return None
    inner = _MARKER_RUN.sub("", text).strip()
    if depth > 0 and not (text.endswith("**") or _LABEL.match(inner)):
        return None  # left open: only a numbered title is read as a whole bold line
    return inner or None


def _depth_change(text: str, run: re.Match[str], depth: int) -> int:
    count = len(run.group()) // 2
    before = text[run.start() - 1] if run.start() else " "
    after = text[run.end()] if run.end() < len(text) else " "
    if before.isspace() and not after.isspace():
        return count  # opens
    if after.isspace() and not before.isspace():
        return -count  # closes
    if count % 2 == 0:
        return 0  # `**f****ulfill`: closed and opened again inside a word
    return -1 if depth > 0 else 1


def labelled_caption(title: str) -> bool:
    """`(c) Customer support information.`: a short lettered or numbered caption, full stop
    and all."""
    label = _LABEL.match(title)
    caption = title[label.end() :].strip() if label else ""
    return bool(caption) and caption[:1].isupper() and len(caption.split()) <= 7
