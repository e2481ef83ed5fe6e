"""Bytes in, clean text out: HTML cleaning, archive preambles, stray lines, encodings, refusals."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import MESOSPHERE_2018
from tracker.analysis.ingest import MAX_INPUT_BYTES, decode, ingest_bytes, strip_junk_lines
from tracker.errors import InputError

BODY = b"""
<h1>Acme Privacy Policy</h1>
<p onclick="steal()">We respect your privacy.</p>
<img src="https://pixel.example/p.gif" width="1" height="1" onerror="alert(1)">
<iframe src="https://ads.example/frame"></iframe>
<h2>Data We Collect</h2>
<p>Names <a href="/more" onmouseover="track()">and</a> emails.</p>
<noscript><img src="pixel2.gif"></noscript>
<h3>Cookies</h3><p>We use cookies.</p>
<script>document.write('<iframe src=evil></iframe>')</script>
"""
CHROME_BEFORE = b"""<!DOCTYPE html><html><head><title>Acme</title>
<script>var x = 1;</script><style>body { color: red }</style></head>
<body onload="track()">
<header><a href="/">Home page</a> <a href="/about">About Acme</a></header>
<nav><ul><li><a href="/">Home</a></li><li>Products menu</li></ul></nav>
"""
CHROME_AFTER = b"""<footer>Copyright 2020 Acme. <a href="/terms">Terms</a></footer>
<script src="analytics.js"></script><iframe src="chat.html"></iframe>
</body></html>"""


@pytest.mark.parametrize("main", [True, False], ids=["main", "body"])
def test_html_page_keeps_the_policy_and_nothing_active(main):
    body = b"<main>" + BODY + b"</main>" if main else BODY
    ingested = ingest_bytes(
        CHROME_BEFORE + body + CHROME_AFTER, name="page", url="https://acme.com/p"
    )
    text = ingested.text
    for unwanted in ("<script", "script>", "onerror", "onclick", "onload", "onmouseover", "iframe",
                     "alert(", "pixel", "analytics.js", "Home page", "Products menu", "Copyright",
                     "color: red"):  # fmt: skip
        assert unwanted.lower() not in text.lower(), unwanted
    lines = text.split("\n")
    assert "# Acme Privacy Policy" in lines
    assert "## Data We Collect" in lines
    assert "### Cookies" in lines
    assert "We respect your privacy." in lines
    assert ingested.title_hint == "Acme Privacy Policy"


def test_html_is_recognised_by_file_name_and_by_content():
    fragment = b"<p>One</p><p>Two</p><h2>Three</h2>"
    assert "## Three" in ingest_bytes(fragment, name="x", file_name="policy.htm").text
    assert "## Three" in ingest_bytes(fragment, name="x").text
    plain = b"Use <b>bold</b> sparingly in this plain text."
    assert ingest_bytes(plain, name="x", file_name="notes.txt").text.startswith("Use <b>bold</b>")


def test_html_with_only_scripts_is_an_input_error():
    with pytest.raises(InputError, match="no text left"):
        ingest_bytes(b"<html><body><script>alert(1)</script></body></html>", name="page")


def test_deep_html_reads_and_absurdly_deep_html_is_an_input_error():
    def nested(depth: int) -> bytes:
        return b"<html><body>" + b"<div>" * depth + b"deep text" + b"</div>" * depth

    assert ingest_bytes(nested(100), name="x").text == "deep text\n"
    with pytest.raises(InputError, match="nested too deeply"):
        ingest_bytes(nested(50_000), name="x")


def test_web_archive_preamble_is_stripped_and_its_facts_kept():
    first_line = MESOSPHERE_2018.read_bytes().split(b"\n", 1)[0]
    data = first_line + b"\n\n# Privacy Policy - Mesosphere\n\nWe care.\n"
    ingested = ingest_bytes(data, name="snapshot.txt", file_name="snapshot.txt")
    assert ingested.text == "# Privacy Policy - Mesosphere\n\nWe care.\n"
    source = ingested.source
    assert source.archived_on == "2018-06-29"
    assert source.domain == "mesosphere.com"
    assert source.url == "https://mesosphere.com/privacy"
    assert source.origin_link.startswith("https://web.archive.org/web/20180629051750")
    assert source.file_name == "snapshot.txt"


def test_given_url_wins_over_the_archived_one():
    first_line = MESOSPHERE_2018.read_bytes().split(b"\n", 1)[0]
    ingested = ingest_bytes(first_line + b"\nText.\n", name="x", url="https://example.org/p")
    assert ingested.source.url == "https://example.org/p"
    assert ingested.source.domain == "mesosphere.com"


def test_stray_icon_word_is_dropped_but_a_real_first_line_is_kept():
    assert (
        ingest_bytes(b"clock\n\nOverview\n\nWe care.\n", name="x").text == "Overview\n\nWe care.\n"
    )
    assert ingest_bytes(b"Overview\n\nWe care.\n", name="x").text == "Overview\n\nWe care.\n"
    assert strip_junk_lines("Skip to content\nmenu\n# Privacy\n") == "# Privacy\n"
    assert strip_junk_lines("Privacy\n") == "Privacy\n"


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + "Café policy – “quoted”".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "Café policy – “quoted”".encode("utf-16-be"),
        codecs.BOM_UTF8 + "Café policy – “quoted”".encode(),
        "Café policy – “quoted”".encode(),
        "Café policy – “quoted”".encode("cp1252"),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-8-bom", "utf-8", "cp1252"],
)
def test_encodings_decode(data):
    assert decode(data, "x")[0] == "Café policy – “quoted”"
    assert ingest_bytes(data, name="x").text == "Café policy – “quoted”\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b" \n\t\r\n  ", "empty"),
        (b"%PDF-1.7\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00", "zip"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b"ELFish\x00\x00\x01\x02 text", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (codecs.BOM_UTF16_LE + "   ".encode("utf-16-le"), "empty"),
    ],
    ids=["empty", "whitespace", "pdf", "zip", "png", "gzip", "nul", "controls", "utf16-blank"],
)
def test_refused_input(data, message):
    with pytest.raises(InputError, match=message):
        ingest_bytes(data, name="in.bin")


def test_oversized_input_is_refused():
    with pytest.raises(InputError, match="too large"):
        decode(b"a" * (MAX_INPUT_BYTES + 1), "big.txt")


def test_mixed_line_endings_and_odd_spaces_are_normalised():
    data = "Title\r\nOne\rTwo\nThree\u00a0words\u200b  \r\n\r\n\r\nEnd".encode()
    assert ingest_bytes(data, name="x").text == "Title\nOne\nTwo\nThree words\n\n\nEnd\n"


@settings(deadline=None, max_examples=200)
@given(st.binary(max_size=3000), st.sampled_from([None, True, False]))
def test_arbitrary_bytes_give_text_or_input_error(data, is_html):
    try:
        ingested = ingest_bytes(data, name="x", is_html=is_html)
    except InputError:
        return
    assert ingested.text.strip()
    assert "\r" not in ingested.text


HTML_PIECES = st.sampled_from(
    ["<html>", "<body>", "<main>", "<h1>", "</h1>", "<p>", "</p>", "<script>", "</script>",
     "<table><tr><td>", "<strong>", "</strong>", "<a href='x'>", "</a>", "<!--", "-->",
     "<pre>", "<ul><li>", "<br>", "&amp;", "&#0;", "<header>", "<svg>", "<!doctype html>"]
)  # fmt: skip


@settings(deadline=None, max_examples=200)
@given(st.lists(st.one_of(HTML_PIECES, st.text(max_size=12)), max_size=40))
def test_arbitrary_html_gives_text_or_input_error(pieces):
    try:
        ingested = ingest_bytes("".join(pieces).encode(), name="x", is_html=True)
    except InputError:
        return
    assert ingested.text.strip()


def test_the_encoding_read_is_kept():
    assert ingest_bytes("Café".encode(), name="x").encoding == "utf-8"
    assert ingest_bytes("Café “x”".encode("cp1252"), name="x").encoding == "windows-1252"
    assert ingest_bytes(codecs.BOM_UTF16_LE + "Café".encode("utf-16-le"), name="x").encoding == (
        "utf-16"
    )
