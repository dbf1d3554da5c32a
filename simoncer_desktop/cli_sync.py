"""``simoncer-cli sync``: sinkronisasi dengan server pusat Dinsos, dan pendaftaran perangkat (``--enroll``).

- ``sync --db PATH`` (any signed-in role: sync only moves what the user's role already wrote): push the
  outbox, pull the scope's changes, print the counts and what the server refused. Meant for a scheduled task
  as well as by hand.
- ``sync --db PATH --server URL --enroll CODE [--ca-file PEM] [--name NAME]`` (administrators): trade the
  one-time code from ``simoncer-central enroll`` for a device token bound to a scope, store it in
  ``sync_state``, stamp later changes with the issued device id, then sync once. When the database file does
  not exist yet it is created first (``--region``, the user becomes its first administrator, as with
  ``demo-data``) and the first sync brings the whole scope.

Exit 0 when the run finished (refused ops are listed, not an error); 1 with a Bahasa message when it did not
(offline, revoked, app too old, TLS, refused): the outbox is always kept.
"""

from __future__ import annotations

import argparse
import socket
import sys
from collections.abc import Sequence
from typing import Any

from simoncer_desktop import __version__
from simoncer_desktop.cli_common import EXIT_ERROR, EXIT_OK, add_db, thousands
from simoncer_desktop.errors import AuthError
from simoncer_desktop.services.permissions import require
from simoncer_desktop.store import Database

MAX_NOTICES_SHOWN = 20

NOTICE_LABELS = {
    "duplicate": "duplikat",
    "poison": "ditolak/bermasalah",
    "unapplied": "tidak dapat diterapkan",
}


class _EnrollAction(argparse.Action):
    """``--enroll CODE`` also lets the command create a missing database (``cli_auth.open_signed_in``)."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option: str | None = None
    ) -> None:
        setattr(namespace, self.dest, values)
        namespace.creates_database = True


def add_commands(sub: Any) -> None:
    p = sub.add_parser(
        "sync",
        help="sinkronkan dengan server pusat Dinsos (daftarkan perangkat lebih dulu dengan --enroll)",
        description=(
            "Kirim perubahan yang menunggu di antrean ke server pusat lalu terima perubahan wilayah perangkat ini. "
            "Pertama kali: --server URL --enroll KODE (kode sekali pakai dari 'simoncer-central enroll'; hanya "
            "administrator). Bila berkas database belum ada, --enroll membuatnya (sebutkan --region; pengguna "
            "--user menjadi administrator pertamanya) lalu menerima seluruh data wilayahnya dari server."
        ),
    )
    add_db(p)
    p.add_argument(
        "--server",
        metavar="URL",
        help="alamat server pusat, mis. https://sinkron.dinsos.example.go.id (wajib saat --enroll; lalu tersimpan)",
    )
    p.add_argument(
        "--enroll",
        metavar="KODE",
        action=_EnrollAction,
        help="daftarkan perangkat ini dengan kode sekali pakai dari kantor Dinsos (hanya administrator); "
        "membuat database baru bila berkasnya belum ada",
    )
    p.add_argument("--name", metavar="NAMA", help="nama perangkat di server saat --enroll (default: nama komputer)")
    p.add_argument(
        "--ca-file",
        metavar="PEM",
        help="sertifikat CA (PEM) yang dipercaya untuk server ini, bila kantor memakai sertifikat sendiri; "
        "tersimpan untuk sinkronisasi berikutnya",
    )
    p.add_argument(
        "--region",
        help="hanya untuk database baru (dengan --enroll): kode kabupaten/kota, mis. 32.71",
    )
    p.add_argument(
        "--timeout", type=float, default=60.0, metavar="DETIK", help="batas waktu tiap permintaan (default 60)"
    )
    p.set_defaults(handler=cmd_sync, creates_database=False)


def cmd_sync(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.sync import client as sync_client
    from simoncer_desktop.sync import engine, hlc, state

    if db.identity is None:
        raise AuthError("Sinkronisasi hanya untuk pengguna yang sudah masuk.")
    with db.read() as session:
        current = state.load(session)
    ca_file = args.ca_file or current.ca_file
    try:
        if args.enroll:
            require(db.identity, "maintenance.run")
            server = args.server or current.server_url
            if not server:
                print("Sebutkan alamat server pusat dengan --server URL.", file=sys.stderr)
                return EXIT_ERROR
            client = sync_client.SyncClient(server, ca_file=ca_file, timeout=args.timeout)
            name = (args.name or socket.gethostname() or "Simoncer").strip()[:200]
            enrollment = client.enroll(args.enroll.strip(), name, __version__)
            with db.transaction() as session:
                reset = state.save_enrollment(
                    session, client.server_url, enrollment.device_id, name, enrollment.token, enrollment.scope, ca_file
                )
                hlc.set_device(session, enrollment.device_id)
                hlc.set_offset(session, hlc.offset_from_server(enrollment.server_time_ms, enrollment.local_ms))
            print(
                f"Perangkat '{name}' terdaftar di {client.server_url}: id {enrollment.device_id}, "
                f"wilayah {_scope(enrollment.scope)}."
                + (" Data wilayah akan diterima dari awal." if reset and current.enrolled else "")
            )
        else:
            if not current.enrolled or current.server_url is None:
                print(
                    "Database ini belum terdaftar di server pusat. Administrator mendaftarkannya dengan: "
                    "simoncer-cli sync --server URL --enroll KODE",
                    file=sys.stderr,
                )
                return EXIT_ERROR
            server = current.server_url
            moved = bool(args.server) and args.server.strip().rstrip("/") != server
            if moved or (args.ca_file and args.ca_file != current.ca_file):
                require(db.identity, "maintenance.run")  # the token must not be sent elsewhere by anyone
                server = sync_client.normalise_server_url(args.server or server)
                with db.transaction() as session:
                    state.set_server_url(session, server)
                    state.set_ca_file(session, ca_file)
            client = sync_client.SyncClient(server, current.token, ca_file=ca_file, timeout=args.timeout)
        with client:
            report = engine.sync_once(db, client)
    except sync_client.SyncError as exc:
        print(_failure_message(exc, db), file=sys.stderr)
        return EXIT_ERROR
    _print_report(report)
    return EXIT_OK


def _scope(scope: str) -> str:
    return "semua (kantor Dinsos)" if scope == "*" else scope


def _pending(db: Database) -> int:
    from simoncer_desktop.sync import outbox

    try:
        with db.read() as session:
            return outbox.count_pending(session)
    except Exception:
        return -1


def _failure_message(exc: Exception, db: Database) -> str:
    from simoncer_desktop.sync import client as c

    pending = _pending(db)
    queue = "antrean perubahan tetap disimpan"
    if pending >= 0:
        queue += f" ({thousands(pending)} menunggu)"
    if isinstance(exc, c.OfflineError):
        return f"Server tidak dapat dihubungi: {exc}. Coba lagi nanti; {queue}."
    if isinstance(exc, c.UnauthorizedError):
        return (
            f"Perangkat ini dicabut atau tidak dikenal oleh server ({exc}). Minta kode pendaftaran baru ke kantor "
            f"Dinsos lalu jalankan: simoncer-cli sync --enroll KODE; {queue}."
        )
    if isinstance(exc, c.SchemaTooOldError):
        minimum = f" (server memerlukan skema {exc.min_schema} atau lebih baru)" if exc.min_schema else ""
        return f"Versi aplikasi terlalu lama untuk server{minimum}: perbarui Simoncer; {queue}."
    if isinstance(exc, c.TlsError):
        return f"Gagal: {exc}"
    return f"Sinkronisasi gagal: {exc}; {queue}."


def _print_report(report: Any) -> None:
    pushed_detail = [f"{thousands(report.applied)} diterima"]
    if report.merged:
        pushed_detail.append(f"{thousands(report.merged)} konflik (nilai lama disimpan di log konflik server)")
    if report.rejected:
        pushed_detail.append(f"{thousands(report.rejected)} ditolak (tetap di antrean, ditandai bermasalah)")
    if report.duplicate:
        pushed_detail.append(f"{thousands(report.duplicate)} duplikat")
    if report.poisoned - report.rejected:
        pushed_detail.append(f"{thousands(report.poisoned - report.rejected)} bermasalah")
    print(f"Menunggu sebelum sinkronisasi: {thousands(report.pending_before)} perubahan")
    print(f"Dikirim: {thousands(report.pushed)} perubahan ({', '.join(pushed_detail)})")
    pulled = f"Diterima: {thousands(report.pulled)} perubahan dari server"
    if report.fields_kept_local:
        pulled += f" ({thousands(report.fields_kept_local)} nilai lokal yang lebih baru dipertahankan)"
    if report.unapplied:
        pulled += f"; {thousands(report.unapplied)} tidak dapat diterapkan"
    print(pulled)
    queue = f"Antrean: {thousands(report.pending_after)} menunggu"
    if report.poison_total:
        queue += f", {thousands(report.poison_total)} bermasalah (tidak dikirim)"
    print(queue)
    _print_notices(report.notices)


def _print_notices(notices: Sequence[Any]) -> None:
    for notice in notices[:MAX_NOTICES_SHOWN]:
        label = NOTICE_LABELS.get(notice.kind, notice.kind)
        print(f"  {label}: {notice.tbl} {notice.row_id}: {notice.message}")
    if len(notices) > MAX_NOTICES_SHOWN:
        print(f"  … dan {thousands(len(notices) - MAX_NOTICES_SHOWN)} lainnya")
