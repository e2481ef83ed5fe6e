"""Properties of the section parser over any text and over generated Markdown-ish documents."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tracker.analysis.sections import parse_document

SETTINGS = settings(deadline=None, max_examples=200)

VOCABULARY = (
    "data privacy your rights we collect cookies contact us sharing security children "
    "information use changes policy account email Acme law retention"
)
WORDS = st.sampled_from(VOCABULARY.split())
TITLE = st.lists(WORDS, min_size=1, max_size=5).map(lambda words: " ".join(words).title())
SENTENCE = st.lists(WORDS, min_size=3, max_size=20).map(lambda words: " ".join(words) + ".")


@st.composite
def block(draw) -> str:
    """One Markdown-ish block: a heading in one of its dresses, a paragraph or a list."""
    title = draw(TITLE)
    kind = draw(
        st.sampled_from(
            ["atx", "setext", "numbered", "caps", "bold", "roman", "para", "list", "break", "toc"]
        )
    )
    if kind == "atx":
        return "#" * draw(st.integers(1, 4)) + " " + title
    if kind == "setext":
        return title + "\n" + draw(st.sampled_from("=-")) * len(title)
    if kind == "numbered":
        parts = draw(st.lists(st.integers(1, 12), min_size=1, max_size=3))
        return ".".join(map(str, parts)) + ". " + title
    if kind == "caps":
        return title.upper() + draw(st.sampled_from(["", ":"]))
    if kind == "bold":
        return f"**{title}**"
    if kind == "roman":
        return draw(st.sampled_from(["I", "II", "III", "IV", "V", "X"])) + ". " + title
    if kind == "list":
        items = draw(st.lists(SENTENCE, min_size=1, max_size=4))
        return "\n".join(f"{number}. {item}" for number, item in enumerate(items, 1))
    if kind == "break":
        return draw(st.sampled_from(["---", "***", "=========="]))
    if kind == "toc":
        titles = draw(st.lists(TITLE, min_size=1, max_size=4))
        return "\n".join(f"- [{item}](#{item.lower().replace(' ', '-')})" for item in titles)
    return " ".join(draw(st.lists(SENTENCE, min_size=1, max_size=4)))


DOCUMENTS = st.lists(block(), min_size=0, max_size=25).map(lambda blocks: "\n\n".join(blocks))
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)


def alphanumerics(text: str) -> str:
    return "".join(char for char in text if char.isalnum())


def body_alphanumerics(document) -> str:
    """Preamble, then each section's number, title and text; recovered titles are not in the body."""
    parts = [document.preamble]
    for section in document.sections:
        if not section.recovered:
            parts += [section.number, section.title]
        parts.append(section.text)
    return alphanumerics("".join(parts))


def assert_covers_input(text: str) -> None:
    """The body is the input, less the title's own line wherever the title stood."""
    document = parse_document(text)
    expected, body = alphanumerics(text), body_alphanumerics(document)
    title = alphanumerics(document.title)
    if body == expected:
        return
    starts = [index for index in range(len(expected)) if expected.startswith(title, index)]
    assert title and any(
        expected[:start] + expected[start + len(title) :] == body for start in starts
    ), document


@SETTINGS
@given(ANY_TEXT)
def test_never_raises_on_any_text(text):
    document = parse_document(text)
    ids = [section.id for section in document.sections]
    assert len(ids) == len(set(ids))


@SETTINGS
@given(DOCUMENTS)
def test_never_raises_on_markdown_documents_and_tree_is_sound(text):
    document = parse_document(text)
    seen = {}
    for section in document.sections:
        assert section.id not in seen
        assert section.level >= 1
        if section.parent is not None:
            assert seen[section.parent] < section.level
        seen[section.id] = section.level


@SETTINGS
@given(DOCUMENTS)
def test_parsing_is_deterministic(text):
    assert parse_document(text) == parse_document(text)


@SETTINGS
@given(DOCUMENTS)
@example("data data data.\n\n# Data")  # text before the title heading is dropped
@example("# Acme\n\nShort line.\n\n## Privacy Policy\n\n## Data\n\nWe collect.")
def test_sections_cover_the_whole_body(text):
    assert_covers_input(text)


@SETTINGS
@given(ANY_TEXT)
def test_sections_cover_any_text(text):
    assert_covers_input(text)
