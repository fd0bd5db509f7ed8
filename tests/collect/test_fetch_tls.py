"""HTTPS with the connection pinned to the checked IP: SNI and certificate checks still
use the real host name. A real TLS server on 127.0.0.1 with a throwaway CA (openssl)."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.collect.fetch import Fetcher
from marsad.core.errors import FetchError
from tests.collect.conftest import local_settings
from tests.conftest import unavailable
from tests.httpserver import Reply, TestServer

HOST = "pin.marsad.test"


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=30)


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("openssl") is None:
        unavailable("openssl not installed")
    d = tmp_path_factory.mktemp("tls")
    ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")
    _openssl(
        "req",
        "-x509",
        *ec,
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=Marsad Test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign",
        cwd=d,
    )
    _openssl("req", *ec, "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", f"/CN={HOST}", cwd=d)
    (d / "ext.cnf").write_text(f"subjectAltName=DNS:{HOST}\n")
    _openssl(
        "x509",
        "-req",
        "-in",
        "leaf.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "leaf.pem",
        "-days",
        "2",
        "-extfile",
        "ext.cnf",
        cwd=d,
    )
    return d


@pytest.fixture
def tls_server(certs: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestServer]:
    real = socket.getaddrinfo

    def resolve(host: str, *args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
        return real("127.0.0.1" if host in {HOST, "other.marsad.test"} else host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    srv = TestServer(tls=(str(certs / "leaf.pem"), str(certs / "leaf.key")))
    yield srv
    srv.stop()


def test_https_pinned_with_real_name_verified(
    tls_server: TestServer, certs: Path, home: Path
) -> None:
    tls_server.route("/x", Reply(200, b"secure"))
    roots = ssl.create_default_context(cafile=str(certs / "ca.pem"))
    with Fetcher(local_settings(home), verify=roots) as f:
        res = f.fetch(f"https://{HOST}:{tls_server.port}/x")
        assert res.body == b"secure"
        assert tls_server.hits("/x")[0].headers["host"] == f"{HOST}:{tls_server.port}"
        # the same server under a name its certificate does not carry is refused
        with pytest.raises(FetchError, match="TLS check failed") as err:
            f.fetch(f"https://other.marsad.test:{tls_server.port}/x")
        assert "\n" not in str(err.value)
    assert len(tls_server.hits("/x")) == 1
