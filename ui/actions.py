"""Every menu and keyboard action of the facilitator's window, built in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from app.i18n import _


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    shortcut: QKeySequence.StandardKey | str | None


def _specs() -> list[ActionSpec]:
    key = QKeySequence.StandardKey
    return [
        ActionSpec("new", _("&New workshop…"), key.New),
        ActionSpec("open", _("&Open workshop"), "Return"),
        ActionSpec("rename", _("&Rename…"), "F2"),
        ActionSpec("duplicate", _("D&uplicate"), "Ctrl+D"),
        ActionSpec("delete", _("&Delete"), key.Delete),
        ActionSpec("demo", _("Create the &demo workshop"), None),
        ActionSpec("export", _("&Export…"), "Ctrl+E"),
        ActionSpec("print_protocol", _("&Print protocol…"), key.Print),
        ActionSpec("import", _("&Import package…"), None),
        ActionSpec("details", _("Workshop &details…"), None),
        ActionSpec("settings", _("Se&ttings…"), key.Preferences),
        ActionSpec("back", _("&All workshops"), "Alt+Home"),
        ActionSpec("followup", _("&Follow-up across workshops"), "Ctrl+Shift+U"),
        ActionSpec("next_phase", _("&Next phase"), "Ctrl+PgDown"),
        ActionSpec("previous_phase", _("&Previous phase"), "Ctrl+PgUp"),
        ActionSpec("skip_phase", _("&Skip phase"), None),
        ActionSpec("find", _("&Search"), key.Find),
        ActionSpec("quit", _("&Quit"), key.Quit),
    ]


class Actions:
    """The window's actions by name; ``connect`` wires each to what it does."""

    def __init__(self, parent: QWidget) -> None:
        self._actions: dict[str, QAction] = {}
        for spec in _specs():
            action = QAction(spec.text, parent)
            if isinstance(spec.shortcut, str):
                # setShortcuts() with a list: setShortcut()'s overloads would load the Qt
                # namespace at start-up (see ui/roles.py).
                action.setShortcuts([QKeySequence(spec.shortcut)])
            elif spec.shortcut is not None:
                action.setShortcuts(QKeySequence.keyBindings(spec.shortcut))
            self._actions[spec.name] = action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def connect(self, handlers: dict[str, Callable[[], object]]) -> None:
        for name, handler in handlers.items():
            self._actions[name].triggered.connect(handler)
