"""Colours for change kinds, significance and word diffs, taken from the active theme.

Each role names a theme colour (`success` for added text, `error` for removed); that colour is
blended towards the theme's foreground until it stands at least `MINIMUM_CONTRAST` (WCAG's
ratio for large text and interface marks) against both the background and the surface, so a
yellow mark never sits unreadable on a light grey. ANSI themes use the terminal's own colours,
which cannot be measured, and are left as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.color import Color

MINIMUM_CONTRAST = 3.0

# role -> the theme colour it starts from
_ROLE_COLOUR = {
    "added": "success",
    "removed": "error",
    "modified": "warning",
    "renamed": "secondary",
    "moved": "primary",
    "split": "accent",
    "merged": "accent",
    "unchanged": "foreground",
    "inserted": "success",
    "deleted": "error",
    "substantive": "error",
    "minor": "warning",
}
_BACKGROUNDS = ("background", "surface")


@dataclass(frozen=True)
class Palette:
    """A Rich colour (`#RRGGBB`, or a theme's ANSI name) for every role."""

    colours: dict[str, str]

    def __getitem__(self, role: str) -> str:
        return self.colours.get(role, "")


def palette(variables: dict[str, str]) -> Palette:
    """The roles' colours for the theme whose CSS variables are `variables`."""
    return Palette({role: _readable(variables, name) for role, name in _ROLE_COLOUR.items()})


def contrast(first: Color, second: Color) -> float:
    """WCAG 2 contrast ratio: 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _readable(variables: dict[str, str], name: str) -> str:
    value = variables.get(name, "")
    if value.startswith("ansi_") or not value:
        return value.replace("ansi_", "").replace("default", "")
    colour = Color.parse(value)
    backgrounds = [_opaque(variables, background) for background in _BACKGROUNDS]
    foreground = Color.parse(variables["foreground"])
    for step in range(11):  # 0%, 10% ... 100% of the way to the foreground
        candidate = colour.blend(foreground, step / 10)
        if all(contrast(candidate, background) >= MINIMUM_CONTRAST for background in backgrounds):
            return candidate.hex6
    return foreground.hex6


def _opaque(variables: dict[str, str], name: str) -> Color:
    value = variables.get(name, "")
    if not value or value == "transparent":
        return Color.parse(variables["background"])
    return Color.parse(value)


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)
