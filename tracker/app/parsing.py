"""`tracker parse` and `tracker show --sections`: a text read into its date, sections and meaning."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from tracker.analysis.doctype import named_first
from tracker.analysis.ingest import ingest_bytes
from tracker.analysis.meaning import SectionMeaning, section_meaning
from tracker.analysis.sections import parse_document, stated_date
from tracker.app.sources import read_input
from tracker.errors import shown
from tracker.model import Document, EffectiveDate, Ingested


@dataclass(frozen=True)
class Parsed:
    ingested: Ingested
    effective: EffectiveDate | None
    document: Document
    meanings: tuple[SectionMeaning, ...]  # one per section, in order


def parse_file(file: Path | str) -> Parsed:
    """A file (or `-` for stdin) read as `tracker add` would, then parsed."""
    raw = read_input("-" if str(file) == "-" else Path(file))
    ingested = ingest_bytes(
        raw.data, name=shown(raw.name, None), file_name=raw.file_name, is_html=raw.is_html
    )
    return parse_text(ingested)


def parse_text(ingested: Ingested) -> Parsed:
    document = parse_document(ingested.text)
    source = ingested.source
    document = replace(
        document, document_type=named_first(document.document_type, source.file_name, source.url)
    )
    meanings = tuple(
        section_meaning(section, document.document_type) for section in document.sections
    )
    return Parsed(ingested, stated_date(ingested.text, document), document, meanings)
