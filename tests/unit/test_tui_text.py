"""The TUI's colours hold up on every theme, and its word diffs read paragraph by paragraph."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.app import App
from textual.color import Color

from tracker.model import WordOp
from tracker.tui import prose
from tracker.tui.colours import MINIMUM_CONTRAST, contrast, palette


@pytest.fixture(scope="module")
def themes() -> dict[str, dict[str, str]]:
    """Every built-in theme's CSS variables, as the running app computes them."""

    async def collect() -> dict[str, dict[str, str]]:
        app = App()
        found = {}
        async with app.run_test():
            for name in sorted(app.available_themes):
                app.theme = name
                found[name] = app.get_css_variables()
        return found

    return asyncio.run(collect())


@pytest.mark.parametrize(
    "theme", sorted(name for name in App().available_themes if "ansi" not in name)
)
def test_every_mark_stands_out_on_every_theme(themes, theme):
    variables = themes[theme]
    colours = palette(variables)
    for background in ("background", "surface"):
        behind = Color.parse(variables[background])
        for role, colour in colours.colours.items():
            ratio = contrast(Color.parse(colour), behind)
            assert (
                ratio >= MINIMUM_CONTRAST or colour == Color.parse(variables["foreground"]).hex6
            ), f"{theme}: {role} {colour} on {background} is {ratio:.1f}:1"


def test_ansi_themes_keep_the_terminals_colours(themes):
    colours = palette(themes["ansi-dark"])
    assert colours["added"] == "green" and colours["removed"] == "red"


def test_a_light_yellow_is_darkened_until_it_reads():
    variables = {"background": "#E0E0E0", "surface": "#D8D8D8", "foreground": "#1F1F1F",
                 "warning": "#FEA62B"}  # fmt: skip
    modified = Color.parse(palette(variables)["modified"])
    assert contrast(Color.parse("#FEA62B"), Color.parse("#E0E0E0")) < MINIMUM_CONTRAST
    assert contrast(modified, Color.parse("#D8D8D8")) >= MINIMUM_CONTRAST


def equal(text: str) -> WordOp:
    return WordOp("equal", text, text)


def test_paragraphs_are_cut_at_the_blank_lines_of_unchanged_text():
    ops = (
        equal("First paragraph stays.\n\nSecond "),
        WordOp("replace", "old words", "new words"),
        equal(" end.\n\nThird stays."),
    )
    found = prose.paragraphs(ops)
    assert [paragraph.changed for paragraph in found] == [False, True, False]
    assert found[1].old == "Second old words end.\n\n"
    assert found[1].new == "Second new words end.\n\n"


def test_an_inserted_paragraph_is_a_paragraph_of_its_own():
    ops = (
        equal("Kept.\n\n"),
        WordOp("insert", "", "A new paragraph.\n\nAnother.\n\n"),
        equal("End."),
    )
    found = prose.paragraphs(ops)
    assert [paragraph.new for paragraph in found] == [
        "Kept.\n\n",
        "A new paragraph.\n\n",
        "Another.\n\n",
        "End.",
    ]
    assert [paragraph.old for paragraph in found] == ["Kept.\n\n", "", "", "End."]


def test_a_mostly_rewritten_paragraph_shows_old_then_new():
    rewritten = prose.Paragraph(
        (
            equal("We "),
            WordOp("replace", "collect little about anyone", "share a great deal with partners"),
        ),
    )
    kept = prose.Paragraph(
        (equal("We keep your data for "), WordOp("replace", "30", "60"), equal(" days."))
    )
    assert rewritten.rewritten and not kept.rewritten
    colours = palette({"background": "#000000", "surface": "#000000", "foreground": "#FFFFFF",
                       "success": "#00FF00", "error": "#FF0000"})  # fmt: skip
    assert (
        prose.woven(rewritten, colours).plain
        == "We collect little about anyone\nWe share a great deal with partners"
    )
    assert prose.woven(kept, colours).plain == "We keep your data for 3060 days."


def test_markdown_is_rendered_across_pieces():
    writer = prose.Writer()
    writer.write("**Bold ")
    writer.write("title** and a [link](https://example.org) <br>then\\* a star")
    text = writer.text
    assert text.plain == "Bold title and a link \nthen* a star"
    bold = [text.plain[span.start : span.end] for span in text.spans if span.style.bold]
    underlined = [text.plain[span.start : span.end] for span in text.spans if span.style.underline]
    assert "".join(bold) == "Bold title" and underlined == ["link"]


def test_line_markup_only_at_the_start_of_a_line():
    writer = prose.Writer()
    writer.write("from 2018")
    writer.write(" - 2019\n- a bullet\n## A heading\n| a | b |\n|---|---|\n| c | d |")
    assert writer.text.plain == "from 2018 - 2019\n• a bullet\nA heading\n│ a │ b │\n│ c │ d │"


def test_raw_keeps_the_text_as_filed():
    assert prose.section_text("**a** [b](c)", raw=True).plain == "**a** [b](c)"


@given(st.lists(st.tuples(st.sampled_from(["equal", "insert", "delete", "replace"]),
                          st.text(alphabet="ab \n", max_size=12)), max_size=12))  # fmt: skip
def test_paragraphs_keep_every_character(steps):
    ops = tuple(
        WordOp(op, "" if op == "insert" else text, "" if op == "delete" else text)
        for op, text in steps
    )
    found = prose.paragraphs(ops)
    assert "".join(paragraph.old for paragraph in found) == "".join(op.old for op in ops)
    assert "".join(paragraph.new for paragraph in found) == "".join(op.new for op in ops)
