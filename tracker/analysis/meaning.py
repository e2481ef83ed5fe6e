"""What a section is about, the facts it states, and what a change means.

Topics follow the OPP-115 categories (Wilson et al., 2016), decided by a
weighted phrase lexicon over the body, with the title as one more signal.
Facts are normalised values with the sentence they came from. Precision comes
before recall: each extractor needs a cue in the same sentence (an age needs a
child or age word, a retention period a keeping word), so a fact that is not
there is rarely reported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from tracker.model import Change, Comparison, Fact, FactChange, Section

TOPICS = (
    "first_party_collection", "third_party_sharing", "user_choice", "user_access",
    "data_retention", "data_security", "policy_change", "do_not_track",
    "specific_audiences", "contact", "other",
)  # fmt: skip
SIGNIFICANCE = ("substantive", "minor", "cosmetic", "none")

_TOPIC_LEXICON: dict[str, tuple[tuple[str, float], ...]] = {
    "first_party_collection": (
        (r"\bwe (?:may )?(?:collect|receive|gather|obtain|record)\b", 2), (r"\binformation (?:we|that we) collect\b", 2),
        (r"\b(?:you )?provide (?:to )?us\b", 1.5), (r"\bautomatically (?:collect|receive)\w*\b", 2),
        (r"\blog (?:data|files|information)\b", 1), (r"\bwe use (?:your|the|this) (?:personal )?(?:information|data)\b", 1.5),
        (r"\bpurposes?\b", 0.5), (r"\bcollect\w*\b", 1), (r"\bprocess\w*\b", 0.3),
        (r"\bcookies?\b|\bweb beacons?\b|\bpixel tags?\b|\blocal (?:storage|shared objects)\b", 1.2),
        (r"\btracking technologies\b|\bIP address(?:es)?\b|\bdevice identifiers?\b", 1.2),
    ),
    "third_party_sharing": (
        (r"\b(?:share|sharing|shared)\b", 1.5), (r"\bdisclos\w+\b", 1.5), (r"\bthird[- ]part(?:y|ies)\b", 1),
        (r"\bservice providers?\b", 1.5), (r"\baffiliat\w+\b", 1), (r"\b(?:sell|sale|rent)\b", 1.5),
        (r"\bmerger|acquisition|business transfers?\b", 1.5), (r"\bpartners?\b", 0.7), (r"\bagents?\b", 0.5),
    ),
    "user_choice": (
        (r"\bopt[- ]?(?:out|in)\b", 2), (r"\bunsubscrib\w+\b", 2), (r"\bchoices?\b", 1.5), (r"\bpreferences?\b", 1),
        (r"\bconsent\b", 0.7), (r"\bsettings?\b", 0.7), (r"\bdisable|block|reject\w*\b", 0.7),
    ),
    "user_access": (
        (r"\baccess\b", 1), (r"\b(?:update|correct|amend|rectif)\w*\b", 1), (r"\bdelet\w+|erasure\b", 1),
        (r"\bportab\w+\b", 1.5), (r"\byour (?:\w+ )?rights?\b", 1.5), (r"\bright to\b", 1.5), (r"\brequests?\b", 0.5),
        (r"\bview\b", 0.5), (r"\bobject\b|\brestrict\w*\b", 1),
    ),
    "data_retention": (
        (r"\bretain\w*|retention\b", 3), (r"\bkeep\b|\bkept\b", 1), (r"\bas long as\b", 1.5),
        (r"\bstor(?:e|ed|age)\b", 0.7), (r"\bperiod\b", 0.7), (r"\bno longer (?:need|necessary|required)\w*\b", 1.5),
    ),
    "data_security": (
        (r"\bsecur\w+\b", 2), (r"\bprotect\w*\b", 1), (r"\bsafeguards?\b", 2), (r"\bencrypt\w*\b", 2),
        (r"\bunauthori[sz]ed\b", 1.5), (r"\bbreach\w*\b", 1.5), (r"\bpasswords?\b", 1), (r"\bmeasures\b", 1),
    ),
    "policy_change": (
        (r"\b(?:changes?|updates?|revisions?|modifications?) (?:to )?(?:this|our|the) (?:privacy )?(?:policy|notice|statement)\b", 3),
        (r"\b(?:change|update|revise|modify|amend) this (?:privacy )?(?:policy|notice)\b", 3),
        (r"\bfrom time to time\b", 1), (r"\bnotify you\b|\bnotice (?:on|of)\b", 1), (r"\blast updated\b", 1),
        (r"\bcontinued use\b", 1.5), (r"\brevis\w+\b", 1),
    ),
    "do_not_track": ((r"\bdo[- ]not[- ]track\b", 4), (r"\bdnt\b", 3), (r"\bbrowser signals?\b", 2)),
    "other": (
        (r"\bthis (?:privacy )?(?:policy|notice|statement) (?:applies|covers?|describes|explains|sets out)\b", 3),
        (r"\b(?:does|do) not apply\b", 2), (r"\bscope\b", 2), (r"\bdefinitions?\b", 2),
        (r"\b(?:introduction|overview|about us)\b", 1.5), (r"\bquick links\b|\btable of contents\b", 4),
    ),
    "specific_audiences": (
        (r"\bchild(?:ren)?(?:'s|’s)?\b", 2.5), (r"\bminors?\b", 2), (r"\bunder (?:the age of )?1[368]\b", 3),
        (r"\bparents?\b|\bguardians?\b", 1), (r"\bcoppa\b", 3), (r"\bcalifornia\b", 1.5),
        (r"\b(?:eea|european economic area|european union|eu|uk|switzerland)\b", 1), (r"\bresidents?\b", 1),
        (r"\bshine the light\b", 2), (r"\btransfer\w*\b", 1.5), (r"\bcountr(?:y|ies)\b", 1),
        (r"\boutside (?:of )?(?:the )?(?:united states|european|your country)\w*\b", 2),
        (r"\bstandard contractual clauses\b", 1.5), (r"\blegal bas[ie]s\b", 1),
    ),
    "contact": (
        (r"\bcontact(?:ing)? us\b|\bcontacting [A-Z]\w+", 2), (r"\[at\]|\(at\)", 2), (r"\bquestions?\b", 1.5), (r"\bconcerns?\b", 1), (r"\b[\w.+-]+@[\w-]+\.[\w.]+\b", 2),
        (r"\bwrite to us\b|\bemail us\b|\breach us\b", 2), (r"\bdata protection officer\b", 1.5),
    ),
}  # fmt: skip
_WORD = re.compile(r"[A-Za-z]+")


def _keys(pattern: str) -> frozenset[str]:
    """Word prefixes any match of the pattern contains: a cheap test before running it."""
    literal = re.sub(r"\\[a-zA-Z]|\[[^\]]*\]|\(\?[:=!<P][^)]*?|[(){}?*+|^$]", " ", pattern)
    return frozenset(word[:4].lower() for word in _WORD.findall(literal) if len(word) >= 3)


def _prefixes(text: str) -> set[str]:
    return {word[:4].lower() for word in _WORD.findall(text) if len(word) >= 3}


_TOPIC_PATTERNS = tuple(
    (topic, re.compile(pattern, re.I), weight, _keys(pattern))
    for topic, entries in _TOPIC_LEXICON.items()
    for pattern, weight in entries
)


@dataclass(frozen=True)
class SectionMeaning:
    topic: str
    confidence: float
    second_topic: str | None
    facts: tuple[Fact, ...]


def section_meaning(section: Section) -> SectionMeaning:
    facts = extract_facts(section.text, section.title)
    if section.contents:  # its words are other sections' titles, not what it is about
        return SectionMeaning("other", 1.0, None, facts)
    topic, confidence, second = classify_topic(section.title, section.text)
    return SectionMeaning(topic, confidence, second, facts)


@lru_cache(maxsize=4096)
def classify_topic(title: str, text: str) -> tuple[str, float, str | None]:
    """The topic the body is mostly about (the title counts double but is short), its share, a runner-up."""
    scores: Counter[str] = Counter()
    words = max(1, len(text.split()))
    for source, factor in ((text, 1), (title, 3)):
        present = _prefixes(source)
        for topic, pattern, weight, keys in _TOPIC_PATTERNS:
            if keys & present or not keys:
                scores[topic] += weight * factor * len(pattern.findall(source))
    total = sum(scores.values())
    if total < 2 or (total / words < 0.01 and words > 200):
        return "other", 0.0, None
    ranked = scores.most_common(2)
    top, top_score = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 and ranked[1][1] >= 0.6 * top_score else None
    return top, round(top_score / total, 2), second


# Facts


def extract_facts(text: str, heading: str = "") -> tuple[Fact, ...]:
    """Facts of a section's text; its heading, like a list's lead-in, gives its items their cue."""
    return _extract_facts_cached(text, heading)


@lru_cache(maxsize=4096)
def _extract_facts_cached(text: str, heading: str) -> tuple[Fact, ...]:
    facts: list[Fact] = []
    position: dict[tuple[str, str], int] = {}
    for sentence, cue in _cued_sentences(text, heading):
        for fact_type, value in _facts_in(sentence, cue):
            if _fact_key(fact_type, value) not in position:
                position[_fact_key(fact_type, value)] = len(facts)
                facts.append(Fact(fact_type, value, sentence.strip()))
    for value in _addresses(_joined_lines(text)):
        key = _fact_key("postal_address", value)
        if key not in position:
            position[key] = len(facts)
            facts.append(Fact("postal_address", value, value))
        elif value.count(",") > facts[position[key]].value.count(","):
            facts[position[key]] = replace(facts[position[key]], value=value)  # one part a line
    return tuple(facts)


def _fact_key(fact_type: str, value: str) -> tuple[str, str]:
    """Addresses are the same whatever their commas and line breaks."""
    if fact_type == "postal_address":
        return fact_type, " ".join(re.findall(r"\w+", value.lower()))
    return fact_type, value


_LIST_ITEM = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)]|\([a-z\d]{1,3}\))\s+")


def _cued_sentences(text: str, heading: str):
    """Each sentence with the words that cue it: a list item is cued by the line that
    introduces the list (`you may have the right to:`) or, failing that, the heading;
    a table cell by its row and the table's header row."""
    lead_in = heading
    table_header = None
    for line in _unwrapped_lines(text):
        if line.lstrip().startswith("|"):
            table_header = table_header or line
            yield from ((sentence, f"{table_header} {line}") for sentence in sentences(line))
            continue
        table_header = None
        item = bool(_LIST_ITEM.match(line))
        for sentence in sentences(line):
            yield sentence, f"{lead_in} {sentence}" if item else sentence
        if line.strip() and not item:
            lead_in = line if line.rstrip().endswith(":") else heading


def _unwrapped_lines(text: str):
    """The text's lines with hard wraps undone: a line that stops mid-sentence goes on in the
    next one, unless a blank line, a list item or a table row comes first."""
    current = ""
    for line in text.splitlines():
        stripped = line.strip()
        if current and stripped and _goes_on(current) and not _starts_block(line):
            current = f"{current} {stripped}"
            continue
        if current:
            yield current
        current = line if stripped else ""
    if current:
        yield current


def _goes_on(line: str) -> bool:
    return not line.lstrip().startswith("|") and not re.search(r"[.!?:;]\W*$|(?:\*\*|__)$", line)


def _starts_block(line: str) -> bool:
    return bool(_LIST_ITEM.match(line)) or line.lstrip().startswith(("|", "#"))


def _joined_lines(text: str) -> str:
    """Consecutive lines joined with commas, to read an address written one part a line."""
    return re.sub(r"(?<=[\w.])[ \t]*\n(?=[ \t]*[\w])", ", ", text)


def sentences(text: str) -> list[str]:
    plain = re.sub(r"\[([^\]]*)\]\((?:mailto:)?[^)]*\)", r"\1", text)
    plain = re.sub(r"[*_`]+", "", plain)
    # table cells and the line breaks inside them are sentence boundaries
    plain = re.sub(r"<br\s*/?>|\s\|\s", "\n", plain, flags=re.I)
    parts = re.split(r"(?<=[.!?;])\s+(?=[A-Z(“\"])|\n+", plain)
    return [part for part in (piece.strip() for piece in parts) if part]


def _facts_in(sentence: str, cue: str):
    yield from (("contact_email", value) for value in _emails(sentence))
    yield from (("postal_address", value) for value in _addresses(sentence))
    yield from (("phone", value) for value in _phones(sentence))
    yield from (("age_limit", value) for value in _ages(sentence))
    response = _response_time(sentence)
    if response:
        yield "response_time", response
    else:
        yield from (("retention_period", value) for value in _retention(sentence, cue))
    if _collects(cue) and not _denies_collecting(sentence):
        yield from (("data_type", value) for value in _DATA_TYPE_LEXICON(sentence))
    yield from (("third_party", value) for value in _THIRD_PARTY_LEXICON(sentence))
    yield from (("transfer_country", value) for value in _countries(sentence))
    yield from (("legal_framework", value) for value in _FRAMEWORK_LEXICON(sentence))
    yield from (("user_right", value) for value in _rights(sentence, cue))
    yield from (("practice", value) for value in _practices(sentence))


_EMAIL = re.compile(
    r"\b([\w.+-]+)\s*(?:@|\[at\]|\(at\)|\sat\s)\s*([\w-]+(?:\s*(?:\.|\[dot\]|\(dot\))\s*[\w-]+)+)\b",
    re.I,
)


def _emails(sentence: str) -> list[str]:
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
        found.append(f"{match.group(1)}@{domain}".lower().strip("."))
    return found


_STREET = r"(?:St|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Dr|Drive|Ln|Lane|Way|Pl|Place|Ct|Court|Sq|Square|Pkwy|Parkway|Hwy|Highway|Plaza)"
_ADDRESS = re.compile(
    rf"\b\d{{1,5}}\s+(?:[A-Z][\w'’.-]*\s+){{1,4}}{_STREET}\.?(?:,?\s+(?:Suite|Ste\.?|Floor|Fl\.?|Unit|#)\s*[\w-]+|,?\s+\d+(?:st|nd|rd|th)\s+Floor)?"
    rf",?\s+(?:[A-Z][\w.'-]*\s*){{1,3}},?\s+(?:[A-Z]{{2}}|[A-Z][a-z]+)\.?,?\s+\d{{5}}(?:-\d{{4}})?\b"
)


def _addresses(sentence: str) -> list[str]:
    return [" ".join(match.group(0).split()) for match in _ADDRESS.finditer(sentence)]


def _phones(sentence: str) -> list[str]:
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
        numbers.append(
            phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        )
    return numbers


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty-one": 21, "twenty-four": 24,
    "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90,
}  # fmt: skip
_NUMBER = (
    r"(?:\d{1,4}|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")(?:\s*\(\d{1,4}\))?"
)
_AGE = re.compile(
    rf"\b(?:under|below|younger than|less than|at least|over|older than|aged?|minimum age of)\s+(?:the\s+age\s+of\s+)?(?P<n>{_NUMBER})\b",
    re.I,
)
_AGE_CONTEXT = re.compile(
    r"\b(?:child\w*|minors?|kids?|teens?|years? (?:of age|old)|age|parent\w*|guardian|intended for|directed (?:to|at))\b",
    re.I,
)


def _number_value(text: str) -> int | None:
    digits = re.search(r"\d+", text)
    if digits:
        return int(digits.group(0))
    return _NUMBER_WORDS.get(text.strip().lower())


def _ages(sentence: str) -> list[str]:
    if not _AGE_CONTEXT.search(sentence):
        return []
    ages = []
    for match in _AGE.finditer(sentence):
        after = sentence[match.end() : match.end() + 20].lower()
        if re.match(r"\s*(?:%|percent|days?|months?|hours?|cookies?|\w+ cookies)", after):
            continue
        value = _number_value(match.group("n"))
        if value is not None and 10 <= value <= 21:
            ages.append(str(value))
    return ages


_DURATION = re.compile(rf"\b(?P<n>{_NUMBER})\s*[- ]?(?P<unit>days?|weeks?|months?|years?)\b", re.I)
_KEEPING = re.compile(
    r"\b(?:retain\w*|retention|keep|kept|stor(?:e|ed|es)|delet\w+|purg\w+|anonymi[sz]\w+|destroy\w*|erase\w*)\b",
    re.I,
)
_RESPONDING = re.compile(
    r"\b(?:respond\w*|response|reply|answer|acknowledge\w*)\b|\btake\b[^.]{0,30}\bto process\b",
    re.I,
)


def _durations(sentence: str) -> list[str]:
    values = []
    for match in _DURATION.finditer(sentence):
        amount = _number_value(match.group("n"))
        if amount:
            unit = match.group("unit").lower().rstrip("s")
            values.append(f"{amount} {unit}{'' if amount == 1 else 's'}")
    return values


def _response_time(sentence: str) -> str | None:
    if not _RESPONDING.search(sentence) or not re.search(r"\brequests?\b", sentence, re.I):
        return None
    durations = _durations(sentence)
    return durations[0] if durations else None


def _retention(sentence: str, cue: str) -> list[str]:
    if not _KEEPING.search(cue):
        return []
    values = _durations(sentence)
    lowered = sentence.lower()
    if (
        re.search(r"\b(?:indefinitely|forever)\b|\bpermanently (?!delet|eras|remov)", lowered)
        and not values
    ):
        values.append("indefinite")
    elif re.search(
        r"\bas long as (?:(?:is|it is|reasonably|strictly) )*(?:necessary|needed|required)|no longer (?:necessary|needed|required)",
        lowered,
    ):
        values.append("as long as necessary")
    if re.search(r"\bwithin\b", lowered) and re.search(r"\brequest", lowered):
        return []
    return values


_DATA_TYPES = {
    "name": r"\b(?:your|full|first|last|legal|real) (?:and last )?names?\b|\bnames?,\s*(?:e-?mail|alias|address|postal)",
    "email address": r"\be-?mail address(?:es)?\b",
    "postal address": r"\b(?:postal|mailing|physical|billing|home|street) address(?:es)?\b",
    "phone number": r"\b(?:tele)?phone numbers?\b|\bmobile numbers?\b",
    "IP address": r"\bIP address(?:es)?\b|\binternet protocol(?: \(IP\))? address(?:es)?\b",
    "device identifiers": r"\bdevice (?:identifiers?|IDs?|identification)\b|\badvertising (?:identifiers?|IDs?)\b|\bIDFA\b|\bunique (?:personal |device )?identifiers?\b",
    "geolocation": r"\bgeo-?location\b|\b(?:precise |approximate )?location (?:data|information)\b|\bGPS\b",
    "cookies": r"\bcookies?\b",
    "payment card": r"\b(?:credit|debit|payment) card\b|\bcard (?:number|details)\b",
    "billing information": r"\bbilling information\b|\bpayment information\b",
    "job title": r"\bjob titles?\b",
    "company": r"\bcompany names?\b|\b(?:your )?employer\b",
    "date of birth": r"\bdate of birth\b|\bbirth ?dates?\b|\bbirthdays?\b",
    "browser type": r"\bbrowser types?\b|\btype of browser\b",
    "operating system": r"\boperating systems?\b",
    "browsing history": r"\bbrowsing history\b|\bsearch history\b",
    "biometric data": r"\bbiometric\w*\b",
    "health data": r"\bhealth (?:data|information)\b|\bmedical (?:data|information|conditions?)\b",
    "photos": r"\bphotos?\b|\bphotographs?\b|\bimages? of you\b",
    "contacts": r"\baddress book\b|(?<!-)\bcontact lists?\b",
    "government identifiers": r"\bsocial security numbers?\b|\bpassport numbers?\b|\bdriver[’']?s licen[cs]e\b",
    "account credentials": r"\bpasswords?\b|\busernames?\b|\buser names?\b",
}
_THIRD_PARTIES = {
    "Google Analytics": r"\bGoogle Analytics\b", "Google Ads": r"\bGoogle Ads\b|\bAdWords\b|\bDoubleClick\b",
    "Google": r"\bGoogle(?! Analytics| Ads)\b", "Facebook": r"\bFacebook\b|\bMeta Platforms\b",
    "Twitter": r"\bTwitter\b", "LinkedIn": r"\bLinkedIn\b", "Stripe": r"\bStripe\b", "PayPal": r"\bPayPal\b",
    "Braintree": r"\bBraintree\b", "Salesforce": r"\bSalesforce\b", "HubSpot": r"\bHubSpot\b", "Marketo": r"\bMarketo\b",
    "Intercom": r"\bIntercom\b", "Zendesk": r"\bZendesk\b", "Amazon Web Services": r"\bAmazon Web Services\b|\bAWS\b",
    "Microsoft": r"\bMicrosoft\b|\bBing\b", "Mixpanel": r"\bMixpanel\b", "Segment": r"\bSegment\.(?:io|com)\b|\bTwilio Segment\b",
    "Hotjar": r"\bHotjar\b", "Optimizely": r"\bOptimizely\b", "Mailchimp": r"\bMailchimp\b", "SendGrid": r"\bSendGrid\b",
    "Adobe": r"\bAdobe\b", "Oracle": r"\bOracle\b", "Cloudflare": r"\bCloudflare\b", "AdRoll": r"\bAdRoll\b",
    "Criteo": r"\bCriteo\b", "Sentry": r"\bSentry\b", "New Relic": r"\bNew Relic\b", "Datadog": r"\bDatadog\b",
    "TikTok": r"\bTikTok\b", "Quantcast": r"\bQuantcast\b", "Nielsen": r"\bNielsen\b", "TrustArc": r"\bTRUSTe\b|\bTrustArc\b",
    "Better Business Bureau": r"\bBetter Business Bureaus?\b|\bBBB\b", "Twilio": r"\bTwilio(?! Segment)\b",
    "Apple": r"\bApple\b", "Amazon": r"\bAmazon(?! Web Services)\b", "Snowflake": r"\bSnowflake\b",
}  # fmt: skip
_FRAMEWORKS = {
    "GDPR": r"\bGDPR\b|\bGeneral Data Protection Regulation\b",
    "UK GDPR": r"\bUK GDPR\b",
    "CCPA": r"\bCCPA\b|\bCalifornia Consumer Privacy Act\b",
    "CPRA": r"\bCPRA\b|\bCalifornia Privacy Rights Act\b",
    "Safe Harbor": r"\bSafe Harbou?r\b",
    "Privacy Shield": r"\bPrivacy Shield\b",
    "EU-US Data Privacy Framework": r"\bData Privacy Framework\b",
    "Standard Contractual Clauses": r"\bStandard Contractual Clauses\b|\bmodel (?:contract(?:ual)? )?clauses\b|\bSCCs\b",
    "Binding Corporate Rules": r"\bBinding Corporate Rules\b",
    "COPPA": r"\bCOPPA\b|\bChildren[’']?s Online Privacy Protection Act\b",
    "California Civil Code 1798.83": r"\b1798\.83\b|\bShine the Light\b",
    "CalOPPA": r"\bCalOPPA\b|\bCalifornia Online Privacy Protection Act\b",
    "PIPEDA": r"\bPIPEDA\b", "LGPD": r"\bLGPD\b", "HIPAA": r"\bHIPAA\b", "FERPA": r"\bFERPA\b|\bFamily Educational Rights and Privacy Act\b",
    "ePrivacy Directive": r"\be-?Privacy Directive\b",
    "EU Data Protection Directive": r"\bDirective 95/46\b|\bEuropean Union Directive on Data Protection\b|\bData Protection Directive\b",
}  # fmt: skip
# When each framework applied, for anachronism flags: (start, end) with None for open.
FRAMEWORK_PERIODS = {
    "Safe Harbor": (None, dt.date(2015, 10, 6)),
    "Privacy Shield": (dt.date(2016, 7, 12), dt.date(2020, 7, 16)),
    "EU-US Data Privacy Framework": (dt.date(2023, 7, 10), None),
    "GDPR": (dt.date(2018, 5, 25), None),
    "CCPA": (dt.date(2020, 1, 1), None),
    "CPRA": (dt.date(2023, 1, 1), None),
}
_COUNTRIES = (
    "United States", "United Kingdom", "Germany", "France", "Ireland", "Netherlands", "Canada", "China",
    "India", "Japan", "Singapore", "Australia", "Brazil", "Israel", "Switzerland", "Spain", "Italy",
    "Sweden", "Poland", "Belgium", "Austria", "Denmark", "Finland", "Norway", "Portugal", "Mexico",
    "South Korea", "Hong Kong", "Taiwan", "Philippines", "Vietnam", "Ukraine", "Russia", "Argentina",
    "Chile", "Colombia", "South Africa", "New Zealand", "Luxembourg", "Czech Republic", "Romania",
    "Hungary", "Greece", "Estonia", "Latvia", "Lithuania", "Malaysia", "Indonesia", "Thailand", "Turkey",
    "United Arab Emirates", "Egypt", "Nigeria", "Kenya", "Pakistan", "Bangladesh",
)  # fmt: skip
_COUNTRY_ALIASES = {
    "U.S.": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
}
_COUNTRY = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(name) for name in (*_COUNTRIES, *_COUNTRY_ALIASES))
    + r")(?![\w-])"
)
_TRANSFER_CONTEXT = re.compile(
    r"\b(?:transfer\w*|(?:processed|stored|hosted|kept|maintained) (?:in|outside)|(?<!are )(?<!be )(?<!you're )located (?:in|outside)|"
    r"servers?|operate|other countr(?:y|ies)|another country|countries other than|mov\w+ between)\b",
    re.I,
)
_RIGHTS = {
    "access": r"\b(?:right (?:of|to) access|access\b(?=[^.]{0,60}\b(?:your|the|any) (?:personal )?(?:information|data)\b)|obtain a copy)",
    "correction": r"\b(?:rectif\w+|correct(?:ion)?|update inaccurate|amend)\b",
    "deletion": r"\b(?:delet\w+|erasure|erase|right to be forgotten)\b(?! (?:or block )?(?:the |your )?cookies)",
    "portability": r"\bportab\w+\b",
    "objection": r"\bobject(?:ion)? to\b|\bright to object\b",
    "restriction": r"\brestrict(?:ion)?\b(?=[^.]{0,40}\bprocessing\b)|\bright to restrict",
    "consent withdrawal": r"\bwithdraw\w* (?:your )?consent\b",
    "complaint to an authority": r"\b(?:lodge|file|make) a complaint\b|\bcomplain to\b.*\bauthorit|\bsupervisory authorit\w+\b|\bdata protection authorit\w+\b",
    "opt-out of sale": r"\bopt[- ]out of (?:the )?(?:sale|selling)\b|\bdo not sell\b",
    "non-discrimination": r"\bnot discriminate\b|\bnon-?discrimination\b",
}
_RIGHTS_CONTEXT = re.compile(
    r"\b(?:right|rights|request|you (?:may|can|have)|entitled|ask us)\b", re.I
)


class _Lexicon:
    """Named patterns, each run only when the sentence holds one of its words."""

    def __init__(self, entries: dict[str, str], flags: int = 0) -> None:
        self.entries = [
            (name, re.compile(pattern, flags), _keys(pattern)) for name, pattern in entries.items()
        ]
        self.patterns = {name: pattern for name, pattern, _ in self.entries}

    def __call__(self, sentence: str) -> list[str]:
        present = _prefixes(sentence)
        return [
            name
            for name, pattern, keys in self.entries
            if (keys & present or not keys) and pattern.search(sentence)
        ]


_DATA_TYPE_LEXICON = _Lexicon(_DATA_TYPES, re.I)
_THIRD_PARTY_LEXICON = _Lexicon(_THIRD_PARTIES)
_FRAMEWORK_LEXICON = _Lexicon(_FRAMEWORKS)
_RIGHTS_LEXICON = _Lexicon(_RIGHTS, re.I)
_COLLECTING = re.compile(
    r"\b(?:collect\w*|receiv\w+|gather\w*|obtain\w*|record\w*|log\w*|stor(?:e|ed|es)|process\w*|"
    r"such as|includ\w+|categor\w+|ask (?:you )?(?:for|to provide)|share\w*|disclos\w+|sell|sold|"
    r"(?:give|provide|submit|send)s? us|you (?:give|provide|submit|upload|enter))\b",
    re.I,
)


def _collects(sentence: str) -> bool:
    """A collecting verb that is not negated: `we do not collect or store card details` names none."""
    return any(
        not _NEGATION.search(sentence[max(0, match.start() - 25) : match.start()])
        for match in _COLLECTING.finditer(sentence)
    )


def _denies_collecting(sentence: str) -> bool:
    return _COLLECTING.search(sentence) is not None and not _collects(sentence)


def _countries(sentence: str) -> list[str]:
    if not _TRANSFER_CONTEXT.search(sentence):
        return []
    names = [_COUNTRY_ALIASES.get(match, match) for match in _COUNTRY.findall(sentence)]
    return list(dict.fromkeys(names))


_OWN_RIGHT = re.compile(r"\b(?:reserves? the right|reserve our right)\b", re.I)
_WE_ACT = re.compile(r"\bwe\s+(?:[\w,]+\s+){0,5}$", re.I)
_ON_REQUEST = re.compile(
    r"\b(?:(?:your|a|written|upon|on|such) requests?|ask us|you (?:may|can)|your rights?)\b", re.I
)


def _rights(sentence: str, cue: str) -> list[str]:
    """The rights a sentence grants the reader; what *we* may access or delete is not one."""
    if not _RIGHTS_CONTEXT.search(cue) or _OWN_RIGHT.search(sentence):
        return []
    if _ON_REQUEST.search(cue):
        return _RIGHTS_LEXICON(sentence)
    return [
        name
        for name in _RIGHTS_LEXICON(sentence)
        if any(
            not _WE_ACT.search(sentence[max(0, match.start() - 40) : match.start()])
            for match in _RIGHTS_LEXICON.patterns[name].finditer(sentence)
        )
    ]


_PRACTICE_VERB = re.compile(r"\b(?P<verb>sell|sold|rent|rented)\b", re.I)
_NEGATION = re.compile(
    r"\b(?:not|never|neither|nor|no longer|don[’']t|doesn[’']t|won[’']t|cannot|can[’']t)\b", re.I
)


def _practices(sentence: str) -> list[str]:
    """Polarity of selling and renting personal data: `sells personal information: no` or `yes`.

    Each verb looks back a few words for a negation (`do not sell`, `neither rent nor sell`).
    """
    if not re.search(r"\b(?:information|data)\b", sentence, re.I):
        return []
    if re.search(r"\b(?:buy|sell) (?:assets|our business)|merger|acquisition", sentence, re.I):
        return []
    found = []
    for match in _PRACTICE_VERB.finditer(sentence):
        if not _sells_data(sentence, match):
            continue
        verb = "sells" if match.group("verb").lower().startswith(("sell", "sold")) else "rents"
        window = sentence[max(0, match.start() - 40) : match.start()]
        found.append(f"{verb} personal information: {'no' if _NEGATION.search(window) else 'yes'}")
    return list(dict.fromkeys(found))


_SOLD_DATA = re.compile(r"\b(?:information|data|details|lists?|addresses|it|them|this)\b", re.I)
_SOLD_GOODS = re.compile(
    r"\b(?:products?|services?|goods|merchandise|tickets?|subscriptions?|advertis\w+|ads|items?)\b",
    re.I,
)
_PASSIVE = re.compile(r"\b(?:is|are|be|been|being)\W+(?:\w+\W+){0,3}$", re.I)


def _sells_data(sentence: str, verb: re.Match[str]) -> bool:
    """Whether what is sold or rented is data: `sell your information`, `information is not sold`.

    `Partners may sell products or services to you` sells goods, not personal information.
    """
    if _PASSIVE.search(sentence[max(0, verb.start() - 30) : verb.start()]):
        return True
    after = sentence[verb.end() : verb.end() + 60]
    data, goods = _SOLD_DATA.search(after), _SOLD_GOODS.search(after)
    return data is not None and (goods is None or data.start() < goods.start())


# Fact changes and significance

_SINGLE_VALUED = {"contact_email", "postal_address", "phone", "age_limit", "response_time"}


def fact_changes(old: tuple[Fact, ...], new: tuple[Fact, ...]) -> tuple[FactChange, ...]:
    """Added, removed, and changed facts; a value that stays is no change wherever it moved."""
    old_by_type: dict[str, dict[str, Fact]] = defaultdict(dict)
    new_by_type: dict[str, dict[str, Fact]] = defaultdict(dict)
    for fact in old:
        old_by_type[fact.type].setdefault(fact.value, fact)
    for fact in new:
        new_by_type[fact.type].setdefault(fact.value, fact)
    changes: list[FactChange] = []
    for fact_type in sorted(set(old_by_type) | set(new_by_type), key=_type_order):
        gone = [
            fact
            for value, fact in old_by_type[fact_type].items()
            if value not in new_by_type[fact_type]
        ]
        came = [
            fact
            for value, fact in new_by_type[fact_type].items()
            if value not in old_by_type[fact_type]
        ]
        pairs = _pair_changed(fact_type, gone, came)
        for old_fact, new_fact in pairs:
            changes.append(FactChange(fact_type, "changed", old_fact, new_fact))
        paired_old = {id(old_fact) for old_fact, _ in pairs}
        paired_new = {id(new_fact) for _, new_fact in pairs}
        changes += [
            FactChange(fact_type, "removed", fact, None)
            for fact in gone
            if id(fact) not in paired_old
        ]
        changes += [
            FactChange(fact_type, "added", None, fact)
            for fact in came
            if id(fact) not in paired_new
        ]
    return tuple(changes)


def _pair_changed(fact_type: str, gone: list[Fact], came: list[Fact]) -> list[tuple[Fact, Fact]]:
    if fact_type == "practice":
        by_verb = {fact.value.split(":")[0]: fact for fact in came}
        return [
            (fact, by_verb[fact.value.split(":")[0]])
            for fact in gone
            if fact.value.split(":")[0] in by_verb
        ]
    if fact_type in _SINGLE_VALUED or fact_type == "retention_period":
        return list(zip(gone, came, strict=False))
    return []


def _type_order(fact_type: str) -> int:
    order = ("practice", "contact_email", "postal_address", "phone", "age_limit", "retention_period",
             "response_time", "user_right", "third_party", "data_type", "transfer_country", "legal_framework")  # fmt: skip
    return order.index(fact_type) if fact_type in order else len(order)


def describe(change: FactChange) -> str:
    """A fact change in plain words: `Contact email changed: a -> b`, `Minimum age raised from 13 to 16`."""
    label = _LABELS.get(change.type, change.type.replace("_", " "))
    if change.change == "changed":
        if change.type == "age_limit" and change.old_value and change.new_value:
            direction = "raised" if int(change.new_value) > int(change.old_value) else "lowered"
            return f"Minimum age {direction} from {change.old_value} to {change.new_value}"
        if change.type == "practice" and change.old_value and change.new_value:
            practice, now = change.new_value.split(": ")
            return f"{practice.capitalize()}: {now} (was {change.old_value.split(': ')[1]})"
        return f"{label.capitalize()} changed: {change.old_value} -> {change.new_value}"
    if change.change == "added":
        return f"New {label}: {change.new_value}"
    return f"{label.capitalize()} removed: {change.old_value}"


_LABELS = {
    "contact_email": "contact email", "postal_address": "postal address", "phone": "phone number",
    "age_limit": "minimum age", "retention_period": "retention period", "response_time": "response time",
    "user_right": "right", "third_party": "third party", "data_type": "data type",
    "transfer_country": "transfer country", "legal_framework": "legal framework", "practice": "practice",
}  # fmt: skip


def summarise_facts(changes: tuple[FactChange, ...]) -> list[str]:
    """Fact changes grouped into short phrases: `new rights: access, portability`."""
    grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
    phrases: list[str] = []
    for change in changes:
        if change.change == "changed":
            phrases.append(describe(change))
            continue
        value = change.new_value if change.change == "added" else change.old_value
        grouped[(change.type, change.change)].append(value or "")
    for (fact_type, kind), values in grouped.items():
        label = _LABELS.get(fact_type, fact_type)
        plural = label if len(values) == 1 else _plural(label)
        verb = "new" if kind == "added" else "removed"
        phrases.append(f"{verb} {plural}: {', '.join(values)}")
    return phrases


def _plural(label: str) -> str:
    if label.endswith("y") and not label.endswith("ay"):
        return label[:-1] + "ies"
    return label + "s"


def significance(change: Change, facts: tuple[FactChange, ...]) -> tuple[str, str]:
    """A level (`substantive`, `minor`, `cosmetic`, `none`) and the reason for it."""
    if change.kind == "unchanged":
        return "none", "no change"
    if facts:
        return "substantive", "; ".join(summarise_facts(facts))
    if change.cosmetic:
        return "cosmetic", "only case, spacing, punctuation or quotes changed"
    if all(section.contents for section in (*change.old, *change.new)):
        return "minor", "table of contents"
    if change.kind == "modified" and _only_its_date_changed(change):
        return "cosmetic", "only the policy's own date changed"
    if change.kind in ("added", "removed"):
        words = sum(len(section.text.split()) for section in (*change.old, *change.new))
        verb = "new section" if change.kind == "added" else "section removed"
        return ("substantive" if words >= 40 else "minor"), f"{verb} ({words} words)"
    if change.kind in ("renamed", "moved") and change.similarity >= 0.999:
        return "minor", f"{change.kind}, text unchanged"
    return "minor", "reworded, no fact changed"


def _only_its_date_changed(change: Change) -> bool:
    """Every edit is cosmetic or the new version's effective date (`Last revised on ...`)."""
    from tracker.analysis.compare import is_cosmetic
    from tracker.analysis.dates import find_effective_date

    edits = [op for op in change.words if op.op != "equal"]
    stated = find_effective_date("\n".join(section.text for section in change.new))
    return bool(edits and stated) and all(
        is_cosmetic(op.old, op.new) or (op.new.strip() and op.new.strip() in stated.text)
        for op in edits
    )


def annotate(comparison: Comparison) -> Comparison:
    """The comparison with each change's topic, fact changes and significance, and the document's facts.

    A fact a section lost is not reported as removed when the new version still states it
    elsewhere (a restructured rights section), nor one carried by a moved passage.
    """
    carried_out, carried_in = _carried_by_moves(comparison)
    old_all = _facts_of(section for change in comparison.changes for section in change.old)
    new_all = _facts_of(section for change in comparison.changes for section in change.new)
    still_stated = {(fact.type, fact.value) for fact in new_all}
    annotated = []
    for change in comparison.changes:
        facts = tuple(
            fact
            for fact in fact_changes(_facts_of(change.old), _facts_of(change.new))
            if not (
                fact.change == "removed"
                and (
                    (fact.type, fact.old_value) in still_stated
                    or (fact.type, fact.old_value) in carried_out[_ids(change.old)]
                )
            )
            and not (
                fact.change == "added"
                and (fact.type, fact.new_value) in carried_in[_ids(change.new)]
            )
        )
        main = change.new or change.old
        topic = (
            "other"
            if all(section.contents for section in main)
            else classify_topic(
                " ".join(section.title for section in main),
                "\n".join(section.text for section in main),
            )[0]
        )
        level, reason = significance(change, facts)
        annotated.append(
            replace(change, topic=topic, facts=facts, significance=level, reason=reason)
        )
    return Comparison(
        tuple(annotated),
        comparison.moves,
        fact_changes(_unique(old_all), _unique(new_all)),
        comparison.warnings,
    )


def _facts_of(sections) -> tuple[Fact, ...]:
    return tuple(
        fact for section in sections for fact in extract_facts(section.text, section.title)
    )


def _ids(sections: tuple[Section, ...]) -> tuple[str, ...]:
    return tuple(section.id for section in sections)


def _carried_by_moves(comparison: Comparison) -> tuple[dict, dict]:
    """Facts in passages that moved: not removed from the source nor new in the target."""
    out: dict[tuple[str, ...], set] = defaultdict(set)
    into: dict[tuple[str, ...], set] = defaultdict(set)
    for move in comparison.moves:
        values = {(fact.type, fact.value) for fact in extract_facts(move.text, move.source.title)}
        for change in comparison.changes:
            if any(section.id == move.source.id for section in change.old):
                out[_ids(change.old)] |= values
            if any(section.id == move.target.id for section in change.new):
                into[_ids(change.new)] |= values
    return out, into


def _unique(facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
    seen: dict[tuple[str, str], Fact] = {}
    for fact in facts:
        seen.setdefault((fact.type, fact.value), fact)
    return tuple(seen.values())


def anachronisms(facts: tuple[Fact, ...], effective: dt.date) -> list[str]:
    """Legal frameworks named in a version dated outside the years they applied."""
    flags = []
    for framework in sorted({fact.value for fact in facts if fact.type == "legal_framework"}):
        start, end = FRAMEWORK_PERIODS.get(framework, (None, None))
        if end and effective > end:
            flags.append(f"relies on {framework}, which ended on {end:%B %-d, %Y}")
        elif start and effective < start and framework not in ("GDPR", "CCPA", "CPRA"):
            flags.append(f"names {framework} before it began ({start:%B %-d, %Y})")
    return flags
