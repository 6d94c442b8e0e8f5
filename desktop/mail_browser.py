"""Showing e-mail safely: a text browser that loads only a message's own cid: images.

The timeline's HTML comes from `inbox.mailview` (sanitised on import and again on reading).
`MailBrowser.loadResource` answers only `cid:` image requests, from the inline attachments of
the message the image belongs to; every other URL (http, https, file, relative, CSS
backgrounds) gets nothing, so showing a mail never contacts a server: no tracking pixels.
Links are never followed by the browser itself: a click asks first, then hands the address to
the desktop. Attachments are saved on request, and opened only on explicit request, with a
warning for types that can run code.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QLocale, QUrl, Signal
from PySide6.QtGui import QCursor, QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QFileDialog, QMenu, QTextBrowser, QWidget

from desktop import dialogs
from inbox import opened
from inbox.errors import LoketError, StorageError
from inbox.mailview import AttachmentInfo, MessageView, attachment_bytes, attachment_info
from inbox.services import Loket

log = logging.getLogger("loket.desktop.mail")

ATTACHMENT_SCHEME = "loket-attachment"
OPENABLE_SCHEMES = ("http", "https", "mailto")
MAX_IMAGE_BYTES = 15 * 1024 * 1024
MAX_IMAGE_WIDTH = 640

_CID_SRC = re.compile(r'(\ssrc=")cid:([^"#]*)(")', re.IGNORECASE)


def scoped_html(view: MessageView) -> str:
    """The message's sanitised HTML with each cid: image tagged with the message it belongs
    to (cid:<content-id>#m<message id>), so one message cannot show another's images."""
    if view.html is None:
        return ""
    return _CID_SRC.sub(lambda m: f"{m[1]}cid:{m[2]}#m{view.message_id}{m[3]}", view.html)


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def _blank_image() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(0)  # transparent
    return image


class MailBrowser(QTextBrowser):
    """A QTextBrowser for the timeline: cid: images from the message itself, nothing else."""

    failed = Signal(str)  # a Dutch message for the status bar

    def __init__(self, loket: Loket | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loket = loket
        self.views: Mapping[int, MessageView] = {}
        self.refused: list[str] = []  # URLs it declined to load (for the log and tests)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.link_clicked)

    # -- resources -----------------------------------------------------------------------

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802 - Qt override
        url = name if isinstance(name, QUrl) else QUrl(name)
        if url.scheme().lower() == "cid" and kind == QTextDocument.ResourceType.ImageResource:
            image = self._cid_image(url)
            if image is not None:
                return image
        self.refused.append(url.toString())
        # Not None: on an empty answer QTextDocument itself reads relative and file: URLs
        # from disk (on Windows a file://server/share URL would even contact that server).
        if kind == QTextDocument.ResourceType.ImageResource:
            return _blank_image()
        if kind == QTextDocument.ResourceType.StyleSheetResource:
            return ""
        return QByteArray()

    def _cid_image(self, url: QUrl) -> QImage | None:
        fragment = url.fragment()
        if self.loket is None or not fragment.startswith("m") or not fragment[1:].isdigit():
            return None
        view = self.views.get(int(fragment[1:]))
        if view is None:
            return None
        attachment = view.by_content_id(url.path(QUrl.ComponentFormattingOption.FullyDecoded))
        if attachment is None or attachment.size > MAX_IMAGE_BYTES:
            return None
        if not attachment.content_type.lower().startswith("image/"):
            return None
        try:
            data = attachment_bytes(self.loket, attachment.id)
        except (LoketError, StorageError):
            return None
        image = QImage.fromData(data)
        if image.isNull():
            return None
        if image.width() > MAX_IMAGE_WIDTH:
            image = image.scaledToWidth(MAX_IMAGE_WIDTH)
        return image

    # -- links ---------------------------------------------------------------------------

    def link_clicked(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme == ATTACHMENT_SCHEME and url.path().isdigit():
            self.attachment_menu(int(url.path())).popup(QCursor.pos())
        elif scheme in OPENABLE_SCHEMES:
            self.open_link(url)
        else:
            log.info("ignored a click on a link with scheme %r", scheme[:20])

    def open_link(self, url: QUrl) -> bool:
        """Open a link from a mail in the desktop's browser or mail program, after asking."""
        shown = url.toDisplayString()
        if not dialogs.ask(
            self,
            self.tr("Open link"),
            self.tr("Open this link from the e-mail?"),
            self.tr("%1\n\nOnly open links you trust: a link in an e-mail can lead to a fake "
                "website.").replace("%1", shown),
            yes=self.tr("Open link"),
        ):
            return False
        return bool(QDesktopServices.openUrl(url))

    # -- attachments ---------------------------------------------------------------------

    def attachment_menu(self, attachment_id: int) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.tr("Save as…"), lambda: self.save_attachment(attachment_id))
        menu.addAction(self.tr("Open"), lambda: self.open_attachment(attachment_id))
        menu.aboutToHide.connect(menu.deleteLater)
        return menu

    def _info(self, attachment_id: int) -> AttachmentInfo | None:
        if self.loket is None:
            return None
        try:
            return attachment_info(self.loket, attachment_id)
        except (LoketError, StorageError) as exc:
            self.failed.emit(str(exc))
            return None

    def save_attachment(self, attachment_id: int) -> Path | None:
        info = self._info(attachment_id)
        if info is None:
            return None
        folder = Path.home() / "Downloads"
        start = folder if folder.is_dir() else Path.home()
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save attachment"),
                                                str(start / info.filename))
        if not chosen:
            return None
        return self.write_attachment(attachment_id, Path(chosen))

    def write_attachment(self, attachment_id: int, target: Path) -> Path | None:
        """Write the attachment's bytes to `target` (a path the user chose)."""
        if self.loket is None:
            return None
        try:
            target.write_bytes(attachment_bytes(self.loket, attachment_id))
        except (LoketError, StorageError) as exc:
            self.failed.emit(str(exc))
            return None
        except OSError as exc:
            self.failed.emit(
                self.tr("Could not save %1: %2").replace("%1", str(target))
                .replace("%2", exc.strerror or type(exc).__name__)
            )
            return None
        return target

    def open_attachment(self, attachment_id: int) -> Path | None:
        """Open with the program the desktop chooses, only after a warning for risky types."""
        info = self._info(attachment_id)
        if info is None:
            return None
        if info.risky and not dialogs.ask(
            self,
            self.tr("Open attachment"),
            self.tr("'%1' can contain a program or macros.").replace("%1", info.filename),
            self.tr("Opening it can infect this computer. Only open it if you expected this file "
                "from this sender; when in doubt, ask the service desk."),
            yes=self.tr("Open anyway"),
            warning=True,
        ):
            return None
        if self.loket is None:
            return None
        try:
            path = opened.place(info.id, info.filename,
                                attachment_bytes(self.loket, attachment_id))
        except (LoketError, StorageError) as exc:
            self.failed.emit(str(exc))
            return None
        except OSError as exc:
            self.failed.emit(
                self.tr("Could not save %1: %2").replace("%1", info.filename)
                .replace("%2", exc.strerror or type(exc).__name__)
            )
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

