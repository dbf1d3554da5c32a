"""The HTTP client (``sync.client``) over real loopback sockets: the real central service for enroll/whoami,
a fake for the answers it does not give on demand, raw sockets for lost answers and timeouts, and TLS with
an office CA."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from simoncer_central import devices
from simoncer_central.store import CentralDb
from simoncer_desktop.sync import client as sync_client
from simoncer_desktop.sync.client import (
    OfflineError,
    PayloadTooLargeError,
    RequestRefusedError,
    SchemaTooOldError,
    ServerError,
    SyncClient,
    SyncError,
    TlsError,
    UnauthorizedError,
)
from tests.sync.conftest import new_code
from tests.sync.live import FakeCentral, LiveServer, RawServer, make_certificates, serve


def test_enroll_and_whoami_against_the_real_central_service(central: CentralDb, central_server: LiveServer) -> None:
    with SyncClient(central_server.url) as client:
        enrollment = client.enroll(new_code(central, "32.71.05"), "LAPTOP-UJI", "0.9.0")
        assert enrollment.scope == "32.71.05" and client.token == enrollment.token
        assert abs(enrollment.server_time_ms - enrollment.local_ms) < 5000
        me = client.whoami()
        assert (me["device_id"], me["scope"], me["name"]) == (enrollment.device_id, "32.71.05", "LAPTOP-UJI")
        assert client.requests == 2
    with central.transaction() as s:
        (device,) = devices.list_devices(s)
        assert device.app_version == "0.9.0"
        devices.revoke(s, enrollment.device_id)
    with SyncClient(central_server.url, enrollment.token) as client, pytest.raises(UnauthorizedError) as info:
        client.whoami()
    assert "dicabut" in str(info.value) and info.value.status == 401


def test_a_used_or_unknown_code_is_refused_with_the_servers_message(
    central: CentralDb, central_server: LiveServer
) -> None:
    code = new_code(central)
    SyncClient(central_server.url).enroll(code, "A")
    sleeps: list[float] = []
    with pytest.raises(RequestRefusedError) as info:
        SyncClient(central_server.url, sleep=sleeps.append).enroll(code, "B")
    assert info.value.status == 410 and "sudah dipakai" in str(info.value)
    assert sleeps == []  # 4xx is never retried


def test_push_body_is_gzipped_json_with_the_bearer_token(fake: FakeCentral, fake_server: LiveServer) -> None:
    fake.statuses["op-2"] = "merged"
    ops = [
        {
            "op_id": f"op-{i}",
            "tbl": "facilitator",
            "row_id": f"r{i}",
            "kind": "update",
            "fields": {"name": "Ñ"},
            "hlc": "x",
        }
        for i in range(1, 4)
    ]
    with SyncClient(fake_server.url, "tok-9") as client:
        result = client.push("dev-1", "batch-1", 7, ops)
        page = client.pull(0, 10)
    assert [(r.op_id, r.status) for r in result.results] == [
        ("op-1", "applied"),
        ("op-2", "merged"),
        ("op-3", "applied"),
    ]
    assert result.server_time_ms == fake.server_time_ms
    push, pull = fake.seen
    assert push.gzipped and push.headers["authorization"] == "Bearer tok-9"
    assert push.headers["content-type"] == "application/json"
    assert push.headers["user-agent"].startswith("simoncer-desktop/")
    assert push.body == {"device_id": "dev-1", "batch_id": "batch-1", "schema_version": 7, "ops": ops}
    assert pull.query == {"cursor": "0", "limit": "10"} and pull.body is None
    assert page.changes == [] and page.next_cursor == 0 and page.has_more is False
    assert client.requests == 2 and push.client_port == pull.client_port  # one kept-alive connection


def test_5xx_is_retried_with_exponential_backoff_then_succeeds(fake: FakeCentral, fake_server: LiveServer) -> None:
    fake.script = [(503, {"error": "sibuk"}), (502, {"error": "gerbang"}), (500, {"error": "x"})]
    sleeps: list[float] = []
    client = SyncClient(fake_server.url, "t", retries=4, backoff_s=1.0, max_backoff_s=100, sleep=sleeps.append)
    page = client.pull(5)
    assert page.next_cursor == 5
    assert len(sleeps) == 3 and len(fake.seen) == 4
    for attempt, delay in enumerate(sleeps):  # 1, 2, 4 seconds, each with jitter down to half
        assert 2**attempt / 2 <= delay <= 2**attempt


def test_5xx_after_the_last_retry_is_a_server_error(fake: FakeCentral, fake_server: LiveServer) -> None:
    fake.script = [(500, {"error": "rusak"})] * 3
    sleeps: list[float] = []
    with pytest.raises(ServerError) as info:
        SyncClient(fake_server.url, "t", retries=2, sleep=sleeps.append).pull(0)
    assert info.value.status == 500 and "rusak" in str(info.value)
    assert len(sleeps) == 2 and len(fake.seen) == 3


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (401, {"error": "Perangkat sudah dicabut."}, UnauthorizedError),
        (413, {"error": "Terlalu banyak."}, PayloadTooLargeError),
        (426, {"error": "Versi terlalu lama.", "min_schema": 9}, SchemaTooOldError),
        (400, {"error": "Isi salah."}, RequestRefusedError),
        (404, "Not Found", RequestRefusedError),
    ],
)
def test_4xx_is_never_retried(
    fake: FakeCentral, fake_server: LiveServer, status: int, body: object, error: type[Exception]
) -> None:
    fake.script = [(status, body)]
    sleeps: list[float] = []
    with pytest.raises(error) as info:
        SyncClient(fake_server.url, "t", sleep=sleeps.append).push("d", "b", 7, [])
    assert sleeps == [] and len(fake.seen) == 1
    assert isinstance(info.value, RequestRefusedError) and info.value.status == status
    if isinstance(body, dict):
        assert str(info.value) == body["error"]
    if status == 426:
        assert isinstance(info.value, SchemaTooOldError) and info.value.min_schema == "9"


def test_nothing_listening_is_offline_after_the_retries() -> None:
    from tests.pg import free_port

    sleeps: list[float] = []
    client = SyncClient(f"http://127.0.0.1:{free_port()}", "t", retries=3, sleep=sleeps.append)
    with pytest.raises(OfflineError) as info:
        client.pull(0)
    assert len(sleeps) == 3
    assert "tidak dapat dihubungi" in str(info.value) and "koneksi ditolak" in str(info.value)


def test_a_lost_answer_is_retried_for_pull_but_not_for_enroll() -> None:
    raw = RawServer("close")
    try:
        with pytest.raises(OfflineError, match="terputus"):
            SyncClient(raw.url, retries=3).enroll("AAAA-BBBB-CCCC", "A")
        assert raw.accepted == 1  # a one-time code is not sent twice
        with pytest.raises(OfflineError):
            SyncClient(raw.url, "t", retries=3).pull(0)
        assert raw.accepted == 1 + 4
    finally:
        raw.stop()


def test_a_silent_server_times_out() -> None:
    raw = RawServer("silent")
    try:
        with pytest.raises(OfflineError, match="waktu tunggu habis"):
            SyncClient(raw.url, "t", timeout=0.3, retries=1).pull(0)
        assert raw.accepted == 2
    finally:
        raw.stop()


def test_tls_is_verified_and_an_office_ca_file_is_accepted(tmp_path: Path, fake: FakeCentral) -> None:
    ca, cert, key = make_certificates(tmp_path)
    with serve(fake.app(), cert, key) as server:
        assert server.url.startswith("https://")
        sleeps: list[float] = []
        with pytest.raises(TlsError, match="--ca-file"):
            SyncClient(server.url, "t", sleep=sleeps.append).pull(0)  # not signed by a system CA
        assert sleeps == []  # waiting does not fix a certificate
        with SyncClient(server.url, "t", ca_file=ca) as client:
            assert client.pull(3).next_cursor == 3
        (tmp_path / "lain").mkdir()
        other_ca, _, _ = make_certificates(tmp_path / "lain")
        with pytest.raises(TlsError):
            SyncClient(server.url, "t", ca_file=other_ca).pull(0)
        localhost = server.url.replace("127.0.0.1", "localhost")
        with SyncClient(localhost, "t", ca_file=ca) as client:  # the name is checked against the certificate
            assert client.pull(0).has_more is False


def test_server_addresses_and_ca_files_are_checked() -> None:
    with pytest.raises(SyncError, match="https://"):
        SyncClient("http://sinkron.dinsos.example.go.id")
    with pytest.raises(SyncError, match="tidak valid"):
        SyncClient("sinkron.dinsos.example.go.id")
    with pytest.raises(SyncError, match="tidak ditemukan"):
        SyncClient("https://sinkron.dinsos.example.go.id", ca_file="/tidak/ada.pem")
    client = SyncClient("https://sinkron.dinsos.example.go.id/simoncer/")
    assert client.server_url == "https://sinkron.dinsos.example.go.id/simoncer"
    assert SyncClient("http://localhost:8000").server_url == "http://localhost:8000"
    with pytest.raises(SyncError, match="belum terdaftar"):
        SyncClient("http://127.0.0.1:9").pull(0)  # no token: nothing is sent


def test_a_path_prefix_is_kept(fake: FakeCentral) -> None:
    from starlette.applications import Starlette
    from starlette.routing import Mount

    with serve(Starlette(routes=[Mount("/simoncer", app=fake.app())])) as server:
        assert SyncClient(server.url + "/simoncer", "t").pull(1).next_cursor == 1
    assert fake.seen[0].path.endswith("/sync/pull")


def test_an_answer_that_is_not_the_protocol_is_a_server_error(fake: FakeCentral, fake_server: LiveServer) -> None:
    fake.script = [(200, {"results": "nope", "server_time_ms": 1})]
    with pytest.raises(ServerError, match="tidak sesuai protokol"):
        SyncClient(fake_server.url, "t").push("d", "b", 7, [])
    fake.script = [(200, {"changes": [], "next_cursor": 1, "has_more": "ya", "server_time_ms": 1})]
    with pytest.raises(ServerError):
        SyncClient(fake_server.url, "t").pull(0)


def test_default_context_verifies_certificates() -> None:
    context = sync_client._ssl_context(None)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_push_carries_the_pull_cursor_and_reads_a_clock_warning(fake: FakeCentral, fake_server: LiveServer) -> None:
    op = {"op_id": "op-1", "tbl": "facilitator", "row_id": "r1", "kind": "update", "fields": {"phone": "1"}}
    fake.push_handler = lambda body: (
        200,
        {"results": [{"op_id": "op-1", "status": "applied"}], "server_time_ms": 5, "clock_warning": {"skew_ms": 9}},
    )
    with SyncClient(fake_server.url, "tok") as client:
        answer = client.push("dev-1", "b-1", 8, [op], cursor=42)
        plain = client.push("dev-1", "b-2", 8, [op])
    first, second = (s.body for s in fake.seen if s.path == "/sync/push")
    assert first["cursor"] == 42 and "cursor" not in second
    assert answer.clock_skew_ms == 9 and plain.clock_skew_ms == 9
    fake.push_handler = None
    with SyncClient(fake_server.url, "tok") as client:
        assert client.push("dev-1", "b-3", 8, [op]).clock_skew_ms is None


def test_snapshot_pages_from_the_real_central_service(central: CentralDb, central_server: LiveServer) -> None:
    with SyncClient(central_server.url) as client:
        client.enroll(new_code(central, "32.71.05"), "LAPTOP-UJI")
        page = client.snapshot(None, 10)
        assert (page.items, page.snapshot_seq, page.has_more) == ([], 0, False)
        with pytest.raises(RequestRefusedError) as info:
            client.snapshot("tanpa-pemisah", 10, 0)
        assert info.value.status == 400


def test_a_server_without_snapshots_is_a_404(fake: FakeCentral, fake_server: LiveServer) -> None:
    with SyncClient(fake_server.url, "tok") as client, pytest.raises(RequestRefusedError) as info:
        client.snapshot()
    assert info.value.status == 404
