"""The safe fetcher against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import gzip
import itertools
import tracemalloc
from pathlib import Path

import pytest

from marsad.collect.fetch import Fetcher
from marsad.collect.netpolicy import is_public
from marsad.core.errors import (
    BlockedAddress,
    FetchError,
    HTTPStatusError,
    TooLarge,
    TooManyRedirects,
)
from tests.collect.conftest import local_settings
from tests.conftest import make_settings
from tests.httpserver import Reply, Seen, TestServer


def fetcher(home: Path, **overrides: object) -> Fetcher:
    return Fetcher(local_settings(home, **overrides), backoff=0.01)


def test_fetches_body_type_and_headers(server: TestServer, home: Path) -> None:
    server.route("/a", Reply(200, "سلام".encode(), {"Content-Type": "text/plain; charset=utf-8"}))
    with fetcher(home) as f:
        res = f.fetch(server.url("/a"))
    assert res.status == 200
    assert res.body.decode() == "سلام"
    assert res.content_type == "text/plain"
    assert res.charset == "utf-8"
    assert server.hits("/a")[0].headers["host"] == f"127.0.0.1:{server.port}"
    assert server.hits("/a")[0].headers["user-agent"].startswith("Marsad/")


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/feed.xml",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://localhost/",
        "http://100.64.0.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
    ],
)
def test_private_targets_refused_without_connecting(url: str, home: Path) -> None:
    with Fetcher(make_settings(home)) as f, pytest.raises(BlockedAddress) as err:
        f.fetch(url)
    assert "not a public address" in str(err.value)
    assert "\n" not in str(err.value)


def test_local_server_refused_unless_allow_listed(server: TestServer, home: Path) -> None:
    server.route("/feed.xml", Reply(200, b"<rss/>"))
    with Fetcher(make_settings(home)) as f, pytest.raises(BlockedAddress):
        f.fetch(server.url("/feed.xml"))
    assert server.seen == []  # refused before any connection
    with Fetcher(make_settings(home, fetch_allow=("127.0.0.0/8",))) as f:
        assert f.fetch(server.url("/feed.xml")).body == b"<rss/>"


def test_other_schemes_refused(home: Path) -> None:
    with fetcher(home) as f:
        for url in ("file:///etc/passwd", "ftp://example.org/x", "gopher://127.0.0.1/"):
            with pytest.raises(FetchError):
                f.fetch(url)


def test_redirect_to_private_address_refused(server: TestServer, home: Path) -> None:
    server.route("/go", Reply(302, headers={"Location": "http://169.254.169.254/latest/"}))
    with fetcher(home) as f, pytest.raises(BlockedAddress):
        f.fetch(server.url("/go"))


def test_redirects_followed_and_loops_stopped(server: TestServer, home: Path) -> None:
    server.route("/old", Reply(301, headers={"Location": "/new"}))
    server.route("/new", Reply(200, b"here"))
    server.route("/loop", Reply(302, headers={"Location": "/loop"}))
    with fetcher(home, fetch_max_redirects=3) as f:
        res = f.fetch(server.url("/old"))
        assert (res.body, res.final_url) == (b"here", server.url("/new"))
        with pytest.raises(TooManyRedirects):
            f.fetch(server.url("/loop"))
    assert len(server.hits("/loop")) == 4  # first request + 3 redirects


def test_gzip_bomb_stops_at_cap_with_small_memory(server: TestServer, home: Path) -> None:
    bomb = gzip.compress(b"\0" * 10_000_000, 9)
    server.route("/bomb", Reply(200, bomb, {"Content-Encoding": "gzip"}))
    server.route("/small", Reply(200, gzip.compress(b"ok" * 10), {"Content-Encoding": "gzip"}))
    with fetcher(home, fetch_max_bytes=200_000) as f:
        assert f.fetch(server.url("/small")).body == b"ok" * 10
        tracemalloc.start()
        with pytest.raises(TooLarge, match="decompressed"):
            f.fetch(server.url("/bomb"))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peak < 2_000_000


def test_announced_length_over_cap_refused(server: TestServer, home: Path) -> None:
    server.route("/big", Reply(200, b"x" * 5000))
    with fetcher(home, fetch_max_bytes=1000) as f, pytest.raises(TooLarge, match="announces"):
        f.fetch(server.url("/big"))


def test_429_retry_after_honoured(server: TestServer, home: Path) -> None:
    def flaky(req: Seen) -> Reply:
        if len(server.hits("/busy")) == 1:
            return Reply(429, headers={"Retry-After": "1"})
        return Reply(200, b"done")

    server.route("/busy", flaky)
    with fetcher(home) as f:
        assert f.fetch(server.url("/busy")).body == b"done"
    first, second = server.hits("/busy")
    assert second.at - first.at >= 0.95


def test_500s_retried_then_fail(server: TestServer, home: Path) -> None:
    server.route("/down", Reply(503, b"down"))
    server.route("/gone", Reply(404, b"no"))
    with fetcher(home, fetch_retries=2) as f:
        with pytest.raises(HTTPStatusError, match="HTTP 503") as err:
            f.fetch(server.url("/down"))
        assert err.value.status_code == 503
        with pytest.raises(HTTPStatusError, match="HTTP 404"):
            f.fetch(server.url("/gone"))
    assert len(server.hits("/down")) == 3
    assert len(server.hits("/gone")) == 1  # a 404 is final, not retried


def test_rate_limit_spaces_requests_per_host(server: TestServer, home: Path) -> None:
    server.route("/r", Reply(200, b"."))
    with fetcher(home, fetch_rate=10.0) as f:
        for _ in range(4):
            f.fetch(server.url("/r"))
    times = [s.at for s in server.hits("/r")]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    # 0.1 s apart when sent; arrival may jitter a little under load
    assert times[-1] - times[0] >= 0.29
    assert min(gaps) >= 0.06
    with fetcher(home, fetch_rate=1000.0) as f:
        for _ in range(4):
            f.fetch(server.url("/r"))
    fast = [s.at for s in server.hits("/r")][4:]
    assert fast[-1] - fast[0] < times[-1] - times[0]  # the spacing came from the limit


def test_conditional_get_returns_304(server: TestServer, home: Path) -> None:
    def cond(req: Seen) -> Reply:
        if req.headers.get("if-none-match") == '"v1"':
            return Reply(304)
        return Reply(
            200, b"body", {"ETag": '"v1"', "Last-Modified": "Tue, 01 Oct 2024 10:00:00 GMT"}
        )

    server.route("/c", cond)
    with fetcher(home) as f:
        first = f.fetch(server.url("/c"))
        again = f.fetch(server.url("/c"), etag=first.etag, last_modified=first.last_modified)
    assert (first.status, first.not_modified) == (200, False)
    assert (again.status, again.not_modified, again.body) == (304, True, b"")
    assert server.hits("/c")[1].headers["if-modified-since"] == first.last_modified


def test_connection_refused_is_one_line_fetch_error(home: Path) -> None:
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    with fetcher(home, fetch_retries=1) as f, pytest.raises(FetchError) as err:
        f.fetch(f"http://127.0.0.1:{port}/")
    assert "cannot connect" in str(err.value)


def test_public_address_rules() -> None:
    import ipaddress

    assert is_public(ipaddress.ip_address("93.184.216.34"))
    assert is_public(ipaddress.ip_address("2606:4700::1111"))
    for bad in (
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.1",
        "172.16.0.1",
        "100.100.1.1",
        "169.254.169.254",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::1",
        "240.0.0.1",
        "255.255.255.255",
    ):
        assert not is_public(ipaddress.ip_address(bad)), bad


def test_connection_pinned_to_checked_address(
    server: TestServer, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: a second lookup would answer another address; it never happens."""
    import socket

    real = socket.getaddrinfo
    lookups: list[str] = []

    def rebinding(host: str, *args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
        if host == "rebind.marsad.test":
            lookups.append(host)
            ip = "127.0.0.1" if len(lookups) == 1 else "203.0.113.9"
            return real(ip, *args, **kwargs)  # type: ignore[arg-type]
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    server.route("/p", Reply(200, b"pinned"))
    with fetcher(home, fetch_timeout=2.0) as f:
        res = f.fetch(f"http://rebind.marsad.test:{server.port}/p")
    assert res.body == b"pinned"
    assert lookups == ["rebind.marsad.test"]
    assert server.hits("/p")[0].headers["host"] == f"rebind.marsad.test:{server.port}"


def test_unrequested_encoding_refused(server: TestServer, home: Path) -> None:
    server.route("/br", Reply(200, b"\x1b\x00\x00", {"Content-Encoding": "br"}))
    server.route(
        "/defl",
        Reply(200, __import__("zlib").compress(b"deflated"), {"Content-Encoding": "deflate"}),
    )
    with fetcher(home) as f:
        with pytest.raises(FetchError, match="unsupported content-encoding"):
            f.fetch(server.url("/br"))
        assert f.fetch(server.url("/defl")).body == b"deflated"
    assert server.hits("/br")[0].headers["accept-encoding"] == "gzip, deflate"
