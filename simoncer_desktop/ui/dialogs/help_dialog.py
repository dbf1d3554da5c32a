"""*Bantuan → Panduan pengguna* (F1): the user guide (resources/help/panduan-pengguna.md) beside its contents.

Non-modal, so it can stay open next to the window while the user works. The contents list is made from the
headings of the rendered document (so it always matches what is shown); choosing one scrolls the heading to
the top. Ctrl+F goes to the search field: Enter finds the next match (wrapping around), Shift+Enter the
previous one, and every match is highlighted. Links inside the guide to ``#heading`` go to that heading;
web links open in the browser.
"""

from __future__ import annotations

import logging
import re
import unicodedata

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.paths import resource_path
from simoncer_desktop.ui.icons import icon

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

GUIDE = ("help", "panduan-pengguna.md")
BLOCK_ROLE = Qt.ItemDataRole.UserRole
MATCH_COLOR = "#fbe3a0"


def slug(text: str) -> str:
    """The anchor a Markdown heading gets on GitHub-style renderers: ``## 7. Pintasan keyboard`` →
    ``7-pintasan-keyboard``, so links written for the repository also work in the dialog."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().strip()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def guide_text() -> str | None:
    path = resource_path(*GUIDE)
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("User guide missing: %s", path)
        return None


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Panduan Pengguna — Simoncer"))
        self.setWindowIcon(icon("help"))
        self.setModal(False)
        self.resize(1040, 660)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Cari dalam panduan… (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.returnPressed.connect(self.find_next)
        self.search_edit.textChanged.connect(self._search_changed)
        self.previous_button = QPushButton(self.tr("&Sebelumnya"))
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button = QPushButton(self.tr("Ber&ikutnya"))
        self.next_button.clicked.connect(self.find_next)
        self.search_status = QLabel()
        self.search_status.setObjectName("hint")
        search_row = QHBoxLayout()
        search_label = QLabel(self.tr("&Cari:"))
        search_label.setBuddy(self.search_edit)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.previous_button)
        search_row.addWidget(self.next_button)
        search_row.addWidget(self.search_status)

        self.contents = QTreeWidget()
        self.contents.setHeaderLabels([self.tr("Daftar isi")])
        self.contents.setMinimumWidth(220)
        self.contents.itemActivated.connect(self._go_to_item)
        self.contents.itemClicked.connect(self._go_to_item)

        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._open_link)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 710])

        self.close_button = QPushButton(self.tr("&Tutup"))
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        for button in (self.previous_button, self.next_button, self.close_button):
            button.setAutoDefault(False)  # Enter in the search field finds; it must not also press a button
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self).activated.connect(self.focus_search)
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindNext), self).activated.connect(self.find_next)
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindPrevious), self).activated.connect(self.find_previous)
        back = QShortcut(QKeySequence("Shift+Return"), self.search_edit)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)
        back.activated.connect(self.find_previous)
        self.load()

    # --- the guide ---------------------------------------------------------------------------------

    def load(self) -> None:
        text = guide_text()
        if text is None:
            self.browser.setPlainText(self.tr("Panduan pengguna tidak ditemukan: %s") % resource_path(*GUIDE))
        else:
            self.browser.setMarkdown(text)
        self._build_contents()

    def _build_contents(self) -> None:
        """One item per heading of the rendered document, nested by level. A single top heading is the
        guide's title: it is listed beside its chapters rather than above them (less indentation)."""
        self.contents.clear()
        self.anchors: dict[str, int] = {}
        parents: list[tuple[int, QTreeWidgetItem]] = []
        document = self.browser.document()
        levels = []
        block = document.begin()
        while block.isValid():
            levels.append(block.blockFormat().headingLevel())
            block = block.next()
        top = 2 if levels.count(1) == 1 else 1
        block = document.begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            title = block.text().strip()
            if level > 0 and title:
                level = max(level, top)
                while parents and parents[-1][0] >= level:
                    parents.pop()
                item = QTreeWidgetItem([title])
                item.setData(0, BLOCK_ROLE, block.blockNumber())
                item.setToolTip(0, title)
                if parents:
                    parents[-1][1].addChild(item)
                else:
                    self.contents.addTopLevelItem(item)
                parents.append((level, item))
                self.anchors.setdefault(slug(title), block.blockNumber())
            block = block.next()
        self.contents.expandAll()

    def headings(self) -> list[str]:
        """The contents' titles in document order (tests, and what the user sees)."""
        result: list[str] = []

        def walk(item: QTreeWidgetItem) -> None:
            result.append(item.text(0))
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.contents.topLevelItemCount()):
            walk(self.contents.topLevelItem(i))
        return result

    def go_to_block(self, number: int) -> None:
        """Put the cursor on block ``number`` and scroll it to the top of the view."""
        block = self.browser.document().findBlockByNumber(number)
        if not block.isValid():
            return
        self.browser.setTextCursor(QTextCursor(block))
        document = self.browser.document()
        top = document.documentLayout().blockBoundingRect(block).top() - document.documentMargin()
        self.browser.verticalScrollBar().setValue(max(0, int(top)))

    def go_to_heading(self, title: str) -> bool:
        number = self.anchors.get(slug(title))
        if number is None:
            return False
        self.go_to_block(number)
        return True

    def _go_to_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        number = item.data(0, BLOCK_ROLE)
        if number is not None:
            self.go_to_block(int(number))

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        fragment = url.fragment()
        if fragment and fragment in self.anchors:
            self.go_to_block(self.anchors[fragment])

    # --- search ------------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _find(self, backward: bool) -> bool:
        """Select the next (or previous) match from the cursor, wrapping around once."""
        text = self.search_edit.text().strip()
        if not text:
            self.search_status.clear()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self.browser.find(text, flags)
        if not found:
            cursor = self.browser.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, flags)
        if not found:
            self.search_status.setText(self.tr("Tidak ditemukan"))
        return found

    def _search_changed(self, text: str) -> None:
        """Highlight every match while typing and show how many there are."""
        needle = text.strip()
        selections: list[QTextEdit.ExtraSelection] = []
        if needle:
            document = self.browser.document()
            cursor = document.find(needle)
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format.setBackground(QColor(MATCH_COLOR))
                selections.append(selection)
                cursor = document.find(needle, cursor)
        self.browser.setExtraSelections(selections)
        self.match_count = len(selections)
        if not needle:
            self.search_status.clear()
        elif selections:
            self.search_status.setText(self.tr("%d ditemukan") % len(selections))
        else:
            self.search_status.setText(self.tr("Tidak ditemukan"))
