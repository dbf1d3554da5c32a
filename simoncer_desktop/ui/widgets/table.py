"""Common set-up of the read-only tables: whole-row selection, compact rows, widths that follow the font."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

DIGITS = "digits"
"""``(DIGITS, 16)``: room for 16 digits (NIK, No. KK)."""


def configure_table(
    view: QTableView, widths: Mapping[int, int | tuple[str, int]], stretch: int | None = None, sortable: bool = False
) -> None:
    """``widths``: per column a number of average characters, or ``(DIGITS, n)`` for n digits.

    Widths are measured with the view's font (so they hold with Segoe UI on Windows as with DejaVu on
    Linux) and are never narrower than the column title; ``stretch`` takes the remaining space.
    """
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.ensurePolished()
    metrics = view.fontMetrics()
    vertical = view.verticalHeader()
    vertical.hide()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(metrics.height() + 10)
    header = view.horizontalHeader()
    header.ensurePolished()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    bold = QFont(header.font())
    bold.setBold(True)  # the style sheet's titles are bold
    header_metrics = QFontMetrics(bold)
    model = view.model()
    padding = 16
    title_padding = 34 if sortable else 18  # the sort arrow needs room
    for column, spec in widths.items():
        if isinstance(spec, tuple):
            content = metrics.horizontalAdvance("0" * spec[1])
        else:
            content = metrics.averageCharWidth() * spec
        title = str(model.headerData(column, header.orientation()) or "") if model is not None else ""
        title_width = header_metrics.horizontalAdvance(title) + title_padding
        view.setColumnWidth(column, max(content + padding, title_width))
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def select_row(view: QTableView, row: int) -> None:
    """Make ``row`` the current, only selected row and scroll to it (keyboard focus stays where it is)."""
    model = view.model()
    index = model.index(row, 0)
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    view.scrollTo(index)


def selected_row(view: QTableView) -> int:
    """The selected row, or -1."""
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


def select_rows(view: QTableView, rows: Sequence[int]) -> None:
    """Select exactly ``rows`` (the first becomes current and is scrolled to)."""
    view.clearSelection()
    if not rows:
        return
    model = view.model()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in reversed(rows):  # the last one made current is rows[0]
        view.selectionModel().setCurrentIndex(model.index(row, 0), flags)
    view.scrollTo(model.index(rows[0], 0))
