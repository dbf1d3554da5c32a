"""ui/tasks.py: inline (as in the other UI tests) and on real worker threads."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner


class Outcome:
    def __init__(self) -> None:
        self.results: list[object] = []
        self.failures: list[BaseException] = []
        self.cancelled = 0
        self.callback_threads: list[QThread] = []

    def success(self, result: object) -> None:
        self.callback_threads.append(QThread.currentThread())
        self.results.append(result)

    def failure(self, exc: BaseException) -> None:
        self.callback_threads.append(QThread.currentThread())
        self.failures.append(exc)

    def cancel(self) -> None:
        self.callback_threads.append(QThread.currentThread())
        self.cancelled += 1

    def kwargs(self) -> dict[str, object]:
        return {"on_success": self.success, "on_failure": self.failure, "on_cancelled": self.cancel}

    @property
    def finished(self) -> bool:
        return bool(self.results or self.failures or self.cancelled)


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


# --- inline ----------------------------------------------------------------------------------


def test_inline_success_reports_result_and_progress(parent: QWidget) -> None:
    runner = TaskRunner(parent, inline=True)
    out = Outcome()

    def work(progress: Progress, token: CancelToken) -> int:
        for i in range(1, 6):
            token.raise_if_cancelled()
            progress(i, 5)
        return 42

    task = runner.run(work, **out.kwargs())
    assert out.results == [42]
    assert out.failures == [] and out.cancelled == 0
    assert task.progress == (5, 5)
    assert task.state == "done"


def test_inline_failure_goes_to_on_failure_only(parent: QWidget) -> None:
    runner = TaskRunner(parent, inline=True)
    out = Outcome()

    def work(_progress: Progress, _token: CancelToken) -> None:
        raise ValueError("rusak")

    runner.run(work, **out.kwargs())
    assert out.results == []
    assert [str(e) for e in out.failures] == ["rusak"]
    assert runner.idle


def test_inline_cancel_calls_on_cancelled_not_on_failure(parent: QWidget) -> None:
    runner = TaskRunner(parent, inline=True)
    out = Outcome()
    reached: list[int] = []

    def work(_progress: Progress, token: CancelToken) -> None:
        for i in range(10):
            if i == 3:
                token.cancel()  # as if the user pressed Batal
            token.raise_if_cancelled()
            reached.append(i)

    runner.run(work, **out.kwargs())
    assert out.cancelled == 1
    assert out.failures == [] and out.results == []
    assert reached == [0, 1, 2]


def test_module_flag_makes_new_runners_inline(parent: QWidget) -> None:
    # tests/ui/conftest.py sets RUN_INLINE for every UI test
    assert TaskRunner(parent).inline is True
    assert TaskRunner(parent, inline=False).inline is False


# --- threaded --------------------------------------------------------------------------------


def test_threaded_work_runs_off_the_ui_thread_and_reports_on_it(qtbot: QtBot, parent: QWidget) -> None:
    runner = TaskRunner(parent, inline=False)
    out = Outcome()
    worker_threads: list[QThread] = []

    def work(_progress: Progress, _token: CancelToken) -> str:
        worker_threads.append(QThread.currentThread())
        return "selesai"

    runner.run(work, **out.kwargs())
    qtbot.waitUntil(lambda: out.finished)
    ui_thread = QApplication.instance().thread()
    assert out.results == ["selesai"]
    assert worker_threads and worker_threads[0] is not ui_thread
    assert out.callback_threads == [ui_thread]
    qtbot.waitUntil(lambda: runner.idle)


def test_threaded_failure_reaches_on_failure_on_the_ui_thread(qtbot: QtBot, parent: QWidget) -> None:
    runner = TaskRunner(parent, inline=False)
    out = Outcome()

    def work(_progress: Progress, _token: CancelToken) -> None:
        raise RuntimeError("disk penuh")

    runner.run(work, **out.kwargs())
    qtbot.waitUntil(lambda: out.finished)
    assert [type(e) for e in out.failures] == [RuntimeError]
    assert out.callback_threads == [QApplication.instance().thread()]


def test_slow_work_shows_progress_dialog_whose_cancel_stops_it(qtbot: QtBot, parent: QWidget) -> None:
    runner = TaskRunner(parent, inline=False, progress_delay_ms=50)
    out = Outcome()
    halfway = threading.Event()

    def work(progress: Progress, token: CancelToken) -> None:
        i = 0
        while True:  # runs until cancelled
            token.raise_if_cancelled()
            i = min(i + 1, 50)
            progress(i, 100)
            if i == 50:
                halfway.set()
            threading.Event().wait(0.005)

    task = runner.run(work, label="Mengimpor…", **out.kwargs())
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible())
    dialog = task.dialog
    assert dialog.labelText() == "Mengimpor…"
    qtbot.waitUntil(halfway.is_set)
    qtbot.waitUntil(lambda: dialog.value() == 50)
    assert dialog.maximum() == 100
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Batal
    qtbot.waitUntil(lambda: out.finished)
    assert out.cancelled == 1 and out.failures == [] and out.results == []
    assert task.dialog is None


def test_write_tasks_run_one_at_a_time_reads_do_not_wait(qtbot: QtBot, parent: QWidget) -> None:
    runner = TaskRunner(parent, inline=False)
    release_first = threading.Event()
    events: list[str] = []
    out = Outcome()

    def first(_progress: Progress, _token: CancelToken) -> str:
        events.append("first started")
        release_first.wait(10)
        events.append("first ended")
        return "first"

    def second(_progress: Progress, _token: CancelToken) -> str:
        events.append("second started")
        return "second"

    def read(_progress: Progress, _token: CancelToken) -> str:
        return "read"

    a = runner.run(first, write=True, **out.kwargs())
    b = runner.run(second, write=True, **out.kwargs())
    qtbot.waitUntil(lambda: events == ["first started"])
    assert (a.state, b.state) == ("running", "queued")
    c = runner.run(read, **out.kwargs())
    qtbot.waitUntil(lambda: "read" in out.results)  # a read runs while the writer is busy
    assert c.state == "done" and b.state == "queued"
    release_first.set()
    qtbot.waitUntil(lambda: len(out.results) == 3)
    assert events == ["first started", "first ended", "second started"]
    assert out.results == ["read", "first", "second"]


def test_a_queued_write_cancelled_before_it_starts_never_runs(qtbot: QtBot, parent: QWidget) -> None:
    runner = TaskRunner(parent, inline=False)
    release_first = threading.Event()
    ran: list[str] = []
    out = Outcome()

    def first(_progress: Progress, _token: CancelToken) -> None:
        release_first.wait(10)
        ran.append("first")

    def second(_progress: Progress, _token: CancelToken) -> None:
        ran.append("second")

    runner.run(first, write=True, **out.kwargs())
    queued = runner.run(second, write=True, **out.kwargs())
    queued.cancel()
    release_first.set()
    qtbot.waitUntil(lambda: runner.idle)
    assert ran == ["first"]
    assert out.cancelled == 1
