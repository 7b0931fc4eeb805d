"""Everything PySide6: the facilitator's window, dialogs, item models and undo commands."""
