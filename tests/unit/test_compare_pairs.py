"""Hand-made pairs, one for each kind of change, and the properties of comparison."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.analysis.compare import compare, is_cosmetic, word_diff
from tracker.analysis.meaning import annotate
from tracker.analysis.sections import parse_document
from tracker.analysis.weights import REWRITTEN
from tracker.present.wording import redline_ops

PARAGRAPHS = {
    "collect": "We collect your name, email address and postal address when you create an account or contact our support team.",
    "cookies": "We use cookies and similar technologies to remember your preferences and to understand how visitors use our website.",
    "share": "We share personal information with service providers who process it on our behalf under written contracts.",
    "security": "We protect your information with encryption in transit and at rest, access controls and regular security reviews.",
    "retention": "We keep account information for as long as your account is open and delete it within ninety days after closure.",
    "rights": "You can ask us to access, correct or delete the personal information we hold about you at any time.",
    "children": "Our services are not directed to children under thirteen and we do not knowingly collect their information.",
    "changes": "We may update this policy from time to time and will tell you about material changes by email.",
    "contact": "Questions about this policy can be sent to our privacy team, who will answer within thirty days.",
    "transfers": "Your information may be processed in countries other than the one you live in, with appropriate safeguards.",
}


def document(*sections: tuple[str, str]) -> str:
    return "\n\n".join(f"## {title}\n\n{body}" for title, body in sections) + "\n"


def changes(old: str, new: str):
    return annotate(compare(parse_document(old), parse_document(new)))


def kinds(comparison) -> list[tuple[str, list[str], list[str]]]:
    return [
        (c.kind, [s.title for s in c.old], [s.title for s in c.new]) for c in comparison.changes
    ]


BASE = document(
    ("Information We Collect", PARAGRAPHS["collect"]),
    ("Sharing", PARAGRAPHS["share"]),
    ("Security", PARAGRAPHS["security"]),
    ("Contact", PARAGRAPHS["contact"]),
)


def test_identical_documents_are_all_unchanged():
    result = changes(BASE, BASE)
    assert {kind for kind, _, _ in kinds(result)} == {"unchanged"} and result.moves == ()


def test_rename_only():
    result = changes(BASE, BASE.replace("## Security", "## How We Protect Your Data"))
    renamed = [c for c in result.changes if c.kind == "renamed"]
    assert len(renamed) == 1 and renamed[0].similarity == 1.0
    assert [s.title for s in renamed[0].new] == ["How We Protect Your Data"]
    assert renamed[0].significance == "minor"


def test_reorder_only_marks_the_section_that_moved():
    reordered = document(
        ("Information We Collect", PARAGRAPHS["collect"]),
        ("Security", PARAGRAPHS["security"]),
        ("Contact", PARAGRAPHS["contact"]),
        ("Sharing", PARAGRAPHS["share"]),
    )
    result = kinds(changes(BASE, reordered))
    assert ("moved", ["Sharing"], ["Sharing"]) in result
    assert sum(1 for kind, _, _ in result if kind == "moved") == 1
    assert sum(1 for kind, _, _ in result if kind == "unchanged") == 3


def test_split_one_section_into_two():
    old = document(
        ("Your Data", PARAGRAPHS["collect"] + "\n\n" + PARAGRAPHS["cookies"]),
        ("Contact", PARAGRAPHS["contact"]),
    )
    new = document(
        ("What We Collect", PARAGRAPHS["collect"]),
        ("Cookies", PARAGRAPHS["cookies"]),
        ("Contact", PARAGRAPHS["contact"]),
    )
    result = kinds(changes(old, new))
    split = [entry for entry in result if entry[0] == "split"]
    assert split == [("split", ["Your Data"], ["What We Collect", "Cookies"])]
    assert not any(kind == "removed" for kind, _, _ in result)


def test_merge_two_sections_into_one():
    old = document(
        ("Access", PARAGRAPHS["rights"]),
        ("Retention", PARAGRAPHS["retention"]),
        ("Contact", PARAGRAPHS["contact"]),
    )
    new = document(
        ("Your Data", PARAGRAPHS["rights"] + "\n\n" + PARAGRAPHS["retention"]),
        ("Contact", PARAGRAPHS["contact"]),
    )
    result = kinds(changes(old, new))
    assert ("merged", ["Access", "Retention"], ["Your Data"]) in result
    assert not any(kind in ("removed", "added") for kind, _, _ in result)


def test_cosmetic_only():
    new = BASE.replace("We share personal information", "we share Personal Information").replace(
        "contracts.", "contracts!"
    )
    result = changes(BASE, new)
    modified = [c for c in result.changes if c.kind == "modified"]
    assert len(modified) == 1 and modified[0].cosmetic and modified[0].significance == "cosmetic"
    assert is_cosmetic("“Quoted” — text", '"quoted" - text') and not is_cosmetic(
        "we do sell", "we do not sell"
    )


def test_a_links_target_or_title_is_markup_its_text_is_not():
    menu = '* [Deutsch](https://example.org/policy/de "Policy/de ({share}% translated)")'
    assert is_cosmetic(menu.format(share=91), menu.format(share=92))
    assert is_cosmetic(
        "See [our page](https://a.example/x).", "See [our page](https://b.example/y 'new')."
    )
    assert not is_cosmetic(
        "See [our page](https://a.example).", "See [their page](https://a.example)."
    )


def test_a_urls_query_shown_as_text_is_markup_its_host_and_path_are_not():
    retrieved = 'Retrieved from "https://wiki.example/index.php?title=Policy&oldid={}"'
    assert is_cosmetic(retrieved.format(332084), retrieved.format(333792))
    assert not is_cosmetic(
        "Opt out at https://a.example/opt-out?lang=en.", "Opt out at https://b.example/choices."
    )


def test_completely_different_documents():
    other = document(("Children", PARAGRAPHS["children"]), ("Changes", PARAGRAPHS["changes"]))
    result = kinds(changes(BASE, other))
    assert {kind for kind, _, _ in result} == {"removed", "added"}


def test_a_section_rewritten_under_a_longer_title_is_renamed_not_replaced():
    rewritten = (
        "Depending on where you live, you may ask to see, fix or erase what we store about you; "
        "we answer every request about the personal information we hold within a month."
    )
    old = document(("Your Rights", PARAGRAPHS["rights"]), ("Contact", PARAGRAPHS["contact"]))
    new = document(("Your Privacy Rights", rewritten), ("Contact", PARAGRAPHS["contact"]))
    assert ("renamed", ["Your Rights"], ["Your Privacy Rights"]) in kinds(changes(old, new))
    unrelated = document(
        ("Your Privacy Rights", PARAGRAPHS["children"]), ("Contact", PARAGRAPHS["contact"])
    )
    assert ("removed", ["Your Rights"], []) in kinds(changes(old, unrelated))


def test_heading_with_only_sub_sections():
    old = (
        "## Your Choices\n\n### Cookies\n\n"
        + PARAGRAPHS["cookies"]
        + "\n\n### Email\n\n"
        + PARAGRAPHS["changes"]
        + "\n"
    )
    new = old.replace("### Email", "### Marketing Email")
    result = kinds(changes(old, new))
    assert ("unchanged", ["Your Choices"], ["Your Choices"]) in result
    assert ("renamed", ["Email"], ["Marketing Email"]) in result


def test_a_paragraph_moved_between_sections():
    old = document(
        ("Collection", PARAGRAPHS["collect"] + "\n\n" + PARAGRAPHS["cookies"]),
        ("Security", PARAGRAPHS["security"]),
    )
    new = document(
        ("Collection", PARAGRAPHS["collect"]),
        ("Security", PARAGRAPHS["security"] + "\n\n" + PARAGRAPHS["cookies"]),
    )
    result = changes(old, new)
    assert [(m.source.title, m.target.title) for m in result.moves] == [("Collection", "Security")]
    assert not any(c.kind == "removed" for c in result.changes)


def test_selling_turns_from_no_to_yes():
    old = document(
        ("Sharing", "We do not sell your personal information to anyone, and we never rent it.")
    )
    new = document(
        ("Sharing", "We may sell your personal information to our advertising partners.")
    )
    result = changes(old, new)
    [change] = [c for c in result.changes if c.kind == "modified"]
    assert change.significance == "substantive"
    practice = [f for f in change.facts if f.type == "practice" and f.change == "changed"]
    assert (
        practice
        and practice[0].old_value.endswith(": no")
        and practice[0].new_value.endswith(": yes")
    )


def test_word_diff_marks_only_what_changed():
    ops = word_diff("We keep logs for 12 months.", "We keep logs for 24 months.")
    assert [(op.op, op.old.strip(), op.new.strip()) for op in ops if op.op != "equal"] == [
        ("replace", "12", "24")
    ]


SECTION = st.tuples(st.sampled_from(sorted(PARAGRAPHS)), st.sampled_from(sorted(PARAGRAPHS)))


@st.composite
def documents(draw) -> str:
    keys = draw(st.lists(st.sampled_from(sorted(PARAGRAPHS)), min_size=1, max_size=6, unique=True))
    sections = []
    for key in keys:
        extra = draw(
            st.sampled_from(["", " Additional clarifying sentence about this topic here."])
        )
        sections.append(
            (
                key.title() + draw(st.sampled_from(["", " Policy", " Notice"])),
                PARAGRAPHS[key] + extra,
            )
        )
    return document(*sections)


@settings(max_examples=60, deadline=None)
@given(documents())
def test_a_document_compared_with_itself_is_unchanged(text):
    result = compare(parse_document(text), parse_document(text))
    assert {change.kind for change in result.changes} == {"unchanged"} and result.moves == ()


SWAPPED = {"added": "removed", "removed": "added", "split": "merged", "merged": "split"}


@settings(max_examples=60, deadline=None)
@given(documents(), documents())
def test_swapping_versions_swaps_added_removed_and_split_merged(old, new):
    forward = compare(parse_document(old), parse_document(new))
    backward = compare(parse_document(new), parse_document(old))
    count = lambda result, kind: sum(1 for change in result.changes if change.kind == kind)  # noqa: E731
    for kind, opposite in SWAPPED.items():
        assert count(forward, kind) == count(backward, opposite), (kind, old, new)


def test_a_section_merged_into_one_and_split_off_into_another_keeps_both():
    old = document(
        ("Data", PARAGRAPHS["collect"] + "\n\n" + PARAGRAPHS["cookies"]),
        ("Sharing", PARAGRAPHS["share"]),
        ("Contact", PARAGRAPHS["contact"]),
    )
    new = document(
        ("Data", PARAGRAPHS["collect"] + "\n\n" + PARAGRAPHS["share"]),
        ("Contact", PARAGRAPHS["contact"]),
    ).replace("## Contact", f"### Cookies\n\n{PARAGRAPHS['cookies']}\n\n## Contact")
    assert ("merged", ["Data", "Sharing"], ["Data", "Cookies"]) in kinds(changes(old, new))


@st.composite
def nested_documents(draw) -> str:
    """Sections of two levels holding one or two paragraphs: text regroups across them."""
    keys = draw(st.lists(st.sampled_from(sorted(PARAGRAPHS)), min_size=1, max_size=8, unique=True))
    lines = []
    for key in keys:
        level = draw(st.sampled_from(["##", "###"]))
        lines.append(f"{level} {draw(st.sampled_from([key.title(), 'Details', 'More']))}")
        lines += [
            PARAGRAPHS[key],
            *draw(st.lists(st.sampled_from(list(PARAGRAPHS.values())), max_size=1)),
        ]
    return "\n\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None)
@given(nested_documents(), nested_documents())
def test_every_section_is_in_a_change_and_none_is_both_gone_and_kept(old, new):
    """A split or merge may name a section that is also paired (its text went there too), but
    no section is lost, and none is removed (or added) while another change keeps it."""
    old_document, new_document = parse_document(old), parse_document(new)
    result = compare(old_document, new_document)
    for side, lone, sections in (
        ("old", "removed", old_document.sections),
        ("new", "added", new_document.sections),
    ):
        shown = [
            (change.kind, section.id)
            for change in result.changes
            for section in getattr(change, side)
        ]
        assert {id for _, id in shown} == {section.id for section in sections}, (side, old, new)
        gone = {id for kind, id in shown if kind == lone}
        assert not gone & {id for kind, id in shown if kind != lone}, (side, old, new)


def test_a_rewritten_section_is_shown_old_then_new_not_as_confetti():
    old = parse_document("## Data\n\nWe store what you send us on our own servers in Ohio.\n")
    reworded = parse_document("## Data\n\nWe store what you send us on rented servers in Ohio.\n")
    rewritten = parse_document("## Data\n\nAnalytics partners receive device identifiers daily.\n")
    small = next(c for c in compare(old, reworded).changes if c.kind == "modified")
    assert redline_ops(small) == small.words and len(small.words) > 1
    large = next(c for c in compare(old, rewritten).changes if c.old and c.new)
    assert large.similarity < REWRITTEN
    assert [(op.op, op.new) for op in redline_ops(large)] == [
        ("replace", "Analytics partners receive device identifiers daily.")
    ]


def test_a_moved_paragraph_is_found_after_the_shared_word_codes_start_afresh(monkeypatch):
    """Word codes are shared across comparisons and reset when the vocabulary is full: a
    comparison made after the reset reads the same as one made before it."""
    from tracker.analysis.compare.words import shared_codes

    old = document(
        ("Sharing", PARAGRAPHS["share"] + "\n\n" + PARAGRAPHS["transfers"]),
        ("Security", PARAGRAPHS["security"]),
    )
    new = document(
        ("Sharing", PARAGRAPHS["share"]),
        ("Security", PARAGRAPHS["security"] + "\n\n" + PARAGRAPHS["transfers"]),
    )
    before = compare(parse_document(old), parse_document(new))
    monkeypatch.setattr(type(shared_codes), "_LIMIT", 0)
    shared_codes(("any", "words"))
    after = compare(parse_document(old), parse_document(new))
    assert [move.text for move in after.moves] == [move.text for move in before.moves]
    assert [move.text for move in before.moves] == [PARAGRAPHS["transfers"]]
