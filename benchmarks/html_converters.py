"""Which HTML-to-text converter keeps a policy page's headings: markdownify, html2text, trafilatura.

The pages are the seed policies rendered to HTML the way policy sites publish them:
`<h2>`/`<h3>` headings (and, for one page, `<p><strong>` pseudo-headings), wrapped in
navigation, a cookie banner, a footer and scripts. A converter scores by how many of
the page's headings tracker's section parser finds again, and how much page chrome
leaks into the text.

Run: pip install html2text trafilatura && python benchmarks/html_converters.py
"""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

from markdown_it import MarkdownIt

from tracker.analysis.ingest import html_to_text, main_content
from tracker.analysis.sections import parse_document
from tracker.text import normalise_title

SAMPLES = Path(__file__).resolve().parent.parent / "archive" / "samples"
CHROME = ("Accept all cookies", "Sign in", "Careers", "All rights reserved", "trackingPixel")


def page(markdown: str, strong_headings: bool) -> tuple[str, list[str]]:
    body = MarkdownIt().render(markdown)
    headings = [normalise_title(section.title) for section in parse_document(markdown).sections]
    if strong_headings:
        for level in ("h2", "h3"):
            body = body.replace(f"<{level}>", "<p><strong>").replace(f"</{level}>", "</strong></p>")
    html = (
        "<!doctype html><html><head><title>Privacy</title><script>var trackingPixel=1;</script></head><body>"
        "<nav><a href='/'>Home</a><a href='/login'>Sign in</a><a href='/jobs'>Careers</a></nav>"
        "<div class='cookie-banner' aria-hidden='true'>We use cookies. <button>Accept all cookies</button></div>"
        f"<main><article>{body}</article></main>"
        "<footer>© 2024 Example Inc. All rights reserved.</footer><img src='https://t.example/p.gif'></body></html>"
    )
    return html, headings


def converters():
    yield "markdownify (tracker's ingest)", html_to_text
    if importlib.util.find_spec("html2text"):
        import html2text

        def with_html2text(html: str) -> str:
            converter = html2text.HTML2Text()
            converter.body_width = 0
            return converter.handle(str(main_content(html)))

        yield "html2text (after the same cleaning)", with_html2text
    if importlib.util.find_spec("trafilatura"):
        import trafilatura

        yield (
            "trafilatura (its own extraction)",
            lambda html: (
                trafilatura.extract(html, output_format="markdown", include_formatting=True) or ""
            ),
        )


def main() -> None:
    pages = []
    for number, path in enumerate(sorted(SAMPLES.glob("00[0-3]*.txt"))):
        pages.append(page(path.read_text(), strong_headings=number == 2))
    for name, convert in converters():
        found = total = leaks = 0
        start = time.perf_counter()
        for html, headings in pages:
            text = convert(html)
            parsed = {normalise_title(section.title) for section in parse_document(text).sections}
            found += sum(1 for heading in headings if heading in parsed)
            total += len(headings)
            leaks += sum(1 for word in CHROME if word in text)
        seconds = (time.perf_counter() - start) / len(pages)
        print(
            f"{name:<32} headings kept {found:3d}/{total:<3d}  chrome leaked {leaks:2d}  {seconds * 1000:6.1f} ms/page"
        )


if __name__ == "__main__":
    main()
