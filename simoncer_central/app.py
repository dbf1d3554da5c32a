"""The central service's ASGI app (Starlette): ``POST /sync/enroll``, the bearer-token auth path
(``require_device``, ``GET /sync/whoami``), ``POST /sync/push``, ``GET /sync/pull`` and ``GET /sync/snapshot``
(``docs/sync-design.md`` §5; the rules are in ``simoncer_central.push``, ``simoncer_central.pull`` and
``simoncer_central.snapshot``).

JSON both ways; responses are gzipped for clients that accept it, and request bodies may be sent gzipped
(``Content-Encoding: gzip``): a push batch of 1,000 ops shrinks about tenfold. Errors are ``{"error": …}``
in Bahasa Indonesia, which the desktop app shows as is. Database work runs in Starlette's thread pool
(SQLAlchemy sessions are synchronous)."""

from __future__ import annotations

import json
import logging
import time
import zlib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from sqlalchemy.orm import Session
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from simoncer_central import conflict_api, devices, pull, push, snapshot, wire
from simoncer_central.errors import CentralError, InvalidInputError, PayloadTooLargeError, UnauthorizedError
from simoncer_central.models import Device
from simoncer_central.store import CentralDb, open_central

log = logging.getLogger(__name__)

T = TypeVar("T")

MAX_BODY_BYTES = 64 * 1024 * 1024
"""Largest request body accepted after decompression (a gzip bomb stops here)."""
MAX_FUTURE_MS = 5 * 60_000
"""A pushed HLC further than this ahead of server time is clamped to server time (``wire.clamp_future_hlcs``)."""
GZIP_MINIMUM_SIZE = 1024
"""Smaller responses are sent as they are: gzip's header costs more than it saves."""


def server_time_ms() -> int:
    return time.time_ns() // 1_000_000


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


class GzipRequestMiddleware:
    """Accept request bodies with ``Content-Encoding: gzip``: decompress them (bounded by ``max_bytes``)
    before the endpoint reads them. Any other content encoding is refused with 415."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        encoding = ""
        for key, value in scope["headers"]:
            if key == b"content-encoding":
                encoding = value.decode("latin-1").strip().lower()
        if encoding in ("", "identity"):
            await self.app(scope, receive, send)
            return
        if encoding != "gzip":
            response = error_response(415, f"Content-Encoding '{encoding}' tidak didukung; gunakan gzip.")
            await response(scope, receive, send)
            return
        try:
            body = await self._inflate(receive)
        except CentralError as exc:
            await error_response(exc.http_status, str(exc))(scope, receive, send)
            return
        headers = [(k, v) for k, v in scope["headers"] if k not in (b"content-encoding", b"content-length")]
        headers.append((b"content-length", str(len(body)).encode("ascii")))
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:  # after the body, pass on what the server says next (a disconnect)
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app({**scope, "headers": headers}, replay, send)

    async def _inflate(self, receive: Receive) -> bytes:
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        out = bytearray()
        more = True
        try:
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    raise InvalidInputError("Koneksi terputus sebelum isi permintaan diterima.")
                more = message.get("more_body", False)
                chunk = message.get("body", b"")
                while chunk:
                    out += inflater.decompress(chunk, self.max_bytes + 1 - len(out))
                    if len(out) > self.max_bytes:
                        raise PayloadTooLargeError(f"Isi permintaan lebih dari {_size(self.max_bytes)}.")
                    chunk = inflater.unconsumed_tail
            out += inflater.flush()
        except zlib.error as exc:
            raise InvalidInputError("Isi permintaan gzip rusak.") from exc
        if not inflater.eof:
            raise InvalidInputError("Isi permintaan gzip tidak lengkap.")
        return bytes(out)


def _size(n: int) -> str:
    mib = 1024 * 1024
    return f"{n // mib} MB" if n >= mib else f"{n} bita"


async def read_json_object(request: Request) -> dict[str, Any]:
    try:
        payload = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidInputError("Isi permintaan bukan JSON yang valid.") from exc
    if not isinstance(payload, dict):
        raise InvalidInputError("Isi permintaan harus berupa objek JSON.")
    return payload


def text_field(payload: dict[str, Any], key: str, *, required: bool = True) -> str | None:
    value = payload.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise InvalidInputError(f"Kolom '{key}' wajib diisi dengan teks.")
    return value


def central_db(request: Request) -> CentralDb:
    return request.app.state.db


async def in_transaction(request: Request, work: Callable[[Session], T]) -> T:
    """Run ``work`` in one committed transaction, in the thread pool."""
    db = central_db(request)

    def run() -> T:
        with db.transaction() as session:
            return work(session)

    return await run_in_threadpool(run)


def bearer_token(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise UnauthorizedError("Permintaan tanpa token perangkat. Daftarkan perangkat ini terlebih dahulu.")
    return token.strip()


async def require_device(request: Request) -> Device:
    """The enrolled, unrevoked device making this request (``Authorization: Bearer TOKEN``), or 401.
    The returned device is detached but fully loaded."""
    token = bearer_token(request)
    return await in_transaction(request, lambda session: devices.authenticate(session, token))


async def enroll_endpoint(request: Request) -> Response:
    payload = await read_json_object(request)
    code = text_field(payload, "code")
    name = text_field(payload, "name")
    app_version = text_field(payload, "app_version", required=False)
    assert code is not None and name is not None
    device, token = await in_transaction(request, lambda s: devices.enroll(s, code, name, app_version))
    log.info("Enrolled device %s (%s) for scope %s", device.id, device.name, device.scope)
    return JSONResponse(
        {"device_id": device.id, "token": token, "scope": device.scope, "server_time_ms": server_time_ms()}
    )


async def whoami_endpoint(request: Request) -> Response:
    device = await require_device(request)
    return JSONResponse(
        {"device_id": device.id, "name": device.name, "scope": device.scope, "server_time_ms": server_time_ms()}
    )


async def push_endpoint(request: Request) -> Response:
    """``{device_id, batch_id, schema_version, cursor?, ops}`` → ``{results: [{op_id, status, error?}],
    server_time_ms, clock_warning?: {skew_ms}}``; the whole batch in one transaction. Ops stamped more than
    ``MAX_FUTURE_MS`` ahead of server time are clamped first and the answer carries ``clock_warning``."""
    device = await require_device(request)
    payload = await read_json_object(request)
    skew = wire.clamp_future_hlcs(payload, server_time_ms(), MAX_FUTURE_MS)
    results = await in_transaction(request, lambda s: push.apply_batch(s, device, payload))
    body: dict[str, Any] = {"results": results, "server_time_ms": server_time_ms()}
    if skew is not None:
        body["clock_warning"] = {"skew_ms": skew}
        log.warning("Device %s (%s) pushed HLCs %d ms ahead of server time: clamped", device.id, device.name, skew)
    return JSONResponse(body)


async def pull_endpoint(request: Request) -> Response:
    """``?cursor=N&limit=L`` → ``{changes: [{seq, tbl, row_id, fields, hlc}], next_cursor, has_more,
    server_time_ms}``. A limit above ``pull.MAX_LIMIT`` is served as ``MAX_LIMIT``."""
    device = await require_device(request)
    cursor = _int_param(request, "cursor", 0)
    limit = min(_int_param(request, "limit", pull.DEFAULT_LIMIT), pull.MAX_LIMIT)
    page = await in_transaction(request, lambda s: pull.pull(s, device, cursor, limit))
    return JSONResponse({**page, "server_time_ms": server_time_ms()})


async def snapshot_endpoint(request: Request) -> Response:
    """``?after=KEY&limit=N[&seq=S]`` → ``{items: [{tbl, row_id, fields, hlc}], snapshot_seq, next_after,
    has_more, server_time_ms}``: the current state of the device's scope for a first sync."""
    device = await require_device(request)
    after = request.query_params.get("after") or None
    limit = min(_int_param(request, "limit", snapshot.DEFAULT_LIMIT), snapshot.MAX_LIMIT)
    raw_seq = request.query_params.get("seq")
    seq = None if raw_seq in (None, "") else _int_param(request, "seq", 0)
    page = await in_transaction(request, lambda s: snapshot.snapshot(s, device.scope, after, limit, seq))
    return Response(snapshot.render(page, server_time_ms()), media_type="application/json")


def _int_param(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise InvalidInputError(f"Parameter '{name}' harus bilangan bulat.") from None


async def central_error_handler(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, CentralError)
    if isinstance(exc, wire.SchemaTooOldError):
        return JSONResponse({"error": str(exc), "min_schema": exc.min_schema}, status_code=exc.http_status)
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, UnauthorizedError) else None
    return error_response(exc.http_status, str(exc), headers)


def create_app(url: str | CentralDb, *, upgrade: bool = True) -> Starlette:
    """The app on the central database at ``url`` (or an already open ``CentralDb``), migrated to head
    first unless ``upgrade=False``. The engine is disposed when the app shuts down."""
    db = url if isinstance(url, CentralDb) else open_central(url)
    if upgrade:
        db.upgrade()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            db.close()

    app = Starlette(
        routes=[
            Route("/sync/enroll", enroll_endpoint, methods=["POST"]),
            Route("/sync/whoami", whoami_endpoint, methods=["GET"]),
            Route("/sync/push", push_endpoint, methods=["POST"]),
            Route("/sync/pull", pull_endpoint, methods=["GET"]),
            Route("/sync/snapshot", snapshot_endpoint, methods=["GET"]),
            *conflict_api.ROUTES,
        ],
        middleware=[
            Middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM_SIZE, compresslevel=6),
            Middleware(GzipRequestMiddleware),
        ],
        exception_handlers={CentralError: central_error_handler},
        lifespan=lifespan,
    )
    app.state.db = db
    return app
