"""Photos and scans attached to relief records (an event, an affected family, a victim, a distribution).

Files live next to the database, content-addressed by the SHA-256 of the *plain* (normalised) bytes:
``<database folder>/attachments/<first 2 hex>/<sha256>.<ext>``. The same picture attached twice (or to
two records) is stored once; the ``Attachment`` row keeps the name the user chose, type, size (of the
plain content) and caption.

Encryption at rest: every file is written sealed with the database's data key (``security.files``:
AES-GCM, associated data = the sha256 hex, so a file cannot be swapped for another). The key reaches
this module through ``Session.info["simoncer.file_key"]``; without it nothing is written or decrypted.
Read a file only through :func:`read_attachment` (decrypts and checks the sha256) or
:func:`decrypted_copy` (a temporary plain copy for the system's viewer). A plain file from before
encryption (no ``SMCF1`` prefix) is still read; :func:`seal_plain_files` encrypts such files in place.

What is accepted (detected by content, never by the file name):

- images Pillow can read (JPEG, PNG, WebP, BMP, GIF, TIFF…): the EXIF orientation is applied, the
  picture is scaled down so its longest side is at most ``MAX_IMAGE_SIDE`` and re-encoded — JPEG
  quality 85, or PNG when it has transparency. Re-encoding also drops the EXIF block (with any GPS
  position of a victim's house) and makes the same picture give the same bytes;
- PDF scans (``%PDF-`` at the start), stored as they are;
- nothing larger than ``MAX_INPUT_BYTES``.

The file is written (temporary name, then ``os.replace``) before the row, so a row never points to a
half-written file; a rolled-back transaction leaves at most an unreferenced file, which is harmless.
A file that has gone missing is reported (``exists=False``, ``missing_attachments``), never raised.
"""

from __future__ import annotations

import atexit
import hashlib
import io
import os
import re
import shutil
import tempfile
import uuid
import warnings
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError, NotFoundError, ValidationError
from simoncer_desktop.models import AffectedFamily, Attachment, DisasterEvent, Distribution, Victim
from simoncer_desktop.models.enums import AttachmentOwner
from simoncer_desktop.security.files import SESSION_KEY, SealedFileError, decrypt_bytes, encrypt_bytes, is_sealed
from simoncer_desktop.services import acting
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from PIL import Image

MAX_INPUT_BYTES = 15 * 1024 * 1024
MAX_IMAGE_SIDE = 1600
JPEG_QUALITY = 85
MAX_CAPTION = 200
MAX_FILE_NAME = 260
ATTACHMENTS_FOLDER = "attachments"
PDF_MAGIC = b"%PDF-"

EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"}
"""Media type of a stored file → its extension in the store."""

OWNER_MODELS: dict[str, type[DisasterEvent | AffectedFamily | Victim | Distribution]] = {
    AttachmentOwner.EVENT: DisasterEvent,
    AttachmentOwner.FAMILY: AffectedFamily,
    AttachmentOwner.VICTIM: Victim,
    AttachmentOwner.DISTRIBUTION: Distribution,
}


@dataclass(frozen=True)
class AttachmentView:
    id: str
    file_name: str
    caption: str
    media_type: str
    size_bytes: int
    width: int | None
    height: int | None
    added_on: date
    added_by: str
    path: Path
    exists: bool
    sha256: str = ""
    """SHA-256 (hex) of the plain content: the file's name in the store and the associated data of its seal."""
    file_key: bytes | None = field(default=None, repr=False, compare=False)
    """The data key of the session that listed it, so a reader without a session (the PDF writer) can
    decrypt: ``read_attachment(view.file_key, view)``. Never shown or logged."""

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


@dataclass(frozen=True)
class _Stored:
    data: bytes
    media_type: str
    width: int | None
    height: int | None


def attachments_root(session: Session) -> Path:
    """``<folder of the database file>/attachments`` (not created here)."""
    database = session.get_bind().url.database
    if not database or database == ":memory:":
        raise ValidationError(translate("attachments", "Lampiran memerlukan database berupa berkas"), field="source")
    return Path(database).resolve().parent / ATTACHMENTS_FOLDER


def stored_path(root: Path, sha256: str, media_type: str) -> Path:
    return root / sha256[:2] / f"{sha256}.{EXTENSIONS.get(media_type, 'bin')}"


NO_KEY_MESSAGE = QT_TRANSLATE_NOOP(
    "attachments",
    "Kunci enkripsi lampiran tidak tersedia: buka database dengan masuk (nama pengguna dan kata sandi) dulu.",
)


def file_key(session_or_key: Session | bytes | None) -> bytes:
    """The data key from a session (``Session.info["simoncer.file_key"]``) or given as it is; refused
    (:class:`SealedFileError`, Bahasa) when there is none."""
    key = session_or_key.info.get(SESSION_KEY) if isinstance(session_or_key, Session) else session_or_key
    if not key:
        raise SealedFileError(translate("attachments", NO_KEY_MESSAGE))
    return bytes(key)


def add_attachment(
    session: Session, owner_kind: str, owner_id: str, source: Path, actor: str, caption: str = ""
) -> str:
    """Store ``source`` for the owner and return the new attachment's id; refused (``ValidationError``,
    nothing written) when the file is not a photo or PDF scan, too large or unreadable."""
    source = Path(source)
    owner = _owner(session, owner_kind, owner_id)
    acting.require(session, "attachment.add", kecamatan=owner.scope)
    caption = " ".join(caption.split())
    actor = actor.strip()
    if len(caption) > MAX_CAPTION:
        raise ValidationError(
            FieldError(
                "caption",
                translate("attachments", "Keterangan paling panjang {max_caption} karakter").format(
                    max_caption=MAX_CAPTION
                ),
            )
        )
    if not actor:
        raise ValidationError(FieldError("actor", translate("attachments", "Nama operator wajib diisi")))
    key = session.info.get(SESSION_KEY)
    if not key:
        raise ValidationError(FieldError("source", translate("attachments", NO_KEY_MESSAGE)))
    stored = _prepare(source)
    digest = hashlib.sha256(stored.data).hexdigest()
    root = attachments_root(session)
    _write_once(stored_path(root, digest, stored.media_type), stored.data, digest, bytes(key))
    row = Attachment(
        scope=owner.scope,
        owner_kind=str(owner_kind),
        owner_id=owner_id,
        sha256=digest,
        file_name=source.name[-MAX_FILE_NAME:],
        media_type=stored.media_type,
        size_bytes=len(stored.data),
        width=stored.width,
        height=stored.height,
        caption=caption,
        added_on=date.today(),
        added_by=actor,
    )
    session.add(row)
    session.flush()
    return row.id


def attachments_of(session: Session, owner_kind: str, owner_id: str) -> list[AttachmentView]:
    """The owner's live attachments, oldest first."""
    return attachments_of_many(session, owner_kind, [owner_id])


def attachments_of_many(session: Session, owner_kind: str, owner_ids: list[str]) -> list[AttachmentView]:
    """The live attachments of several owners of one kind (in batches), oldest first."""
    rows: list[Attachment] = []
    for start in range(0, len(owner_ids), 500):
        batch = owner_ids[start : start + 500]
        rows += session.scalars(
            select(Attachment).where(
                Attachment.owner_kind == str(owner_kind),
                Attachment.owner_id.in_(batch),
                Attachment.deleted.is_(False),
            )
        ).all()
    rows.sort(key=lambda a: (a.created_at, a.id))
    return _views(session, rows)


def missing_attachments(session: Session) -> list[AttachmentView]:
    """Every live attachment whose file is not in the store (deleted or never copied to this laptop)."""
    rows = session.scalars(
        select(Attachment).where(Attachment.deleted.is_(False)).order_by(Attachment.created_at, Attachment.id)
    ).all()
    return [view for view in _views(session, list(rows)) if not view.exists]


def _views(session: Session, rows: list[Attachment]) -> list[AttachmentView]:
    if not rows:
        return []
    root = attachments_root(session)
    key = session.info.get(SESSION_KEY)
    out = []
    for a in rows:
        path = stored_path(root, a.sha256, a.media_type)
        out.append(
            AttachmentView(
                id=a.id,
                file_name=a.file_name,
                caption=a.caption,
                media_type=a.media_type,
                size_bytes=a.size_bytes,
                width=a.width,
                height=a.height,
                added_on=a.added_on,
                added_by=a.added_by,
                path=path,
                exists=path.is_file(),
                sha256=a.sha256,
                file_key=bytes(key) if key else None,
            )
        )
    return out


# --- reading -----------------------------------------------------------------------------------------


def read_attachment(session_or_key: Session | bytes | None, view: AttachmentView) -> bytes:
    """The plain content of an attachment: decrypted with the data key (from the session, or the key
    itself; ``None`` uses the key the view was listed with) and checked against its sha256. A plain file
    from before encryption is read as it is (no key needed). Raises ``NotFoundError`` when the file is
    gone and :class:`SealedFileError` (Bahasa, naming the file) when it cannot be decrypted or its
    content does not match."""
    try:
        blob = view.path.read_bytes()
    except FileNotFoundError:
        raise NotFoundError(
            translate("attachments", "Berkas '{file_name}' hilang dari folder lampiran; lampirkan lagi.").format(
                file_name=view.file_name
            )
        ) from None
    except OSError as exc:
        raise SealedFileError(
            translate("attachments", "Berkas '{file_name}' tidak dapat dibaca: {strerror}").format(
                file_name=view.file_name, strerror=exc.strerror or exc
            )
        ) from None
    digest = view.sha256 or view.path.name.split(".")[0]
    if is_sealed(blob):
        key = file_key(view.file_key if session_or_key is None else session_or_key)
        try:
            data = decrypt_bytes(key, blob, digest.encode("ascii"))
        except SealedFileError:
            raise SealedFileError(
                translate(
                    "attachments",
                    "Lampiran '{file_name}' tidak dapat dibuka: berkasnya rusak "
                    "atau telah diubah, atau berasal dari database lain (kunci "
                    "berbeda).",
                ).format(file_name=view.file_name)
            ) from None
    else:
        data = blob  # written before encryption
    if hashlib.sha256(data).hexdigest() != digest:
        raise SealedFileError(
            translate("attachments", "Lampiran '{file_name}' rusak atau telah diubah (hash tidak cocok).").format(
                file_name=view.file_name
            )
        )
    return data


_TEMP_ROOT: Path | None = None
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def _temp_root() -> Path:
    """A private folder for decrypted copies, removed when the program ends."""
    global _TEMP_ROOT
    if _TEMP_ROOT is None or not _TEMP_ROOT.is_dir():
        _TEMP_ROOT = Path(tempfile.mkdtemp(prefix="simoncer-lampiran-"))
        atexit.register(shutil.rmtree, _TEMP_ROOT, True)
    return _TEMP_ROOT


def decrypted_copy(session_or_key: Session | bytes | None, view: AttachmentView, folder: Path | None = None) -> Path:
    """Write the plain content to a temporary file (for the system's viewer, which cannot read the
    sealed file) and return its path: ``<folder>/<attachment id>/<file name with the right extension>``.
    ``folder`` defaults to a private temporary folder (owner-only) removed when the program ends; the
    caller must tell the user that an unencrypted copy exists there."""
    data = read_attachment(session_or_key, view)
    stem = _UNSAFE_NAME.sub("_", Path(view.file_name).stem).strip(" .") or "lampiran"
    target_dir = (Path(folder) if folder is not None else _temp_root()) / view.id
    target = target_dir / f"{stem[:100]}.{EXTENSIONS.get(view.media_type, 'bin')}"
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        temp = target_dir / f".{uuid.uuid4().hex[:12]}.tmp"
        try:
            with temp.open("xb") as handle:
                handle.write(data)
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)
    except OSError as exc:
        raise SealedFileError(
            translate(
                "attachments", "Salinan sementara '{file_name}' tidak dapat dibuat di {target_dir}: {strerror}"
            ).format(file_name=view.file_name, target_dir=target_dir, strerror=exc.strerror or exc)
        ) from exc
    return target


def seal_plain_files(session: Session) -> int:
    """Encrypt in place every attachment file still stored plain (from before encryption) whose content
    matches its sha256; return how many were sealed. A damaged plain file is left as it is (reported as
    unreadable when opened)."""
    key = file_key(session)
    root = attachments_root(session)
    sealed = 0
    for sha, media_type in session.execute(select(Attachment.sha256, Attachment.media_type).distinct()).all():
        path = stored_path(root, sha, media_type)
        try:
            with path.open("rb") as handle:
                if is_sealed(handle.read(8)):
                    continue
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() != sha:
            continue
        _replace(path, encrypt_bytes(key, data, sha.encode("ascii")))
        sealed += 1
    return sealed


# --- checks ------------------------------------------------------------------------------------------


def _owner(session: Session, owner_kind: str, owner_id: str) -> DisasterEvent | AffectedFamily | Victim | Distribution:
    model = OWNER_MODELS.get(owner_kind)
    if model is None:
        kinds = ", ".join(k.value for k in AttachmentOwner)
        raise ValidationError(
            FieldError(
                "owner_kind",
                translate("attachments", "Jenis pemilik lampiran '{owner_kind}' tidak dikenal ({kinds})").format(
                    owner_kind=owner_kind, kinds=kinds
                ),
            )
        )
    owner = session.get(model, owner_id)
    if owner is None or owner.deleted:
        label = AttachmentOwner(owner_kind).label
        raise NotFoundError(
            translate("attachments", "{label} dengan id '{owner_id}' tidak ditemukan").format(
                label=label, owner_id=owner_id
            )
        )
    return owner


def _prepare(source: Path) -> _Stored:
    """The bytes to store for ``source``: a PDF as it is, an image normalised; else refused."""
    from PIL import Image, UnidentifiedImageError  # imported on first use: ~80 ms the window need not pay at start

    name = source.name

    def refuse(message: str) -> ValidationError:
        return ValidationError(FieldError("source", message))

    try:
        size = source.stat().st_size
        if not source.is_file():
            raise refuse(translate("attachments", "'{name}' bukan berkas").format(name=name))
        if size > MAX_INPUT_BYTES:
            megabytes = f"{size / 1024 / 1024:.1f}".replace(".", ",")
            raise refuse(
                translate(
                    "attachments", "Berkas '{name}' terlalu besar ({megabytes} MB); paling besar {limit} MB"
                ).format(name=name, megabytes=megabytes, limit=MAX_INPUT_BYTES // 1024 // 1024)
            )
        data = source.read_bytes()
    except FileNotFoundError:
        raise refuse(translate("attachments", "Berkas '{name}' tidak ditemukan").format(name=name)) from None
    except OSError as exc:
        raise refuse(
            translate("attachments", "Berkas '{name}' tidak dapat dibaca: {strerror}").format(
                name=name, strerror=exc.strerror or exc
            )
        ) from None
    if len(data) > MAX_INPUT_BYTES:  # grew since stat
        raise refuse(
            translate("attachments", "Berkas '{name}' terlalu besar; paling besar {limit} MB").format(
                name=name, limit=MAX_INPUT_BYTES // 1024 // 1024
            )
        )
    if data.startswith(PDF_MAGIC):
        return _Stored(data, "application/pdf", None, None)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except (UnidentifiedImageError, Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise refuse(
            translate("attachments", "Berkas '{name}' bukan foto atau pindaian PDF").format(name=name)
        ) from None
    except (OSError, ValueError, SyntaxError):
        raise refuse(
            translate("attachments", "Foto '{name}' rusak atau tidak dapat dibaca").format(name=name)
        ) from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return _normalise(image)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise refuse(
            translate("attachments", "Foto '{name}' terlalu besar ukuran pikselnya").format(name=name)
        ) from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise refuse(
            translate("attachments", "Foto '{name}' rusak atau tidak dapat dibaca").format(name=name)
        ) from None
    finally:
        image.close()


def _normalise(image: Image.Image) -> _Stored:
    """Upright, at most ``MAX_IMAGE_SIDE`` on the longest side, JPEG (PNG when transparent)."""
    from PIL import Image, ImageOps

    image.draft("RGB", (MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))  # JPEG: decode at a reduced scale when it can
    image.load()
    upright = ImageOps.exif_transpose(image) or image
    alpha = upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info)
    picture = upright.convert("RGBA" if alpha else "RGB")
    if max(picture.size) > MAX_IMAGE_SIDE:
        picture.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if alpha:
        picture.save(out, "PNG", optimize=True)
        media_type = "image/png"
    else:
        picture.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
        media_type = "image/jpeg"
    return _Stored(out.getvalue(), media_type, picture.width, picture.height)


def _write_once(path: Path, data: bytes, digest: str, key: bytes) -> None:
    """Put ``data`` sealed under ``key`` at ``path`` unless a sealed file with the same content is already
    there (temp name, then rename). A plain legacy copy, a damaged one or one sealed with another key is
    replaced."""
    if path.is_file():
        try:
            blob = path.read_bytes()
            if is_sealed(blob) and _sha(decrypt_bytes(key, blob, digest.encode("ascii"))) == digest:
                return
        except (OSError, SealedFileError):
            pass  # unreadable or not ours: write it again
    try:
        _replace(path, encrypt_bytes(key, data, digest.encode("ascii")))
    except OSError as exc:
        raise ValidationError(
            FieldError(
                "source",
                translate("attachments", "Lampiran tidak dapat disimpan di {parent}: {strerror}").format(
                    parent=path.parent, strerror=exc.strerror or exc
                ),
            )
        ) from exc


def _replace(path: Path, blob: bytes) -> None:
    """Write ``blob`` to ``path`` through a temporary name (fsync, then ``os.replace``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.parent / f".{path.name}.{uuid.uuid4().hex[:12]}.tmp"
    try:
        with temp.open("xb") as handle:
            handle.write(blob)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
