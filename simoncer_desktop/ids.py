"""UUIDv7 identifiers, made on the device (RFC 9562).

Time-ordered ids keep SQLite's primary-key index append-mostly, which matters for bulk inserts; the
random tail keeps ids from two offline laptops apart. Python 3.11 has no ``uuid.uuid7``: it is 10 lines.
"""

from __future__ import annotations

import os
import random
import time
import uuid


def uuid7(ms: int | None = None, rand: bytes | None = None) -> str:
    """A UUIDv7 as its canonical 36-character string; ``ms``/``rand`` make it deterministic."""
    if ms is None:
        ms = time.time_ns() // 1_000_000
    tail = int.from_bytes(rand if rand is not None else os.urandom(10), "big") & ((1 << 74) - 1)
    rand_a, rand_b = tail >> 62, tail & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    return str(uuid.UUID(int=value))


class SeededUuid7:
    """Deterministic UUIDv7 stream for synthetic data: the same seed gives the same ids."""

    def __init__(self, seed: int, start_ms: int = 1_764_547_200_000) -> None:  # 2025-12-01T00:00Z
        self._rng = random.Random(seed ^ 0x5EED)
        self._ms = start_ms

    def __call__(self) -> str:
        self._ms += 1
        return uuid7(self._ms, self._rng.getrandbits(80).to_bytes(10, "big"))


NAMESPACE = uuid.UUID("7c0f3d56-2b0e-4f57-9d3a-5a2f0c6e8b11")


def stable_id(*parts: str) -> str:
    """A deterministic id for rows every device seeds identically (reference data), so sync never
    sees two copies of the same setting."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))
