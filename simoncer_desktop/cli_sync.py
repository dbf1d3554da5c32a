"""``simoncer-cli sync``: sinkronisasi dengan server pusat Dinsos, dan pendaftaran perangkat (``--enroll``).

- ``sync --db PATH`` (any signed-in role: sync only moves what the user's role already wrote): push the
  outbox, pull the scope's changes, print the counts and what the server refused. Meant for a scheduled task
  as well as by hand.
- ``sync --db PATH --server URL --enroll CODE [--ca-file PEM] [--name NAME]`` (administrators): trade the
  one-time code from ``simoncer-central enroll`` for a device token bound to a scope, store it in
  ``sync_state``, stamp later changes with the issued device id, then sync once. When the database file does
  not exist yet the code alone is the authority: the encrypted file is created with no local user (the
  recovery key is printed once) and the first sync brings the whole scope with its users, who then sign in
  offline with the passwords of their accounts (``sync.users``).

- ``sync --db PATH --export-outbox FILE``: write every pending and poison op to FILE (gzip JSON, see
  ``sync.export``) without contacting the server — for an app too old for the server (426); the office
  imports the file with ``simoncer-central import-outbox``. Prints the count.

Exit 0 when the run finished (refused ops are listed, not an error); 1 with a Bahasa message when it did not
(offline, revoked, app too old, TLS, refused): the outbox is always kept.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from simoncer_desktop.cli_common import EXIT_ERROR, EXIT_OK, add_db, thousands
from simoncer_desktop.errors import AuthError, SimoncerError
from simoncer_desktop.services.permissions import require
from simoncer_desktop.store import Database

MAX_NOTICES_SHOWN = 20

NOTICE_LABELS = {
    "duplicate": "duplikat",
    "poison": "ditolak/bermasalah",
    "unapplied": "tidak dapat diterapkan",
}


class _EnrollAction(argparse.Action):
    """``--enroll CODE`` may run without a database: a missing file is created for the enrolled device,
    with no local user (:func:`_enroll_new_database`)."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option: str | None = None
    ) -> None:
        setattr(namespace, self.dest, values)
        namespace.works_without_database = True


def add_commands(sub: Any) -> None:
    p = sub.add_parser(
        "sync",
        help="sinkronkan dengan server pusat Dinsos (daftarkan perangkat lebih dulu dengan --enroll)",
        description=(
            "Kirim perubahan yang menunggu di antrean ke server pusat lalu terima perubahan wilayah perangkat ini. "
            "Pertama kali: --server URL --enroll KODE (kode sekali pakai dari 'simoncer-central enroll'; hanya "
            "administrator). Bila berkas database belum ada, --enroll membuatnya tanpa pengguna lokal lalu menerima "
            "seluruh data wilayahnya, termasuk akun pengguna, dari server; pengguna lalu masuk dengan akunnya."
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
        "--export-outbox",
        metavar="BERKAS",
        help="tulis semua perubahan yang belum terkirim (termasuk yang bermasalah) ke BERKAS (json.gz) tanpa "
        "menghubungi server, untuk diimpor kantor Dinsos bila aplikasi ini terlalu lama untuk server",
    )
    p.add_argument(
        "--timeout", type=float, default=60.0, metavar="DETIK", help="batas waktu tiap permintaan (default 60)"
    )
    p.set_defaults(handler=cmd_sync, works_without_database=False)


def cmd_sync(args: argparse.Namespace, db: Database | None) -> int:
    from simoncer_desktop.sync import client as sync_client
    from simoncer_desktop.sync import engine, enrollment, state
    from simoncer_desktop.sync.new_laptop import default_device_name

    if db is None:
        return _enroll_new_database(args)
    if db.identity is None:
        raise AuthError("Sinkronisasi hanya untuk pengguna yang sudah masuk.")
    with db.read() as session:
        current = state.load(session)
    ca_file = args.ca_file or current.ca_file
    if args.export_outbox:
        return _export(db, args.export_outbox)
    try:
        if args.enroll:
            require(db.identity, "maintenance.run")
            server = args.server or current.server_url
            if not server:
                print("Sebutkan alamat server pusat dengan --server URL.", file=sys.stderr)
                return EXIT_ERROR
            client = sync_client.SyncClient(server, ca_file=ca_file, timeout=args.timeout)
            name = (args.name or "").strip()[:200] or default_device_name()
            result = enrollment.enroll_device(
                db, client, args.enroll, name, server_url=client.server_url, ca_file=ca_file
            )
            print(
                f"Perangkat '{result.name}' terdaftar di {result.server_url}: id {result.device_id}, "
                f"wilayah {_scope(result.scope)}."
                + (" Data wilayah akan diterima dari awal." if result.cursor_reset and current.enrolled else "")
            )
            if result.dropped_ops:
                print(
                    f"{thousands(result.dropped_ops)} perubahan data referensi/akun kantor (wilayah semua) dihapus "
                    "dari antrean: data itu milik kantor Dinsos dan diterima dari server."
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


def _enroll_new_database(args: argparse.Namespace) -> int:
    """``--enroll`` into a database file that does not exist yet: the one-time code is the authority (no
    local user signs in). Trade the code (the server issues the scope), create the encrypted database with
    no user, store the enrollment, take the whole scope (users with their password hashes included) and
    print the recovery key once — what the first-run wizard does (``sync.new_laptop``). Users then sign in
    offline with the accounts made at the Dinsos office."""
    from simoncer_desktop.sync import new_laptop
    from simoncer_desktop.sync.client import SyncError

    path = Path(args.db_path)
    if args.export_outbox:
        print(f"Database {path} tidak ada: tidak ada antrean untuk diekspor.", file=sys.stderr)
        return EXIT_ERROR
    if not args.server:
        print("Sebutkan alamat server pusat dengan --server URL.", file=sys.stderr)
        return EXIT_ERROR
    code = (args.enroll or "").strip()
    if not code:
        print("Kode pendaftaran kosong: masukkan kode sekali pakai dari kantor Dinsos.", file=sys.stderr)
        return EXIT_ERROR
    try:
        made = new_laptop.create_enrolled(
            path,
            args.server,
            code,
            args.name or "",
            ca_file=args.ca_file,
            timeout=args.timeout,
            region_code=args.region,
        )
    except SyncError as exc:
        print(f"Pendaftaran gagal: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except SimoncerError as exc:  # the folder cannot be written, or a key file is in the way
        print(str(exc), file=sys.stderr)
        return EXIT_ERROR
    db, result = made.database, made.enrollment
    try:
        print(
            f"Database baru {path} dibuat dan terdaftar di {result.server_url}: perangkat '{result.name}', "
            f"id {result.device_id}, wilayah {_scope(result.scope)}."
        )
        print(
            "KUNCI PEMULIHAN (simpan di tempat aman, hanya ditampilkan sekali; membuka database bila semua "
            f"kata sandi hilang): {made.recovery_key}",
            file=sys.stderr,
        )
        try:
            report = new_laptop.first_sync(db, timeout=args.timeout)
        except new_laptop.NoUsersError as exc:
            _print_report(exc.report)
            print(str(exc), file=sys.stderr)
            return EXIT_OK
        _print_report(report)
        print("Database siap. Masuk dengan akun dari kantor Dinsos (bisa tanpa koneksi).")
    except SyncError as exc:
        print(
            f"{_failure_message(exc, db)} Database sudah dibuat dan terdaftar; jalankan lagi "
            f"'simoncer-cli sync --db {path}' untuk menerima data wilayahnya.",
            file=sys.stderr,
        )
        return EXIT_ERROR
    finally:
        db.close()
    return EXIT_OK


def _export(db: Database, path: str) -> int:
    from simoncer_desktop.sync.export import ExportError, export_outbox

    try:
        count = export_outbox(db, path)
    except ExportError as exc:
        print(f"Ekspor antrean gagal: {exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"{thousands(count)} perubahan dari antrean diekspor ke {path}.")
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
        return f"{exc} ({thousands(pending)} perubahan menunggu)" if pending >= 0 else str(exc)
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
    if report.clock_warning:
        print(f"Peringatan: {report.clock_warning}")
    _print_notices(report.notices)


def _print_notices(notices: Sequence[Any]) -> None:
    for notice in notices[:MAX_NOTICES_SHOWN]:
        label = NOTICE_LABELS.get(notice.kind, notice.kind)
        print(f"  {label}: {notice.tbl} {notice.row_id}: {notice.message}")
    if len(notices) > MAX_NOTICES_SHOWN:
        print(f"  … dan {thousands(len(notices) - MAX_NOTICES_SHOWN)} lainnya")
