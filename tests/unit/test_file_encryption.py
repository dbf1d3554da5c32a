"""Encryption at rest of attachment files: AES-GCM seal (security.files), every attachment written
sealed, read back only through read_attachment (decrypted and checked), legacy plain files still read."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
from PIL import Image

from simoncer_desktop.errors import NotFoundError, SimoncerError, ValidationError
from simoncer_desktop.security import files
from simoncer_desktop.services import attachments as att
from simoncer_desktop.store import Database
from tests.relief_rows import make_event

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
AAD = hashlib.sha256(b"isi").hexdigest().encode()
MARKER = b"NIK 3271010101900001 RAHASIA"
EVENT = "kejadian"


# --- security.files ----------------------------------------------------------------------------------


def test_seal_round_trip_with_prefix_and_a_fresh_nonce() -> None:
    blob = files.encrypt_bytes(KEY, MARKER, AAD)
    again = files.encrypt_bytes(KEY, MARKER, AAD)
    assert blob.startswith(b"SMCF1") and files.is_sealed(blob)
    assert len(blob) == 5 + 12 + len(MARKER) + 16
    assert MARKER not in blob and blob != again  # random nonce: the same content seals differently
    assert files.decrypt_bytes(KEY, blob, AAD) == MARKER == files.decrypt_bytes(KEY, again, AAD)
    assert not files.is_sealed(b"\xff\xd8\xff\xe0 jpeg") and not files.is_sealed(b"")


def test_the_sub_key_is_not_the_data_key() -> None:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    blob = files.encrypt_bytes(KEY, MARKER, AAD)
    with pytest.raises(Exception):  # noqa: B017 - InvalidTag: AES-GCM under the raw data key fails
        AESGCM(KEY).decrypt(blob[5:17], blob[17:], AAD)


@pytest.mark.parametrize(
    ("key", "mutate", "aad"),
    [
        (OTHER_KEY, lambda b: b, AAD),  # another database's key
        (KEY, lambda b: b[:-1] + bytes([b[-1] ^ 1]), AAD),  # tag altered
        (KEY, lambda b: b[:20] + bytes([b[20] ^ 1]) + b[21:], AAD),  # ciphertext altered
        (KEY, lambda b: b, hashlib.sha256(b"lain").hexdigest().encode()),  # swapped for another file
    ],
)
def test_a_wrong_key_or_altered_file_is_refused_in_bahasa(key: bytes, mutate: object, aad: bytes) -> None:
    blob = mutate(files.encrypt_bytes(KEY, MARKER, AAD))  # type: ignore[operator]
    with pytest.raises(files.SealedFileError, match=r"kuncinya berbeda .* rusak/telah diubah") as exc:
        files.decrypt_bytes(key, blob, aad)
    assert isinstance(exc.value, SimoncerError)


def test_short_plain_and_bad_key_inputs_are_refused() -> None:
    with pytest.raises(files.SealedFileError, match="terpotong"):
        files.decrypt_bytes(KEY, b"SMCF1" + b"\x00" * 20, AAD)
    with pytest.raises(files.SealedFileError, match="bukan berkas terenkripsi"):
        files.decrypt_bytes(KEY, MARKER, AAD)
    with pytest.raises(files.SealedFileError, match="32 byte"):
        files.encrypt_bytes(b"pendek", MARKER, AAD)


# --- attachments -------------------------------------------------------------------------------------


@pytest.fixture
def event_id(db: Database) -> str:
    with db.transaction() as s:
        return make_event(s).id


def jpeg(path: Path, size: tuple[int, int] = (320, 240)) -> Path:
    Image.new("RGB", size, (200, 60, 30)).save(path, "JPEG")
    return path


def scan(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\n% " + MARKER + b"\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
    return path


def add(db: Database, event_id: str, source: Path) -> att.AttachmentView:
    with db.transaction() as s:
        attachment_id = att.add_attachment(s, EVENT, event_id, source, "operator uji")
    with db.read() as s:
        return next(v for v in att.attachments_of(s, EVENT, event_id) if v.id == attachment_id)


def test_stored_files_hold_no_plain_content_and_read_back_exactly(db: Database, event_id: str, tmp_path: Path) -> None:
    photo = add(db, event_id, jpeg(tmp_path / "rumah.jpg"))
    pdf_source = scan(tmp_path / "kk.pdf")
    pdf = add(db, event_id, pdf_source)

    for view in (photo, pdf):
        stored = view.path.read_bytes()
        assert files.is_sealed(stored)
        assert b"\xff\xd8\xff" not in stored[:64] and b"%PDF" not in stored and MARKER not in stored
        assert b"JFIF" not in stored
    with db.read() as s:
        photo_bytes = att.read_attachment(s, photo)
        pdf_bytes = att.read_attachment(s, pdf)
    assert photo_bytes.startswith(b"\xff\xd8\xff") and pdf_bytes == pdf_source.read_bytes()
    # content-addressed by the plain sha256; size is the plain size
    assert photo.path.name == f"{hashlib.sha256(photo_bytes).hexdigest()}.jpg" == f"{photo.sha256}.jpg"
    assert photo.size_bytes == len(photo_bytes)
    with Image.open(io.BytesIO(photo_bytes)) as image:
        assert image.size == (320, 240)
    # the key the view was listed with, or the key itself, work without a session
    assert att.read_attachment(None, photo) == att.read_attachment(db.key, photo) == photo_bytes
    assert repr(db.key) not in repr(photo)


def test_the_same_photo_twice_is_stored_once_even_though_seals_differ(
    db: Database, event_id: str, tmp_path: Path
) -> None:
    source = jpeg(tmp_path / "a.jpg")
    first = add(db, event_id, source)
    before = first.path.read_bytes()
    second = add(db, event_id, source)
    assert first.path == second.path and first.path.read_bytes() == before  # not rewritten
    assert [p for p in first.path.parent.iterdir()] == [first.path]


def test_a_tampered_file_is_refused_with_a_message(db: Database, event_id: str, tmp_path: Path) -> None:
    view = add(db, event_id, jpeg(tmp_path / "foto.jpg"))
    blob = bytearray(view.path.read_bytes())
    blob[40] ^= 0x01
    view.path.write_bytes(bytes(blob))
    with db.read() as s, pytest.raises(files.SealedFileError, match=r"Lampiran 'foto\.jpg' tidak dapat dibuka"):
        att.read_attachment(s, view)


def test_a_file_swapped_for_another_attachment_is_refused(db: Database, event_id: str, tmp_path: Path) -> None:
    a = add(db, event_id, jpeg(tmp_path / "a.jpg", (100, 100)))
    b = add(db, event_id, jpeg(tmp_path / "b.jpg", (120, 90)))
    a.path.write_bytes(b.path.read_bytes())  # valid seal, but for another content address
    with db.read() as s, pytest.raises(files.SealedFileError, match="tidak dapat dibuka"):
        att.read_attachment(s, a)


def test_a_file_sealed_by_another_database_is_refused(db: Database, event_id: str, tmp_path: Path) -> None:
    view = add(db, event_id, jpeg(tmp_path / "foto.jpg"))
    with pytest.raises(files.SealedFileError, match="berasal dari database lain"):
        att.read_attachment(OTHER_KEY, view)


def test_a_legacy_plain_file_is_still_read_and_can_be_sealed(db: Database, event_id: str, tmp_path: Path) -> None:
    view = add(db, event_id, scan(tmp_path / "lama.pdf"))
    plain = scan(tmp_path / "x.pdf").read_bytes()
    view.path.write_bytes(plain)  # as written before encryption
    with db.read() as s:
        assert att.read_attachment(s, view) == plain
        view.path.write_bytes(plain + b"diubah")
        with pytest.raises(files.SealedFileError, match="hash tidak cocok"):
            att.read_attachment(s, view)
        view.path.write_bytes(plain)
        assert att.seal_plain_files(s) == 1
        assert att.seal_plain_files(s) == 0
        assert files.is_sealed(view.path.read_bytes()) and att.read_attachment(s, view) == plain


def test_attaching_again_replaces_a_plain_copy_with_a_sealed_one(db: Database, event_id: str, tmp_path: Path) -> None:
    source = scan(tmp_path / "surat.pdf")
    view = add(db, event_id, source)
    view.path.write_bytes(source.read_bytes())
    add(db, event_id, source)
    assert files.is_sealed(view.path.read_bytes())


def test_without_the_key_nothing_is_written_or_decrypted(db: Database, event_id: str, tmp_path: Path) -> None:
    view = add(db, event_id, jpeg(tmp_path / "foto.jpg"))
    with pytest.raises(ValidationError, match="Kunci enkripsi lampiran tidak tersedia"), db.transaction() as s:
        s.info.pop(files.SESSION_KEY, None)
        att.add_attachment(s, EVENT, event_id, jpeg(tmp_path / "baru.jpg", (50, 50)), "operator uji")
    assert len([p for p in (db.path.parent / "attachments").rglob("*") if p.is_file()]) == 1
    with db.read() as s:
        s.info.pop(files.SESSION_KEY, None)
        with pytest.raises(files.SealedFileError, match="Kunci enkripsi lampiran tidak tersedia"):
            att.read_attachment(s, view)


def test_a_missing_file_is_reported_when_read(db: Database, event_id: str, tmp_path: Path) -> None:
    view = add(db, event_id, jpeg(tmp_path / "hilang.jpg"))
    view.path.unlink()
    with db.read() as s, pytest.raises(NotFoundError, match=r"Berkas 'hilang\.jpg' hilang"):
        att.read_attachment(s, view)


def test_a_decrypted_copy_for_the_system_viewer(db: Database, event_id: str, tmp_path: Path) -> None:
    view = add(db, event_id, scan(tmp_path / "surat keterangan.PDF"))
    with db.read() as s:
        copy = att.decrypted_copy(s, view, tmp_path / "sementara")
        default = att.decrypted_copy(s, view)
    assert copy == tmp_path / "sementara" / view.id / "surat keterangan.pdf"
    assert copy.read_bytes() == default.read_bytes() == scan(tmp_path / "y.pdf").read_bytes()
    assert default.parent.parent.name.startswith("simoncer-lampiran-")
    if os.name == "posix":
        assert default.parent.parent.stat().st_mode & 0o077 == 0  # private to this user
