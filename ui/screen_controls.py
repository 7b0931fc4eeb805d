"""The facilitator's controls for the shared screen: open it, follow the phase, blank, pause, pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QMenu, QPushButton, QToolButton, QWidget

from app.i18n import _
from ui.presenter import Mode, Presenter


class ScreenControls(QWidget):
    def __init__(self, presenter: Presenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.open_button = QPushButton(_("Shared screen"))
        self.open_button.setCheckable(True)
        self.open_button.setToolTip(_("Open the shared screen (full screen on a second monitor)"))
        self.open_button.toggled.connect(self._open_toggled)
        self.modes = QButtonGroup(self)
        self.mode_buttons: dict[Mode, QPushButton] = {}
        for mode, text, key in (
            (Mode.FOLLOW, _("Follow the phase"), "Ctrl+Shift+F"),
            (Mode.BLANK, _("Black"), "Ctrl+B"),
            (Mode.PAUSE, _("Break slide"), "Ctrl+Shift+P"),
            (Mode.TIMER, _("Timer"), "Ctrl+T"),
        ):
            button = QPushButton(text)
            button.setCheckable(True)
            # Application-wide: once a voter has tapped the shared screen, it is the active window,
            # and the facilitator must still be able to black it out or show the break at once.
            shortcut = QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(lambda b=button: b.click() if self.isVisible() else None)
            button.setToolTip(
                f"{text} ({QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)})"
            )
            button.clicked.connect(lambda _checked=False, m=mode: self._choose(m))
            self.modes.addButton(button)
            self.mode_buttons[mode] = button
        self.monitor_button = QToolButton()
        self.monitor_button.setText(_("Monitor"))
        self.monitor_button.setToolTip(_("Which monitor shows the shared screen"))
        self.monitor_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.monitor_menu = QMenu(self.monitor_button)
        self.monitor_menu.aboutToShow.connect(self._fill_monitors)
        self.monitor_button.setMenu(self.monitor_menu)
        self.previous_page = QPushButton("◀")
        self.previous_page.setToolTip(_("Previous page of ideas"))
        self.previous_page.clicked.connect(lambda: self._page(-1))
        self.next_page = QPushButton("▶")
        self.next_page.setToolTip(_("Next page of ideas"))
        self.next_page.clicked.connect(lambda: self._page(+1))
        for arrow in (self.previous_page, self.next_page):
            arrow.setFixedWidth(arrow.fontMetrics().horizontalAdvance("◀") * 3)
        self.page_label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.open_button)
        layout.addWidget(self.monitor_button)
        for button in self.mode_buttons.values():
            layout.addWidget(button)
        layout.addWidget(self.previous_page)
        layout.addWidget(self.page_label)
        layout.addWidget(self.next_page)
        presenter.modeChanged.connect(self._mode_changed)
        presenter.screenClosed.connect(self._screen_closed)
        presenter.sceneChanged.connect(lambda _scene: self._update_pages())
        self._mode_changed(str(presenter.mode))

    def _open_toggled(self, opened: bool) -> None:
        if opened:
            self.presenter.show_screen()
        else:
            self.presenter.hide_screen()
        self._update_pages()

    def _fill_monitors(self) -> None:
        """The monitors there are now, and "automatic": the first that is not the laptop's own."""
        from app.settings import Settings
        from ui.screens import current_screens

        self.monitor_menu.clear()
        saved = str(Settings().get("shared_screen"))
        choices = [("", _("Automatic (a second monitor if there is one)"))]
        for screen in current_screens():
            own = _(" (this computer's)") if screen.primary else ""
            choices.append((screen.name, f"{screen.name} – {screen.width}×{screen.height}{own}"))
        for name, text in choices:
            action = self.monitor_menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(name == saved)
            action.triggered.connect(lambda _checked=False, n=name: self.choose_monitor(n))

    def choose_monitor(self, name: str) -> None:
        """Remember the monitor for the shared screen and move it there if it is open."""
        screen = self.presenter.show_screen() if self.open_button.isChecked() else None
        if screen is not None and self.presenter.placer is not None:
            self.presenter.placer.choose(name)
        else:
            from app.settings import Settings

            Settings().set("shared_screen", name)

    def _screen_closed(self) -> None:
        blocked = self.open_button.blockSignals(True)
        self.open_button.setChecked(False)
        self.open_button.blockSignals(blocked)
        self._update_pages()

    def _choose(self, mode: Mode) -> None:
        self.presenter.set_mode(mode)

    def _mode_changed(self, mode: str) -> None:
        self.mode_buttons[Mode(mode)].setChecked(True)

    def _page(self, step: int) -> None:
        screen = self.presenter.screen
        if screen is None:
            return
        if step > 0:
            screen.next_page()
        else:
            screen.previous_page()
        self._update_pages()

    def _update_pages(self) -> None:
        screen = self.presenter.screen
        count = screen.page_count if screen is not None and screen.isVisible() else 0
        for widget in (self.previous_page, self.next_page, self.page_label):
            widget.setVisible(count > 1)
        if screen is not None and count > 1:
            self.page_label.setText(_("Page {page} of {count}").format(page=screen.page + 1, count=count))
