"""The one sync controller of the main window: runs sync off the UI thread, on a timer and on demand, one run
at a time, and tells the status bar and the *Sinkronisasi* page what happened.

* ``run_sync()`` starts ``sync.engine.sync_once`` on a worker thread (its own ``TaskRunner``, so a background
  sync never opens the progress dialog of the window's runner) unless a run is already going, the database
  is not enrolled, or the signed-in role may not sync (``sync.run``). Progress ``(phase, done, total)`` and
  the outcome arrive as signals on the UI thread; ``cancel()`` asks the engine to stop between batches and
  pages (``SyncCancelled``).
* The timer runs a sync every ``sync_interval_minutes`` (setting, default 15; 0 = off) while someone is
  signed in and the database is enrolled; ``stop()`` (lock, sign-out) stops it and cancels a running sync.
* A cheap poll (``POLL_MS``) re-reads the status (pending changes, last sync, last error), so changes saved
  anywhere in the app show in the status bar without every page having to announce them.
* ``enroll(...)`` runs ``sync.enrollment.enroll_device`` off the UI thread (administrators only,
  ``sync.enroll``).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from simoncer_desktop.services import permissions, sync_status
from simoncer_desktop.services.sync_status import SyncStatus
from simoncer_desktop.store import Database
from simoncer_desktop.sync.client import OfflineError, SyncClient, SyncError, TlsError
from simoncer_desktop.ui.tasks import CancelToken, Progress, Task, TaskRunner

log = logging.getLogger(__name__)

POLL_MS = 5000
"""How often the status is re-read (one small query set)."""
NO_DIALOG_MS = 2**31 - 1
"""The controller's runner never shows the progress dialog: the page has its own bar, the timer shows none."""


@dataclass(frozen=True)
class SyncView:
    """What the status bar shows: the stored status plus what this session learnt."""

    status: SyncStatus
    online: bool | None
    """The last attempt in this session reached the server (None: none yet)."""
    running: bool


class SyncController(QObject):
    status_changed = Signal(object)
    """A :class:`SyncView`."""
    started = Signal()
    progressed = Signal(str, int, int)
    """``(phase, done, total)`` from the engine: ``push``, ``snapshot`` or ``pull``; total 0 = unknown."""
    finished = Signal(object)
    """The run's ``engine.SyncReport``."""
    failed = Signal(str)
    """The run failed (the message is stored as ``last_error`` too)."""
    cancelled = Signal()
    enrolled = Signal(object)
    """An ``enrollment.EnrollResult``."""
    enroll_failed = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = TaskRunner(None, progress_delay_ms=NO_DIALOG_MS, max_threads=1)
        self.runner.setParent(self)
        self.online: bool | None = None
        self.last_report: Any = None
        self.last_failure: str | None = None
        self._task: Task | None = None
        self._running = False
        self._stop_asked = threading.Event()
        """Set by ``cancel()``; the engine reads it between batches and pages."""
        self._enrolling = False
        self.active = False
        """Between ``start()`` and ``stop()``: someone is signed in."""
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._timer_fired)
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.refresh_status)
        self.status: SyncStatus | None = None

    # --- state -----------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._running

    def may_sync(self) -> bool:
        identity = self.db.identity
        return identity is not None and permissions.can(identity, "sync.run")

    def may_enroll(self) -> bool:
        identity = self.db.identity
        return identity is not None and permissions.can(identity, "sync.enroll")

    def refresh_status(self) -> SyncStatus | None:
        """Re-read the status and tell the listeners; None when the database cannot be read now."""
        try:
            with self.db.read() as session:
                status = sync_status.read(session)
        except Exception:  # a locked or closing database: keep the last status, try again at the next poll
            log.debug("Sync status not readable now", exc_info=True)
            return None
        self.status = status
        self.status_changed.emit(SyncView(status, self.online, self.running))
        return status

    # --- lifecycle -------------------------------------------------------------------------------------

    def start(self) -> None:
        """Someone signed in (or unlocked): poll the status and start the timer when enrolled."""
        self.active = True
        self.poll.start()
        self._arm_timer()
        self.refresh_status()

    def stop(self) -> None:
        """Lock or sign-out: no timer, no poll, and a running sync is asked to stop."""
        self.active = False
        self.timer.stop()
        self.poll.stop()
        self.cancel()

    def shutdown(self) -> bool:
        """Application exit: stop and wait for the worker."""
        self.stop()
        return self.runner.shutdown()

    def _arm_timer(self) -> None:
        self.timer.stop()
        if not self.active:
            return
        try:
            with self.db.read() as session:
                minutes = sync_status.interval_minutes(session)
                enrolled = sync_status.read(session).enrolled
        except Exception:
            log.warning("Sync timer not started: the settings could not be read", exc_info=True)
            return
        if enrolled and minutes > 0 and self.may_sync():
            self.timer.start(minutes * 60_000)

    def _timer_fired(self) -> None:
        if self.active and not self.running:
            log.info("Timed sync")
            self.run_sync()

    # --- sync ------------------------------------------------------------------------------------------

    def run_sync(self) -> bool:
        """Start a sync in the background; False when one is running or sync is not possible now."""
        if self.running or self._enrolling or not self.may_sync():
            return False
        status = self.status or self.refresh_status()
        if status is None or not status.enrolled:
            return False
        db = self.db
        emit = self.progressed.emit
        stop = self._stop_asked

        def work(_progress: Progress, token: CancelToken) -> Any:
            from simoncer_desktop.sync import engine

            with db.read() as session:
                client = sync_status.client_for(session)
            with client:
                return engine.sync_once(db, client, progress=emit, cancel=lambda: token.cancelled or stop.is_set())

        stop.clear()
        self._running = True
        self.started.emit()
        task = self.runner.run(
            work,
            label=self.tr("Sinkronisasi"),
            write=True,
            cancellable=True,
            on_success=self._succeeded,
            on_failure=self._failed,
            on_cancelled=self._was_cancelled,
        )
        self._task = None if task.done else task  # done already when it ran inline (tests)
        self.refresh_status()
        return True

    def cancel(self) -> None:
        """Ask a running sync to stop after the batch or page in flight."""
        if self._running:
            self._stop_asked.set()
            if self._task is not None:
                self._task.cancel()

    def _succeeded(self, report: Any) -> None:
        self._task = None
        self._running = False
        self.online = True
        self.last_report = report
        self.last_failure = None
        self.refresh_status()
        self._arm_timer()
        self.finished.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self._running = False
        from simoncer_desktop.sync.engine import SyncCancelled

        if isinstance(exc, SyncCancelled):
            self._was_cancelled()
            return
        if isinstance(exc, SyncError):
            self.online = not isinstance(exc, OfflineError | TlsError)
            message = str(exc)
        else:
            log.error("Sync failed unexpectedly", exc_info=(type(exc), exc, exc.__traceback__))
            message = self.tr("Kesalahan tak terduga saat sinkronisasi: %s") % (str(exc) or type(exc).__name__)
        self.last_failure = message
        self.refresh_status()
        self.failed.emit(message)

    def _was_cancelled(self) -> None:
        self._task = None
        self._running = False
        self.online = True
        self.refresh_status()
        self.cancelled.emit()

    # --- enrollment ------------------------------------------------------------------------------------

    def enroll(self, server_url: str, code: str, name: str, ca_file: str | None) -> bool:
        """Enroll this database in the background (administrators); False when something else runs."""
        if self.running or self._enrolling:
            return False
        db = self.db

        def work(_progress: Progress, _token: CancelToken) -> Any:
            from simoncer_desktop.sync.enrollment import enroll_device

            permissions.require(db.identity, "sync.enroll")
            with SyncClient(server_url, ca_file=ca_file or None) as client:
                return enroll_device(db, client, code, name, server_url=client.server_url, ca_file=ca_file or None)

        self._enrolling = True
        self.runner.run(
            work,
            label=self.tr("Mendaftarkan perangkat"),
            write=True,
            cancellable=False,
            on_success=self._enroll_done,
            on_failure=self._enroll_error,
        )
        return True

    def _enroll_done(self, result: Any) -> None:
        self._enrolling = False
        self.online = True
        self.refresh_status()
        self._arm_timer()
        self.enrolled.emit(result)
        self.run_sync()  # the first sync at once: a new laptop should not wait for the timer

    def _enroll_error(self, exc: BaseException) -> None:
        self._enrolling = False
        from simoncer_desktop.errors import SimoncerError

        if isinstance(exc, SimoncerError):
            message = str(exc)
        else:
            log.error("Enrollment failed unexpectedly", exc_info=(type(exc), exc, exc.__traceback__))
            message = self.tr("Kesalahan tak terduga saat mendaftar: %s") % (str(exc) or type(exc).__name__)
        self.enroll_failed.emit(message)
