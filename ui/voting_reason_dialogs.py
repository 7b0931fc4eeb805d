"""Dialogs that change what the vote said, each with the reason kept on record: ties, the shortlist."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import InvalidInput
from app.i18n import _, ngettext
from ui.dialogs import error_label, ok_cancel


def confirm(parent: QWidget, title: str, text: str, yes_text: str, *, warning: bool = False) -> bool:
    """Ask before a step the room will see or that loses work; Cancel is the default, for a stray Enter."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    box = QMessageBox(icon, title, text, yes | no, parent)
    box.button(yes).setText(yes_text)
    box.button(no).setText(_("Cancel"))
    box.setDefaultButton(no)
    try:
        return box.exec() == yes
    finally:
        box.deleteLater()


def _reason_box(placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 16)
    box.setAccessibleName(_("Reason"))
    return box


class ReasonDialog(QDialog):
    """Asks why (a shortlist changed against the vote); ``submit`` makes the change or refuses."""

    def __init__(
        self,
        title: str,
        prompt: str,
        ok_text: str,
        submit: Callable[[str], InvalidInput | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.submit = submit
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.reason = _reason_box(_("Why? This is kept with the shortlist."))
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, ok_text))
        self.reason.setFocus()
        self.resize(520, 0)

    def accept(self) -> None:
        refusal = self.submit(self.reason.toPlainText())
        if refusal is not None:
            self.error.setText(refusal.message)
            self.error.show()
            self.reason.setFocus()
            return
        super().accept()


class SettleTieDialog(QDialog):
    """The tied ideas put in order by hand: the first ``places`` go on. A reason is required."""

    def __init__(
        self,
        tied: Sequence[tuple[str, str]],
        places: int,
        submit: Callable[[list[str], str], InvalidInput | None],
        parent: QWidget | None = None,
        *,
        earlier: str | None = None,
    ) -> None:
        """``earlier``: the reason of a settlement by hand made before, which this one replaces."""
        super().__init__(parent)
        self.setWindowTitle(_("Settle the tie by hand") if earlier is None else _("Settle the tie again"))
        self.submit = submit
        self.places = places
        self.titles = dict(tied)
        intro = QLabel(
            ngettext(
                "Put the tied ideas in order: the first goes on. The vote stays on record as it was.",
                "Put the tied ideas in order: the first {n} go on. The vote stays on record as it was.",
                places,
            ).format(n=places)
        )
        intro.setWordWrap(True)
        self.earlier = QLabel(
            _("Settled before, by hand: “{reason}”. This order and reason replace it.").format(
                reason=earlier or ""
            )
        )
        self.earlier.setWordWrap(True)
        self.earlier.setVisible(earlier is not None)
        self.order = QListWidget()
        self.order.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.order.setAccessibleName(_("The tied ideas in order"))
        for idea_id, title in tied:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, idea_id)
            self.order.addItem(item)
        self.order.setCurrentRow(0)
        self.order.model().rowsMoved.connect(self._mark)
        self.up_button = QPushButton(_("Move up"))
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button = QPushButton(_("Move down"))
        self.down_button.clicked.connect(lambda: self.move(1))
        moves = QVBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        lists = QHBoxLayout()
        lists.addWidget(self.order, 1)
        lists.addLayout(moves)
        self.reason = _reason_box(
            _("Why this order? For example: the group agreed after a short discussion.")
        )
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.earlier)
        layout.addLayout(lists, 1)
        layout.addWidget(QLabel(_("Reason (required)")))
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, _("Settle the tie")))
        self._mark()
        self.resize(560, 420)

    def ordered(self) -> list[str]:
        return [self.order.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.order.count())]

    def move(self, step: int) -> None:
        row = self.order.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.order.count():
            return
        item = self.order.takeItem(row)
        self.order.insertItem(target, item)
        self.order.setCurrentRow(target)
        self._mark()

    def _mark(self, *_args: object) -> None:
        for row in range(self.order.count()):
            item = self.order.item(row)
            title = self.titles[item.data(Qt.ItemDataRole.UserRole)]
            item.setText(_("{n}. {title}  ✓ goes on").format(n=row + 1, title=title) if row < self.places
                         else _("{n}. {title}").format(n=row + 1, title=title))  # fmt: skip

    def accept(self) -> None:
        refusal = self.submit(self.ordered(), self.reason.toPlainText())
        if refusal is not None:
            self.error.setText(refusal.message)
            self.error.show()
            self.reason.setFocus()
            return
        super().accept()


class AddToShortlistDialog(QDialog):
    """Any idea of the workshop not on the shortlist, put on it by hand with a reason."""

    def __init__(
        self,
        ideas: Sequence[tuple[str, str]],
        submit: Callable[[str, str], InvalidInput | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add an idea to the shortlist"))
        self.submit = submit
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search the ideas"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.ideas = QListWidget()
        self.ideas.setAccessibleName(_("Ideas not on the shortlist"))
        for idea_id, title in ideas:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, idea_id)
            item.setToolTip(title)
            self.ideas.addItem(item)
        self.reason = _reason_box(_("Why does it go on, against the vote? This is kept with the shortlist."))
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.ideas, 1)
        layout.addWidget(QLabel(_("Reason (required)")))
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, _("Add to the shortlist")))
        self.search.setFocus()
        self.resize(560, 480)

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.ideas.count()):
            item = self.ideas.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def chosen(self) -> str | None:
        item = self.ideas.currentItem()
        if item is None or item.isHidden():
            return None
        return item.data(Qt.ItemDataRole.UserRole)

    def accept(self) -> None:
        idea_id = self.chosen()
        refusal = (
            InvalidInput(_("Choose the idea to add."), "idea_id")
            if idea_id is None
            else self.submit(idea_id, self.reason.toPlainText())
        )
        if refusal is not None:
            self.error.setText(refusal.message)
            self.error.show()
            return
        super().accept()
