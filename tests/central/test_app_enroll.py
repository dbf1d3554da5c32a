"""``POST /sync/enroll`` and the bearer-token path (``GET /sync/whoami``) over HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import gzip
import json
import time
from datetime import timedelta

from starlette.testclient import TestClient

from simoncer_central import devices
from simoncer_central.store import CentralDb


def new_code(central: CentralDb, scope: str = "32.71.01", **kwargs: object) -> str:
    with central.transaction() as s:
        return devices.create_enrollment_code(s, scope, **kwargs)  # type: ignore[arg-type]


def enroll(client: TestClient, code: str, name: str = "LAPTOP-01") -> tuple[int, dict[str, object]]:
    response = client.post("/sync/enroll", json={"code": code, "name": name, "app_version": "0.1.0"})
    return response.status_code, response.json()


def test_enroll_then_whoami_with_the_token(client: TestClient, central: CentralDb) -> None:
    before = time.time_ns() // 1_000_000
    status, body = enroll(client, new_code(central, "32.71.05"))
    assert status == 200, body
    assert set(body) == {"device_id", "token", "scope", "server_time_ms"}
    assert body["scope"] == "32.71.05"
    assert isinstance(body["server_time_ms"], int) and body["server_time_ms"] >= before
    response = client.get("/sync/whoami", headers={"Authorization": f"Bearer {body['token']}"})
    assert response.status_code == 200
    me = response.json()
    assert (me["device_id"], me["scope"], me["name"]) == (body["device_id"], "32.71.05", "LAPTOP-01")
    with central.transaction() as s:
        (device,) = devices.list_devices(s)
        assert device.app_version == "0.1.0" and device.last_seen_at is not None


def test_whoami_without_or_with_a_bad_token_is_401(client: TestClient) -> None:
    for headers in ({}, {"Authorization": "Bearer"}, {"Authorization": "Basic abc"}, {"Authorization": "Bearer nope"}):
        response = client.get("/sync/whoami", headers=headers)
        assert response.status_code == 401, headers
        assert response.headers["www-authenticate"] == "Bearer"
        assert "Daftarkan" in response.json()["error"]


def test_a_revoked_device_gets_401(client: TestClient, central: CentralDb) -> None:
    _, body = enroll(client, new_code(central))
    auth = {"Authorization": f"Bearer {body['token']}"}
    assert client.get("/sync/whoami", headers=auth).status_code == 200
    with central.transaction() as s:
        devices.revoke(s, str(body["device_id"]))
    response = client.get("/sync/whoami", headers=auth)
    assert response.status_code == 401
    assert "sudah dicabut" in response.json()["error"]


def test_a_used_code_is_410(client: TestClient, central: CentralDb) -> None:
    code = new_code(central)
    assert enroll(client, code)[0] == 200
    status, body = enroll(client, code, "LAPTOP-02")
    assert status == 410 and "sudah dipakai" in str(body["error"])


def test_an_expired_code_is_410(client: TestClient, central: CentralDb) -> None:
    with central.transaction() as s:
        code = devices.create_enrollment_code(s, "*", now=devices.utcnow() - timedelta(hours=25))
    status, body = enroll(client, code)
    assert status == 410 and "kedaluwarsa" in str(body["error"])


def test_unknown_and_malformed_codes(client: TestClient, central: CentralDb) -> None:
    new_code(central)
    status, body = enroll(client, "AAAA-BBBB-CCCC")
    assert status == 404 and "tidak dikenal" in str(body["error"])
    status, body = enroll(client, "AAAA")
    assert status == 400 and "tidak valid" in str(body["error"])


def test_malformed_requests_are_400_with_a_message(client: TestClient) -> None:
    cases = [
        b"not json",
        b"[1, 2]",
        json.dumps({"name": "LAPTOP"}).encode(),
        json.dumps({"code": 12, "name": "LAPTOP"}).encode(),
    ]
    for content in cases:
        response = client.post("/sync/enroll", content=content, headers={"Content-Type": "application/json"})
        assert response.status_code == 400, content
        assert response.json()["error"]


def test_a_gzipped_request_body_is_accepted(client: TestClient, central: CentralDb) -> None:
    payload = json.dumps({"code": new_code(central), "name": "LAPTOP-GZ", "app_version": "0.1.0"}).encode()
    response = client.post(
        "/sync/enroll",
        content=gzip.compress(payload),
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["scope"] == "32.71.01"


def test_broken_gzip_and_unknown_encodings_are_refused(client: TestClient) -> None:
    response = client.post("/sync/enroll", content=b"\x1f\x8bnot gzip", headers={"Content-Encoding": "gzip"})
    assert response.status_code == 400 and "gzip" in response.json()["error"]
    truncated = gzip.compress(b'{"code": "x"}' * 100)[:20]
    response = client.post("/sync/enroll", content=truncated, headers={"Content-Encoding": "gzip"})
    assert response.status_code == 400
    response = client.post("/sync/enroll", content=b"{}", headers={"Content-Encoding": "br"})
    assert response.status_code == 415


def test_a_gzip_bomb_stops_at_the_body_limit() -> None:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from simoncer_central.app import GzipRequestMiddleware

    async def size(request: Request) -> PlainTextResponse:
        return PlainTextResponse(str(len(await request.body())))

    app = GzipRequestMiddleware(Starlette(routes=[Route("/", size, methods=["POST"])]), max_bytes=1000)
    with TestClient(app) as small:
        ok = small.post("/", content=gzip.compress(b"a" * 1000), headers={"Content-Encoding": "gzip"})
        assert (ok.status_code, ok.text) == (200, "1000")
        bomb = small.post("/", content=gzip.compress(b"a" * 1_000_000), headers={"Content-Encoding": "gzip"})
        assert bomb.status_code == 413 and "lebih dari" in bomb.json()["error"]
