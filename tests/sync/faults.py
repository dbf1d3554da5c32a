"""A sync client that loses the network on purpose, for the sync proofs (``test_state_machine``, issue 8).

:class:`FaultyClient` wraps the real :class:`~simoncer_desktop.sync.client.SyncClient` (real HTTP to a
real central service) and, when a :class:`Fault` is armed, cuts the run at one chosen point by raising the
client's own :class:`~simoncer_desktop.sync.client.OfflineError`, exactly as a dropped connection does:

* ``push_not_sent``: before the batch reaches the server;
* ``push_lost``: after the server applied the batch, before its answer reaches the laptop (the laptop
  never records the answers: the ops stay pending and are pushed again later);
* ``pull_not_sent``: before the ``after_pages``-th pull request leaves (``after_pages`` pages were
  applied before it);
* ``pull_lost``: the server answered the ``after_pages``-th pull, the answer never arrives.

It also records what went through: every push the server answered (:class:`SentBatch`, to replay it
later) and every pull page handed to the engine (:attr:`pages`): the engine applies a page with its
cursor after ``pull`` returns, so the last page handed over is the cursor the laptop must hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simoncer_desktop.sync.client import OfflineError, PullPage, PushResult, SyncClient

PUSH_NOT_SENT = "push_not_sent"
PUSH_LOST = "push_lost"
PULL_NOT_SENT = "pull_not_sent"
PULL_LOST = "pull_lost"
FAULTS = (PUSH_NOT_SENT, PUSH_LOST, PULL_NOT_SENT, PULL_LOST)


@dataclass(frozen=True)
class Fault:
    kind: str
    after_pages: int = 0
    """For the pull faults: how many pages of this run go through before the cut."""


@dataclass(frozen=True)
class SentBatch:
    """A push the server answered (whether or not the laptop got the answer): enough to send it again."""

    device: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    results: list[dict[str, Any]]
    """The answers as the server gave them: ``{op_id, status, error}``."""


@dataclass
class FaultyClient:
    inner: SyncClient
    name: str
    fault: Fault | None = None
    sent: list[SentBatch] = field(default_factory=list)
    pages: list[PullPage] = field(default_factory=list)
    """Pages handed to the engine (all runs)."""
    cut: bool = False
    """Whether the armed fault fired in the last run."""
    _pages_this_run: int = 0

    # The engine reads and sets ``token``; everything else (a newer engine's calls) goes to the real client.
    @property
    def token(self) -> str | None:
        return self.inner.token

    @token.setter
    def token(self, value: str | None) -> None:
        self.inner.token = value

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def arm(self, fault: Fault | None) -> None:
        """Arm ``fault`` for the next run (``None``: a clean run)."""
        self.fault = fault
        self.cut = False
        self._pages_this_run = 0

    def _fire(self, where: str) -> OfflineError:
        self.cut = True
        self.fault = None  # one cut per run: what follows a cut in this run does not happen anyway
        return OfflineError(
            f"Server tidak dapat dihubungi ({self.inner.server_url}): koneksi diputus oleh tes ({where})"
        )

    def push(self, *args: Any, **kwargs: Any) -> PushResult:
        if self.fault is not None and self.fault.kind == PUSH_NOT_SENT:
            raise self._fire("sebelum push terkirim")
        result = self.inner.push(*args, **kwargs)
        answers = [{"op_id": r.op_id, "status": r.status, "error": r.error} for r in result.results]
        device = kwargs.get("device_id", args[0] if args else "")
        self.sent.append(SentBatch(str(device), tuple(args), dict(kwargs), answers))
        if self.fault is not None and self.fault.kind == PUSH_LOST:
            raise self._fire("jawaban push hilang")
        return result

    def pull(self, *args: Any, **kwargs: Any) -> PullPage:
        fault = self.fault
        if fault is not None and fault.kind == PULL_NOT_SENT and self._pages_this_run >= fault.after_pages:
            raise self._fire(f"sebelum pull ke-{self._pages_this_run + 1}")
        page = self.inner.pull(*args, **kwargs)
        if fault is not None and fault.kind == PULL_LOST and self._pages_this_run >= fault.after_pages:
            raise self._fire(f"jawaban pull ke-{self._pages_this_run + 1} hilang")
        self._pages_this_run += 1
        self.pages.append(page)
        return page

    def close(self) -> None:
        self.inner.close()
