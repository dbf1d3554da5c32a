"""The attachments panel: list, attach through the file dialog, refusal shown, open (a decrypted temporary
copy, and the panel says so), a damaged file refused, missing file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from simoncer_desktop.services import attachments as att
from simoncer_desktop.store import Database
from simoncer_desktop.ui.tasks import TaskRunner
from simoncer_desktop.ui.widgets.attachments_panel import AttachmentsPanel
from tests.relief_rows import make_event


@pytest.fixture
def event_id(db: Database) -> str:
    with db.transaction() as s:
        return make_event(s).id


@pytest.fixture
def panel(qtbot: QtBot, db: Database) -> AttachmentsPanel:
    widget = AttachmentsPanel(db, TaskRunner(), actor=lambda: "operator uji")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def choose(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[str]:
    asked: list[str] = []

    def fake(_parent: object, title: str, *_args: object) -> tuple[str, str]:
        asked.append(title)
        return (str(path) if path else "", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake)
    return asked


def texts(panel: AttachmentsPanel) -> list[str]:
    return [panel.list.item(i).text() for i in range(panel.list.count())]


def test_without_an_owner_nothing_can_be_attached(panel: AttachmentsPanel) -> None:
    assert not panel.attach_button.isEnabled() and not panel.open_button.isEnabled()
    assert panel.list.count() == 0


def test_attach_a_photo_then_open_it(
    panel: AttachmentsPanel, event_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    panel.set_owner("kejadian", event_id)
    assert texts(panel) == ["Belum ada lampiran"] and panel.attach_button.isEnabled()
    source = tmp_path / "posko.jpg"
    Image.new("RGB", (2400, 1200), (10, 120, 60)).save(source, "JPEG")
    asked = choose(monkeypatch, source)
    panel.caption_edit.setText("Posko pengungsian")
    with qtbot.waitSignal(panel.added):
        panel.attach_button.click()
    assert asked == ["Lampirkan foto atau pindaian"]
    [text] = texts(panel)
    assert text.startswith("posko.jpg — Posko pengungsian · ") and text.endswith("KB")
    assert panel.caption_edit.text() == "" and not panel.message_label.isVisible()
    assert (panel.attachments[0].width, panel.attachments[0].height) == (1600, 800)

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert not panel.open_button.isEnabled()
    panel.list.setCurrentRow(0)
    assert panel.open_button.isEnabled()
    panel.open_button.click()
    copy = panel.last_opened_copy
    assert copy is not None and [url.toLocalFile() for url in opened] == [str(copy)]
    assert copy != panel.attachments[0].path and copy.name == "posko.jpg"
    assert copy.read_bytes() == att.read_attachment(None, panel.attachments[0])
    assert copy.read_bytes().startswith(b"\xff\xd8\xff")  # plain JPEG for the system's viewer
    assert not panel.attachments[0].path.read_bytes().startswith(b"\xff\xd8\xff")  # the stored one is sealed
    message = panel.message_label.text()
    assert "salinan sementara tanpa enkripsi" in message and str(copy.parent) in message


def test_a_damaged_file_is_not_opened(
    panel: AttachmentsPanel, event_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    source = tmp_path / "surat.pdf"
    source.write_bytes(b"%PDF-1.4\n%%EOF\n")
    panel.set_owner("kejadian", event_id)
    choose(monkeypatch, source)
    with qtbot.waitSignal(panel.added):
        panel.attach_button.click()
    stored = panel.attachments[0].path
    stored.write_bytes(stored.read_bytes()[:-1] + b"x")
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    panel.list.setCurrentRow(0)
    panel.open_button.click()
    assert opened == [] and panel.last_opened_copy is None
    assert "Lampiran 'surat.pdf' tidak dapat dibuka" in panel.message_label.text()


def test_a_refused_file_is_explained_under_the_list(
    panel: AttachmentsPanel, event_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel.set_owner("kejadian", event_id)
    note = tmp_path / "catatan.txt"
    note.write_text("bukan foto", encoding="utf-8")
    choose(monkeypatch, note)
    panel.attach_button.click()
    assert panel.message_label.isVisible()
    assert panel.message_label.text() == "Berkas 'catatan.txt' bukan foto atau pindaian PDF"
    assert texts(panel) == ["Belum ada lampiran"] and panel.attach_button.isEnabled()
    choose(monkeypatch, None)  # cancelled dialog: nothing happens
    panel.attach_button.click()
    assert texts(panel) == ["Belum ada lampiran"]


def test_a_missing_file_is_marked_and_not_opened(
    panel: AttachmentsPanel, event_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    source = tmp_path / "surat.pdf"
    source.write_bytes(b"%PDF-1.4\n%%EOF\n")
    panel.set_owner("kejadian", event_id)
    choose(monkeypatch, source)
    with qtbot.waitSignal(panel.added):
        panel.attach_button.click()
    panel.attachments[0].path.unlink()
    panel.set_owner("kejadian", event_id)
    [text] = texts(panel)
    assert text.endswith("berkas hilang")
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    panel.list.setCurrentRow(0)
    panel.open_button.click()
    assert opened == []
    assert "Berkas 'surat.pdf' hilang" in panel.message_label.text()
    panel.set_owner(None, None)
    assert panel.list.count() == 0 and not panel.attach_button.isEnabled()
