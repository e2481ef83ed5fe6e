"""`tracker tui --web`: the same UI in a browser, one process a tab (textual-serve)."""

from __future__ import annotations

import shlex
import sys

from tracker.errors import InputError
from tracker.store.archive import Archive


def serve(archive: Archive, policy: str | None, host: str, port: int) -> None:
    """Serve until interrupted; each browser connection starts `tracker tui` on the archive."""
    try:
        from textual_serve.server import Server
    except ImportError:
        raise InputError(
            "tracker tui --web needs textual-serve: pip install 'tracker[web]'"
        ) from None
    if policy:
        archive.policy_versions(policy)  # an unknown policy is an error here, not in each tab
    if not 0 < port < 65536:
        raise InputError(f"--port must be between 1 and 65535, not {port}")
    command = [sys.executable, "-m", "tracker", "tui", *([policy] if policy else [])]
    command += ["--archive", str(archive.path.resolve())]
    server = Server(
        shlex.join(command), host=host, port=port, title=f"tracker: {archive.path.name}"
    )
    try:
        server.serve()
    except OSError as error:  # the port is taken, or the host is not this machine's
        raise InputError(f"cannot serve on {host}:{port}: {error.strerror or error}") from None
