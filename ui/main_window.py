"""The facilitator's window: the workshop list, then a workshop with its agenda."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from app.i18n import _
from app.settings import WindowState
from ui.actions import Actions
from ui.hub import Hub
from ui.message_bar import MessageBar
from ui.workshop_list import WorkshopListPage

if TYPE_CHECKING:
    from app.workshop_rows import WorkshopSummary
    from ui.export_flow import ExportFlow
    from ui.export_progress import ProgressRunner
    from ui.followup_view import FollowUpView
    from ui.import_package import ImportFlow
    from ui.workshop_page import WorkshopPage

# The workshop page, dialogs and commands import the database layer; they are imported
# when first used so that the window can show the list before that layer has loaded.


class MainWindow(QMainWindow):
    def __init__(
        self,
        hub: Hub,
        window_state: WindowState,
        db_path: str,
        rows: list[WorkshopSummary],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.hub = hub
        self.window_state = window_state
        self.setWindowTitle(_("Mylla – {path}").format(path=db_path))
        self.dialogs: dict[str, QWidget] = {}

        self.messages = MessageBar()
        self.list_page = WorkshopListPage(hub, rows)
        self._workshop_page: WorkshopPage | None = None
        self._followup_view: FollowUpView | None = None
        self._runner: ProgressRunner | None = None
        self._export_flow: ExportFlow | None = None
        self._import_flow: ImportFlow | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list_page)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.messages)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.saved_label = QLabel(_("All changes are saved."))
        self.statusBar().addPermanentWidget(self.saved_label)

        self.actions = Actions(self)
        self._build_menus()
        self.list_page.openRequested.connect(self.open_workshop)
        self.list_page.demoRequested.connect(self.create_demo)
        self.list_page.newRequested.connect(self.new_workshop)
        self.list_page.followUpRequested.connect(self.show_followup)
        self.list_page.table.selectionModel().selectionChanged.connect(self._update_actions)
        hub.ready.connect(self._update_actions)
        hub.saved.connect(self._on_saved)
        hub.failed.connect(self.messages.error)
        hub.workshopsChanged.connect(self._update_actions)
        self.pages.currentChanged.connect(self._update_actions)
        self._update_actions()
        self._restore_geometry()

    # -- building -------------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.actions
        undo = self.hub.undo_stack.createUndoAction(self, _("Undo"))
        undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        redo = self.hub.undo_stack.createRedoAction(self, _("Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action, self.redo_action = undo, redo
        file_menu = self.menuBar().addMenu(_("&File"))
        for name in ("new", "demo"):
            file_menu.addAction(a[name])
        file_menu.addSeparator()
        for name in ("export", "print_protocol", "import"):
            file_menu.addAction(a[name])
        file_menu.addSeparator()
        file_menu.addAction(a["settings"])
        file_menu.addSeparator()
        file_menu.addAction(a["quit"])
        edit_menu = self.menuBar().addMenu(_("&Edit"))
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        for name in ("rename", "details", "duplicate", "delete", "find"):
            edit_menu.addAction(a[name])
        toolbar = self.addToolBar(_("Workshop"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        for name in ("new", "open", "rename", "duplicate", "delete"):
            toolbar.addAction(a[name])
        toolbar.addSeparator()
        toolbar.addAction(undo)
        toolbar.addAction(redo)
        toolbar.addSeparator()
        a["followup"].setIconText(_("Follow-up"))  # the menu's longer words would crowd the toolbar
        toolbar.addAction(a["followup"])
        self.toolbar = toolbar
        workshop_menu = self.menuBar().addMenu(_("&Workshop"))
        for name in ("open", "back", "previous_phase", "next_phase", "skip_phase"):
            workshop_menu.addAction(a[name])
        workshop_menu.addSeparator()
        workshop_menu.addAction(a["export"])
        workshop_menu.addAction(a["print_protocol"])
        workshop_menu.addSeparator()
        workshop_menu.addAction(a["followup"])
        a.connect(
            {
                "new": self.new_workshop,
                "open": self._open_selected,
                "rename": self.rename_workshop,
                "duplicate": self.duplicate_workshop,
                "delete": self.delete_workshop,
                "demo": self.create_demo,
                "export": lambda: self._with_current(self.export_flow.export),
                "print_protocol": lambda: self._with_current(self.export_flow.print_protocol),
                "import": lambda: self.import_flow.import_package(),
                "details": lambda: self._with_current(self._edit_details),
                "settings": self._open_settings,
                "back": self.show_list,
                "followup": self.show_followup,
                "next_phase": lambda: self.workshop_page.advance(),
                "previous_phase": lambda: self.workshop_page.go_back(),
                "skip_phase": lambda: self.workshop_page.toggle_skip(),
                "find": self._focus_search,
                "quit": self.close,
            }
        )

    @property
    def workshop_page(self) -> WorkshopPage:
        """The page of an opened workshop, built the first time one is opened."""
        if self._workshop_page is None:
            from ui.workshop_page import WorkshopPage

            self._workshop_page = WorkshopPage(self.hub)
            self._workshop_page.backRequested.connect(self.show_list)
            self._workshop_page.phaseChanged.connect(self._update_actions)
            self.pages.addWidget(self._workshop_page)
        return self._workshop_page

    @property
    def followup_view(self) -> FollowUpView:
        """The follow-up across all workshops, built the first time it is shown."""
        if self._followup_view is None:
            from ui.followup_view import FollowUpView

            self._followup_view = FollowUpView(self.hub)
            self._followup_view.backRequested.connect(self.show_list)
            self._followup_view.openRequested.connect(self.open_workshop)
            self.pages.addWidget(self._followup_view)
        return self._followup_view

    @property
    def runner(self) -> ProgressRunner:
        """Long work (export, import) in a worker thread, with its progress dialog."""
        if self._runner is None:
            from ui.export_progress import ProgressRunner

            self._runner = ProgressRunner(self, self.messages)
        return self._runner

    @property
    def export_flow(self) -> ExportFlow:
        if self._export_flow is None:
            from ui.export_flow import ExportFlow

            self._export_flow = ExportFlow(self.hub, self.runner)
        return self._export_flow

    @property
    def import_flow(self) -> ImportFlow:
        if self._import_flow is None:
            from ui.import_package import ImportFlow

            self._import_flow = ImportFlow(self.hub, self.runner)
            self._import_flow.imported.connect(self.open_workshop)
        return self._import_flow

    def _with_current(self, command: Callable[[str], None]) -> None:
        workshop_id = self._current_id() if self.hub.is_ready else None
        if workshop_id is not None:
            if self._in_workshop():
                self.workshop_page.flush_edits()  # the file holds what was just typed
            command(workshop_id)

    def _edit_details(self, workshop_id: str) -> None:
        from ui.workshop_details import edit_details

        edit_details(self.hub, workshop_id, self)

    def _open_settings(self) -> None:
        from ui.settings_dialog import open_settings

        open_settings(self)

    def _in_workshop(self) -> bool:
        return self._workshop_page is not None and self.pages.currentWidget() is self._workshop_page

    def _in_followup(self) -> bool:
        return self._followup_view is not None and self.pages.currentWidget() is self._followup_view

    def _update_actions(self) -> None:
        ready = self.hub.is_ready
        in_workshop = self._in_workshop()
        in_followup = self._in_followup()
        on_list = not (in_workshop or in_followup)
        has_selection = ready and on_list and self.list_page.selected_id() is not None
        for name in ("open", "duplicate", "delete"):
            self.actions[name].setEnabled(has_selection)
        self.actions["rename"].setEnabled(has_selection or in_workshop)
        # In a workshop F2 belongs to the lists (a title edited in place), not to the workshop.
        self.actions["rename"].setShortcuts([QKeySequence("F2")] if on_list else [])
        self.actions["find"].setEnabled(on_list or in_followup)
        for name in ("new", "demo", "import"):
            self.actions[name].setEnabled(ready)
        for name in ("export", "print_protocol", "details"):
            self.actions[name].setEnabled(has_selection or (ready and in_workshop))
        self.actions["followup"].setEnabled(ready and not in_followup)
        page = self._workshop_page if in_workshop else None
        self.actions["back"].setEnabled(in_workshop or in_followup)
        self.actions["next_phase"].setEnabled(page is not None and page.next_button.isEnabled())
        self.actions["previous_phase"].setEnabled(page is not None and page.previous_button.isEnabled())
        self.actions["skip_phase"].setEnabled(page is not None and page.skip_button.isEnabled())
        if page is not None:
            self.actions["skip_phase"].setText(page.skip_button.text())

    # -- what the actions do ---------------------------------------------------------------

    def _current_id(self) -> str | None:
        if self._in_workshop() and self.workshop_page.workshop:
            return self.workshop_page.workshop.id
        return self.list_page.selected_id()

    def _current_title(self) -> str:
        if self._in_workshop() and self.workshop_page.workshop:
            return self.workshop_page.workshop.title
        return self.list_page.selected_title()

    def new_workshop(self) -> None:
        from app.templates import load_templates
        from ui import commands
        from ui.dialogs import NewWorkshopDialog

        if not self.hub.is_ready:
            return
        if "new" in self.dialogs:
            self.dialogs["new"].raise_()
            return
        dialog = NewWorkshopDialog(load_templates(), self)
        self.dialogs["new"] = dialog
        try:
            if dialog.exec():
                values = dialog.values()
                command = commands.CreateWorkshop(self.hub, **values)
                if commands.push(self.hub, command) and command.workshop:
                    self.open_workshop(command.workshop.id)
        finally:
            del self.dialogs["new"]

    def create_demo(self) -> None:
        from ui import commands

        command = commands.CreateDemoWorkshop(self.hub)
        if commands.push(self.hub, command) and command.workshop_id:
            self.list_page.select(command.workshop_id)
            self.messages.info(_("The demo workshop is ready. Open it to look around."))

    def rename_workshop(self) -> None:
        from ui import commands
        from ui.dialogs import RenameDialog

        workshop_id = self._current_id()
        if workshop_id is None:
            return
        old_title = self._current_title()
        dialog = RenameDialog(old_title, self)
        if dialog.exec() and dialog.title.text().strip() != old_title:
            commands.push(
                self.hub, commands.RenameWorkshop(self.hub, workshop_id, old_title, dialog.title.text())
            )

    def duplicate_workshop(self) -> None:
        from ui import commands

        workshop_id = self.list_page.selected_id()
        if workshop_id is not None:
            command = commands.DuplicateWorkshop(self.hub, workshop_id)
            if commands.push(self.hub, command) and command.copy_id:
                self.list_page.select(command.copy_id)

    def delete_workshop(self) -> None:
        from ui import commands

        workshop_id = self.list_page.selected_id()
        if workshop_id is None:
            return
        title = self.list_page.selected_title()
        if commands.push(self.hub, commands.DeleteWorkshop(self.hub, workshop_id, title)):
            self.messages.info(_("“{title}” was deleted. Undo with Ctrl+Z.").format(title=title))

    def _open_selected(self) -> None:
        workshop_id = self.list_page.selected_id()
        if workshop_id is not None:
            self.open_workshop(workshop_id)

    def open_workshop(self, workshop_id: str) -> None:
        if not self.hub.is_ready:  # asked for in the moment before the database is open
            from PySide6.QtCore import Qt

            self.hub.ready.connect(
                lambda: self.open_workshop(workshop_id), Qt.ConnectionType.SingleShotConnection
            )
            return
        if self._in_followup():
            self.followup_view.flush()
        self.workshop_page.show_workshop(workshop_id)
        self.pages.setCurrentWidget(self.workshop_page)
        self.workshop_page.agenda.setFocus()

    def _leave_page(self) -> None:
        """Save what is being typed on the page being left; a workshop also blanks the shared screen."""
        if self._in_workshop():
            self.workshop_page.leave()
        elif self._in_followup():
            self.followup_view.flush()

    def show_list(self) -> None:
        opened = self._workshop_page.workshop if self._in_workshop() and self._workshop_page else None
        self._leave_page()
        self.pages.setCurrentWidget(self.list_page)
        if opened is not None:
            self.list_page.select(opened.id)
        self.list_page.table.setFocus()

    def show_followup(self) -> None:
        """The follow-up across all workshops: open actions, plans, follow-up dates, the funnel."""
        if not self.hub.is_ready or self._in_followup():
            return
        self._leave_page()
        self.pages.setCurrentWidget(self.followup_view)
        self.followup_view.focus_search()

    def _focus_search(self) -> None:
        if self._in_followup():
            self.followup_view.focus_search()
            return
        self.list_page.search.setFocus()
        self.list_page.search.selectAll()

    def _on_saved(self, when: datetime) -> None:
        from ui.message_bar import Level

        if self.messages.isVisible() and self.messages.level is Level.ERROR:
            self.messages.hide()  # a refusal is over once something was saved
        self.saved_label.setText(_("All changes are saved ({time}).").format(time=when.strftime("%H:%M:%S")))

    # -- window state ------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.window_state.get("main_window")
        # restoreGeometry moves a window that would be off every screen back onto one.
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1280, int(screen.width() * 0.9)), min(800, int(screen.height() * 0.9)))

    def save_window_state(self) -> None:
        """Remember where the window is; every edit is already in the database."""
        try:
            self.window_state.set("main_window", bytes(self.saveGeometry().data()))
        except OSError as exc:
            self.statusBar().showMessage(str(exc))

    def flush_edits(self) -> None:
        """Save what is being typed in an open workshop."""
        if self._workshop_page is not None:
            self._workshop_page.flush_edits()
        if self._followup_view is not None:
            self._followup_view.flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_edits()
        if self._export_flow is not None:
            self._export_flow.shutdown()
        if self._runner is not None:
            self._runner.shutdown()
        if self._workshop_page is not None:
            self._workshop_page.presenter.close()
        self.save_window_state()
        super().closeEvent(event)
