"""The terminal UI: policies, a policy's timeline and section grid, diffs, section histories."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tracker.errors import TrackerError
from tracker.store.archive import Archive
from tracker.tui import keymap
from tracker.tui.colours import Palette, palette


class TrackerApp(App):
    """Browse an archive: every screen calls the same pipeline functions as the CLI."""

    CSS_PATH = "tracker.tcss"
    TITLE = "tracker"
    BINDINGS = keymap.APP

    def __init__(self, archive: Archive, policy: str | None = None) -> None:
        super().__init__()
        _start_process_helper()
        self.archive = archive
        self.start_policy = policy
        self._palettes: dict[str, Palette] = {}

    @property
    def colours(self) -> Palette:
        """Kind, significance and diff colours, readable on the active theme."""
        if self.theme not in self._palettes:
            self._palettes[self.theme] = palette(self.get_css_variables())
        return self._palettes[self.theme]

    def on_mount(self) -> None:
        from tracker.tui.screens.policies import PoliciesScreen
        from tracker.tui.screens.timeline import TimelineScreen

        self.theme_changed_signal.subscribe(self, self._recolour)
        # Opened on a policy, the list of policies is made only when the user goes back to it.
        if self.start_policy:
            self.push_screen(TimelineScreen(self.start_policy))
        else:
            self.push_screen(PoliciesScreen())

    def _recolour(self, _theme) -> None:
        """Marks drawn in the old theme's colours are drawn again in the new one's."""
        for screen in self.screen_stack:
            recolour = getattr(screen, "recolour", None)
            if recolour is not None:
                recolour()

    def action_back(self) -> None:
        from tracker.tui.screens.policies import PoliciesScreen

        if len(self.screen_stack) > 2:
            self.pop_screen()
        elif not isinstance(self.screen, PoliciesScreen):  # opened on a policy: to the list
            self.switch_screen(PoliciesScreen())
        else:
            self.exit()

    def action_help(self) -> None:
        from tracker.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title not in _REPLACED_COMMANDS:
                yield command
        yield SystemCommand(
            "Help", "Every key of this screen, and what the marks mean", self.action_help
        )
        yield SystemCommand(
            "Back", "Go back to the previous screen (quit on the first)", self.action_back
        )
        for binding in getattr(screen, "BINDINGS", []):
            if isinstance(binding, Binding) and binding.description:
                yield SystemCommand(
                    binding.description,
                    f"{binding.tooltip or binding.description} (key: {_key_name(binding.key)})",
                    lambda action=binding.action: self.run_action(action, screen),
                )
        for summary in self.archive.policies():
            yield SystemCommand(
                f"Open {summary.policy}",
                f"Its timeline: {summary.versions} versions, {summary.first.short} to {summary.last.short}",
                lambda policy=summary.policy: self.open_policy(policy),
            )

    def open_policy(self, policy: str) -> None:
        from tracker.tui.screens.timeline import TimelineScreen

        self.push_screen(TimelineScreen(policy))

    def report_error(self, error: Exception) -> None:
        message = (
            str(error) if isinstance(error, TrackerError) else f"{type(error).__name__}: {error}"
        )
        from tracker.present.console import safe

        self.notify(safe(message), title="tracker", severity="error", timeout=8, markup=False)


# Textual's own commands that act on the focused widget: the screens offer the right ones.
_REPLACED_COMMANDS = ("Maximize", "Minimize")


def _key_name(key: str) -> str:
    from tracker.tui.screens.help import key_name

    return key_name(key)


def run(archive: Archive, policy: str | None = None) -> None:
    if policy:
        archive.policy_versions(policy)
    TrackerApp(archive, policy).run()


def _start_process_helper() -> None:
    """Start multiprocessing's resource tracker while stderr is still the terminal's (the app
    is made before it runs): once Textual has captured stderr, the worker pool that compares
    versions could not start it."""
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
