"""The one main window: navigation on the left (Ctrl+1…Ctrl+9, Ctrl+0), pages in the middle, status bar below."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.models.enums import Role
from simoncer_desktop.services.caseload_query import count
from simoncer_desktop.services.permissions import can
from simoncer_desktop.services.settings import get_setting
from simoncer_desktop.store import Database
from simoncer_desktop.ui.app import apply_language
from simoncer_desktop.ui.format import thousands
from simoncer_desktop.ui.icons import PAGE_ICONS, app_icon, icon, page_icon
from simoncer_desktop.ui.idle_lock import IdleLock
from simoncer_desktop.ui.pages.caseload_page import CaseloadPage
from simoncer_desktop.ui.pages.home_page import HomePage
from simoncer_desktop.ui.sync_controller import SyncController
from simoncer_desktop.ui.tasks import TaskRunner
from simoncer_desktop.ui.widgets.sync_status import SyncStatusWidget

if TYPE_CHECKING:
    from simoncer_desktop.ui.dialogs.help_dialog import HelpDialog
    from simoncer_desktop.ui.dialogs.login_dialog import LoginDialog
    from simoncer_desktop.ui.pages.data_quality_page import DataQualityPage
    from simoncer_desktop.ui.pages.graduation_page import GraduationPage
    from simoncer_desktop.ui.pages.relief_page import ReliefPage
    from simoncer_desktop.ui.pages.reports_page import ReportsPage

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


@dataclass(frozen=True)
class PageInfo:
    key: str
    title: str


IDLE_LOCK_SETTING = "idle_lock_minutes"
NAVIGATION_WIDTH = 190
"""Room for the longest title ("Kualitas Data", "Sinkronisasi") beside its icon at the 10 pt base font."""

LAZY_PAGES = frozenset({"graduation", "disaster", "reports", "quality", "sync", "settings", "audit", "conflicts"})
"""Pages made when first shown rather than at start-up."""


def _lock_page() -> QWidget:
    page = QWidget()
    page.setObjectName("lockPage")
    layout = QVBoxLayout(page)
    label = QLabel(translate("MainWindow", "Simoncer terkunci.\nMasuk lagi untuk melanjutkan."))
    label.setObjectName("placeholder")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(label)
    return page


class _Cover(QWidget):
    """An opaque sheet over another open window (a dialog with data) while the main window is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        label = QLabel(translate("MainWindow", "Terkunci"))
        label.setObjectName("placeholder")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        return False

    def remove(self) -> None:
        window = self.parentWidget()
        if window is not None:
            window.removeEventFilter(self)
        self.hide()
        self.deleteLater()


def page_list() -> list[PageInfo]:
    """The navigation, in order (Ctrl+1 is the first)."""
    return [
        PageInfo("home", translate("MainWindow", "Beranda")),
        PageInfo("caseload", translate("MainWindow", "Keluarga")),
        PageInfo("graduation", translate("MainWindow", "Graduasi")),
        PageInfo("disaster", translate("MainWindow", "Bencana")),
        PageInfo("reports", translate("MainWindow", "Laporan")),
        PageInfo("quality", translate("MainWindow", "Kualitas Data")),
        PageInfo("sync", translate("MainWindow", "Sinkronisasi")),
        PageInfo("settings", translate("MainWindow", "Pengaturan")),
        PageInfo("audit", translate("MainWindow", "Jejak Audit")),  # supervisors and admins; others see why not
        PageInfo("conflicts", translate("MainWindow", "Konflik")),  # supervisors and admins only (Ctrl+0)
    ]


PAGE_ACTIONS = {"conflicts": "conflict.resolve"}
"""Pages listed only for roles allowed this action."""


class MainWindow(QMainWindow):
    """The window over one signed-in database.

    Accounts (issue 7): the status bar names the user and role; menu *Akun* has *Ganti kata sandi…*,
    *Kunci sekarang* (Ctrl+L), *Keluar akun* and, for administrators, *Pengguna…*. After the setting
    ``idle_lock_minutes`` without input (``ui.idle_lock``) the window locks: the database is signed out,
    the pages are replaced by a lock page, other open windows are covered, and an application-modal
    ``LoginDialog`` in unlock mode asks for a password. The same user gets everything back as it was;
    another user gets fresh pages (``reset_for_user``): the navigation and every page are made anew over
    the same database, so nothing the previous user had on screen (filters, selections, open dialogs) is
    shown to the next one.

    Menu *Bantuan*: *Panduan pengguna* (F1) opens the user guide beside the window (``HelpDialog``, non-modal,
    one at a time); *Tentang Simoncer* shows the version, the folders and the licences (``AboutDialog``).
    """

    def __init__(self, db: Database, tasks: TaskRunner | None = None) -> None:
        super().__init__()
        self.db = db
        self.tasks = tasks or TaskRunner(self)
        self.setWindowTitle(self.tr("Simoncer — Sistem Monitoring Cerdas"))
        self.setWindowIcon(app_icon())
        self.setMinimumSize(QSize(1024, 640))
        self.resize(1366, 768)
        self.pages_info = page_list()
        self._page_actions: list[QAction] = []
        self._retired: QWidget | None = None
        self.locked = False
        self.unlock_dialog: LoginDialog | None = None
        self.help_dialog: HelpDialog | None = None
        self._covers: list[_Cover] = []

        self.shell = QStackedWidget()
        self.lock_page = _lock_page()
        self.shell.addWidget(self.lock_page)
        self.setCentralWidget(self.shell)

        self.db_label = QLabel(self.tr("Database: %s") % db.path)
        self.db_label.setToolTip(str(db.path))
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.count_label = QLabel()
        self.sync_status = SyncStatusWidget()
        self.sync = SyncController(db, self)
        self.sync.status_changed.connect(self.sync_status.show_view)
        self.sync_status.clicked.connect(lambda: self.show_page(self.page_index("sync")))
        status = self.statusBar()
        status.addWidget(self.db_label, 1)
        status.addPermanentWidget(self.user_label)
        status.addPermanentWidget(self.count_label)
        status.addPermanentWidget(self.sync_status)
        self._build_account_menu()
        self._build_help_menu()
        self.family_count = 0
        self._build_content()
        with db.read() as session:
            minutes = get_setting(session, IDLE_LOCK_SETTING) or 0
        self.idle = IdleLock(minutes, self)
        self.idle.timed_out.connect(self.lock)
        self._update_account_ui()
        self.sync.start()

    def _build_content(self) -> None:
        """The navigation and the pages (again for another user, see ``reset_for_user``)."""
        for action in self._page_actions:
            self.removeAction(action)
            action.deleteLater()
        self._page_actions = []
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(NAVIGATION_WIDTH)
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.ensurePolished()  # the style sheet's item padding counts when the items are laid out
        self.navigation.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedWidget()
        self.home_page = HomePage(self.db)
        self.caseload_page = CaseloadPage(self.db, self.tasks)
        self.caseload_page.caseload_changed.connect(self.refresh_counts)
        self.caseload_page.caseload_changed.connect(self._caseload_changed)
        self.caseload_page.caseload_changed.connect(self.sync.refresh_status)
        self._built: dict[str, QWidget] = {"home": self.home_page, "caseload": self.caseload_page}
        """Pages made so far; the others are made the first time they are shown (``page``)."""
        for number, info in enumerate(self.pages_info, start=1):
            # a plain widget stands in until the page is first shown (LAZY_PAGES)
            widget = self._built[info.key] if info.key in self._built else QWidget()
            widget.setObjectName(f"page_{info.key}")
            self.stack.addWidget(widget)
            self.navigation.addItem(info.title)
            self.navigation.item(number - 1).setIcon(page_icon(info.key))
            self.navigation.item(number - 1).setToolTip(self.tr("%s (Ctrl+%d)") % (info.title, number % 10))
            action = QAction(icon(PAGE_ICONS.get(info.key, "home")), info.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number % 10}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, index=number - 1: self.show_page(index))
            self.addAction(action)
            self._page_actions.append(action)
            if not self._page_allowed(info.key):
                self.navigation.item(number - 1).setHidden(True)
                action.setVisible(False)
        self.navigation.currentRowChanged.connect(self._navigated)

        self.content = QWidget()
        self.content.setObjectName("content")
        layout = QHBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.stack.setContentsMargins(12, 8, 12, 4)
        self.shell.insertWidget(0, self.content)
        self.shell.setCurrentWidget(self.content)
        self.refresh_counts(home=False)  # the home page counted itself when it was made
        self.navigation.setCurrentRow(0)

    # --- accounts ----------------------------------------------------------------------------

    def _build_account_menu(self) -> None:
        self.account_menu = self.menuBar().addMenu(self.tr("&Akun"))
        self.change_password_action = self.account_menu.addAction(icon("key"), self.tr("&Ganti kata sandi…"))
        self.change_password_action.triggered.connect(self.change_password)
        self.lock_action = self.account_menu.addAction(icon("lock"), self.tr("&Kunci sekarang"))
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.sign_out_action = self.account_menu.addAction(icon("sign-out"), self.tr("K&eluar akun"))
        self.sign_out_action.triggered.connect(self.sign_out)
        self.users_separator = self.account_menu.addSeparator()
        self.users_action = self.account_menu.addAction(icon("users"), self.tr("&Pengguna…"))
        self.users_action.triggered.connect(self.open_users)

    def _build_help_menu(self) -> None:
        self.help_menu = self.menuBar().addMenu(self.tr("&Bantuan"))
        self.help_action = self.help_menu.addAction(icon("help"), self.tr("&Panduan pengguna"))
        self.help_action.setShortcut(QKeySequence("F1"))
        self.help_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.help_action.triggered.connect(self.open_help)
        self.help_menu.addSeparator()
        self.about_action = self.help_menu.addAction(icon("about"), self.tr("&Tentang Simoncer"))
        self.about_action.triggered.connect(self.open_about)

    def open_help(self) -> HelpDialog:
        """The user guide beside the window (non-modal; one at a time, brought forward when open)."""
        from simoncer_desktop.ui.dialogs.help_dialog import HelpDialog

        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
        self.help_dialog.show()
        self.help_dialog.raise_()
        self.help_dialog.activateWindow()
        return self.help_dialog

    def open_about(self) -> None:
        from simoncer_desktop.ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self.db, self)
        self.about_dialog: AboutDialog | None = dialog
        dialog.exec()
        self.about_dialog = None
        dialog.deleteLater()

    def _update_account_ui(self) -> None:
        identity = self.db.identity
        if identity is None:
            self.user_label.setText(self.tr("Pengguna: (belum masuk)"))
        else:
            self.user_label.setText(self.tr("Pengguna: %s (%s)") % (identity.full_name, Role(identity.role).label))
        admin = identity is not None and can(identity, "users.manage")
        self.users_action.setVisible(admin)
        self.users_separator.setVisible(admin)
        self.change_password_action.setEnabled(identity is not None)

    def change_password(self) -> None:
        from simoncer_desktop.ui.dialogs.change_password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.db, parent=self)
        dialog.exec()
        dialog.deleteLater()

    def open_users(self) -> None:
        from simoncer_desktop.ui.dialogs.users_dialog import UsersDialog

        dialog = UsersDialog(self.db, self)
        self.users_dialog = dialog
        dialog.exec()
        self.users_dialog = None
        dialog.deleteLater()

    def sign_out(self) -> None:
        """*Keluar akun*: lock with an empty login, for the next user."""
        self.lock(keep_user=False)

    def lock(self, keep_user: bool = True) -> None:
        """Hide everything behind the lock, sign out, and ask for a password (``unlock_dialog``)."""
        if self.locked:
            return
        previous = self.db.identity
        self._locked_user = previous.username if previous is not None else ""
        self.locked = True
        self.sync.stop()
        self.db.sign_out()
        log.info("Window locked (user %s)", self._locked_user or "-")
        self.shell.setCurrentWidget(self.lock_page)
        self.menuBar().setEnabled(False)
        for action in self._page_actions:
            action.setEnabled(False)
        self._cover_other_windows()
        self._update_account_ui()
        from simoncer_desktop.ui.dialogs.login_dialog import LoginDialog

        dialog = LoginDialog(self.db.path, self, unlock_of=self.db, username=self._locked_user if keep_user else "")
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.finished.connect(self._unlock_finished)
        self.unlock_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _unlock_finished(self, result: int) -> None:
        from simoncer_desktop.ui.dialogs.login_dialog import QUIT

        dialog = self.unlock_dialog
        self.unlock_dialog = None
        password = dialog.password if dialog is not None else ""
        if dialog is not None:
            dialog.deleteLater()
        if result == QUIT or self.db.identity is None:
            log.info("Application closed from the lock screen")
            QApplication.closeAllWindows()
            return
        if self.db.identity.username == self._locked_user:
            self._uncover_other_windows()
        else:
            self.reset_for_user()
        self.locked = False
        self.shell.setCurrentWidget(self.content)
        self.menuBar().setEnabled(True)
        for action in self._page_actions:
            action.setEnabled(True)
        self.idle.reset()
        self.sync.start()
        self._update_account_ui()
        if self.db.identity.must_change_password and not self.ask_new_password(password):
            QApplication.closeAllWindows()

    def ask_new_password(self, password: str) -> bool:
        """The account must change its password now; False when the user chose to quit instead."""
        from simoncer_desktop.ui.dialogs.change_password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.db, forced=True, old_password=password or None, parent=self)
        self.password_dialog = dialog
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.password_dialog = None
            dialog.deleteLater()

    def reset_for_user(self) -> None:
        """Another user signed in: close what the previous user had open and make every page anew.

        The previous pages are kept (hidden) until the next reset rather than deleted at once: a dialog of
        theirs that was just closed may still be returning into its page's code."""
        for cover in self._covers:
            window = cover.parentWidget()
            cover.deleteLater()
            if window is not None:
                window.close()
        self._covers = []
        old = self.content
        self.shell.removeWidget(old)
        old.hide()
        if self._retired is not None:
            self._retired.deleteLater()
        self._retired = old
        self._build_content()

    def _cover_other_windows(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget is self or not widget.isWindow() or not widget.isVisible():
                continue
            if isinstance(widget, QMenu):
                widget.close()
                continue
            self._covers.append(_Cover(widget))

    def _uncover_other_windows(self) -> None:
        for cover in self._covers:
            cover.remove()
        self._covers = []

    # --- navigation --------------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        if 0 <= index < len(self.pages_info) and not self._page_allowed(self.pages_info[index].key):
            return
        self.navigation.setCurrentRow(index)

    def page_index(self, key: str) -> int:
        return next(i for i, info in enumerate(self.pages_info) if info.key == key)

    def _page_allowed(self, key: str) -> bool:
        action = PAGE_ACTIONS.get(key)
        identity = self.db.identity
        return action is None or (identity is not None and can(identity, action))

    def page(self, key: str) -> QWidget:
        """The page ``key``, made now if it was not yet: the Graduasi, Bencana, Laporan and Kualitas Data pages
        (and the report and spreadsheet libraries they import) cost nothing until they are opened."""
        built = self._built.get(key)
        if built is not None:
            return built
        page = self._make_page(key)
        page.setObjectName(f"page_{key}")
        index = next(i for i, info in enumerate(self.pages_info) if info.key == key)
        stand_in = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        self.stack.setCurrentIndex(current)
        self._built[key] = page
        return page

    def _make_page(self, key: str) -> QWidget:
        if key == "quality":
            from simoncer_desktop.ui.pages.data_quality_page import DataQualityPage

            quality = DataQualityPage(self.db, self.tasks)
            quality.caseload_changed.connect(self.refresh_counts)
            quality.caseload_changed.connect(lambda: self.caseload_page.refresh())
            return quality
        if key == "graduation":
            from simoncer_desktop.ui.pages.graduation_page import GraduationPage

            return GraduationPage(self.db, self.tasks)
        if key == "disaster":
            from simoncer_desktop.ui.pages.relief_page import ReliefPage

            relief = ReliefPage(self.db, self.tasks)
            relief.events_tab.loaded.connect(self.home_page.mark_stale)
            return relief
        if key == "reports":
            from simoncer_desktop.ui.pages.reports_page import ReportsPage

            return ReportsPage(self.db, self.tasks)
        if key == "audit":
            from simoncer_desktop.ui.pages.audit_page import AuditPage

            return AuditPage(self.db, self.tasks)
        if key == "sync":
            from simoncer_desktop.ui.pages.sync_page import SyncPage

            return SyncPage(self.db, self.sync)
        if key == "conflicts":
            from simoncer_desktop.ui.pages.conflicts_page import ConflictsPage

            return ConflictsPage(self.db, self.tasks)
        if key == "settings":
            from simoncer_desktop.ui.pages.settings_page import SettingsPage

            page = SettingsPage(self.db)
            page.saved.connect(self._settings_saved)
            page.language_chosen.connect(self._language_chosen)
            return page
        raise KeyError(key)

    def _language_chosen(self, language: str) -> None:
        # after the page's own slot returned: the page is replaced by the switch
        QTimer.singleShot(0, lambda: self.switch_language(language))

    def switch_language(self, language: str) -> None:
        """Show the window in ``language`` now: the translators are swapped and every text is made anew —
        menus, status bar and (as for another user, ``reset_for_user``) the navigation and the pages — then
        Pengaturan is shown again. What the user had open on other pages is closed, as at a user change."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_language(app, language)
        if self.help_dialog is not None:
            self.help_dialog.close()
            self.help_dialog.deleteLater()
            self.help_dialog = None
        self.setWindowTitle(self.tr("Simoncer — Sistem Monitoring Cerdas"))
        self.menuBar().clear()
        self._build_account_menu()
        self._build_help_menu()
        self.db_label.setText(self.tr("Database: %s") % self.db.path)
        self._update_account_ui()
        self.pages_info = page_list()
        self.reset_for_user()
        self.sync.refresh_status()
        self.show_page(self.page_index("settings"))

    def _settings_saved(self, changed: dict[str, object]) -> None:
        """New values from Pengaturan take effect now: the idle lock and the sync timer."""
        if IDLE_LOCK_SETTING in changed:
            self.idle.set_minutes(float(cast("float", changed[IDLE_LOCK_SETTING])))
        if "sync_interval_minutes" in changed:
            self.sync.start()  # re-reads the interval and re-arms the timer

    @property
    def quality_page(self) -> DataQualityPage:
        return cast("DataQualityPage", self.page("quality"))

    @property
    def graduation_page(self) -> GraduationPage:
        return cast("GraduationPage", self.page("graduation"))

    @property
    def relief_page(self) -> ReliefPage:
        return cast("ReliefPage", self.page("disaster"))

    @property
    def reports_page(self) -> ReportsPage:
        return cast("ReportsPage", self.page("reports"))

    def _caseload_changed(self) -> None:
        quality = self._built.get("quality")
        if quality is not None:
            cast("DataQualityPage", quality).mark_stale()

    def current_page_key(self) -> str:
        return self.pages_info[self.stack.currentIndex()].key

    def _navigated(self, index: int) -> None:
        if index < 0:
            return
        if self.pages_info[index].key in LAZY_PAGES:
            self.page(self.pages_info[index].key)
        self.stack.setCurrentIndex(index)
        if self.stack.currentWidget() is self.caseload_page:
            self.caseload_page.focus_search()

    # --- status ------------------------------------------------------------------------------

    def refresh_counts(self, home: bool = True) -> None:
        with self.db.read() as session:
            self.family_count = count(session)
        self.count_label.setText(self.tr("%s keluarga") % thousands(self.family_count))
        if home:
            self.home_page.refresh()

    def is_ready(self) -> bool:
        """Shown, and the caseload table has its first page (benchmarks wait for this)."""
        model = self.caseload_page.model
        return self.isVisible() and (model.rowCount() == 0 or model.is_loaded(0))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.unlock_dialog is not None:  # closing while locked: the lock goes too, without unlocking
            dialog, self.unlock_dialog = self.unlock_dialog, None
            dialog.finished.disconnect(self._unlock_finished)
            dialog.done(0)
            dialog.deleteLater()
        if not self.sync.shutdown():
            log.warning("Sync still running at exit")
        if not self.tasks.shutdown():
            log.warning("Background work still running at exit")
        super().closeEvent(event)
