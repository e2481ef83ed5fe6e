"""Adding a policy from a URL, against a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import archive_state, run_tracker

PAGE = b"""<!doctype html><html><head><title>Acme</title><script>track()</script></head><body>
<nav><a href="/">Home</a> <a href="/jobs">Careers</a></nav>
<main><h1>Acme Privacy Policy</h1><p><em>Last updated: March 3, 2024</em></p>
<h2>Information We Collect</h2><p>We collect your name and email address when you sign up.</p>
<h2>Your Rights</h2><p>You have the right to access and delete your personal data.</p>
<img src="https://tracker.example/pixel.gif" onerror="steal()"></main>
<footer>All rights reserved.</footer></body></html>"""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/privacy": (200, "text/html; charset=utf-8", PAGE),
            "/missing": (404, "text/html", b"not here"),
            "/broken": (500, "text/html", b"oops"),
            "/binary": (200, "application/octet-stream", b"\x00\x01"),
        }
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        status, kind, body = routes.get(self.path, (404, "text/plain", b""))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_is_fetched_converted_and_filed(server, archive):
    result = run_tracker("add", f"{server}/privacy", "--archive", str(archive), "--json")
    assert result.code == 0, result.err
    [filed] = json.loads(result.out)["filed"]
    assert filed["policy"] == "acme/privacy"
    assert (filed["effective_date"], filed["source_url"]) == ("2024-03-03", f"{server}/privacy")
    text = run_tracker("show", "acme/privacy", "--archive", str(archive)).out
    assert "## Information We Collect" in text and "## Your Rights" in text
    for leaked in ("track()", "Careers", "All rights reserved", "onerror", "steal", "<img"):
        assert leaked not in text
    sections = json.loads(
        run_tracker("show", "acme/privacy", "--sections", "--json", "--archive", str(archive)).out
    )
    assert [s["title"] for s in sections["sections"]] == ["Information We Collect", "Your Rights"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "404"),
        ("/broken", "500"),
        ("/binary", "not a web page"),
        ("/loop", "too many redirects"),
    ],
)
def test_bad_urls_are_one_line_errors(server, archive, path, message):
    before = archive_state(archive)
    result = run_tracker(
        "add", f"{server}{path}", "--policy", "acme/privacy", "--archive", str(archive)
    )
    assert result.code == 1 and message in result.err and len(result.err.strip().splitlines()) == 1
    assert archive_state(archive) == before


def test_unreachable_host_says_so(archive):
    result = run_tracker("add", "http://127.0.0.1:9/privacy", "--archive", str(archive))
    assert result.code == 1 and "cannot fetch" in result.err
