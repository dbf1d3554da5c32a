"""The HTTP client of the sync protocol (``docs/sync-design.md`` §5): enroll, whoami, push, pull, snapshot.

Standard library only (``http.client`` + ``ssl``): no extra dependency in the frozen app, and one kept-alive
connection per client, so pulling hundreds of pages costs one TLS handshake, not one per page.

- **TLS**: ``https://`` is verified against the system CAs, or only against ``ca_file`` (an office's own CA,
  PEM) when one is given; host names are checked. Plain ``http://`` is accepted only for a loopback server
  (tests, a server on the same machine): the bearer token must never cross a network in clear.
- **Compression**: request bodies are gzipped (``Content-Encoding: gzip``); gzipped answers are inflated.
- **Timeouts**: ``timeout`` seconds for connecting and for each read.
- **Retries**: connection failures, timeouts and 5xx answers are retried ``retries`` times with exponential
  backoff (``backoff_s`` · 2^n, at most ``max_backoff_s``, with jitter; a 503's ``Retry-After`` is honoured
  up to the maximum). 4xx answers are never retried. A request that is not idempotent (``enroll``, which
  uses up a one-time code) is retried after a failure only when the failure happened before it was sent.
  Push is idempotent on the server (``applied_op``), pull is a read.
- **Errors** (``sync.errors``): every failure is a :class:`SyncError` with a message: :class:`OfflineError`,
  :class:`TlsError`, :class:`UnauthorizedError` (401), :class:`PayloadTooLargeError` (413),
  :class:`SchemaTooOldError` (426, ``min_schema``), :class:`RequestRefusedError` (other 4xx),
  :class:`ServerError` (5xx after the retries, or an answer that is not the protocol's).
"""

from __future__ import annotations

import gzip
import http.client
import ipaddress
import json
import logging
import random
import ssl
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from simoncer_desktop import __version__
from simoncer_desktop.sync.errors import (
    OfflineError,
    PayloadTooLargeError,
    RequestRefusedError,
    SchemaTooOldError,
    ServerError,
    SyncError,
    TlsError,
    UnauthorizedError,
)
from simoncer_desktop.translation import translate

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 60.0
DEFAULT_RETRIES = 4
DEFAULT_BACKOFF_S = 0.5
MAX_BACKOFF_S = 30.0
MAX_RESPONSE_BYTES = 256 * 1024 * 1024
"""An answer larger than this (after inflating) is refused: a pull page of 1,000 changes is a few MB."""

PUSH_STATUSES = frozenset({"applied", "merged", "rejected", "duplicate"})


@dataclass(frozen=True)
class Enrollment:
    device_id: str
    token: str
    scope: str
    server_time_ms: int
    local_ms: int
    """Local time (Unix ms) at the middle of the request: ``server_time_ms - local_ms`` is the clock offset."""


@dataclass(frozen=True)
class OpResult:
    op_id: str
    status: str
    """``applied``, ``merged``, ``rejected`` or ``duplicate`` (anything else is treated as an invalid op)."""
    error: str | None = None


@dataclass(frozen=True)
class PushResult:
    results: list[OpResult]
    server_time_ms: int
    local_ms: int
    clock_skew_ms: int | None = None
    """Set when the server clamped ops stamped this far (ms) ahead of its time (``clock_warning``)."""


@dataclass(frozen=True)
class Change:
    seq: int
    tbl: str
    row_id: str
    fields: dict[str, Any]
    hlc: str


@dataclass(frozen=True)
class PullPage:
    changes: list[Change]
    next_cursor: int
    has_more: bool
    server_time_ms: int
    local_ms: int


@dataclass(frozen=True)
class SnapshotPage:
    """A page of the first-sync snapshot: rows as ``Change`` items (``seq`` 0), taken at ``snapshot_seq``."""

    items: list[Change]
    snapshot_seq: int
    next_after: str | None
    has_more: bool
    server_time_ms: int
    local_ms: int


@dataclass(frozen=True)
class _Answer:
    status: int
    body: Any
    headers: Mapping[str, str]
    local_ms: int


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def normalise_server_url(url: str) -> str:
    """``https://host[:port][/prefix]`` without a trailing slash; SyncError for anything else."""
    raw = (url or "").strip()
    parts = urlsplit(raw)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise SyncError(
            translate(
                "sync", "Alamat server '{raw}' tidak valid: tulis lengkap, mis. https://sinkron.dinsos.example.go.id"
            ).format(raw=raw)
        )
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise SyncError(
            translate(
                "sync",
                "Alamat server '{raw}' memakai http:// tanpa enkripsi; gunakan "
                "https:// (token perangkat tidak boleh dikirim tanpa TLS).",
            ).format(raw=raw)
        )
    if parts.query or parts.fragment:
        raise SyncError(translate("sync", "Alamat server '{raw}' tidak boleh memuat '?' atau '#'.").format(raw=raw))
    return raw.rstrip("/")


def _ssl_context(ca_file: str | Path | None) -> ssl.SSLContext:
    if ca_file is None:
        return ssl.create_default_context()
    path = Path(ca_file).expanduser()
    if not path.is_file():
        raise SyncError(translate("sync", "Berkas sertifikat CA {path} tidak ditemukan.").format(path=path))
    try:
        return ssl.create_default_context(cafile=str(path))
    except (ssl.SSLError, OSError) as exc:
        raise SyncError(
            translate("sync", "Berkas sertifikat CA {path} tidak dapat dibaca sebagai PEM: {exc}").format(
                path=path, exc=exc
            )
        ) from exc


def _cert_error(exc: BaseException) -> bool:
    return isinstance(exc, ssl.SSLCertVerificationError) or (
        isinstance(exc, ssl.SSLError) and "CERTIFICATE_VERIFY_FAILED" in str(exc)
    )


class SyncClient:
    """One server, one kept-alive connection. ``token`` may be set after :meth:`enroll`. Not thread-safe:
    use one client per thread. Unset tuning arguments take the module's ``DEFAULT_*`` values at call time;
    ``sleep`` is injectable for tests."""

    def __init__(
        self,
        server_url: str,
        token: str | None = None,
        *,
        ca_file: str | Path | None = None,
        timeout: float | None = None,
        retries: int | None = None,
        backoff_s: float | None = None,
        max_backoff_s: float | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.server_url = normalise_server_url(server_url)
        parts = urlsplit(self.server_url)
        self._https = parts.scheme == "https"
        self._host = parts.hostname or ""
        self._port = parts.port
        self._prefix = parts.path.rstrip("/")
        self._ssl = _ssl_context(ca_file) if self._https else None
        self.token = token
        self.timeout = DEFAULT_TIMEOUT_S if timeout is None else timeout
        self.retries = max(0, int(DEFAULT_RETRIES if retries is None else retries))
        self.backoff_s = DEFAULT_BACKOFF_S if backoff_s is None else backoff_s
        self.max_backoff_s = MAX_BACKOFF_S if max_backoff_s is None else max_backoff_s
        self._sleep = sleep
        self._conn: http.client.HTTPConnection | None = None
        self.requests = 0
        """Requests sent (including retries), for reports and tests."""
        self.bytes_sent = 0
        self.bytes_received = 0
        """Bytes of request and answer bodies as they crossed the wire (compressed)."""

    # -- protocol ---------------------------------------------------------------------------------------

    def enroll(self, code: str, name: str, app_version: str = __version__) -> Enrollment:
        """``POST /sync/enroll``: trade a one-time code for a device id, token and scope (sets ``token``)."""
        answer = self._call(
            "POST",
            "/sync/enroll",
            {"code": code, "name": name, "app_version": app_version},
            auth=False,
            idempotent=False,
        )
        body = answer.body
        try:
            enrollment = Enrollment(
                device_id=_text(body, "device_id"),
                token=_text(body, "token"),
                scope=_text(body, "scope"),
                server_time_ms=_int(body, "server_time_ms"),
                local_ms=answer.local_ms,
            )
        except (TypeError, KeyError, ValueError) as exc:
            raise ServerError(
                translate("sync", "Jawaban pendaftaran dari server tidak lengkap ({exc}).").format(exc=exc)
            ) from exc
        self.token = enrollment.token
        return enrollment

    def whoami(self) -> dict[str, Any]:
        """``GET /sync/whoami``: the device as the server knows it (checks the token)."""
        body = self._call("GET", "/sync/whoami").body
        if not isinstance(body, dict):
            raise ServerError(translate("sync", "Jawaban server bukan objek JSON."))
        return body

    def push(
        self,
        device_id: str,
        batch_id: str,
        schema_version: int,
        ops: Sequence[Mapping[str, Any]],
        cursor: int | None = None,
    ) -> PushResult:
        """``POST /sync/push`` one batch (``OutboxOp.to_wire()`` dicts) with this device's pull ``cursor``
        (lets the server tell a concurrent overwrite from a sequential one); the per-op answers."""
        payload: dict[str, Any] = {
            "device_id": device_id,
            "batch_id": batch_id,
            "schema_version": schema_version,
            "ops": list(ops),
        }
        if cursor is not None:
            payload["cursor"] = int(cursor)
        answer = self._call("POST", "/sync/push", payload)
        body = answer.body
        try:
            results = [
                OpResult(str(r["op_id"]), str(r["status"]), None if r.get("error") is None else str(r["error"]))
                for r in body["results"]
            ]
            skew = None
            warning = body.get("clock_warning")
            if isinstance(warning, dict) and isinstance(warning.get("skew_ms"), int):
                skew = int(warning["skew_ms"])
            return PushResult(results, _int(body, "server_time_ms"), answer.local_ms, skew)
        except (TypeError, KeyError, ValueError, AttributeError) as exc:
            raise ServerError(
                translate("sync", "Jawaban push dari server tidak sesuai protokol ({exc!r}).").format(exc=exc)
            ) from exc

    def pull(self, cursor: int, limit: int = 1000) -> PullPage:
        """``GET /sync/pull?cursor=&limit=``: the next page of changes of this device's scope."""
        query = urlencode({"cursor": int(cursor), "limit": int(limit)})
        answer = self._call("GET", f"/sync/pull?{query}")
        body = answer.body
        try:
            changes = [
                Change(int(c["seq"]), str(c["tbl"]), str(c["row_id"]), dict(c["fields"]), str(c["hlc"]))
                for c in body["changes"]
            ]
            next_cursor = _int(body, "next_cursor")
            has_more = body["has_more"]
            if not isinstance(has_more, bool):
                raise ValueError("has_more is not a boolean")
            return PullPage(changes, next_cursor, has_more, _int(body, "server_time_ms"), answer.local_ms)
        except (TypeError, KeyError, ValueError, AttributeError) as exc:
            raise ServerError(
                translate("sync", "Jawaban pull dari server tidak sesuai protokol ({exc!r}).").format(exc=exc)
            ) from exc

    def snapshot(self, after: str | None = None, limit: int = 5000, seq: int | None = None) -> SnapshotPage:
        """``GET /sync/snapshot?after=&limit=&seq=``: a page of the current state of this device's scope
        (first sync). A server without snapshots answers 404 (:class:`RequestRefusedError`)."""
        params: dict[str, Any] = {"limit": int(limit)}
        if after:
            params["after"] = after
        if seq is not None:
            params["seq"] = int(seq)
        answer = self._call("GET", f"/sync/snapshot?{urlencode(params)}")
        body = answer.body
        try:
            items = [
                Change(0, str(c["tbl"]), str(c["row_id"]), dict(c["fields"]), str(c["hlc"])) for c in body["items"]
            ]
            has_more = body["has_more"]
            if not isinstance(has_more, bool):
                raise ValueError("has_more is not a boolean")
            next_after = body.get("next_after")
            if next_after is not None and not isinstance(next_after, str):
                raise ValueError("next_after is not text")
            return SnapshotPage(
                items, _int(body, "snapshot_seq"), next_after, has_more, _int(body, "server_time_ms"), answer.local_ms
            )
        except (TypeError, KeyError, ValueError, AttributeError) as exc:
            raise ServerError(
                translate("sync", "Jawaban snapshot dari server tidak sesuai protokol ({exc!r}).").format(exc=exc)
            ) from exc

    def close(self) -> None:
        self._drop()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- transport --------------------------------------------------------------------------------------

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            if self._https:
                self._conn = http.client.HTTPSConnection(
                    self._host, self._port, timeout=self.timeout, context=self._ssl
                )
            else:
                self._conn = http.client.HTTPConnection(self._host, self._port, timeout=self.timeout)
        return self._conn

    def _drop(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None

    def _delay(self, attempt: int, retry_after: str | None = None) -> float:
        delay = min(self.max_backoff_s, self.backoff_s * (2**attempt))
        delay *= 0.5 + random.random() / 2  # jitter: laptops that lost the server together do not return together
        if retry_after and retry_after.strip().isdigit():
            delay = max(delay, min(self.max_backoff_s, float(retry_after.strip())))
        return delay

    def _headers(self, body: bytes | None, auth: bool) -> dict[str, str]:
        headers = {
            "Accept": "application/json",
            "Accept-Encoding": "gzip",
            "User-Agent": f"simoncer-desktop/{__version__}",
        }
        if body is not None:
            headers["Content-Type"] = "application/json"
            headers["Content-Encoding"] = "gzip"
        if auth:
            if not self.token:
                raise SyncError(
                    translate(
                        "sync", "Perangkat ini belum terdaftar di server: jalankan sinkronisasi dengan --enroll KODE."
                    )
                )
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def _call(
        self, method: str, path: str, payload: Any = None, *, auth: bool = True, idempotent: bool = True
    ) -> _Answer:
        body = None
        if payload is not None:
            raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
            body = gzip.compress(raw, compresslevel=6)
        headers = self._headers(body, auth)
        target = self._prefix + path
        attempt = 0
        while True:
            failure: str
            retry_after = None
            try:
                answer = self._once(method, target, body, headers, idempotent)
            except _NotSentError as exc:
                failure = exc.reason
            except _LostError as exc:
                if not idempotent:
                    raise OfflineError(
                        translate(
                            "sync", "Koneksi ke server {server_url} terputus sebelum jawaban diterima ({reason})."
                        ).format(server_url=self.server_url, reason=exc.reason)
                    ) from exc.__cause__
                failure = exc.reason
            else:
                if answer.status < 500:
                    return self._check(answer)
                failure = f"HTTP {answer.status}: {_message(answer.body)}"
                retry_after = answer.headers.get("retry-after")
                if attempt >= self.retries:
                    raise ServerError(
                        translate("sync", "Server {server_url} sedang bermasalah ({failure}); coba lagi nanti.").format(
                            server_url=self.server_url, failure=failure
                        ),
                        answer.status,
                    )
            if attempt >= self.retries:
                raise OfflineError(
                    translate("sync", "Server tidak dapat dihubungi ({server_url}): {failure}").format(
                        server_url=self.server_url, failure=failure
                    )
                )
            delay = self._delay(attempt, retry_after)
            log.info("Sync %s %s failed (%s); retry %d in %.1f s", method, path, failure, attempt + 1, delay)
            self._sleep(delay)
            attempt += 1

    def _once(self, method: str, target: str, body: bytes | None, headers: dict[str, str], idempotent: bool) -> _Answer:
        conn = self._connection()
        if conn.sock is None:
            try:
                conn.connect()
            except Exception as exc:
                self._drop()
                if _cert_error(exc):
                    raise TlsError(
                        translate(
                            "sync",
                            "Sertifikat server {server_url} tidak dapat diverifikasi "
                            "({exc}). Bila kantor memakai sertifikat sendiri, berikan "
                            "berkas CA-nya dengan --ca-file.",
                        ).format(server_url=self.server_url, exc=exc)
                    ) from exc
                if isinstance(exc, OSError | http.client.HTTPException):
                    raise _NotSentError(_reason(exc)) from exc
                raise
        started = _now_ms()
        try:
            conn.request(method, target, body=body, headers=headers)
            self.requests += 1
            self.bytes_sent += len(body or b"")
            response = conn.getresponse()
            data = response.read(MAX_RESPONSE_BYTES + 1)
        except (OSError, http.client.HTTPException) as exc:
            self._drop()
            raise _LostError(_reason(exc)) from exc
        finished = _now_ms()
        self.bytes_received += len(data)
        if response.will_close:
            self._drop()
        response_headers = {k.lower(): v for k, v in response.getheaders()}
        if response_headers.get("content-encoding", "").lower() == "gzip":
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError) as exc:
                raise ServerError(
                    translate("sync", "Jawaban server rusak (gzip): {exc}").format(exc=exc), response.status
                ) from exc
        if len(data) > MAX_RESPONSE_BYTES:
            raise ServerError(translate("sync", "Jawaban server terlalu besar."), response.status)
        parsed: Any = None
        if data:
            try:
                parsed = json.loads(data)
            except ValueError:
                parsed = data[:200].decode("utf-8", "replace")
        return _Answer(response.status, parsed, response_headers, (started + finished) // 2)

    def _check(self, answer: _Answer) -> _Answer:
        status, body = answer.status, answer.body
        if 200 <= status < 300:
            if not isinstance(body, dict):
                raise ServerError(
                    translate("sync", "Jawaban server bukan objek JSON (HTTP {status}).").format(status=status), status
                )
            return answer
        message = _message(body)
        if status == 401:
            raise UnauthorizedError(message, status)
        if status == 413:
            raise PayloadTooLargeError(message, status)
        if status == 426:
            min_schema = body.get("min_schema") if isinstance(body, dict) else None
            raise SchemaTooOldError(message, status, None if min_schema is None else str(min_schema))
        raise RequestRefusedError(message, status)

    def conflicts(self, status: str = "open", limit: int = 100, offset: int = 0) -> dict[str, Any]:
        """``GET /sync/conflicts``: ``{items, total}`` of the conflicts of this device's scope, newest first
        (``simoncer_central.conflict_api`` documents the items)."""
        query = urlencode({"status": status, "limit": int(limit), "offset": int(offset)})
        body = self._call("GET", f"/sync/conflicts?{query}").body
        if not isinstance(body.get("items"), list) or not isinstance(body.get("total"), int):
            raise ServerError(translate("sync", "Jawaban daftar konflik dari server tidak sesuai protokol."))
        return body

    def resolve_conflict(self, conflict_id: int, resolution: str, by: str) -> dict[str, Any]:
        """``POST /sync/conflicts/{id}/resolve``: record ``kept`` or ``reinstated`` by user ``by``. A retry
        after a lost answer is safe (the server answers the same decision again)."""
        payload = {"resolution": resolution, "by": by}
        return self._call("POST", f"/sync/conflicts/{int(conflict_id)}/resolve", payload).body


class _NotSentError(Exception):
    """The request never left: safe to retry even when it is not idempotent."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _LostError(Exception):
    """Sent (maybe) but no complete answer: retried only when idempotent."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _reason(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError):
        return translate("sync", "waktu tunggu habis")
    if isinstance(exc, ConnectionRefusedError):
        return translate("sync", "koneksi ditolak")
    text = str(exc) or type(exc).__name__
    return text


def _message(body: Any) -> str:
    if isinstance(body, dict) and isinstance(body.get("error"), str):
        return body["error"]
    if isinstance(body, str) and body:
        return body
    return translate("sync", "tanpa keterangan")


def _text(body: Any, key: str) -> str:
    value = body[key]
    if not isinstance(value, str) or not value:
        raise ValueError(f"'{key}' kosong")
    return value


def _int(body: Any, key: str) -> int:
    value = body[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"'{key}' bukan bilangan bulat")
    return value
