"""Articles from the web: ``http(s)://`` arguments fetched with httpx, politely.

* one client per batch, one request at a time, ``DELAY`` seconds between two requests to one host;
* a ``User-Agent`` that names kg, timeouts on connecting and reading, redirects followed;
* the body is read up to the article size limit and no further;
* every failure is one ``InputError`` naming the URL: offline, unknown host, refused, timed out, HTTP
  status, not a page.

A page is read like an HTML file (trafilatura); a feed (RSS/Atom, by content type or by its first
element) is read by ``kg.ingest.feeds``: each entry's link is fetched as an article.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from kg import __version__
from kg.errors import InputError

USER_AGENT = f"kg/{__version__} (news knowledge graph; +https://github.com/kg-news/kg)"
TIMEOUT = dict(connect=10.0, read=20.0, write=10.0, pool=10.0)  # seconds
DELAY = 1.0  # seconds between two requests to the same host
MAX_REDIRECTS = 5
_ID_UNSAFE = re.compile(r"[^\w.-]+")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)


def is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def now() -> str:
    """The fetch time as ISO 8601 (UTC, seconds)."""
    from datetime import UTC, datetime

    return datetime.now(UTC).replace(microsecond=0).isoformat()


def url_id(url: str) -> str:
    """A stable, readable, IRI-safe document id: host and path, plus a short hash of the whole URL."""
    parts = urlsplit(url)
    slug = _ID_UNSAFE.sub("-", f"{parts.hostname or ''}{parts.path}").strip("-.")
    return f"{slug[:80].rstrip('-.')}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:8]}"


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    body: bytes
    content_type: str  # media type, lower-case, without parameters
    charset: str | None

    @property
    def is_feed(self) -> bool:
        """A feed by its declared type, or an XML body whose first element is <rss>, <feed> or <rdf:RDF>."""
        return self.content_type in _FEED_TYPES or looks_like_feed(self.body)


def looks_like_feed(raw: bytes) -> bool:
    return bool(_FEED_START.match(raw[:4096]))


class Fetcher:
    """One polite HTTP client for a batch (use as a context manager)."""

    def __init__(self, max_bytes: int, delay: float | None = None):
        import httpx

        self._httpx = httpx
        self.max_bytes = max_bytes
        self.delay = DELAY if delay is None else delay
        self._last: dict[str, float] = {}
        self._client = httpx.Client(headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,"
                                             "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"},
                                    timeout=httpx.Timeout(**TIMEOUT), follow_redirects=True,
                                    max_redirects=MAX_REDIRECTS)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self._client.close()

    def _wait(self, url: str) -> None:
        host = urlsplit(url).hostname or ""
        last = self._last.get(host)
        if last is not None:
            pause = self.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def get(self, url: str) -> Fetched:
        httpx = self._httpx
        self._wait(url)
        try:
            with self._client.stream("GET", url) as resp:
                if resp.status_code != 200:
                    raise InputError(url, f"cannot fetch: HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
                body = bytearray()
                for chunk in resp.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        from kg.ingest import size_text

                        raise InputError(url, f"page is over the {size_text(self.max_bytes)} limit for one article")
                kind, _, params = (resp.headers.get("content-type") or "").partition(";")
                charset = re.search(r"charset=[\"']?([\w.:-]+)", params, re.I)
                return Fetched(str(resp.url), bytes(body), kind.strip().lower(), charset.group(1) if charset else None)
        except httpx.TimeoutException:
            raise InputError(url, f"cannot fetch: no answer within {TIMEOUT['read']:g} s (offline, or the site is "
                                  "down?)") from None
        except httpx.ConnectError as exc:
            raise InputError(url, f"cannot fetch: {_connect_reason(exc)} (offline, or a wrong address?)") from None
        except httpx.TooManyRedirects:
            raise InputError(url, f"cannot fetch: more than {MAX_REDIRECTS} redirects") from None
        except httpx.HTTPError as exc:
            raise InputError(url, f"cannot fetch: {exc.__class__.__name__}: {exc}") from None


def _connect_reason(exc: Exception) -> str:
    text = str(exc).lower()
    if "name or service not known" in text or "nodename nor servname" in text or "name resolution" in text \
            or "no address associated" in text or "getaddrinfo" in text:
        return "host name not found"
    if "refused" in text:
        return "connection refused"
    if "unreachable" in text:
        return "network unreachable"
    return f"cannot connect ({exc})"


def decode_body(fetched: Fetched, name: str) -> str:
    """The page's text: the charset the server declared, else kg's own detection."""
    if fetched.charset:
        try:
            return fetched.body.decode(fetched.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    from kg.ingest.decode import decode

    return decode(fetched.body, name)[0]
