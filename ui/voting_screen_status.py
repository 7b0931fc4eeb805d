"""One line under the voting panel: what the shared screen shows of a vote, and the way back to the board."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.i18n import _

if TYPE_CHECKING:
    from ui.presenter import Presenter


class ScreenStatus(QWidget):
    """ "The shared screen shows the booth of round 2." and a button for the idea board instead.

    Hidden while the shared screen shows none of this workshop's rounds.
    """

    def __init__(self, presenter: Presenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.board_button = QPushButton(_("Show the idea board instead"))
        self.board_button.clicked.connect(presenter.show_board)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.board_button)

    def show_status(self, numbers: Mapping[str, int]) -> None:
        """Say what the shared screen shows; ``numbers``: the number of each of this workshop's rounds."""
        view = self.presenter.voting_view
        if view is None or view.round_id not in numbers:
            for widget in (self, self.text, self.board_button):
                widget.hide()
            return
        if view.kind == "booth" and view.here:
            text = _("The booth of round {n} is open on this laptop; the shared screen shows the turnout.")
        elif view.kind == "booth":
            text = _("The shared screen shows the booth of round {n}.")
        else:
            text = _("The shared screen shows the results of round {n}.")
        self.text.setText(text.format(n=numbers[view.round_id]))
        for widget in (self, self.text, self.board_button):
            widget.show()
