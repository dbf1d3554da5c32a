"""Form building blocks shared by the dialogs: a field with its message underneath, a date field that
can be empty, combo boxes whose items carry a value, and the dialog that saves a form in the background."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, QEvent, QObject, Qt, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import PermissionDeniedError, ValidationError
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner
from simoncer_desktop.ui.widgets.labels import message_label

T = TypeVar("T")

ERROR_MARK = "⚠ "
"""Messages start with a sign as well as a colour: colour never carries meaning alone."""


class FieldBox(QWidget):
    """An editor with its validation message under it (the label is hidden while there is none)."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        layout.addWidget(self.error)

    @property
    def message(self) -> str:
        """The message shown (without the warning sign), or ``""``."""
        return self.error.text().removeprefix(ERROR_MARK) if self.error.isVisibleTo(self) else ""

    def set_error(self, message: str | None) -> None:
        self.error.setText(f"{ERROR_MARK}{message}" if message else "")
        self.error.setVisible(bool(message))
        if bool(self.editor.property("invalid")) != bool(message):
            self.editor.setProperty("invalid", bool(message))
            self.editor.style().unpolish(self.editor)
            self.editor.style().polish(self.editor)


def show_errors(boxes: Mapping[str, FieldBox], errors: Mapping[str, str], visible: Iterable[str] | None = None) -> None:
    """Show ``errors`` (field → message) under their boxes; only for ``visible`` fields when given."""
    shown = set(boxes) if visible is None else set(visible)
    for name, box in boxes.items():
        box.set_error(errors.get(name) if name in shown else None)


class DateField(QDateEdit):
    """``dd-MM-yyyy`` with a calendar popup that can also be empty (shown as *hh-bb-tttt*).

    Typing a digit into an empty field starts a date at the day section, so ``12051980`` just works.
    Backspace or Delete with the whole text selected empties it again.
    """

    EMPTY = QDate(1900, 1, 1)
    START = QDate(2000, 1, 1)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("dd-MM-yyyy")
        self.setCalendarPopup(True)
        self.setMinimumDate(self.EMPTY)
        self.setSpecialValueText(self.tr("hh-bb-tttt"))
        self.setDate(self.EMPTY)
        self.calendarWidget().installEventFilter(self)

    def value(self) -> date | None:
        return None if self.date() == self.EMPTY else self.date().toPython()

    def set_value(self, value: date | None) -> None:
        self.setDate(QDate(value) if value else self.EMPTY)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        empty = self.date() == self.EMPTY
        if empty and event.text().isdigit():
            self.setDate(self.START)
            self.setSelectedSection(QDateEdit.Section.DaySection)
        elif event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and (
            empty or self.lineEdit().selectedText() == self.text()
        ):
            self.setDate(self.EMPTY)
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show and self.date() == self.EMPTY:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)


def fill_combo(combo: QComboBox, options: Iterable[tuple[object, str]], empty_label: str | None = None) -> None:
    """Replace the items: ``(value, label)`` pairs, optionally after an "all"/"none" item with value None.

    Keeps the current value selected when it is still offered; emits no change signals.
    """
    current = combo.currentData()
    blocked = combo.blockSignals(True)
    combo.clear()
    if empty_label is not None:
        combo.addItem(empty_label, None)
    for value, label in options:
        combo.addItem(label, value)
    index = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(blocked)


def select_value(combo: QComboBox, value: object) -> bool:
    """Select the item carrying ``value`` (None = the empty item); False when it is not offered."""
    index = combo.findData(value) if value is not None else 0
    if index < 0:
        return False
    combo.setCurrentIndex(index)
    return True


LABEL_TOP_MARGIN = 5
"""Lowers a form label to the text line of the editor beside it (labels sit at the top of their row,
so they stay put when a message opens under the field)."""


def align_labels(form: QFormLayout) -> None:
    """Top-aligned labels, lined up with their editors' text, each the buddy of its editor (Alt+key)."""
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is None or not isinstance(label.widget(), QLabel):
            continue
        label.widget().setContentsMargins(0, LABEL_TOP_MARGIN, 0, 0)
        if field is not None and isinstance(field.widget(), FieldBox):
            label.widget().setBuddy(field.widget().editor)


def hbox(*widgets: QWidget, stretch: bool = False) -> QWidget:
    """Several fields on one form row, top-aligned; plain labels between them line up like form labels."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        if isinstance(w, QLabel):
            w.setContentsMargins(0, LABEL_TOP_MARGIN, 0, 0)
        layout.addWidget(w, 0 if stretch else 1, Qt.AlignmentFlag.AlignTop)
    if stretch:
        layout.addStretch(1)
    return row


class FormDialog(QDialog):
    """A form validated as the user types and saved by a background write task.

    A subclass builds its form, calls ``_build_buttons`` and puts ``general_error`` and ``buttons`` in its
    layout, keeps ``errors`` current and implements ``_edited`` (a field changed) and ``_on_save`` (*Simpan*),
    which hands the write to ``_save_in_background``. *Simpan* is disabled while there are errors or a save
    runs. A ``ValidationError`` the service still raises goes to ``_show_refusal`` and the dialog stays
    open; any other failure is reported by the task runner.
    """

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._saving = False
        self.errors: dict[str, str] = {}
        """Field → message for the form as it is now."""

    def _lay_out_form(self, form: QFormLayout) -> None:
        """The form, the general error under it, and a footer with the hint beside Simpan/Batal."""
        self._build_buttons(self.tr("Batal"))
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        footer = QHBoxLayout()
        footer.addWidget(self.hint, 1)
        footer.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addLayout(footer)

    def _build_buttons(self, cancel_text: str) -> None:
        """``general_error`` (messages that belong to no field, hidden while there are none) and ``buttons``,
        *Simpan* (``save_button``) and a cancel button labelled ``cancel_text``."""
        self.general_error = message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)

    def _connect_edits(self, signals: Mapping[str, SignalInstance]) -> None:
        """Call ``_edited(field)`` whenever one of the field's ``signals`` fires."""
        for name, signal in signals.items():
            signal.connect(lambda *_, field=name: self._edited(field))

    def _edited(self, field: str) -> None:
        raise NotImplementedError

    def _on_save(self) -> None:
        raise NotImplementedError

    def _save_in_background(self, save: Callable[[], T], label: str, on_success: Callable[[T], None]) -> None:
        """Run ``save()`` as a write task (unless cancelled first) with *Simpan* disabled until it ends, then
        ``on_success`` with its result. ``save`` runs off the UI thread: it must not touch widgets."""

        def work(_progress: Progress, token: CancelToken) -> T:
            token.raise_if_cancelled()
            return save()

        def succeeded(result: T) -> None:
            self._set_saving(False)
            on_success(result)

        self._set_saving(True)
        self._tasks.run(
            work,
            write=True,
            label=label,
            on_success=succeeded,
            on_failure=self._save_failed,
            on_cancelled=lambda: self._set_saving(False),
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving and not self.errors)

    def _save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        if isinstance(exc, PermissionDeniedError):  # the role may not: say so in the form, keep what was typed
            self._show_general([str(exc)])
            return
        if not isinstance(exc, ValidationError):
            self._tasks.report_failure(exc)
            return
        self._show_refusal(exc)
        self.save_button.setEnabled(False)

    def _show_refusal(self, exc: ValidationError) -> None:
        """Show why the service refused the save: under the fields, the rest with ``_show_general``."""
        raise NotImplementedError

    def _show_general(self, messages: list[str]) -> None:
        self.general_error.setText("\n".join(ERROR_MARK + m for m in messages))
        self.general_error.setVisible(bool(messages))
