"""Servers for the sync client tests, on loopback sockets (the client speaks real HTTP, so it is tested over
real sockets): :class:`LiveServer` runs any ASGI app with uvicorn in a thread (plain or TLS);
:class:`FakeCentral` is a scriptable stand-in for answers the real service does not give on demand (5xx,
413, 426, unknown statuses) and records every request; :class:`RawServer` accepts connections and
closes them or says nothing (a lost answer, a timeout); :func:`make_certificates` makes a CA and a
``127.0.0.1``/``localhost`` server certificate signed by it."""

from __future__ import annotations

import datetime as dt
import gzip
import ipaddress
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.pg import free_port


@dataclass
class LiveServer:
    app: Any
    certfile: Path | None = None
    keyfile: Path | None = None
    port: int = 0
    _server: uvicorn.Server | None = None
    _thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        scheme = "https" if self.certfile else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    def start(self) -> LiveServer:
        self.port = free_port()
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="on",
            ssl_certfile=str(self.certfile) if self.certfile else None,
            ssl_keyfile=str(self.keyfile) if self.keyfile else None,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(10)


@contextmanager
def serve(app: Any, certfile: Path | None = None, keyfile: Path | None = None) -> Iterator[LiveServer]:
    server = LiveServer(app, certfile, keyfile).start()
    try:
        yield server
    finally:
        server.stop()


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    gzipped: bool
    body: Any
    client_port: int | None = None
    """The client's source port: the same port means the same (kept-alive) connection."""


@dataclass
class FakeCentral:
    """``/sync/push`` answers every op with ``statuses.get(op_id, 'applied')`` unless ``push_handler`` is
    set; ``/sync/pull`` serves ``log`` (a list of change dicts with increasing ``seq``) by cursor and limit.
    ``script`` is a queue of ``(status, body)`` answers given, in order, before the normal behaviour."""

    log: list[dict[str, Any]] = field(default_factory=list)
    statuses: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    push_handler: Callable[[dict[str, Any]], tuple[int, Any]] | None = None
    script: list[tuple[int, Any]] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)
    server_time_ms: int = 1_900_000_000_000

    def pushed_ops(self) -> list[dict[str, Any]]:
        return [op for s in self.seen if s.path == "/sync/push" and isinstance(s.body, dict) for op in s.body["ops"]]

    async def _record(self, request: Request) -> Seen:
        raw = await request.body()
        gzipped = request.headers.get("content-encoding") == "gzip"
        if gzipped:
            raw = gzip.decompress(raw)
        seen = Seen(
            request.method,
            request.url.path,
            dict(request.query_params),
            {k.lower(): v for k, v in request.headers.items()},
            gzipped,
            json.loads(raw) if raw else None,
            request.client.port if request.client else None,
        )
        self.seen.append(seen)
        return seen

    def _scripted(self) -> Response | None:
        if self.script:
            status, body = self.script.pop(0)
            return JSONResponse(body, status_code=status)
        return None

    async def enroll(self, request: Request) -> Response:
        await self._record(request)
        return self._scripted() or JSONResponse(
            {"device_id": "dev-fake-0001", "token": "tok-1", "scope": "32.71.01", "server_time_ms": self.server_time_ms}
        )

    async def whoami(self, request: Request) -> Response:
        await self._record(request)
        return self._scripted() or JSONResponse({"device_id": "dev-fake-0001", "scope": "32.71.01"})

    async def push(self, request: Request) -> Response:
        seen = await self._record(request)
        scripted = self._scripted()
        if scripted is not None:
            return scripted
        if self.push_handler is not None:
            status, body = self.push_handler(seen.body)
            return JSONResponse(body, status_code=status)
        results = []
        for op in seen.body["ops"]:
            result = {"op_id": op["op_id"], "status": self.statuses.get(op["op_id"], "applied")}
            if op["op_id"] in self.errors:
                result["error"] = self.errors[op["op_id"]]
            results.append(result)
        return JSONResponse({"results": results, "server_time_ms": self.server_time_ms})

    async def pull(self, request: Request) -> Response:
        seen = await self._record(request)
        scripted = self._scripted()
        if scripted is not None:
            return scripted
        cursor, limit = int(seen.query.get("cursor", 0)), int(seen.query.get("limit", 1000))
        after = [c for c in self.log if c["seq"] > cursor]
        page = after[:limit]
        return JSONResponse(
            {
                "changes": page,
                "next_cursor": page[-1]["seq"] if page else cursor,
                "has_more": len(after) > limit,
                "server_time_ms": self.server_time_ms,
            }
        )

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/sync/enroll", self.enroll, methods=["POST"]),
                Route("/sync/whoami", self.whoami, methods=["GET"]),
                Route("/sync/push", self.push, methods=["POST"]),
                Route("/sync/pull", self.pull, methods=["GET"]),
            ]
        )


class RawServer:
    """Accepts TCP connections: ``mode='close'`` reads the request and closes without answering;
    ``mode='silent'`` reads and never answers (until stopped). ``accepted`` counts the connections."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.accepted = 0
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(8)
        self._sock.settimeout(0.2)
        self.port = int(self._sock.getsockname()[1])
        self._stop = threading.Event()
        self._held: list[socket.socket] = []
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted += 1
            conn.settimeout(1)
            with suppress(OSError):
                conn.recv(65536)
            if self.mode == "close":
                conn.close()
            else:
                self._held.append(conn)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        for conn in self._held:
            conn.close()
        self._sock.close()


def make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """(CA certificate, server certificate, server key) as PEM files; the server is 127.0.0.1/localhost."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Dinsos Uji CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    ca_path, cert_path, key_path = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    ca_path.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return ca_path, cert_path, key_path
