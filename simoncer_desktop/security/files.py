"""Files sealed with the database's data key (attachments; anything else stored beside the database).

Format of a sealed file: ``b"SMCF1"`` + 12-byte random nonce + AES-256-GCM ciphertext (with its 16-byte
tag). The AES key is not the data key itself but a sub-key derived from it with HKDF-SHA256
(info ``b"simoncer attachments"``), so the same data key is never used directly by two ciphers (the
database uses it through SQLCipher). ``aad`` (associated data) binds a ciphertext to its place: for
attachments it is the SHA-256 (hex, ASCII) of the plain content, i.e. the file's own name in the
content-addressed store, so a file swapped for another is refused too.

A file without the prefix is a plain file written before encryption (``is_sealed`` False); callers
decide whether to accept it. No Qt here.
"""

from __future__ import annotations

import os
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.translation import translate

MAGIC = b"SMCF1"
NONCE_BYTES = 12
TAG_BYTES = 16
KEY_BYTES = 32
HKDF_INFO = b"simoncer attachments"
SESSION_KEY = "simoncer.file_key"
"""``Session.info`` entry holding the data key (set by ``store.Database`` for every session)."""


class SealedFileError(SimoncerError):
    """A sealed file cannot be opened: wrong key, damaged or altered, or no key at hand."""


def _check_key(data_key: bytes) -> None:
    if not isinstance(data_key, bytes | bytearray) or len(data_key) != KEY_BYTES:
        raise SealedFileError(
            translate("security", "Kunci data tidak sah (harus 32 byte); berkas tidak dapat dienkripsi atau dibuka.")
        )


@lru_cache(maxsize=8)
def _sub_key(data_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=HKDF_INFO).derive(data_key)


def is_sealed(blob: bytes) -> bool:
    """True when ``blob`` starts with the sealed-file prefix (a plain legacy file does not)."""
    return blob[: len(MAGIC)] == MAGIC


def encrypt_bytes(data_key: bytes, data: bytes, aad: bytes) -> bytes:
    """``data`` sealed under ``data_key`` (random nonce: sealing the same bytes twice differs)."""
    _check_key(data_key)
    nonce = os.urandom(NONCE_BYTES)
    return MAGIC + nonce + AESGCM(_sub_key(bytes(data_key))).encrypt(nonce, data, aad)


def decrypt_bytes(data_key: bytes, blob: bytes, aad: bytes) -> bytes:
    """The plain bytes of a sealed ``blob``; :class:`SealedFileError` (Bahasa) when it is not a sealed
    file, is cut short, was altered, or was sealed with another key or for another ``aad``."""
    _check_key(data_key)
    if not is_sealed(blob):
        raise SealedFileError(translate("security", "Berkas ini bukan berkas terenkripsi Simoncer."))
    if len(blob) < len(MAGIC) + NONCE_BYTES + TAG_BYTES:
        raise SealedFileError(translate("security", "Berkas terenkripsi terpotong atau rusak."))
    nonce = blob[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
    try:
        return AESGCM(_sub_key(bytes(data_key))).decrypt(nonce, blob[len(MAGIC) + NONCE_BYTES :], aad)
    except InvalidTag:
        raise SealedFileError(
            translate(
                "security",
                "Berkas terenkripsi tidak dapat dibuka: kuncinya berbeda "
                "(berkas dari database lain) atau berkas rusak/telah diubah.",
            )
        ) from None
