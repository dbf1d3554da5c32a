"""The one way to run long work: off the UI thread, with callbacks on the UI thread.

``TaskRunner.run(fn, ...)`` calls ``fn(progress, token)`` on a worker thread of the runner's own
``QThreadPool``. ``progress(done, total)`` reports progress (throttled; ``total`` 0 = unknown) and
``token.raise_if_cancelled()`` stops the work when the user pressed *Batal*. ``on_success(result)`` /
``on_failure(exc)`` / ``on_cancelled()`` then run on the main thread. A progress dialog with a cancel
button appears only when the work takes longer than ``progress_delay_ms`` (600 ms), so quick work never
flashes a dialog.

Tasks marked ``write=True`` run one at a time in submission order (SQLite has one writer); reads run
in parallel. With ``inline=True`` (or the module flag ``RUN_INLINE``, which the test fixtures set)
everything runs synchronously in the calling thread, so tests need no waiting.
"""

from __future__ import annotations

import logging
import sys
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.services.progress import CancelledError, CancelToken, Progress

log = logging.getLogger(__name__)

RUN_INLINE = False
"""Default for new runners: run tasks synchronously (set by the UI test fixtures)."""

PROGRESS_DELAY_MS = 600
PROGRESS_INTERVAL_S = 0.05
"""Minimum time between two progress signals from a worker (the UI needs no more)."""


TaskFunction = Callable[[Progress, CancelToken], Any]


class _Bridge(QObject):
    """Carries a worker's news to the main thread (emitted from the worker, queued to the Task)."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)


class _Worker(QRunnable):
    def __init__(self, fn: TaskFunction, token: CancelToken, bridge: _Bridge) -> None:
        super().__init__()
        self._fn = fn
        self._token = token
        self._bridge = bridge
        self._last_emit = 0.0

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total > 0 or now - self._last_emit >= PROGRESS_INTERVAL_S:
            self._last_emit = now
            try:
                self._bridge.progressed.emit(done, total)
            except RuntimeError:  # the runner is gone: stop the work
                self._token.cancel()

    def run(self) -> None:
        try:
            result = self._fn(self._progress, self._token)
        except BaseException as exc:  # every outcome must reach the main thread
            self._report(self._bridge.failed, exc)
        else:
            self._report(self._bridge.succeeded, result)

    @staticmethod
    def _report(signal: SignalInstance, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the receiving side is gone (the app is closing): nobody left to tell
            log.warning("Task finished after its runner was destroyed")


class Task(QObject):
    """One submitted piece of work; lives on the main thread. ``finished`` fires after its callback."""

    finished = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        fn: TaskFunction,
        label: str,
        write: bool,
        cancellable: bool,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        on_cancelled: Callable[[], None] | None,
    ) -> None:
        super().__init__(runner)
        self.runner = runner
        self.fn = fn
        self.label = label
        self.write = write
        self.cancellable = cancellable
        self.token = CancelToken()
        self.progress: tuple[int, int] = (0, 0)
        self.started = False
        self.done = False
        self.dialog: QProgressDialog | None = None
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_cancelled = on_cancelled
        self._bridge: _Bridge | None = None

    @property
    def state(self) -> str:
        """``queued`` (waiting for a worker or for the writer before it), ``running`` or ``done``."""
        return "done" if self.done else "running" if self.started else "queued"

    def cancel(self) -> None:
        if self.cancellable:
            self.token.cancel()
            if self.dialog is not None:
                self.dialog.setLabelText(self.tr("Membatalkan…"))

    # --- running ------------------------------------------------------------------------------

    def start_inline(self) -> None:
        def progress(done: int, total: int) -> None:
            self.progress = (done, total)

        self.started = True
        try:
            result = self.fn(progress, self.token)
        except BaseException as exc:
            self._failed(exc)
        else:
            self._succeeded(result)

    def start_threaded(self, pool: QThreadPool) -> None:
        bridge = _Bridge()
        bridge.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        bridge.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        bridge.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._bridge = bridge  # kept alive until the worker has reported
        self.started = True
        pool.start(_Worker(self.fn, self.token, bridge))

    def schedule_dialog(self, delay_ms: int) -> None:
        QTimer.singleShot(delay_ms, self, self._show_dialog)

    @Slot()
    def _show_dialog(self) -> None:
        if self.done or self.dialog is not None:
            return
        done, total = self.progress
        label = self.label or self.tr("Sedang bekerja…")
        dialog = QProgressDialog(label, self.tr("Batal"), 0, total, self.runner.parent_widget)
        dialog.setWindowTitle(self.tr("Mohon tunggu"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        if self.cancellable:
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)
        dialog.setValue(done)
        self.dialog = dialog
        dialog.show()

    # --- results (main thread) ----------------------------------------------------------------

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.progress = (done, total)
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total) if total else 0)

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._finish()
        try:
            if self._on_success is not None:
                self._on_success(result)
        finally:
            self.finished.emit()

    def fail(self, exc: BaseException) -> None:
        """Finish without running (e.g. cancelled while queued)."""
        self._failed(exc)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._finish()
        try:
            if isinstance(exc, CancelledError):
                log.info("Task cancelled: %s", self.label)
                if self._on_cancelled is not None:
                    self._on_cancelled()
            elif self._on_failure is not None:
                self._on_failure(exc)
            else:
                self.runner.report_failure(exc)
        finally:
            self.finished.emit()

    def _finish(self) -> None:
        self.done = True
        self._bridge = None
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None


class TaskRunner(QObject):
    """Submits tasks; keeps write tasks in a queue so only one writes to the database at a time."""

    def __init__(
        self,
        parent_widget: QWidget | None = None,
        *,
        inline: bool | None = None,
        progress_delay_ms: int = PROGRESS_DELAY_MS,
        max_threads: int = 2,
    ) -> None:
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self.inline = RUN_INLINE if inline is None else inline
        self.progress_delay_ms = progress_delay_ms
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._active: list[Task] = []
        self._write_queue: deque[Task] = deque()
        self._writing: Task | None = None

    @property
    def idle(self) -> bool:
        return not self._active

    @property
    def active_tasks(self) -> list[Task]:
        return list(self._active)

    def run(
        self,
        fn: TaskFunction,
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        label: str = "",
        write: bool = False,
        cancellable: bool = True,
    ) -> Task:
        task = Task(self, fn, label, write, cancellable, on_success, on_failure, on_cancelled)
        self._active.append(task)
        task.finished.connect(lambda: self._task_finished(task))
        if self.inline:
            task.start_inline()
            return task
        task.schedule_dialog(self.progress_delay_ms)
        if write:
            self._write_queue.append(task)
            self._start_next_write()
        else:
            task.start_threaded(self.pool)
        return task

    def _start_next_write(self) -> None:
        if self._writing is None and self._write_queue:
            self._writing = self._write_queue.popleft()
            if self._writing.token.cancelled:  # cancelled while waiting: never start it
                self._writing.fail(CancelledError())
            else:
                self._writing.start_threaded(self.pool)

    def _task_finished(self, task: Task) -> None:
        if task in self._active:
            self._active.remove(task)
        if task is self._writing:
            self._writing = None
            self._start_next_write()
        task.deleteLater()

    def report_failure(self, exc: BaseException) -> None:
        """Default failure handling: a user-facing error as a message, anything else to the excepthook."""
        if isinstance(exc, SimoncerError):
            log.warning("Task failed: %s", exc)
            QMessageBox.warning(self.parent_widget, self.tr("Gagal"), str(exc))
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel everything queued or running and wait for the workers (at application exit)."""
        for task in list(self._write_queue):
            task.token.cancel()
        for task in self._active:
            task.token.cancel()
        return self.pool.waitForDone(timeout_ms)
