"""``BoxedForm``: the dialog base of the programme and relief forms — named field ``boxes``, messages that
appear once a field was edited (all of them after *Simpan*), a save handed to one service call in a
background write task, and a service refusal shown under the field it names."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.store import Database
from simoncer_desktop.ui.tasks import TaskRunner
from simoncer_desktop.ui.widgets.form import FieldBox, FormDialog, align_labels, show_errors


class BoxedForm(FormDialog):
    """Subclasses fill ``boxes``, lay out with ``_finish_layout``, give the form's messages in ``_check``
    and the save in ``_save_work``; ``_field_of`` maps a service's field name to the box showing it."""

    def __init__(self, db: Database, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self._db = db
        self.boxes: dict[str, FieldBox] = {}
        self._touched: set[str] = set()
        self.result_id: str | None = None
        """What the save returned (the new row's id)."""

    def _finish_layout(
        self,
        form: QFormLayout,
        *below: QWidget,
        above: Sequence[QWidget] = (),
        cancel_text: str | None = None,
    ) -> None:
        """``above`` the form, the form, ``below`` it, the general error, the hint and the buttons."""
        align_labels(form)
        self._build_buttons(cancel_text or self.tr("Batal"))
        self.save_button.setDefault(True)
        hint = QLabel(self.tr("Kolom bertanda * wajib diisi."))
        hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        for widget in above:
            layout.addWidget(widget)
        layout.addLayout(form)
        for widget in below:
            layout.addWidget(widget)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def _check(self) -> dict[str, str]:
        return {}

    def validate(self) -> bool:
        self.errors = self._check()
        show_errors(self.boxes, self.errors, self._touched)
        self.save_button.setEnabled(not self.errors and not self._saving)
        return not self.errors

    def _edited(self, field: str) -> None:
        self._touched.add(field)
        self._show_general([])
        self.validate()

    def _on_save(self) -> None:
        self._touched = set(self.boxes)
        if self._saving or not self.validate():
            return
        self._save_in_background(self._save_work(), self.tr("Menyimpan…"), self._saved)

    def _save_work(self) -> Callable[[], Any]:
        raise NotImplementedError

    def _saved(self, result: Any) -> None:
        self.result_id = result if isinstance(result, str) else None
        self.accept()

    def _field_of(self, name: str) -> str:
        """The box that shows a service message about ``name``."""
        return name

    def _show_refusal(self, exc: ValidationError) -> None:
        shown: dict[str, str] = {}
        general: list[str] = []
        for err in exc.errors:
            box = self._field_of(err.field)
            if box in self.boxes:  # several messages for one box (e.g. two areas) are all shown
                shown[box] = f"{shown[box]}\n{err.message}" if box in shown else err.message
            else:
                general.append(err.message)
        show_errors(self.boxes, shown)
        self._show_general(general)
