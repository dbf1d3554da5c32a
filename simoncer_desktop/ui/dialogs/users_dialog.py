"""*Pengguna* (admin): the accounts of this database, and *Tambah…*, *Reset kata sandi…*,
*Nonaktifkan/Aktifkan*, each one ``security.signin`` call (the service change and the key file wrap).
A refusal is shown in Bahasa in the dialog; the list reloads after every change."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.models.base import GLOBAL_SCOPE
from simoncer_desktop.models.enums import Role
from simoncer_desktop.services import auth
from simoncer_desktop.services.caseload_query import facilitator_options
from simoncer_desktop.services.reference import children
from simoncer_desktop.services.settings import region_code
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.change_password_dialog import (
    PasswordPair,
    busy,
    error_label,
    finish_dialog,
    name_errors,
    show_message,
)
from simoncer_desktop.ui.widgets.form import FieldBox, align_labels, fill_combo

translate = QCoreApplication.translate


@dataclass(frozen=True)
class UserRow:
    username: str
    full_name: str
    role: Role
    scope: str
    scope_label: str
    active: bool
    must_change_password: bool


def kecamatan_names(db: Database) -> dict[str, str]:
    with db.read() as session:
        region = region_code(session)
        return {r.code: r.name for r in children(session, region)} if region else {}


def load_users(db: Database) -> list[UserRow]:
    names = kecamatan_names(db)
    all_areas = translate("UsersDialog", "Semua kecamatan")
    with db.read() as session:
        users = auth.list_users(session)
        return [
            UserRow(
                u.username,
                u.full_name,
                Role(u.role),
                u.scope,
                all_areas if u.scope == GLOBAL_SCOPE else names.get(u.scope, u.scope),
                bool(u.active),
                bool(u.must_change_password),
            )
            for u in users
        ]


class UsersModel(QAbstractTableModel):
    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[UserRow] = []

    def set_rows(self, rows: list[UserRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Nama pengguna"),
            self.tr("Nama lengkap"),
            self.tr("Peran"),
            self.tr("Kecamatan"),
            self.tr("Aktif"),
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.username,
                row.full_name,
                row.role.label,
                row.scope_label,
                (self.tr("Ya") if row.active else self.tr("Tidak"))
                + (self.tr(" (wajib ganti sandi)") if row.must_change_password and row.active else ""),
            )[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return Qt.GlobalColor.gray
        return None


class UsersDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("Pengguna"))
        self.resize(760, 420)
        self.model = UsersModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("&Tambah…"))
        self.reset_button = QPushButton(self.tr("&Reset kata sandi…"))
        self.active_button = QPushButton(self.tr("&Nonaktifkan"))
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.error = error_label()
        self.status = QLabel()
        self.status.setObjectName("hint")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.reload()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self._selection_changed()

    def reload(self, select_username: str | None = None) -> None:
        keep = select_username or (self.selected().username if self.selected() else None)
        self.model.set_rows(load_users(self._db))
        for number, row in enumerate(self.model.rows):
            if row.username == keep:
                self.table.selectRow(number)
        self._selection_changed()

    def selected(self) -> UserRow | None:
        if not hasattr(self, "table") or self.table.selectionModel() is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def select_user(self, username: str) -> None:
        for number, row in enumerate(self.model.rows):
            if row.username == username:
                self.table.selectRow(number)
                return
        raise KeyError(username)

    def _selection_changed(self) -> None:
        row = self.selected()
        self.reset_button.setEnabled(row is not None)
        self.active_button.setEnabled(row is not None)
        self.active_button.setText(
            self.tr("&Aktifkan") if row is not None and not row.active else self.tr("&Nonaktifkan")
        )

    def _run(self, action: object, done_message: str, select_username: str | None = None) -> bool:
        show_message(self.error, "")
        try:
            with busy():
                action()  # type: ignore[operator]
        except SimoncerError as exc:
            show_message(self.error, str(exc))
            return False
        self.status.setText(done_message)
        self.reload(select_username)
        return True

    def add_user(self) -> None:
        dialog = AddUserDialog(self._db, self)
        self.add_dialog = dialog
        """The open *Tambah pengguna* form (tests fill it in)."""
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created:
                self.status.setText(
                    self.tr("Pengguna '%s' ditambahkan; ia mengganti kata sandinya saat masuk pertama.")
                    % dialog.created
                )
                self.reload(dialog.created)
        finally:
            self.add_dialog = None
            dialog.deleteLater()

    def reset_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = ResetPasswordDialog(self._db, row.username, self)
        self.reset_dialog = dialog
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.status.setText(
                    self.tr("Kata sandi '%s' direset; ia harus menggantinya saat masuk berikutnya.") % row.username
                )
                self.reload(row.username)
        finally:
            self.reset_dialog = None
            dialog.deleteLater()

    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        from simoncer_desktop.security import signin

        if row.active:
            answer = QMessageBox.question(
                self,
                self.tr("Nonaktifkan pengguna"),
                self.tr("Nonaktifkan akun '%s' (%s)? Ia tidak dapat masuk lagi sampai diaktifkan kembali.")
                % (row.username, row.full_name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._run(
            lambda: signin.set_active(self._db, row.username, not row.active),
            (self.tr("Akun '%s' diaktifkan.") if not row.active else self.tr("Akun '%s' dinonaktifkan."))
            % row.username,
            row.username,
        )


def role_hint(role: Role) -> str:
    """What a role may do, in the user's language (read at run time so the translation applies)."""
    hints = {
        Role.OPERATOR: translate(
            "AddUserDialog", "Mengelola data keluarga, program dan bantuan bencana di satu kecamatan."
        ),
        Role.FACILITATOR: translate(
            "AddUserDialog", "Mencatat asesmen, tahapan dan kunjungan untuk keluarga dampingannya sendiri."
        ),
        Role.SUPERVISOR: translate("AddUserDialog", "Seperti operator di semua kecamatan, dan memutuskan graduasi."),
        Role.ADMIN: translate("AddUserDialog", "Semua hal, termasuk pengguna, pengaturan dan data referensi."),
        Role.VIEWER: translate("AddUserDialog", "Hanya melihat dan mengekspor laporan."),
    }
    return hints.get(role, "")


class AddUserDialog(QDialog):
    """*Tambah pengguna*: name, full name, role, kecamatan (operator, pendamping), the pendamping record
    (pendamping) and a first password the user must change at the first login."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.created: str | None = None
        self.setWindowTitle(self.tr("Tambah pengguna"))
        self.setMinimumWidth(520)
        self.username_edit = QLineEdit()
        self.username_edit.setMaxLength(60)
        self.full_name_edit = QLineEdit()
        self.full_name_edit.setMaxLength(120)
        self.role_combo = QComboBox()
        fill_combo(self.role_combo, [(r.value, r.label) for r in Role])
        self.role_hint = QLabel()
        self.role_hint.setObjectName("hint")
        self.role_hint.setWordWrap(True)
        self.scope_combo = QComboBox()
        names = kecamatan_names(db)
        fill_combo(
            self.scope_combo, sorted(((code, f"{name} ({code})") for code, name in names.items()), key=lambda i: i[1])
        )
        self.facilitator_combo = QComboBox()
        with db.read() as session:
            facilitators = facilitator_options(session)
        fill_combo(self.facilitator_combo, [(f.value, f.label) for f in facilitators], self.tr("— pilih —"))
        self.username_box = FieldBox(self.username_edit)
        self.full_name_box = FieldBox(self.full_name_edit)
        self.pair = PasswordPair(self)
        form = QFormLayout()
        form.addRow(self.tr("&Nama pengguna:"), self.username_box)
        form.addRow(self.tr("Nama &lengkap:"), self.full_name_box)
        form.addRow(self.tr("&Peran:"), self.role_combo)
        form.addRow("", self.role_hint)
        form.addRow(self.tr("&Kecamatan:"), self.scope_combo)
        form.addRow(self.tr("Data pen&damping:"), self.facilitator_combo)
        self.pair.add_rows(form, self.tr("Kata sandi &awal:"), self.tr("&Ulangi kata sandi:"))
        align_labels(form)
        note = QLabel(self.tr("Pengguna baru wajib mengganti kata sandi awal ini saat pertama kali masuk."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Simpan"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.role_combo.currentIndexChanged.connect(self._role_changed)
        self.username_edit.textChanged.connect(lambda t: self.pair.set_username(t.strip().lower()))
        select_index = self.role_combo.findData(Role.OPERATOR.value)
        self.role_combo.setCurrentIndex(max(select_index, 0))
        self._role_changed()

    @property
    def role(self) -> Role:
        return Role(self.role_combo.currentData())

    def _role_changed(self) -> None:
        role = self.role
        self.role_hint.setText(role_hint(role))
        self.scope_combo.setEnabled(role in auth.SCOPED_ROLES)
        self.facilitator_combo.setEnabled(role is Role.FACILITATOR)

    def save(self) -> None:
        errors = name_errors(self.username_edit.text(), self.full_name_edit.text())
        self.username_box.set_error(errors.get("username"))
        self.full_name_box.set_error(errors.get("full_name"))
        if not self.pair.touch_all() or errors:
            return
        role = self.role
        password = self.pair.password
        data = auth.UserInput(
            username=self.username_edit.text().strip(),
            full_name=self.full_name_edit.text().strip(),
            role=role,
            password=password,
            scope=(self.scope_combo.currentData() or "") if role in auth.SCOPED_ROLES else GLOBAL_SCOPE,
            facilitator_id=self.facilitator_combo.currentData() if role is Role.FACILITATOR else None,
        )
        from simoncer_desktop.security import signin

        try:
            with busy():
                signin.add_user(self._db, data, password)
        except SimoncerError as exc:
            show_message(self.error, str(exc))
            return
        self.created = auth.normalize_username(data.username)
        self.accept()


class ResetPasswordDialog(QDialog):
    """*Reset kata sandi*: a temporary password the user must replace at the next login."""

    def __init__(self, db: Database, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._username = username
        self.setWindowTitle(self.tr("Reset kata sandi — %s") % username)
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "Kata sandi sementara untuk '%s'. Kunci akun (bila terkunci) ikut dibuka; ia wajib mengganti "
                "kata sandi ini saat masuk berikutnya."
            )
            % username
        )
        intro.setWordWrap(True)
        self.pair = PasswordPair(self)
        self.pair.set_username(username)
        form = QFormLayout()
        self.pair.add_rows(form, self.tr("Kata sandi &sementara:"), self.tr("&Ulangi kata sandi:"))
        align_labels(form)
        self.error, self.buttons, self.ok_button = finish_dialog(self, [intro, form], self.tr("Reset"), self.save)

    def save(self) -> None:
        if not self.pair.touch_all():
            return
        from simoncer_desktop.security import signin

        try:
            with busy():
                signin.reset_password(self._db, self._username, self.pair.password)
        except SimoncerError as exc:
            show_message(self.error, str(exc))
            return
        self.accept()
