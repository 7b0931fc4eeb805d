"""Keys that let an anonymous voter replace their ballot, kept outside the database.

In an anonymous round each ballot carries HMAC(key, voter) so that the same voter's
next ballot replaces it. The key is a random secret per round, written to a small
file beside the database (readable by the user alone) and destroyed when the round
closes, together with the hashes. Without the key the hashes cannot be matched to
anyone: the database alone never links a ballot to a person.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
from pathlib import Path

KEY_BYTES = 32


def _folder(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.voter-keys")


def _key_file(db_path: Path, round_id: str) -> Path:
    if not round_id.replace("-", "").isalnum():
        raise ValueError(f"not a round id: {round_id!r}")
    return _folder(db_path) / round_id


def create_key(db_path: Path, round_id: str) -> bytes:
    """A new secret for the round, on disk (fsynced) before the round opens."""
    folder = _folder(db_path)
    folder.mkdir(mode=0o700, exist_ok=True)
    key = secrets.token_bytes(KEY_BYTES)
    path = _key_file(db_path, round_id)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(descriptor, key)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    return key


def read_key(db_path: Path, round_id: str) -> bytes | None:
    """The round's secret, or None when it was destroyed or never made on this machine."""
    try:
        key = _key_file(db_path, round_id).read_bytes()
    except OSError:
        return None
    return key if len(key) == KEY_BYTES else None


def destroy_key(db_path: Path, round_id: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        _key_file(db_path, round_id).unlink()
    with contextlib.suppress(OSError):
        _folder(db_path).rmdir()  # only when empty


def voter_hash(key: bytes, voter: str) -> str:
    return hmac.new(key, voter.encode("utf-8"), hashlib.sha256).hexdigest()
