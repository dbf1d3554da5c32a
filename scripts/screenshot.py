"""Screenshots for the docs at 1366×768, rendered offscreen: the Keluarga page, a family dialog, the
import wizard's preview of a file with typical faults, and the Kualitas Data page.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot.py [--out docs/screenshots]

Makes its own demo database (2,000 synthetic families, seed 1) in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import load_workbook  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from simoncer_desktop.services import caseload_export, demo_data  # noqa: E402
from simoncer_desktop.services.caseload_query import CaseloadFilter  # noqa: E402
from simoncer_desktop.store import Database, open_database  # noqa: E402
from simoncer_desktop.ui import tasks  # noqa: E402
from simoncer_desktop.ui.app import create_application  # noqa: E402
from simoncer_desktop.ui.dialogs.import_wizard import ImportWizard  # noqa: E402
from simoncer_desktop.ui.main_window import MainWindow  # noqa: E402

SIZE = (1366, 768)


def settle(ms: int = 100) -> None:
    """Let Qt lay out and paint."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QApplication.processEvents()


def grab(widget: QWidget, path: Path) -> None:
    settle()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"{path} ({widget.width()}×{widget.height()})")


def compose_dialog(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window dimmed with the dialog on top, framed (offscreen windows have no decorations)."""
    pixmap = window.grab()
    painter = QPainter(pixmap)
    painter.fillRect(pixmap.rect(), QColor(0, 0, 0, 90))
    offset = dialog.geometry().topLeft() - window.geometry().topLeft()
    painter.drawPixmap(offset, dialog.grab())
    painter.setPen(QColor("#1f3550"))
    painter.drawRect(offset.x(), offset.y(), dialog.width() - 1, dialog.height() - 1)
    painter.end()
    return pixmap


def faulty_export(db: Database, folder: Path) -> Path:
    """Export one kecamatan of the demo caseload, then spoil a few cells the way real files are spoilt."""
    path = folder / "kpm-bogor-selatan.xlsx"
    with db.read() as session:
        caseload_export.export_caseload(session, path, CaseloadFilter(kecamatan="32.71.01"))
    workbook = load_workbook(path)
    sheet = workbook.active
    header = [c.value for c in sheet[1]]
    column = {name: header.index(name) + 1 for name in header}
    nik = str(sheet.cell(3, column["NIK"]).value)
    sheet.cell(3, column["NIK"]).value = int(nik[:15] + "0")  # Excel kept 15 digits
    sheet.cell(8, column["TANGGAL_LAHIR"]).value = "31-02-1990"
    sheet.cell(12, column["JENIS_KELAMIN"]).value = "X"
    workbook.save(path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--families", type=int, default=2000)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tasks.RUN_INLINE = True  # nothing slow happens here; keep the script linear

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SIMONCER_DATA_DIR"] = tmp
        db = open_database(Path(tmp) / "demo.sqlite3")
        with db.transaction() as session:
            demo_data.generate(session, families=args.families, seed=1, region="32.71")
        app = create_application()
        window = MainWindow(db)
        window.resize(*SIZE)
        window.show()
        window.show_page(1)
        page = window.caseload_page
        page.select_row(0)
        grab(window, args.out / "caseload.png")

        household_id = page.selected_household_id()
        assert household_id is not None
        page.open_household(household_id)
        dialog = page.dialog
        assert dialog is not None
        settle()
        path = args.out / "family.png"
        compose_dialog(window, dialog).save(str(path))
        print(f"{path} (dialog {dialog.width()}×{dialog.height()})")
        dialog.reject()
        settle()

        source = faulty_export(db, Path(tmp))
        ImportWizard.ask_open_path = lambda _self: str(source)  # type: ignore[method-assign]
        page.import_data()
        wizard = page.import_dialog
        assert wizard is not None
        wizard.path_edit.setText(str(source))
        wizard.check()
        settle()
        path = args.out / "import.png"
        compose_dialog(window, wizard).save(str(path))
        print(f"{path} (dialog {wizard.width()}×{wizard.height()})")
        wizard.reject()
        settle()

        window.show_page(5)
        settle(300)
        grab(window, args.out / "data-quality.png")
        window.close()
        db.close()
        del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
