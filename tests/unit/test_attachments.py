"""Attachments: photos normalised and stored by content next to the database, PDF scans as they are,
everything else refused; missing files reported, not raised. Files are stored encrypted (see
``test_file_encryption``): their content is read through ``read_attachment``."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from simoncer_desktop.errors import NotFoundError, ValidationError
from simoncer_desktop.models import Attachment, Victim
from simoncer_desktop.security.files import is_sealed
from simoncer_desktop.services import attachments as att
from simoncer_desktop.store import Database
from tests.relief_rows import FamilySpec, make_event, make_family

EVENT = "kejadian"


@pytest.fixture
def event_id(db: Database) -> str:
    with db.transaction() as s:
        return make_event(s).id


def photo(path: Path, size: tuple[int, int], fmt: str = "JPEG", mode: str = "RGB", **save: object) -> Path:
    image = Image.new(mode, size, (200, 60, 30, 128)[: len(mode)] if mode != "L" else 128)
    for x in range(0, size[0], max(1, size[0] // 20)):  # some detail, so the encoder has work to do
        image.putpixel((x, size[1] // 2), (0, 0, 0, 255)[: len(mode)] if mode != "L" else 0)
    image.save(path, fmt, **save)
    return path


def add(db: Database, event_id: str, source: Path, caption: str = "") -> str:
    with db.transaction() as s:
        return att.add_attachment(s, EVENT, event_id, source, "operator uji", caption)


def stored_files(db: Database) -> list[Path]:
    root = db.path.parent / "attachments"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_a_large_photo_is_scaled_down_and_stored_by_its_content(db: Database, event_id: str, tmp_path: Path) -> None:
    source = photo(tmp_path / "rumah rusak.JPG", (4000, 3000), quality=95)
    attachment_id = add(db, event_id, source, "  Rumah   Bapak Ujang ")
    with db.read() as s:
        [view] = att.attachments_of(s, EVENT, event_id)
        assert att.attachments_root(s) == db.path.parent.resolve() / "attachments"
    assert view.id == attachment_id
    assert (view.width, view.height) == (1600, 1200)
    assert view.media_type == "image/jpeg" and view.is_image and view.exists
    assert view.file_name == "rumah rusak.JPG" and view.caption == "Rumah Bapak Ujang"
    assert view.added_by == "operator uji"
    with db.read() as s:
        data = att.read_attachment(s, view)
    digest = hashlib.sha256(data).hexdigest()
    assert view.path == db.path.parent.resolve() / "attachments" / digest[:2] / f"{digest}.jpg"
    assert view.sha256 == digest and is_sealed(view.path.read_bytes())
    assert view.size_bytes == len(data) < source.stat().st_size
    with Image.open(io.BytesIO(data)) as stored:
        assert stored.size == (1600, 1200) and stored.format == "JPEG"
    assert not [p for p in view.path.parent.iterdir() if p.name.endswith(".tmp")]


def test_exif_orientation_is_applied(db: Database, event_id: str, tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was turned: rotate 90° clockwise to show it upright
    source = photo(tmp_path / "tegak.jpg", (300, 100), exif=exif.tobytes())
    add(db, event_id, source)
    with db.read() as s:
        [view] = att.attachments_of(s, EVENT, event_id)
    assert (view.width, view.height) == (100, 300)
    with Image.open(io.BytesIO(att.read_attachment(db.key, view))) as stored:
        assert stored.size == (100, 300)
        assert stored.getexif().get(0x0112) is None


def test_a_transparent_png_stays_png_and_the_type_comes_from_the_content(
    db: Database, event_id: str, tmp_path: Path
) -> None:
    add(db, event_id, photo(tmp_path / "peta.jpg", (2000, 500), "PNG", "RGBA"))  # a PNG named .jpg
    add(db, event_id, photo(tmp_path / "denah.png", (200, 100), "PNG", "RGB"))  # no transparency → JPEG
    add(db, event_id, photo(tmp_path / "posko.webp", (800, 600), "WEBP"))
    with db.read() as s:
        views = att.attachments_of(s, EVENT, event_id)
    assert [(v.file_name, v.media_type, v.width, v.height) for v in views] == [
        ("peta.jpg", "image/png", 1600, 400),
        ("denah.png", "image/jpeg", 200, 100),
        ("posko.webp", "image/jpeg", 800, 600),
    ]
    assert views[0].path.suffix == ".png" and views[1].path.suffix == ".jpg"


def test_the_same_file_twice_is_stored_once(db: Database, event_id: str, tmp_path: Path) -> None:
    source = photo(tmp_path / "a.jpg", (640, 480))
    copy = tmp_path / "salinan.jpg"
    copy.write_bytes(source.read_bytes())
    first, second = add(db, event_id, source), add(db, event_id, copy, "salinan")
    assert first != second
    with db.read() as s:
        views = att.attachments_of(s, EVENT, event_id)
    assert [v.id for v in views] == [first, second]
    assert views[0].path == views[1].path
    assert stored_files(db) == [views[0].path]


def test_a_pdf_scan_is_stored_as_it_is(db: Database, event_id: str, tmp_path: Path) -> None:
    source = tmp_path / "surat keterangan.pdf"
    source.write_bytes(b"%PDF-1.4\n% pindaian uji\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
    add(db, event_id, source)
    with db.read() as s:
        [view] = att.attachments_of(s, EVENT, event_id)
    assert view.media_type == "application/pdf" and not view.is_image
    assert (view.width, view.height) == (None, None)
    assert view.path.suffix == ".pdf" and att.read_attachment(db.key, view) == source.read_bytes()
    assert view.path.read_bytes() != source.read_bytes()  # stored encrypted


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("catatan.txt", b"hanya teks biasa", "Berkas 'catatan.txt' bukan foto atau pindaian PDF"),
        ("palsu.jpg", b"<html>bukan foto</html>", "Berkas 'palsu.jpg' bukan foto atau pindaian PDF"),
        ("kosong.png", b"", "Berkas 'kosong.png' bukan foto atau pindaian PDF"),
    ],
)
def test_anything_but_a_photo_or_pdf_is_refused(
    db: Database, event_id: str, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    with pytest.raises(ValidationError) as exc, db.transaction() as s:
        att.add_attachment(s, EVENT, event_id, source, "operator uji")
    assert str(exc.value) == message and exc.value.errors[0].field == "source"
    with db.read() as s:
        assert s.query(Attachment).count() == 0
    assert stored_files(db) == []


def test_a_file_over_15_mb_is_refused_before_it_is_read(db: Database, event_id: str, tmp_path: Path) -> None:
    source = tmp_path / "besar.jpg"
    with source.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(att.MAX_INPUT_BYTES + 1)
    with pytest.raises(ValidationError, match=r"Berkas 'besar\.jpg' terlalu besar \(15,0 MB\); paling besar 15 MB"):
        add(db, event_id, source)
    assert stored_files(db) == []


def test_a_damaged_photo_is_refused(db: Database, event_id: str, tmp_path: Path) -> None:
    whole = photo(tmp_path / "utuh.jpg", (1200, 900), quality=95).read_bytes()
    broken = tmp_path / "rusak.jpg"
    broken.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(ValidationError, match=r"Foto 'rusak\.jpg' rusak atau tidak dapat dibaca"):
        add(db, event_id, broken)
    missing = tmp_path / "tidak-ada.jpg"
    with pytest.raises(ValidationError, match=r"Berkas 'tidak-ada\.jpg' tidak ditemukan"):
        add(db, event_id, missing)
    assert stored_files(db) == []


def test_the_owner_must_exist(db: Database, event_id: str, tmp_path: Path) -> None:
    source = photo(tmp_path / "a.jpg", (50, 50))
    with pytest.raises(NotFoundError, match="Korban dengan id 'tidak-ada' tidak ditemukan"), db.transaction() as s:
        att.add_attachment(s, "korban", "tidak-ada", source, "operator uji")
    with pytest.raises(ValidationError, match="Jenis pemilik lampiran 'rumah' tidak dikenal"), db.transaction() as s:
        att.add_attachment(s, "rumah", event_id, source, "operator uji")
    with pytest.raises(ValidationError, match="Nama operator wajib diisi"), db.transaction() as s:
        att.add_attachment(s, EVENT, event_id, source, "  ")
    assert stored_files(db) == []


def test_families_and_victims_own_attachments_too(db: Database, tmp_path: Path) -> None:
    with db.transaction() as s:
        event = make_event(s)
        family_id = make_family(s, event, 1, FamilySpec("Ujang Supriatna")).id
        victim_id = s.scalars(select(Victim.id).where(Victim.family_id == family_id)).one()
        att.add_attachment(s, "keluarga_terdampak", family_id, photo(tmp_path / "kk.jpg", (80, 60)), "operator uji")
        att.add_attachment(s, "korban", victim_id, photo(tmp_path / "luka.jpg", (60, 80)), "operator uji")
    with db.read() as s:
        assert [v.file_name for v in att.attachments_of(s, "keluarga_terdampak", family_id)] == ["kk.jpg"]
        assert [v.file_name for v in att.attachments_of(s, "korban", victim_id)] == ["luka.jpg"]
        assert att.attachments_of(s, EVENT, event.id) == []
        assert {a.scope for a in s.query(Attachment)} == {event.scope}


def test_a_missing_file_is_reported_not_raised(db: Database, event_id: str, tmp_path: Path) -> None:
    kept = add(db, event_id, photo(tmp_path / "ada.jpg", (100, 80)))
    lost = add(db, event_id, photo(tmp_path / "hilang.jpg", (90, 70)))
    with db.read() as s:
        by_id = {v.id: v for v in att.attachments_of(s, EVENT, event_id)}
    by_id[lost].path.unlink()
    with db.read() as s:
        views = {v.id: v for v in att.attachments_of(s, EVENT, event_id)}
        missing = att.missing_attachments(s)
    assert views[kept].exists and not views[lost].exists
    assert [v.file_name for v in missing] == ["hilang.jpg"]
    add(db, event_id, tmp_path / "hilang.jpg")  # attaching it again restores the file
    with db.read() as s:
        assert att.missing_attachments(s) == []
