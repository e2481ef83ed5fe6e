"""Contact points a sentence gives: e-mail addresses, postal addresses and phone numbers."""

from __future__ import annotations

import re

from tracker import rules

_RULES = rules.load("facts")
_OTHER_PARTY = re.compile(_RULES["cues"]["other_party"], re.I)
_OTHER_ORGANISATION = re.compile(_RULES["cues"]["other_organisation"])
_ABBREVIATIONS: dict[str, str] = _RULES["address_abbreviations"]


def address_words(text: str) -> str:
    """An address (or any text) as its lower-case words, abbreviated as usual:
    `88 Stevenson Street, SF` -> `88 stevenson st sf`."""
    return " ".join(_ABBREVIATIONS.get(word, word) for word in re.findall(r"\w+", text.lower()))


# Parts bounded as in RFC 5321 (a 64-character local part, 63-character labels): unbounded,
# a long run like `www.1www.1...` made this pattern take quadratic time.
_EMAIL = re.compile(
    r"\b([\w.+-]{1,64})\s*(?:@|\[at\]|\(at\)|\sat\s)\s*"
    r"([\w-]{1,63}(?:\s*(?:\.|\[dot\]|\(dot\))\s*[\w-]{1,63}){1,10})\b",
    re.I,
)
_AT = re.compile(r"@|\[at\]|\(at\)|\sat\s", re.I)


def emails(sentence: str) -> list[str]:
    if not _AT.search(sentence):
        return []
    found = []
    for match in _EMAIL.finditer(sentence):
        raw_at = match.group(0)
        if " at " in raw_at and "[" not in raw_at and "(" not in raw_at:
            continue  # `contact us at support` is prose, not an obfuscated address
        domain = re.sub(r"\s*(?:\[dot\]|\(dot\))\s*", ".", match.group(2), flags=re.I).replace(
            " ", ""
        )
        if not re.fullmatch(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", domain, re.I):
            continue
        domain = re.sub(r"(?<=[a-z])[A-Z]\w*$", "", domain)  # `example.comPostal mail` glued
        if _another_partys(domain, sentence[: match.start()]):
            continue
        found.append(f"{match.group(1)}@{domain}".lower().strip("."))
    return found


def _another_partys(domain: str, before: str) -> bool:
    """An address of an organisation the sentence introduces as another party: `our identity
    verification partner, Veriff, at privacy@veriff.com`, `issued by the Civil Aviation
    Authority ... claims@caa.co.uk`. The name is the domain's label, or the initials of the
    capitalised words that name it."""
    label = domain.split(".")[0].lower()
    for cue in _OTHER_PARTY.finditer(before):
        named = before[cue.end() : cue.end() + 80]
        words = re.findall(r"\b[A-Z][\w&-]*", named)
        initials = "".join(word[0] for word in words).lower()
        if any(word.lower() == label for word in words) or (len(label) > 1 and label in initials):
            return True
    return False


_STREET = _RULES["cues"]["street"]
_ADDRESS = re.compile(
    rf"\b\d{{1,5}}\s+(?:[A-Z][\w'’.-]*\s+){{1,4}}{_STREET}\.?(?:,?\s+(?:Suite|Ste\.?|Floor|Fl\.?|Unit|#)\s*[\w-]+|,?\s+\d+(?:st|nd|rd|th)\s+Floor)?"
    rf",?\s+(?:[A-Z][\w.'-]*\s*){{1,3}},?\s+(?:[A-Z]{{2}}|[A-Z][a-z]+)\.?,?\s+\d{{5}}(?:-\d{{4}})?\b"
)


def addresses(sentence: str) -> list[str]:
    """Street addresses, but not one of a public body the text names just before it."""
    return [value for value, others in address_matches(sentence) if not others]


def address_matches(text: str) -> list[tuple[str, bool]]:
    """Each street address, and whether a public body named just before it owns it."""
    return [
        (" ".join(match.group(0).split()), _names_another_organisation(text, match.start()))
        for match in _ADDRESS.finditer(text)
    ]


def _names_another_organisation(text: str, start: int) -> bool:
    return _OTHER_ORGANISATION.search(text[max(0, start - 200) : start]) is not None


def phones(sentence: str) -> list[str]:
    """The sentence's phone numbers, but not one of a public body or forum it names before
    the number (`the Department of Consumer Affairs ... at (800) 952-5210`)."""
    if not re.search(r"\d{3}", sentence) or not re.search(
        r"\b(?:phone|call|tel|telephone|fax|toll|dial)\w*\b|\+\d|\b1-\d{3}-\d{3}-\d{4}\b",
        sentence,
        re.I,
    ):
        return []
    import phonenumbers

    numbers = []
    for match in phonenumbers.PhoneNumberMatcher(
        sentence, "US", leniency=phonenumbers.Leniency.VALID
    ):
        if _names_another_organisation(sentence, match.start):
            continue
        numbers.append(
            phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        )
    return numbers
