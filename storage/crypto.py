"""Encryption at rest for the blob store and key wrapping; the database itself uses SQLCipher.

Blob files are `LKB1 | nonce (12) | AES-256-GCM(ciphertext + tag)`, with the blob's SHA-256 as
associated data, so a file cannot be swapped for another one unnoticed. Keys are derived from the
one database key with HKDF, so one secret in the keyring unlocks everything.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

# `cryptography` is imported where it is used: opening the database derives the blob key (HKDF
# below, in hashlib), but a command that reads no blob never loads the AES code.

MAGIC = b"LKB1"
KEY_BYTES = 32


class DecryptionError(Exception):
    """The data was not encrypted with this key, or it was changed."""


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def derive(key: bytes, purpose: str) -> bytes:
    """HKDF-SHA256 (RFC 5869) of `key`, no salt, info "loket/<purpose>", 32 bytes: one block
    of the expand step, so two HMACs (the same bytes as cryptography's HKDF)."""
    prk = hmac.new(bytes(hashlib.sha256().digest_size), key, hashlib.sha256).digest()
    return hmac.new(prk, f"loket/{purpose}".encode() + b"\x01", hashlib.sha256).digest()


def seal(key: bytes, data: bytes, aad: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, data, aad)


def is_sealed(data: bytes) -> bool:
    return data.startswith(MAGIC)


def unseal(key: bytes, data: bytes, aad: bytes) -> bytes:
    if not is_sealed(data) or len(data) < len(MAGIC) + 12 + 16:
        raise DecryptionError("not an encrypted Loket blob")
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = data[len(MAGIC) : len(MAGIC) + 12]
    try:
        return AESGCM(key).decrypt(nonce, data[len(MAGIC) + 12 :], aad)
    except Exception as exc:  # cryptography raises InvalidTag
        raise DecryptionError("wrong key or changed data") from exc


def recovery_kek(recovery_key: str, salt: bytes) -> bytes:
    """A key-encryption key from the recovery key. The recovery key is 200 random bits, not a
    password, so a slow password hash adds nothing: HKDF is enough."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    normalized = recovery_key.replace("-", "").replace(" ", "").upper().encode()
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=b"loket/recovery"
    ).derive(normalized)


def new_recovery_key() -> str:
    """Eight groups of five base32 characters (200 bits), easy to write down."""
    text = base64.b32encode(os.urandom(25)).decode().rstrip("=")
    return "-".join(text[i : i + 5] for i in range(0, 40, 5))
