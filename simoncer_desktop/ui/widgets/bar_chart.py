"""A horizontal bar chart drawn with QPainter (pyside6-essentials has no QtCharts).

One row per bar: the label on the left, then a track as long as the row's target drawn as an outlined
frame, the achieved value as a solid bar inside it, and the figures written out at the end
("12 / 20 · 60%"). The meaning never rests on colour alone: the target is an outline, the value a
fill, both are written as numbers and a legend names them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

VALUE_COLOUR = QColor("#1d5c96")
TARGET_COLOUR = QColor("#5b6573")
TEXT_COLOUR = QColor("#1f3550")


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    target: int

    @property
    def text(self) -> str:
        """The figures written beside the bar: ``12 / 20 · 60%`` (``12 / –`` without a target)."""
        if self.target <= 0:
            return f"{self.value} / –"
        return f"{self.value} / {self.target} · {round(100 * self.value / self.target)}%"


class BarChart(QWidget):
    """Horizontal bars of value against target, one per ``Bar``, in the order given."""

    ROW_PADDING = 6
    LABEL_CHARS = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._title = ""
        self.value_name = self.tr("Disetujui")
        self.target_name = self.tr("Target")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(120)
        self.setAccessibleName(self.tr("Grafik batang"))

    # --- data ---------------------------------------------------------------------------------

    def set_bars(self, bars: list[Bar], title: str = "") -> None:
        self._bars = list(bars)
        self._title = title
        self.setAccessibleDescription("; ".join(f"{b.label}: {b.text}" for b in self._bars))
        self.setToolTip("\n".join(f"{b.label}: {b.text}" for b in self._bars))
        self.updateGeometry()
        self.update()

    @property
    def bars(self) -> list[Bar]:
        return list(self._bars)

    def bar_count(self) -> int:
        return len(self._bars)

    # --- geometry -----------------------------------------------------------------------------

    def _row_height(self) -> int:
        return self.fontMetrics().height() + self.ROW_PADDING

    def _header_height(self) -> int:
        return 2 * self._row_height()

    def sizeHint(self) -> QSize:
        rows = max(len(self._bars), 1)
        return QSize(480, self._header_height() + rows * self._row_height() + self.ROW_PADDING)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self._header_height() + self._row_height())

    # --- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        row_h = self._row_height()
        width = self.width()
        painter.setPen(TEXT_COLOUR)
        bold = painter.font()
        bold.setBold(True)
        painter.save()
        painter.setFont(bold)
        painter.drawText(QRectF(4, 0, width - 8, row_h), Qt.AlignmentFlag.AlignVCenter, self._title)
        painter.restore()
        self._paint_legend(painter, metrics, row_h)
        if not self._bars:
            painter.setPen(TARGET_COLOUR)
            empty = QRectF(4, self._header_height(), width - 8, row_h)
            painter.drawText(empty, Qt.AlignmentFlag.AlignVCenter, self.tr("Tidak ada data"))
            return
        label_w = min(metrics.averageCharWidth() * self.LABEL_CHARS, width // 3)
        text_w = metrics.horizontalAdvance("0000 / 0000 · 100%") + 8
        left = 4 + label_w + 6
        track_w = max(width - left - text_w - 4, 20)
        scale = max(max(max(b.target, b.value) for b in self._bars), 1)
        top = self._header_height()
        for i, bar in enumerate(self._bars):
            y = top + i * row_h
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w)
            painter.setPen(TEXT_COLOUR)
            right = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
            painter.drawText(QRectF(4, y, label_w, row_h), right, label)
            bar_h = row_h - self.ROW_PADDING
            bar_y = y + self.ROW_PADDING / 2
            value_w = track_w * bar.value / scale
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(VALUE_COLOUR)
            if value_w > 0:
                painter.drawRect(QRectF(left, bar_y + 2, value_w, bar_h - 4))
            if bar.target > 0:
                target_w = track_w * bar.target / scale
                pen = QPen(TARGET_COLOUR, 1.5)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(left, bar_y, target_w, bar_h))
            end = left + track_w * max(bar.value, bar.target) / scale
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRectF(end + 6, y, text_w, row_h), Qt.AlignmentFlag.AlignVCenter, bar.text)

    def _paint_legend(self, painter: QPainter, metrics: QFontMetrics, row_h: int) -> None:
        y = row_h
        box = metrics.height() - 4
        x = 4.0
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(VALUE_COLOUR)
        painter.drawRect(QRectF(x, y + (row_h - box) / 2, box * 2, box))
        x += box * 2 + 4
        painter.setPen(TEXT_COLOUR)
        painter.drawText(QRectF(x, y, 200, row_h), Qt.AlignmentFlag.AlignVCenter, self.tr("%s (isi)") % self.value_name)
        x += metrics.horizontalAdvance(self.tr("%s (isi)") % self.value_name) + 16
        painter.setPen(QPen(TARGET_COLOUR, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(x, y + (row_h - box) / 2, box * 2, box))
        x += box * 2 + 4
        painter.setPen(TEXT_COLOUR)
        painter.drawText(
            QRectF(x, y, 240, row_h), Qt.AlignmentFlag.AlignVCenter, self.tr("%s (bingkai)") % self.target_name
        )
