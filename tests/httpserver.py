"""A real HTTP server on 127.0.0.1 in a thread, for fetcher and collector tests.

Routes map a path (without query) to a handler that receives the :class:`Seen` request
and returns a :class:`Reply`. Every request is recorded with its arrival time, so tests
can assert on what the server saw (conditional headers, pacing, query strings).
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Seen:
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    at: float


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[Seen], Reply]


class TestServer:
    """Serve ``routes`` on 127.0.0.1 on a free port until :meth:`stop`."""

    __test__ = False

    def __init__(self, tls: tuple[str, str] | None = None) -> None:
        self.routes: dict[str, Handler] = {}
        self.seen: list[Seen] = []
        server = self

        class _H(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                req = Seen(
                    parts.path,
                    query,
                    {k.lower(): v for k, v in self.headers.items()},
                    time.monotonic(),
                )
                server.seen.append(req)
                handler = server.routes.get(parts.path)
                reply = handler(req) if handler else Reply(404, b"not found")
                self.send_response(reply.status)
                headers = {"Content-Length": str(len(reply.body)), **reply.headers}
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(reply.body)

            def log_message(self, *_args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _H)
        self.port = self.httpd.server_address[1]
        self.scheme = "https" if tls else "http"
        if tls:  # (certfile, keyfile): serve HTTPS
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(*tls)
            self.httpd.socket = ctx.wrap_socket(self.httpd.socket, server_side=True)
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    def url(self, path: str) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}{path}"

    def route(self, path: str, handler: Handler | Reply) -> None:
        """Serve ``handler`` at ``path``; a fixed :class:`Reply` is served every time."""
        self.routes[path] = handler if callable(handler) else (lambda _r, rep=handler: rep)

    def hits(self, path: str) -> list[Seen]:
        return [s for s in self.seen if s.path == path]

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
