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


def _sync_folder(folder: Path) -> None:
    """Make a new name in ``folder`` survive a power cut (where the system can sync a folder)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its file system journals names itself
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def create_key(db_path: Path, round_id: str) -> bytes:
    """A new secret for the round, on disk (fsynced, name and all) before the round opens."""
    folder = _folder(db_path)
    made = not folder.exists()
    folder.mkdir(mode=0o700, exist_ok=True)
    key = secrets.token_bytes(KEY_BYTES)
    path = _key_file(db_path, round_id)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(descriptor, key)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    _sync_folder(folder)
    if made:
        _sync_folder(folder.parent)
    return key


def read_key(db_path: Path, round_id: str) -> bytes | None:
    """The round's secret, or None when it was destroyed or never made on this machine."""
    try:
        key = _key_file(db_path, round_id).read_bytes()
    except OSError:
        return None
    return key if len(key) == KEY_BYTES else None


def destroy_key(db_path: Path, round_id: str) -> None:
    """Overwrite and remove the round's secret (and the folder once it holds no other round's).

    Overwriting first keeps the old bytes out of the file's blocks where the file system
    writes in place; on others it does no harm.
    """
    path = _key_file(db_path, round_id)
    with contextlib.suppress(OSError):
        descriptor = os.open(path, os.O_WRONLY)
        try:
            os.write(descriptor, bytes(KEY_BYTES))
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    with contextlib.suppress(OSError):
        _folder(db_path).rmdir()  # only when empty


def voter_hash(key: bytes, voter: str) -> str:
    return hmac.new(key, voter.encode("utf-8"), hashlib.sha256).hexdigest()
