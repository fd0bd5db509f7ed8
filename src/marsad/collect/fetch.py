"""The one safe HTTP client of Marsad: every network connection goes through here.

Posts, feeds and pages come from armed groups' channels, so every URL is hostile input.
:class:`Fetcher` (built on httpx, sync) enforces, per request and per redirect hop:

* **Schemes** ``http`` and ``https`` only.
* **Addresses**: the host is resolved with ``getaddrinfo`` and refused
  (:class:`~marsad.core.errors.BlockedAddress`) when *any* address is loopback, private,
  link-local, multicast, reserved, unspecified, CGNAT (100.64/10), or an IPv6 form that
  embeds such an IPv4 address (IPv4-mapped, 6to4, Teredo), unless the host name or the
  address is allow-listed in ``MARSAD_FETCH_ALLOW`` (host names or CIDR ranges).
* **DNS rebinding**: the connection is *pinned* to the address that was checked. The
  request URL is rewritten to the IP literal, the ``Host`` header keeps the real name,
  and for HTTPS the ``sni_hostname`` request extension of httpcore makes TLS send the real
  name as SNI and verify the certificate against it. A second DNS answer can therefore
  never be used. As a belt-and-braces check, the peer address of the connection that
  answered is compared with the pinned one. Environment proxies are ignored
  (``trust_env=False``) because a proxy would bypass the pin.
* **Redirects** are followed by hand, each hop re-checked as above, at most
  ``MARSAD_FETCH_MAX_REDIRECTS`` (:class:`~marsad.core.errors.TooManyRedirects`).
* **Size**: an advertised ``Content-Length`` over ``MARSAD_FETCH_MAX_BYTES`` is refused
  before reading; the body is streamed and decoded here (gzip/deflate with a bounded
  ``zlib`` output per step), counting *decompressed* bytes, so a compression bomb stops at
  the cap with :class:`~marsad.core.errors.TooLarge` and memory stays near the cap.
  Only ``gzip`` and ``deflate`` are requested; any other encoding is refused.
* **Politeness**: at most ``MARSAD_FETCH_RATE`` requests per second per host; retries with
  exponential backoff and jitter on 429, 5xx and connection errors, honouring a bounded
  ``Retry-After``. A final 4xx/5xx raises :class:`~marsad.core.errors.HTTPStatusError`.
* **Conditional GET**: pass ``etag`` / ``last_modified``; a 304 comes back as a
  :class:`FetchResult` with ``not_modified`` true and an empty body.
"""

from __future__ import annotations

import ipaddress
import random
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin

import httpx

from marsad.collect.fetch_decode import StreamDecoder, retry_after
from marsad.collect.netpolicy import AddressPolicy, IPAddress
from marsad.core.errors import (
    BlockedAddress,
    FetchError,
    HTTPStatusError,
    TooLarge,
    TooManyRedirects,
)
from marsad.core.settings import Settings

REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class FetchResult:
    """One answer of the fetcher, after redirects.

    Attributes:
        url: the URL asked for.
        final_url: the URL that answered (after redirects).
        status: HTTP status of the final answer (200, 304, ...).
        headers: response headers, names lower-cased.
        body: the decoded body (empty for 304).
        fetched_at: when the final answer arrived (UTC).
    """

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset":
                return value.strip().strip('"') or "utf-8"
        return ""

    @property
    def etag(self) -> str:
        return self.headers.get("etag", "")

    @property
    def last_modified(self) -> str:
        return self.headers.get("last-modified", "")


def _tls_failure(exc: BaseException) -> str:
    """The certificate/TLS problem behind a connect error (not worth retrying), or ""."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            break
        if isinstance(seen, ssl.SSLError):
            return getattr(seen, "verify_message", "") or seen.reason or "handshake failed"
        seen = seen.__cause__ or seen.__context__
    return ""


def _short(url: str) -> str:
    return url if len(url) <= 200 else url[:200] + "…"


class _RateLimiter:
    """Minimum interval between requests to the same host."""

    def __init__(self, rate: float, sleep: Callable[[float], None]) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.sleep = sleep
        self.next_at: dict[str, float] = {}
        self.lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self.lock:
            now = time.monotonic()
            at = max(now, self.next_at.get(host, now))
            self.next_at[host] = at + self.interval
        if at > now:
            self.sleep(at - now)


@dataclass(frozen=True)
class _Pinned:
    """A request target pinned to the address that passed the policy."""

    url: httpx.URL  # the URL with the host replaced by the checked IP
    ip: IPAddress
    host: str  # the real host name (ASCII), for SNI and the rate limiter
    host_header: str


class Fetcher:
    """The safe HTTP client. One per collection run; call :meth:`close` when done.

    Args:
        settings: fetch limits and the allow-list (``MARSAD_FETCH_*``).
        backoff: base delay in seconds of the exponential backoff between retries.
        max_retry_after: longest ``Retry-After`` honoured, in seconds.
        sleep: the sleeping function (kept injectable for the rate limiter).
        verify: TLS verification: True (system/certifi roots) or an ``ssl.SSLContext``
            with other roots (a private CA). Never False in Marsad's own code.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        backoff: float = 0.5,
        max_retry_after: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        self.settings = settings
        self.policy = AddressPolicy(settings.fetch_allow)
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.sleep = sleep
        self.rate = _RateLimiter(settings.fetch_rate, sleep)
        self.client = httpx.Client(
            timeout=httpx.Timeout(settings.fetch_timeout),
            follow_redirects=False,
            trust_env=False,
            verify=verify,
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def fetch(
        self,
        url: str,
        *,
        etag: str = "",
        last_modified: str = "",
        accept: str = "",
        max_bytes: int | None = None,
    ) -> FetchResult:
        """GET ``url`` safely, following redirects by hand.

        Args:
            url: an http(s) URL.
            etag: a validator from an earlier answer (sent as ``If-None-Match``).
            last_modified: likewise (sent as ``If-Modified-Since``).
            accept: an ``Accept`` header value.
            max_bytes: a tighter cap than ``MARSAD_FETCH_MAX_BYTES``.

        Returns:
            The final answer; ``status`` 304 when the validators still match.

        Raises:
            BlockedAddress, TooLarge, TooManyRedirects, HTTPStatusError, FetchError.
        """
        headers = {"Accept": accept} if accept else {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        cap = min(max_bytes or self.settings.fetch_max_bytes, self.settings.fetch_max_bytes)
        current = url
        for _hop in range(self.settings.fetch_max_redirects + 1):
            result = self._fetch_retrying(current, headers, cap)
            location = result.headers.get("location", "")
            if result.status not in REDIRECTS or not location:
                return FetchResult(url, current, result.status, result.headers, result.body)
            current = urljoin(current, location.strip())
        raise TooManyRedirects(
            f"more than {self.settings.fetch_max_redirects} redirects fetching {_short(url)}"
        )

    def _fetch_retrying(self, url: str, headers: dict[str, str], cap: int) -> FetchResult:
        attempts = max(0, self.settings.fetch_retries) + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                result = self._fetch_once(url, headers, cap)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                if _tls_failure(exc):
                    raise FetchError(
                        f"TLS check failed for {_short(url)}: {_tls_failure(exc)}"
                    ) from exc
                if last:
                    raise FetchError(f"cannot connect to {_short(url)}: {exc}") from exc
                self.sleep(self._delay(attempt, None))
                continue
            if result.status in RETRY_STATUSES and not last:
                wait = retry_after(result.headers.get("retry-after", ""), self.max_retry_after)
                self.sleep(self._delay(attempt, wait))
                continue
            if result.status >= 400:
                raise HTTPStatusError(
                    f"HTTP {result.status} from {_short(url)}"
                    + (f" after {attempt + 1} attempts" if attempt else ""),
                    result.status,
                )
            return result
        raise AssertionError("unreachable")  # pragma: no cover

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return retry_after
        return min(self.backoff * (2**attempt), 30.0) * (0.5 + random.random())

    def _target(self, url: str) -> _Pinned:
        try:
            parsed = httpx.URL(url)
            host = parsed.raw_host.decode("ascii")  # IDNA-encoded by httpx
        except (httpx.InvalidURL, TypeError, ValueError, UnicodeError) as exc:
            raise FetchError(f"not a valid URL: {_short(url)}") from exc
        if parsed.scheme not in {"http", "https"}:
            raise BlockedAddress(f"refused to fetch {_short(url)}: only http and https URLs")
        if not host:
            raise FetchError(f"URL has no host: {_short(url)}")
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        ip = self.policy.resolve(host, port)
        host_header = f"[{host}]" if ":" in host else host
        if parsed.port:
            host_header += f":{parsed.port}"
        pinned = parsed.copy_with(host=str(ip), userinfo=b"")
        return _Pinned(pinned, ip, host, host_header)

    def _fetch_once(self, url: str, headers: dict[str, str], cap: int) -> FetchResult:
        target = self._target(url)
        self.rate.wait(target.host)
        request = self.client.build_request(
            "GET",
            target.url,
            headers={**headers, "Host": target.host_header},
            extensions={"sni_hostname": target.host},
        )
        try:
            response = self.client.send(request, stream=True)
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out fetching {_short(url)}") from exc
        except (httpx.ConnectError, httpx.ConnectTimeout):
            raise
        except httpx.HTTPError as exc:
            raise FetchError(f"cannot fetch {_short(url)}: {type(exc).__name__}") from exc
        try:
            self._check_peer(response, target.ip, url)
            hdrs = {k.lower(): v for k, v in response.headers.items()}
            body = (
                b"" if response.status_code in REDIRECTS | {304} else self._read(response, cap, url)
            )
        except httpx.HTTPError as exc:
            raise FetchError(f"cannot read {_short(url)}: {type(exc).__name__}") from exc
        finally:
            response.close()
        return FetchResult(url, url, response.status_code, hdrs, body)

    def _check_peer(self, response: httpx.Response, ip: IPAddress, url: str) -> None:
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if peer and ipaddress.ip_address(str(peer[0]).split("%")[0]) != ip:
            raise BlockedAddress(f"refused {_short(url)}: connected to {peer[0]}, not {ip}")

    def _read(self, response: httpx.Response, cap: int, url: str) -> bytes:
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > cap:
            raise TooLarge(f"{_short(url)} announces {length} bytes, over the {cap}-byte cap")
        decoder = StreamDecoder(response.headers.get("content-encoding", ""))
        deadline = time.monotonic() + 4 * self.settings.fetch_timeout
        chunks: list[bytes] = []
        size = 0
        for raw in response.iter_raw():
            for piece in decoder.feed(raw):
                size += len(piece)
                if size > cap:
                    raise TooLarge(f"{_short(url)}: body over the {cap}-byte cap (decompressed)")
                chunks.append(piece)
            if time.monotonic() > deadline:
                raise FetchError("the server is sending too slowly; gave up")
        return b"".join(chunks)
