"""Bytes in, clean text out: decoding, HTML to Markdown-ish text, archive preambles.

Everything here is a pure function of its input; fetching URLs lives in `fetch.py`.
"""

from __future__ import annotations

import codecs
import re
from urllib.parse import unquote, urlparse

from tracker.errors import InputError
from tracker.model import Ingested, Source
from tracker.text import normalise_text

MAX_INPUT_BYTES = 20 * 1024 * 1024

_BINARY_SIGNATURES = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a zip archive",
    b"\x1f\x8b": "gzip-compressed",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program",
    b"BZh": "bzip2-compressed",
    b"\xfd7zXZ": "xz-compressed",
    b"7z\xbc\xaf": "a 7-zip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}

_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"<(?:p|div|h[1-6]|section|article|ul|li|span|br)\b[^>]*>", re.I)
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f]")  # under 32, not \t \n \v \f \r

_PREAMBLE = re.compile(
    r"\A\s*>?\s*\*?The following text is extracted and transformed from the (?P<domain>\S+) "
    r"(?P<what>.+?) that was archived on (?P<date>\d{4}-\d{2}-\d{2})\.(?P<rest>[^\n]*)\n",
    re.I,
)
_LINK = re.compile(r"\((https?://[^)\s]+)\)")

_ICON_NAME = re.compile(r"[a-z][a-z_]{1,23}")  # lowercase ligature names: clock, arrow_back
_NAV_PHRASE = re.compile(r"skip to (?:main )?content|toggle navigation|back to top|menu", re.I)
_UNSAFE_TAGS = (
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed",
    "applet", "svg", "canvas", "template", "form", "input", "button", "select",
    "textarea", "img", "picture", "video", "audio", "source", "track", "link",
    "meta", "base", "nav", "footer", "aside", "dialog",
)  # fmt: skip


def ingest_bytes(
    data: bytes,
    *,
    name: str,
    file_name: str | None = None,
    url: str | None = None,
    is_html: bool | None = None,
) -> Ingested:
    """Decode `data`, convert HTML, strip an archive preamble; `name` is for error messages."""
    text, encoding = decode(data, name)
    html = is_html if is_html is not None else looks_like_html(text, file_name or url or "")
    if html:
        text = html_to_text(text, name)
    text = normalise_text(text)
    text, source = strip_preamble(text, Source(file_name=file_name, url=url))
    text = strip_junk_lines(text)
    if not text.strip():
        raise InputError(f"{name}: no text left after cleaning (is it an empty page?)")
    return Ingested(text=text, source=source, title_hint=_first_heading(text), encoding=encoding)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Text from bytes and the encoding it was read in: UTF-8 or UTF-16 with a BOM, else
    UTF-8, else Windows-1252 (else Latin-1, which reads any byte)."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"{name}: too large ({len(data) / 1e6:.1f} MB; the limit is "
            f"{MAX_INPUT_BYTES // (1024 * 1024)} MB)"
        )
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(
                f"{name}: this is {what}, not text; give a text, Markdown or HTML file"
            )
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked_text(data.decode(encoding), name), encoding.removesuffix("-sig")
            except UnicodeDecodeError as error:
                raise InputError(f"{name}: invalid {encoding} text ({error.reason})") from None
    if b"\x00" in data:
        raise InputError(f"{name}: binary data (NUL bytes), not text")
    for encoding in ("utf-8", "windows-1252"):
        try:
            return _checked_text(data.decode(encoding), name), encoding
        except UnicodeDecodeError:
            pass
    return _checked_text(data.decode("latin-1"), name), "latin-1"


def _checked_text(text: str, name: str) -> str:
    controls = len(_CONTROL_CHARACTERS.findall(text))
    if controls > max(2, len(text) // 200):
        raise InputError(f"{name}: binary data (control characters), not text")
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    return text


def looks_like_html(text: str, name: str) -> bool:
    if name.lower().rsplit("?", 1)[0].endswith((".html", ".htm", ".xhtml")):
        return True
    if _HTML_START.match(text):
        return True
    head = text[:5000]
    return head.lstrip().startswith("<") and len(_HTML_TAGS.findall(head)) >= 3


def html_to_text(html: str, name: str = "input") -> str:
    """Markdown-ish text of the page's main content: headings as `#`, lists as `*`.

    Scripts, frames, forms, images and navigation are removed before conversion,
    so nothing executable or decorative survives.
    """
    from markdownify import MarkdownConverter

    try:
        converter = MarkdownConverter(heading_style="ATX", bullets="*", escape_misc=False)
        return converter.convert_soup(main_content(html))
    except RecursionError:
        raise InputError(f"{name}: the HTML is nested too deeply to read") from None


def main_content(html: str):
    """The page's main element, with scripts, frames, forms, images and navigation removed."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(_UNSAFE_TAGS):
        tag.decompose()
    for tag in soup.find_all(attrs={"aria-hidden": "true"}):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    for header in root.find_all("header"):
        if not header.find(re.compile(r"^h[1-6]$")):
            header.decompose()
    return root


def strip_preamble(text: str, source: Source) -> tuple[str, Source]:
    """Remove a web-archive preamble line, keeping its date, domain and original URL."""
    match = _PREAMBLE.match(text)
    if not match:
        return text, source
    link = _LINK.search(match.group("rest"))
    archive_link = link.group(1) if link else None
    original = _original_url(archive_link) if archive_link else None
    source = Source(
        file_name=source.file_name,
        url=source.url or original,
        archived_on=match.group("date"),
        domain=match.group("domain").lower(),
        origin_link=archive_link,
    )
    return text[match.end() :].lstrip("\n"), source


def _original_url(archive_link: str) -> str | None:
    match = re.search(r"/web/\d+[a-z_]*/(.+)$", archive_link)
    if not match:
        return None
    url = unquote(match.group(1))
    return url if urlparse(url).scheme in ("http", "https") else None


def strip_junk_lines(text: str) -> str:
    """Drop stray words before the first real line (icon names such as `clock`)."""
    lines = text.split("\n")
    start = 0
    junk = 0
    while start < len(lines) - 1 and junk < 3:
        line = lines[start].strip()
        if line and not (_ICON_NAME.fullmatch(line) or _NAV_PHRASE.fullmatch(line)):
            break
        junk += bool(line)
        start += 1
    return "\n".join(lines[start:]).lstrip("\n")


def _first_heading(text: str) -> str | None:
    match = re.search(r"^#{1,2}\s+(.+?)\s*#*$", text[:3000], re.M)
    return match.group(1).strip() if match else None
