"""The funnel as a painted bar chart: participants, ideas, shortlisted, with a plan, GO, realised.

Painted with QPainter (no Qt Charts in PySide6-Essentials). Each stage is a labelled bar with
its number; between two bars a line says how many of the one came to the next ("4 of 31 ideas
got a plan"). Colours from the Okabe–Ito palette, which people with colour vision deficiencies
tell apart; the labels and numbers carry the meaning, the colours only help the eye.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.followup_snapshots import Funnel
from app.i18n import N_, _, format_number, ngettext

#: Okabe–Ito: blue, sky blue, bluish green, orange, reddish purple, vermilion.
STAGE_COLOURS = ("#0072B2", "#56B4E9", "#009E73", "#E69F00", "#CC79A7", "#D55E00")
INK = QColor("#1A1A1A")
MUTED = QColor("#4D4D4D")
TRACK = QColor("#EDEDED")

STAGES = (
    ("participants", N_("Participants")),
    ("ideas", N_("Ideas")),
    ("shortlisted", N_("Shortlisted")),
    ("with_plan", N_("With a plan")),
    ("go", N_("GO")),
    ("realised", N_("Realised")),
)


@dataclass(frozen=True)
class Stage:
    label: str
    count: int
    number: str  # the count as the language writes it
    colour: QColor
    #: How many of the stage before came this far, in words; empty for the first stage.
    conversion: str


def _share(part: int, whole: int) -> str:
    if not whole:
        return ""
    percent = 100 * part / whole
    return " (< 1 %)" if 0 < percent < 1 else f" ({round(percent)} %)"


def _stepwise(key: str, part: int, whole: int) -> str:
    if key == "shortlisted":
        return ngettext("{part} of {whole} idea shortlisted", "{part} of {whole} ideas shortlisted", whole)
    if key == "with_plan":
        return ngettext(
            "{part} of {whole} shortlisted idea got a plan", "{part} of {whole} shortlisted got a plan", whole
        )
    if key == "go":
        return ngettext("{part} of {whole} plan got a GO", "{part} of {whole} plans got a GO", whole)
    return ngettext(
        "{part} of {whole} idea with a GO realised", "{part} of {whole} with a GO realised", whole
    )


def _of_all(key: str, part: int, whole: int) -> str:
    if key == "with_plan":
        return ngettext("{part} of {whole} idea got a plan", "{part} of {whole} ideas got a plan", whole)
    if key == "go":
        return ngettext("{part} of {whole} idea got a GO", "{part} of {whole} ideas got a GO", whole)
    return ngettext("{part} of {whole} idea realised", "{part} of {whole} ideas realised", whole)


def conversion(key: str, funnel: Funnel) -> str:
    """One stage's figure against the stage before, as a sentence.

    A stage can hold more than the one before (a plan for an idea that was not shortlisted, a
    realisation without a recorded GO); it is then said against all the ideas.
    """
    if key == "ideas":
        # Each noun takes its own number: "1 idea from 12 participants".
        ideas = ngettext("{n} idea", "{n} ideas", funnel.ideas).format(n=format_number(funnel.ideas))
        people = ngettext("{n} participant", "{n} participants", funnel.participants).format(
            n=format_number(funnel.participants)
        )
        return _("{ideas} from {people}").format(ideas=ideas, people=people)
    keys = [k for k, _heading in STAGES]
    part = int(getattr(funnel, key))
    whole = int(getattr(funnel, keys[keys.index(key) - 1]))
    if part > whole and key != "shortlisted":
        whole = funnel.ideas
        text = _of_all(key, part, whole)
    else:
        text = _stepwise(key, part, whole)
    return text.format(part=format_number(part), whole=format_number(whole)) + _share(part, whole)


def stages(funnel: Funnel) -> list[Stage]:
    return [
        Stage(
            _(heading),
            int(getattr(funnel, key)),
            format_number(int(getattr(funnel, key))),
            QColor(STAGE_COLOURS[n]),
            conversion(key, funnel) if n else "",
        )
        for n, (key, heading) in enumerate(STAGES)
    ]


def summary(funnel: Funnel) -> str:
    """The funnel from the ideas to the end in one line: "4 of 31 ideas got a plan, 3 a GO, 1 realised"."""
    planned = _of_all("with_plan", funnel.with_plan, funnel.ideas).format(
        part=format_number(funnel.with_plan), whole=format_number(funnel.ideas)
    )
    go = ngettext("{count} got a GO", "{count} got a GO", funnel.go).format(count=format_number(funnel.go))
    realised = ngettext("{count} was realised", "{count} were realised", funnel.realised).format(
        count=format_number(funnel.realised)
    )
    return _("{planned}, {go}, {realised}.").format(planned=planned, go=go, realised=realised)


class FunnelChart(QWidget):
    """How far the ideas came, for one workshop or all: a bar per stage with its number.

    The tooltip and the accessible description say every number and conversion in words.
    """

    BAR_HEIGHT = 22
    GAP = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Funnel"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.funnel = Funnel(workshop_id=None)
        self.scope = ""
        self._stages: list[Stage] = []
        self.set_funnel(self.funnel, "")

    def set_funnel(self, funnel: Funnel, scope: str) -> None:
        """Show ``funnel``; ``scope`` names what it counts ("All workshops" or a workshop's title)."""
        if (funnel, scope) == (self.funnel, self.scope) and self._stages:
            return
        self.funnel, self.scope = funnel, scope
        self._stages = stages(funnel)
        description = self.description()
        self.setToolTip(description)
        self.setAccessibleDescription(description)
        self.updateGeometry()
        self.update()

    def stage_texts(self) -> list[tuple[str, str, str]]:
        """What the chart paints, stage by stage: the label, the number and the conversion line."""
        return [(s.label, s.number, s.conversion) for s in self._stages]

    def description(self) -> str:
        lines = [self.scope] if self.scope else []
        for s in self._stages:
            line = _("{stage}: {count}").format(stage=s.label, count=s.number)
            lines.append(f"{line} – {s.conversion}" if s.conversion else line)
        lines.append(summary(self.funnel))
        return "\n".join(lines)

    # -- painting -------------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        base = self.font()
        label = QFont(base)
        number = QFont(base)
        number.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() * 0.9))
        return label, number, small

    def _row_height(self) -> int:
        _label, _number, small = self._fonts()
        return self.BAR_HEIGHT + QFontMetrics(small).height() + 2 * self.GAP

    def sizeHint(self) -> QSize:
        return QSize(360, self._row_height() * len(STAGES) + self.GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_font, number_font, small_font = self._fonts()
        labels, numbers = QFontMetrics(label_font), QFontMetrics(number_font)
        label_width = max(labels.horizontalAdvance(s.label) for s in self._stages) + 10
        number_width = max(numbers.horizontalAdvance(s.number) for s in self._stages) + 8
        width = self.width()
        track = max(20.0, width - label_width - number_width - 4)
        most = max((s.count for s in self._stages), default=0) or 1
        small_height = QFontMetrics(small_font).height()
        # The lines between the bars start under the bars, or further left, all alike, if one needs room.
        longest = max(QFontMetrics(small_font).horizontalAdvance("↓ " + s.conversion) for s in self._stages)
        indent = float(label_width) if label_width + longest + 8 <= width else max(2.0, width - longest - 8)
        y = float(self.GAP)
        for stage in self._stages:
            if stage.conversion:
                self._paint_conversion(painter, small_font, "↓ " + stage.conversion, indent, y)
            y += small_height + self.GAP
            bar = QRectF(label_width, y, track, self.BAR_HEIGHT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRoundedRect(bar, 3, 3)
            if stage.count:
                painter.setBrush(stage.colour)
                painter.drawRoundedRect(
                    QRectF(bar.x(), y, max(3.0, track * stage.count / most), bar.height()), 3, 3
                )
            painter.setPen(INK)
            painter.setFont(label_font)
            painter.drawText(
                QRectF(0, y, label_width - 8, bar.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                stage.label,
            )
            painter.setFont(number_font)
            painter.drawText(
                QRectF(bar.right() + 6, y, number_width, bar.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                stage.number,
            )
            y += self.BAR_HEIGHT + self.GAP
        painter.end()

    def _paint_conversion(self, painter: QPainter, font: QFont, text: str, left: float, y: float) -> None:
        metrics = QFontMetrics(font)
        width = self.width()
        painter.setFont(font)
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(left, y, width - left, metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width - left)),
        )
