"""Qt's item-data roles and orientation by value, for the models that paint the first screen.

Reading ``Qt.ItemDataRole`` loads PySide6's whole ``Qt`` namespace, about 20 ms, which
would delay the first paint of the workshop list. The values are fixed by Qt's API, and a
test checks them against it. Code that runs after start-up uses ``Qt`` as usual.
"""

DISPLAY = 0
TOOLTIP = 3
FONT = 6
TEXT_ALIGNMENT = 7
ACCESSIBLE_TEXT = 11
USER = 256
#: A row's id (workshop, phase) for the views.
ID = USER + 1

HORIZONTAL = 1
#: Qt.AlignRight | Qt.AlignVCenter, as data() returns it for TEXT_ALIGNMENT.
ALIGN_RIGHT_MIDDLE = 0x0002 | 0x0080
