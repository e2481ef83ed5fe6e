"""Hand-made pages shared by the unit and CLI tests: a page holding two versions of a policy."""

from __future__ import annotations

TITLES = ["What We Collect", "How We Use It", "Who We Share It With", "Your Choices", "Contact"]


def policy(product: str, heading: str = "##") -> str:
    return "\n\n".join(
        f"{heading} {title}\n\nWhen you use {product}, this part ({title.lower()}) explains in "
        "plain words what happens to the information you give us and what you can do about it."
        for title in TITLES
    )


UPCOMING = "**These updated terms take effect on March 1, 2024.**\n\n" + policy("Heron Mail")
IN_FORCE = "**Effective: June 10, 2022**\n\n" + policy("Heron")
PAGE = (
    f"# Heron Privacy Policy\n\n{UPCOMING}\n\n## Current Privacy Policy\n\n"
    f"## Effective until March 1, 2024\n\n{IN_FORCE}\n"
)
