"""A laptop too old for the server (426) keeps its outbox and exports it (``sync.export``,
``simoncer-cli sync --export-outbox``); the office imports the file (``simoncer-central import-outbox``)
through the normal push rules, and importing it twice changes nothing."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from simoncer_central import cli as central_cli
from simoncer_central import wire
from simoncer_central.store import CentralDb
from simoncer_desktop.models import Facilitator
from simoncer_desktop.store import Database
from simoncer_desktop.sync import engine, outbox, state
from simoncer_desktop.sync.client import SchemaTooOldError, SyncClient
from simoncer_desktop.sync.enrollment import enroll_device
from simoncer_desktop.sync.export import ExportError, export_outbox, read_export
from tests.central.sync_ops import dump, field_values
from tests.keys import open_test_database
from tests.sync.conftest import new_code
from tests.sync.live import LiveServer
from tests.sync.test_cli_sync import run


def add_facilitator(db: Database, name: str) -> str:
    with db.transaction() as s:
        fac = Facilitator(name=name, kelurahan_codes="", scope="32.71.01")
        s.add(fac)
        s.flush()
        return fac.id


def test_the_export_holds_every_pending_and_poison_op_atomically(db: Database, tmp_path: Path) -> None:
    add_facilitator(db, "Bu Sari")
    with db.transaction() as s:
        ops = outbox.pending(s, 100_000)
        outbox.mark_poison(s, ops[0].op_id, "ditolak server: uji")
    target = tmp_path / "antrean.json.gz"
    count = export_outbox(db, target)
    assert count == len(ops) and [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    document = read_export(target)
    with gzip.open(target, "rt", encoding="utf-8") as handle:
        assert json.load(handle) == document
    assert document["format"] == "simoncer-outbox" and document["version"] == 1
    assert document["schema_version"] == engine.schema_number(db.migration.to_revision)
    with db.read() as s:
        assert document["device_id"] == state.load(s).device_id or document["device_id"] == db.device_id
    exported = {op["op_id"]: op for op in document["ops"]}
    assert list(exported) == [op.op_id for op in ops]  # capture order, poison included
    first = exported[ops[0].op_id]
    assert (first["status"], first["error"]) == ("poison", "ditolak server: uji")
    assert {k: first[k] for k in ("tbl", "row_id", "kind", "fields", "hlc")} == {
        "tbl": ops[0].tbl,
        "row_id": ops[0].row_id,
        "kind": ops[0].kind,
        "fields": ops[0].fields,
        "hlc": ops[0].hlc,
    }
    assert all("user" in op for op in document["ops"]) == ("user" in ops[0].to_wire())

    with pytest.raises(ExportError, match="tidak ada"):
        export_outbox(db, tmp_path / "tidak-ada" / "antrean.json.gz")
    with pytest.raises(ExportError, match="adalah folder"):
        export_outbox(db, tmp_path)


def test_a_too_old_app_exports_its_queue_and_the_office_imports_it_once(
    db_path: Path,
    central: CentralDb,
    central_server: LiveServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = open_test_database(db_path)
    try:
        client = SyncClient(central_server.url)
        enroll_device(db, client, new_code(central, "*"), "LAPTOP-LAMA", server_url=client.server_url)
        row_id = add_facilitator(db, "Bu Lastri")
        schema = engine.schema_number(db.migration.to_revision)
        with db.read() as s:
            queued = outbox.count_pending(s)
        monkeypatch.setattr(wire, "MIN_SCHEMA", schema + 1)  # the server moved on
        monkeypatch.setattr(wire.SchemaTooOldError.__init__, "__defaults__", (schema + 1,))  # its 426 says so
        with pytest.raises(SchemaTooOldError) as refused:
            engine.sync_once(db, client)
        message = str(refused.value)
        assert f"skema {schema}, minimal {schema + 1}" in message and "--export-outbox" in message
        with db.read() as s:
            assert outbox.count_pending(s) == queued and state.load(s).last_error == message
    finally:
        db.close()

    target = tmp_path / "antrean-laptop-lama.json.gz"
    code, out, err = run(capsys, "sync", "--db", str(db_path), "--export-outbox", str(target))
    assert (code, err) == (0, "") and out.startswith(f"{queued} perubahan dari antrean diekspor")
    code, _out, err = run(capsys, "sync", "--db", str(db_path), "--export-outbox", str(tmp_path / "x" / "a.gz"))
    assert code == 1 and err.startswith("Ekspor antrean gagal:") and str(tmp_path / "x") in err

    url = central.url
    assert central_cli.main(["import-outbox", "--db", url, str(target)]) == 0
    out = capsys.readouterr().out
    assert f"{queued} perubahan dalam berkas" in out and f"diterima: {queued}" in out, out
    assert field_values(central, "facilitator", row_id)["name"] == "Bu Lastri"
    before = dump(central)
    assert central_cli.main(["import-outbox", "--db", url, str(target)]) == 0
    out = capsys.readouterr().out
    assert f"sudah pernah diterima (tidak diubah): {queued}" in out and "diterima:" not in out
    assert dump(central) == before  # replay-safe

    monkeypatch.setattr(wire, "MIN_SCHEMA", 6)  # the laptop was updated: its own push is a replay now
    db = open_test_database(db_path)
    try:
        report = engine.sync_once(db, SyncClient(central_server.url))
        assert (report.applied, report.pending_after) == (queued, 0)
    finally:
        db.close()


def test_an_unreadable_import_file_is_an_error(
    central: CentralDb, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bukan.json.gz"
    bad.write_bytes(b"bukan gzip")
    assert central_cli.main(["import-outbox", "--db", central.url, str(bad)]) == 1
    assert "bukan ekspor antrean Simoncer" in capsys.readouterr().err
    unknown = tmp_path / "asing.json.gz"
    unknown.write_bytes(
        gzip.compress(
            json.dumps(
                {"format": "simoncer-outbox", "device_id": "tak-dikenal", "schema_version": 7, "ops": []}
            ).encode()
        )
    )
    assert central_cli.main(["import-outbox", "--db", central.url, str(unknown)]) == 1
    assert "tidak terdaftar di server ini" in capsys.readouterr().err
