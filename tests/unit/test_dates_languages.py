"""Effective dates stated in other languages, and dates a PDF's text layer spaced apart.

Hand-made headers, each written the way that language's policies date themselves; the real
ones behind them (French, Spanish pages of ota-contrib) are counted in the README.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.analysis.dates import find_effective_date
from tracker.analysis.sections import parse_document, stated_date

BODY = "\n\nNous collectons des données.\n"

STATED = [
    ("fr", "Dernière mise à jour : 20 janvier 2014", "2014-01-20", "day"),
    (
        "fr",
        "Politique de confidentialité\n\nEn vigueur à compter du 1er mars 2021",
        "2021-03-01",
        "day",
    ),
    ("fr", "VERSION MISE À JOUR EN DÉCEMBRE 2019", "2019-12-01", "month"),
    ("fr", "Mis à jour le 03/04/2021", "2021-04-03", "day"),
    ("fr", "Derniere mise a jour : 5 decembre 2022", "2022-12-05", "day"),
    ("es", "Actualizado en noviembre de 2020", "2020-11-01", "month"),
    ("es", "Fecha de entrada en vigor: 25 de mayo de 2018", "2018-05-25", "day"),
    ("es", "Última actualización: 02/03/2022", "2022-03-02", "day"),
    ("de", "Stand: 1. Januar 2020", "2020-01-01", "day"),
    ("de", "Zuletzt aktualisiert am 15.09.2023", "2023-09-15", "day"),
    ("de", "Gültig ab März 2021", "2021-03-01", "month"),
    ("it", "Ultimo aggiornamento: 1° gennaio 2020", "2020-01-01", "day"),
    ("it", "In vigore dal 25 maggio 2018", "2018-05-25", "day"),
    ("pt", "Última atualização: 20 de janeiro de 2020", "2020-01-20", "day"),
    ("pt", "Em vigor a partir de março de 2021", "2021-03-01", "month"),
    ("nl", "Laatst bijgewerkt: 1 januari 2020", "2020-01-01", "day"),
    ("nl", "Deze verklaring is van kracht vanaf 12 mei 2022", "2022-05-12", "day"),
]


@pytest.mark.parametrize(("language", "header", "iso", "precision"), STATED)
def test_a_date_stated_in_the_texts_language(language, header, iso, precision):
    found = find_effective_date(header + BODY, language)
    assert found is not None, header
    assert (found.iso, found.precision) == (iso, precision)
    assert found.text == " ".join(header.splitlines()[-1].split())


@pytest.mark.parametrize(("language", "header", "iso", "precision"), STATED[:3])
def test_another_languages_cues_are_not_read_in_an_english_text(language, header, iso, precision):
    assert find_effective_date(header + BODY) is None
    assert find_effective_date(header + BODY, "en") is None


def test_a_language_without_rules_of_its_own_is_read_in_english_only():
    assert find_effective_date("Zuletzt aktualisiert am 15.09.2023\n", "sv") is None
    assert find_effective_date("Last updated: May 2018\n", "sv").iso == "2018-05-01"


def test_an_english_cue_comes_before_the_texts_own_language():
    text = "Last updated: June 1, 2019\n\nDernière mise à jour : 20 janvier 2014\n"
    assert find_effective_date(text, "fr").iso == "2019-06-01"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "La version précédente, mise à jour le 3 mars 2017, reste consultable."),
        ("es", "Política anterior, actualizada en enero de 2017."),
        ("de", "Die vorherige Fassung vom 3. März 2017 finden Sie hier."),
        ("fr", "Cette politique est en vigueur jusqu'au 31 décembre 2023."),
        ("de", "Gültig bis 31. Dezember 2023."),
        ("nl", "Deze versie is geldig tot 1 januari 2024."),
    ],
)
def test_another_versions_date_and_a_periods_end_are_not_the_effective_date(language, text):
    assert find_effective_date(text + "\n", language) is None


def test_a_german_day_number_does_not_end_the_sentence():
    found = find_effective_date("Datenschutzerklärung\n\nStand: 3. Mai 2024\n", "de")
    assert found.value == dt.date(2024, 5, 3)


@pytest.mark.parametrize(
    ("header", "language", "iso"),
    [
        ("VERSION MISE À JOUR EN  DÉCEMBRE 201 9", "fr", "2019-12-01"),
        ("VERSION MISE À JOUR EN  F É VRIER 2020", "fr", "2020-02-01"),
        ("Last updated: Ju ly 201 8", "en", "2018-07-01"),
    ],
)
def test_a_month_and_year_spaced_apart_by_a_pdf_are_read_joined(header, language, iso):
    found = find_effective_date(header + "\n", language)
    assert found.iso == iso and found.precision == "month"
    assert found.text == " ".join(header.split())  # the words as the text has them


@pytest.mark.parametrize(
    "text",
    [
        "Last updated: in 201 9 we changed nothing",  # a year split, but after no month
        "Updated: a b c 2020",  # letters spaced apart that spell no month
    ],
)
def test_spaced_pieces_are_joined_only_into_a_month_and_its_year(text):
    assert find_effective_date(text + "\n") is None


def test_version_with_a_colon_is_a_cue():
    found = find_effective_date("Privacy Policy\n\nVersion: July 2025\n\nWe collect data.\n")
    assert (found.iso, found.precision) == ("2025-07-01", "month")


def test_a_version_number_is_not_a_date():
    assert find_effective_date("Privacy Policy\n\nVersion: 2.1\n\nWe collect data.\n") is None


def test_a_parsed_documents_language_picks_its_rules():
    text = (
        "# Conditions générales d'utilisation\n\nDernière mise à jour : 20 janvier 2014\n\n"
        "## Article 1\n\nLes présentes conditions générales régissent l'utilisation du service "
        "par toute personne qui le consulte, ainsi que les données que nous collectons.\n"
    )
    document = parse_document(text)
    assert document.language == "fr"
    assert stated_date(text, document).iso == "2014-01-20"


def test_a_cue_inside_a_paragraph_of_another_language_dates_nothing():
    """`entré en vigueur le 1er juillet 2021` in a note is a regulation's date, not the page's."""
    paragraph = (
        "Le règlement relatif au certificat COVID numérique de l'UE entré en vigueur le "
        "1er juillet 2021 prend fin au 30 juin 2023. Néanmoins l'Organisation mondiale de la "
        "santé assurera la suite de ce dispositif de certification des preuves sanitaires."
    )
    assert find_effective_date(f"Politique de confidentialité\n\n{paragraph}\n", "fr") is None
    own_line = "Dernière mise à jour : 20 janvier 2014"
    text = f"Politique de confidentialité\n\n{paragraph}\n\n{own_line}\n"
    assert find_effective_date(text, "fr").iso == "2014-01-20"


SIGNED_BODY = "# Privacy Policy\n\n## What we collect\n\nWe collect your email address.\n\n"


@pytest.mark.parametrize(
    ("closing", "language", "iso", "precision"),
    [
        ("Donkey Republic, February 2024, version 1.2", None, "2024-02-01", "month"),
        ("Acme Bikes ApS, June 2021", None, "2021-06-01", "month"),
        ("Copenhagen, 3 March 2022.", None, "2022-03-03", "day"),
        ("Berlin, 1. Juli 2020", "de", "2020-07-01", "day"),
    ],
)
def test_a_text_signed_off_with_a_date_is_dated_by_it(closing, language, iso, precision):
    found = find_effective_date(f"{SIGNED_BODY}{closing}\n", language)
    assert (found.iso, found.precision, found.text) == (iso, precision, closing)


@pytest.mark.parametrize(
    "closing",
    [
        "Acme Inc, 2021",  # a year alone: a copyright's
        "Earlier versions\n\nPrivacy Policy, May 2018\n\nPrivacy Policy, January 2020",  # a list
        "Copyright Acme, all rights reserved, May 2020",  # more than a name before the date
    ],
)
def test_what_is_not_a_dated_sign_off(closing):
    assert find_effective_date(f"{SIGNED_BODY}{closing}\n") is None


def test_a_sign_off_in_the_middle_of_the_text_is_not_one():
    middle = SIGNED_BODY + "Acme Bikes ApS, June 2021\n\n" + "\n\n".join(["More text."] * 20)
    assert find_effective_date(middle + "\n") is None


def test_a_cued_date_comes_before_a_sign_off():
    text = f"Last updated: May 1, 2023\n\n{SIGNED_BODY}Acme Bikes ApS, June 2021\n"
    assert find_effective_date(text).iso == "2023-05-01"


def test_an_update_note_opening_a_line_is_a_cue():
    text = "**Update June 2026:** We've updated our policy to cover chats.\n\n" + SIGNED_BODY
    assert (find_effective_date(text).iso, find_effective_date(text).precision) == (
        "2026-06-01",
        "month",
    )
    assert find_effective_date(SIGNED_BODY + "We may update this in May 2026 or later.\n") is None
