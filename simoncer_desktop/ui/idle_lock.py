"""The idle lock's clock: an application-wide event filter notes the time of the last keyboard, mouse or
touch input, and a coarse timer checks it; after ``minutes`` without input ``timed_out`` fires once
(the main window then locks itself). Restarting a QTimer on every mouse move would cost more than noting
a number, so the filter only stores ``time.monotonic()``.

``minutes`` 0 turns the lock off. ``trigger_now()`` fires at once (tests, *Kunci sekarang*).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.Shortcut,
    }
)

CHECK_INTERVAL_MS = 15_000
"""How often the clock looks at the last input (the lock comes at most this much late)."""


class IdleLock(QObject):
    timed_out = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last_input = time.monotonic()
        self._armed = True
        self._minutes = 0.0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # removed by Qt when this object is destroyed
        self.set_minutes(minutes)

    @property
    def minutes(self) -> float:
        return self._minutes

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def set_minutes(self, minutes: float) -> None:
        self._minutes = max(0.0, float(minutes or 0))
        if self._minutes <= 0:
            self._timer.stop()
            return
        self._timer.start(min(CHECK_INTERVAL_MS, max(50, int(self._minutes * 60_000 / 4))))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def reset(self) -> None:
        """Count idle time from now (after an unlock) and fire again next time."""
        self._last_input = time.monotonic()
        self._armed = True

    def idle_seconds(self) -> float:
        return time.monotonic() - self._last_input

    def _check(self) -> None:
        if self._armed and self._minutes > 0 and self.idle_seconds() >= self._minutes * 60:
            self.trigger_now()

    def trigger_now(self) -> None:
        """Time out now; nothing more fires until ``reset``."""
        self._armed = False
        self.timed_out.emit()
