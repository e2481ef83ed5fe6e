"""`tracker tui --web`: the UI served to a browser by textual-serve."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import block_imports, run_tracker

DEADLINE = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("localhost", 0))
        return probe.getsockname()[1]


def test_without_textual_serve_it_says_what_to_install(demo_archive, monkeypatch):
    block_imports(monkeypatch, "textual_serve")
    result = run_tracker("tui", "--web", "--archive", str(demo_archive))
    assert result.code == 1 and "pip install 'tracker[web]'" in result.err
    assert "Traceback" not in result.err


def test_a_port_in_use_is_one_line(demo_archive):
    with socket.socket() as taken:
        taken.bind(("localhost", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_tracker("tui", "--web", "--port", str(port), "--archive", str(demo_archive))
    assert result.code == 1 and f"cannot serve on localhost:{port}" in result.err
    assert "Traceback" not in result.err


def test_an_unknown_policy_is_refused_before_serving(demo_archive):
    result = run_tracker("tui", "nobody/privacy", "--web", "--archive", str(demo_archive))
    assert result.code == 1 and "unknown policy" in result.err


def descendants(pid: int) -> list[str]:
    """Command lines of every process below `pid`."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError, ValueError, IndexError):
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, pending = [], list(children.get(pid, []))
    while pending:
        child = pending.pop()
        with contextlib.suppress(OSError):
            found.append(
                (Path("/proc") / str(child) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            )
        pending += children.get(child, [])
    return found


@contextlib.contextmanager
def served(archive: Path):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "tracker", "tui", "mesosphere/privacy", "--web", "--port", str(port),
         "--archive", str(archive)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ),
    )  # fmt: skip
    try:
        start = time.monotonic()
        while True:  # the signal: the port accepts connections
            with contextlib.suppress(OSError), socket.create_connection(("localhost", port), 1):
                break
            assert server.poll() is None, "the server stopped"
            assert time.monotonic() - start < DEADLINE, "the server did not start listening"
            time.sleep(0.05)
        yield server, f"http://localhost:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.slow
def test_a_browser_gets_the_ui(demo_archive, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with served(demo_archive) as (server, url):
        page = urllib.request.urlopen(url, timeout=30).read().decode()
        assert "tracker: tracker-demo" in page  # the page textual-serve made for this archive
        if chromium is None:
            pytest.skip("Chromium is not installed: the page was served, no browser opened it")
        browser = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path}",
             "--virtual-time-budget=30000", "--dump-dom", url],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            start, started = time.monotonic(), []
            while not started and time.monotonic() - start < DEADLINE and browser.poll() is None:
                started = [
                    line
                    for line in descendants(server.pid)
                    if " tui " in line and "--web" not in line
                ]
                time.sleep(0.05)
            assert started, "the browser's connection started no UI"
            assert "mesosphere/privacy" in started[0]
        finally:
            browser.kill()
            browser.wait(timeout=30)
