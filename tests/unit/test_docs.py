"""The README documents every command and every option (fails when one is added without docs)."""

from __future__ import annotations

import click
import pytest

from conftest import ROOT
from tracker.cli import cli

README = (ROOT / "README.md").read_text()


def commands(group: click.Group, prefix: str = "tracker"):
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            yield from commands(command, path)
        else:
            yield path, command


@pytest.mark.parametrize(("path", "command"), list(commands(cli)), ids=lambda value: str(value))
def test_command_and_its_options_are_in_the_readme(path, command):
    assert f"`{path}" in README, f"{path} is missing from the README"
    for parameter in command.params:
        for option in getattr(parameter, "opts", []):
            if option.startswith("--") and option not in ("--help",):
                assert option in README, f"{path} {option} is missing from the README"
