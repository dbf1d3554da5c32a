"""The product part of the screenshots (issue #9): Beranda, Pengaturan, the user guide, Tentang Simoncer,
and the Keluarga page in English — over the window and demo database the caseload part made."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from shots_common import SIZE, compose_dialog, grab, settle

from simoncer_desktop import preferences
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.about_dialog import AboutDialog
from simoncer_desktop.ui.i18n import install_translations
from simoncer_desktop.ui.main_window import MainWindow


def product_shots(window: MainWindow, db: Database, out: Path) -> None:
    window.show_page(0)
    window.home_page.refresh()
    grab(window, out / "home.png")

    window.show_page(window.page_index("settings"))
    settle(200)
    grab(window, out / "settings.png")

    help_dialog = window.open_help()
    help_dialog.resize(980, 640)
    help_dialog.move(window.geometry().center() - help_dialog.rect().center())
    help_dialog.go_to_heading("3. Tugas harian operator kecamatan")
    settle(200)
    path = out / "help.png"
    compose_dialog(window, help_dialog).save(str(path))
    print(f"{path} (dialog {help_dialog.width()}×{help_dialog.height()})")
    help_dialog.close()

    about = AboutDialog(db, window)
    about.show()
    about.move(window.geometry().center() - about.rect().center())
    settle(200)
    path = out / "about.png"
    compose_dialog(window, about).save(str(path))
    print(f"{path} (dialog {about.width()}×{about.height()})")
    about.close()
    about.deleteLater()


def english_shot(db: Database, out: Path) -> None:
    """The Keluarga page with the English catalogue (a fresh window: texts are taken when widgets are made)."""
    app = QApplication.instance()
    assert app is not None
    if not install_translations(app, preferences.ENGLISH):
        raise SystemExit("English catalogue missing: run `make translations` first")
    try:
        window = MainWindow(db)
        window.resize(*SIZE)
        window.show()
        window.show_page(1)
        window.caseload_page.select_row(0)
        grab(window, out / "caseload-en.png")
        window.close()
        window.deleteLater()
    finally:
        install_translations(app, preferences.INDONESIAN)
