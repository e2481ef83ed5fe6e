"""Fetching a policy page over HTTP(S): a timeout, a size limit, and one-line errors."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.analysis.ingest import MAX_INPUT_BYTES
from tracker.errors import InputError

TEXT_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "text/x-markdown",
)


@dataclass(frozen=True)
class Fetched:
    url: str
    data: bytes
    is_html: bool


def fetch(url: str, *, timeout: float = 20.0, limit: int = MAX_INPUT_BYTES) -> Fetched:
    import httpx

    try:
        with (
            httpx.Client(follow_redirects=True, max_redirects=5, timeout=timeout) as client,
            client.stream("GET", url, headers={"User-Agent": "tracker (policy archive)"}) as reply,
        ):
            if reply.status_code >= 400:
                raise InputError(
                    f"{url}: the server answered {reply.status_code} {reply.reason_phrase}"
                )
            kind = reply.headers.get("content-type", "text/html").split(";")[0].strip().lower()
            if kind not in TEXT_TYPES:
                raise InputError(f"{url}: not a web page or text ({kind})")
            declared = int(reply.headers.get("content-length") or 0)
            if declared > limit:
                raise InputError(
                    f"{url}: too large ({declared / 1e6:.1f} MB; the limit is {limit // 2**20} MB)"
                )
            chunks, size = [], 0
            for chunk in reply.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise InputError(f"{url}: too large (over {limit // 2**20} MB)")
                chunks.append(chunk)
            return Fetched(str(reply.url), b"".join(chunks), kind in TEXT_TYPES[:2])
    except httpx.TooManyRedirects:
        raise InputError(f"{url}: too many redirects") from None
    except httpx.TimeoutException:
        raise InputError(f"{url}: no answer within {timeout:g} s") from None
    except httpx.InvalidURL as error:
        raise InputError(f"{url}: not a valid URL ({error})") from None
    except httpx.HTTPError as error:
        raise InputError(
            f"{url}: cannot fetch it ({type(error).__name__}: {error}); are you offline?"
        ) from None
