"""Sealed checkpoints, and the sink outside the database that keeps a copy of each.

A checkpoint's seal is an HMAC of its (seq, hash, time) under
``KINDVEILIG_AUDIT_SEAL_KEY``, a key that is not in the database. Every sealed
checkpoint is also appended as one JSON line to the file ``KINDVEILIG_AUDIT_SINK``,
which lives off the database server. Whoever controls the database can then
neither forge a checkpoint (no key) nor remove one unseen (the sink still has
it), so a rewritten, emptied or truncated chain no longer verifies. Since the
chains were split per organisation a checkpoint's hash is that of every chain's
head, which the line also lists (``heads``): one seal covers all chains.
"""

import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from kindveilig.core.crypto import HashPurpose, keyed_hash

from .chain import heads_from_json, heads_hash
from .models import AuditCheckpoint

__all__ = [
    "SealedCheckpoint",
    "checkpoint_seal",
    "seal_is_valid",
    "sink_append",
    "sink_read",
]


@dataclass(frozen=True)
class SealedCheckpoint:
    """One line of the sink."""

    seq: int
    hash: str
    verified_at: str
    seal: str
    # Every chain's head ({"chain": [seq, hash]}); empty before the split.
    heads: dict[str, list[int | str]] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        if self.heads and heads_hash(heads_from_json(self.heads)) != self.hash:
            return False
        return seal_is_valid(self.seq, self.hash, self.verified_at, self.seal)


def _moment(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def _sealed_text(seq: int, hash: str, verified_at: str) -> str:
    return f"{seq}|{hash}|{verified_at}"


def checkpoint_seal(checkpoint: AuditCheckpoint) -> str:
    """The HMAC-SHA256 (hex) of the checkpoint's seq, hash and time."""
    text = _sealed_text(
        checkpoint.seq, checkpoint.hash, _moment(checkpoint.verified_at)
    )
    return keyed_hash(HashPurpose.AUDIT_SEAL, text)


def seal_is_valid(seq: int, hash: str, verified_at: str, seal: str) -> bool:
    expected = keyed_hash(HashPurpose.AUDIT_SEAL, _sealed_text(seq, hash, verified_at))
    return bool(seal) and expected == seal


def as_sealed(checkpoint: AuditCheckpoint) -> SealedCheckpoint:
    return SealedCheckpoint(
        seq=checkpoint.seq,
        hash=checkpoint.hash,
        verified_at=_moment(checkpoint.verified_at),
        seal=checkpoint.seal,
        heads=dict(checkpoint.heads),
    )


def _sink_path() -> Path:
    path = str(getattr(settings, "KINDVEILIG_AUDIT_SINK", "") or "")
    if not path:
        raise ImproperlyConfigured("KINDVEILIG_AUDIT_SINK is required.")
    return Path(path)


def sink_append(checkpoint: AuditCheckpoint) -> None:
    """Append the sealed checkpoint as one JSON line and force it to disk. Raises
    ``OSError`` when it cannot, so the caller's transaction (and the
    checkpoint) rolls back: no checkpoint exists that the sink lacks."""
    sealed = as_sealed(checkpoint)
    data: dict[str, object] = {
        "seq": sealed.seq,
        "hash": sealed.hash,
        "verified_at": sealed.verified_at,
        "seal": sealed.seal,
    }
    if sealed.heads:
        data["heads"] = sealed.heads
    line = json.dumps(data, sort_keys=True)
    path = _sink_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as sink:
        sink.write(line + "\n")
        sink.flush()
        os.fsync(sink.fileno())


def sink_read() -> tuple[list[SealedCheckpoint], list[str]]:
    """Every checkpoint in the sink, oldest first, and the problems with its
    lines (unreadable lines, lines whose seal does not match). A missing file
    is an empty sink: nothing was ever sealed."""
    path = _sink_path()
    if not path.exists():
        return [], []
    entries: list[SealedCheckpoint] = []
    problems: list[str] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        try:
            data = json.loads(line)
            entry = SealedCheckpoint(
                seq=int(data["seq"]),
                hash=str(data["hash"]),
                verified_at=str(data["verified_at"]),
                seal=str(data["seal"]),
                heads=dict(data.get("heads") or {}),
            )
            valid = entry.valid
        except (ValueError, KeyError, TypeError):
            problems.append(f"Line {number} of the audit sink cannot be read.")
            continue
        if not valid:
            problems.append(
                f"Line {number} of the audit sink (checkpoint #{entry.seq}) has an "
                "invalid seal: it was not written by the verifier."
            )
            continue
        entries.append(entry)
    return entries, problems
