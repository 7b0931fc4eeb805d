"""The rules of a voting round, and the paper dots of one: dialogs that refuse beside the field."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import InvalidInput
from app.i18n import _, ngettext
from app.snapshots import ClusterSnapshot, IdeaSnapshot
from app.voting_rules import MOST_DOTS, MOST_PAPER_DOTS, MOST_VOTERS, default_dots
from app.voting_snapshots import RoundSnapshot, RoundSpec
from models.enums import Eligibility
from ui.dialogs import error_label, ok_cancel
from ui.voting_models import anonymity_text

#: Where a refusal is shown: the service's field name -> the dialog's error label.
FIELDS = ("title", "dots", "max_per_idea", "cluster_ids", "idea_ids", "voters_expected")

Submit = Callable[[RoundSpec], InvalidInput | None]


def run(dialog: QDialog) -> bool:
    """Show ``dialog`` until it is done, then let it go: no closed dialog lingers with what was typed."""
    try:
        return bool(dialog.exec())
    finally:
        dialog.deleteLater()


def _hint() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #3B3B3B;")
    return label


def _field(*widgets: QWidget) -> QWidget:
    """A field with its hint and its refusal right under it, close together."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for widget in widgets:
        layout.addWidget(
            widget, 0, Qt.AlignmentFlag.AlignLeft if isinstance(widget, QSpinBox) else Qt.AlignmentFlag(0)
        )
    return box


def _checkable(text: str, key: str, checked: bool) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setToolTip(text)
    item.setData(Qt.ItemDataRole.UserRole, key)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def checked_keys(widget: QListWidget) -> list[str]:
    return [
        widget.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(widget.count())
        if widget.item(row).checkState() == Qt.CheckState.Checked
    ]


class RoundDialog(QDialog):
    """Dots per voter, the most on one idea, which ideas, own ideas, anonymous or named, voters.

    ``submit`` stores the rules (an undoable command) and returns the refusal, if any; the
    dialog then stays open with the refusal under its field and nothing typed lost.
    """

    def __init__(
        self,
        ideas: Sequence[IdeaSnapshot],
        clusters: Sequence[ClusterSnapshot],
        participants: int,
        submit: Submit,
        round_: RoundSnapshot | None = None,
        number: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.submit = submit
        self.ideas = [i for i in ideas if not i.deleted and i.merged_into_id is None]
        self.participants = participants
        editing = round_ is not None
        self.setWindowTitle(
            _("Rules of round {n}").format(n=round_.number) if round_ else _("New voting round")
        )
        spec = round_.spec() if round_ else None

        self.title_edit = QLineEdit(spec.title if spec else "")
        self.title_edit.setPlaceholderText(_("Round {n}").format(n=round_.number if round_ else number))
        self.dots = QSpinBox()
        self.dots.setRange(1, MOST_DOTS)
        self.dots_hint = _hint()
        self.max_per_idea = QSpinBox()
        self.max_per_idea.setRange(1, MOST_DOTS)
        self.max_hint = _hint()
        self.allow_own = QCheckBox(_("Participants may vote for their own ideas"))
        self.allow_own.setChecked(spec.allow_own_ideas if spec else True)
        self.anonymous = QRadioButton(_("Anonymous"))
        self.named = QRadioButton(_("Named"))
        (self.anonymous if (spec.anonymous if spec else True) else self.named).setChecked(True)
        self.anonymity_hint = _hint()
        self.voters = QSpinBox()
        self.voters.setRange(1, MOST_VOTERS)
        self.voters.setValue(max(1, spec.voters_expected if spec else participants))
        self.voters_hint = _hint()

        self.eligible_all = QRadioButton(_("All ideas ({n})").format(n=len(self.ideas)))
        self.eligible_themes = QRadioButton(_("Ideas in chosen themes"))
        self.eligible_ideas = QRadioButton(_("Chosen ideas"))
        self.eligibility = QButtonGroup(self)
        for button in (self.eligible_all, self.eligible_themes, self.eligible_ideas):
            self.eligibility.addButton(button)
        chosen_clusters = set(spec.cluster_ids) if spec else set()
        chosen_ideas = set(spec.idea_ids) if spec else set()
        self.themes = QListWidget()
        for cluster in clusters:
            if not cluster.deleted:
                count = sum(1 for i in self.ideas if i.cluster_id == cluster.id)
                text = _("{theme} ({n})").format(theme=cluster.name, n=count)
                self.themes.addItem(_checkable(text, cluster.id, cluster.id in chosen_clusters))
        self.themes.setAccessibleName(_("Themes on the ballot"))
        self.idea_list = QListWidget()
        for idea in self.ideas:
            self.idea_list.addItem(_checkable(idea.title, idea.id, idea.id in chosen_ideas))
        self.idea_list.setAccessibleName(_("Ideas on the ballot"))
        for widget in (self.themes, self.idea_list):
            widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget.setTextElideMode(Qt.TextElideMode.ElideRight)
            widget.itemChanged.connect(self._update)
        no_themes = QLabel(_("There are no themes yet: group the ideas on the board first."))
        no_themes.setWordWrap(True)
        self.lists = QStackedWidget()
        self.lists.addWidget(QWidget())
        self.lists.addWidget(self.themes if self.themes.count() else no_themes)
        self.lists.addWidget(self.idea_list)
        kind = spec.eligibility if spec else Eligibility.ALL
        {Eligibility.ALL: self.eligible_all, Eligibility.CLUSTERS: self.eligible_themes,
         Eligibility.LIST: self.eligible_ideas}[kind].setChecked(True)  # fmt: skip

        self.errors = {name: error_label() for name in FIELDS}
        self.error = error_label()  # a refusal without a field of its own
        self._dots_touched = editing
        self._setting = False
        if spec:
            self.dots.setValue(spec.dots)
            self.max_per_idea.setValue(spec.max_per_idea)
        else:
            self.dots.setValue(default_dots(len(self.ideas)))
            self.max_per_idea.setValue(1)
        self.dots.valueChanged.connect(self._dots_edited)
        self.max_per_idea.valueChanged.connect(self._update)
        self.allow_own.toggled.connect(self._update)
        self.anonymous.toggled.connect(self._update)
        self.voters.valueChanged.connect(self._update)
        self.eligibility.buttonToggled.connect(lambda *_args: self._update())

        self._lay_out(_("Save the rules") if editing else _("Create the round"))
        self._update()
        self.dots.setFocus()

    def _lay_out(self, ok_text: str) -> None:
        for spin in (self.dots, self.max_per_idea, self.voters):
            spin.setMinimumWidth(96)
        anonymity = QWidget()
        choices = QHBoxLayout(anonymity)
        choices.setContentsMargins(0, 0, 0, 0)
        choices.addWidget(self.anonymous)
        choices.addWidget(self.named)
        choices.addStretch(1)
        # A grid, not a QFormLayout: rows grow when a hint wraps onto more lines.
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        rows = (
            (_("Title (optional)"), _field(self.title_edit, self.errors["title"])),
            (_("Dots per voter"), _field(self.dots, self.dots_hint, self.errors["dots"])),
            (
                _("Most dots on one idea"),
                _field(self.max_per_idea, self.max_hint, self.errors["max_per_idea"]),
            ),
            ("", self.allow_own),
            (_("Ballots"), _field(anonymity, self.anonymity_hint)),
            (_("Voters expected"), _field(self.voters, self.voters_hint, self.errors["voters_expected"])),
        )
        for row, (text, field) in enumerate(rows):
            form.addWidget(QLabel(text), row, 0, Qt.AlignmentFlag.AlignTop)
            form.addWidget(field, row, 1)
        form.setRowStretch(len(rows), 1)

        ballot = QGroupBox(_("Which ideas are on the ballot"))
        ballot_layout = QVBoxLayout(ballot)
        for button in (self.eligible_all, self.eligible_themes, self.eligible_ideas):
            ballot_layout.addWidget(button)
        ballot_layout.addWidget(self.lists, 1)
        ballot_layout.addWidget(self.errors["cluster_ids"])
        ballot_layout.addWidget(self.errors["idea_ids"])

        columns = QHBoxLayout()
        columns.addLayout(form, 3)
        columns.addWidget(ballot, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, ok_text))
        self.resize(900, 560)

    # -- keeping the hints true ---------------------------------------------------------------

    def kind(self) -> Eligibility:
        if self.eligible_themes.isChecked():
            return Eligibility.CLUSTERS
        if self.eligible_ideas.isChecked():
            return Eligibility.LIST
        return Eligibility.ALL

    def eligible_count(self) -> int:
        kind = self.kind()
        if kind is Eligibility.CLUSTERS:
            themes = set(checked_keys(self.themes))
            return sum(1 for i in self.ideas if i.cluster_id in themes)
        if kind is Eligibility.LIST:
            return len(checked_keys(self.idea_list))
        return len(self.ideas)

    def _dots_edited(self) -> None:
        if not self._setting:
            self._dots_touched = True
        self._update()

    def _update(self) -> None:
        kind = self.kind()
        self.lists.setCurrentIndex({Eligibility.ALL: 0, Eligibility.CLUSTERS: 1, Eligibility.LIST: 2}[kind])
        count = self.eligible_count()
        suggested = default_dots(count)
        if not self._dots_touched and self.dots.value() != suggested:
            self._setting = True
            self.dots.setValue(suggested)
            self._setting = False
        ideas = ngettext("{n} idea on the ballot", "{n} ideas on the ballot", count).format(n=count)
        budget = ngettext("{n} dot suggested", "{n} dots suggested", suggested).format(n=suggested)
        self.dots_hint.setText(_("{ideas}; {dots}.").format(ideas=ideas, dots=budget))
        dots = self.dots.value()
        self.max_per_idea.setMaximum(dots)
        cap = self.max_per_idea.value()
        if cap == 1:
            self.max_hint.setText(_("One per idea: each dot goes on a different idea."))
        elif cap >= dots:
            self.max_hint.setText(_("Cumulative: a voter may put all their dots on one idea."))
        else:
            self.max_hint.setText(_("A voter may put up to {n} dots on one idea.").format(n=cap))
        hint = anonymity_text(self.anonymous.isChecked())
        if self.anonymous.isChecked() and not self.allow_own.isChecked():
            hint += " " + _(
                "Voters pick their name at the booth so that their own ideas are kept from them; "
                "the ballot still carries no name."
            )
        if self.named.isChecked() and self.participants == 0:
            hint += " " + _("No participants are listed yet: a named round needs their names.")
        self.anonymity_hint.setText(hint)
        if self.anonymous.isChecked():
            self.voters_hint.setText(
                _("The turnout shows “n of {n}”; voters without a name take a number from 1 to {n}.").format(
                    n=self.voters.value()
                )
            )
        else:
            self.voters_hint.setText(_("The turnout shows “n of {n}”.").format(n=self.voters.value()))

    # -- the rules ------------------------------------------------------------------------------

    def spec(self) -> RoundSpec:
        kind = self.kind()
        return RoundSpec(
            dots=self.dots.value(),
            max_per_idea=self.max_per_idea.value(),
            eligibility=kind,
            cluster_ids=tuple(checked_keys(self.themes)) if kind is Eligibility.CLUSTERS else (),
            idea_ids=tuple(checked_keys(self.idea_list)) if kind is Eligibility.LIST else (),
            allow_own_ideas=self.allow_own.isChecked(),
            anonymous=self.anonymous.isChecked(),
            voters_expected=self.voters.value(),
            title=self.title_edit.text(),
        )

    def show_refusal(self, refusal: InvalidInput) -> None:
        for label in (*self.errors.values(), self.error):
            label.hide()
        label = self.errors.get(refusal.field, self.error)
        label.setText(refusal.message)
        label.show()
        focus = {
            "title": self.title_edit, "dots": self.dots, "max_per_idea": self.max_per_idea,
            "voters_expected": self.voters, "cluster_ids": self.themes, "idea_ids": self.idea_list,
        }.get(refusal.field)  # fmt: skip
        if focus is not None:
            focus.setFocus()

    def accept(self) -> None:
        refusal = self.submit(self.spec())
        if refusal is not None:
            self.show_refusal(refusal)
            return
        super().accept()


class PaperDotsDialog(QDialog):
    """The dots on each idea counted from a wall of stickers; they join the round's tally."""

    def __init__(
        self,
        heading: str,
        ideas: Sequence[tuple[str, str]],
        tally: Mapping[str, int],
        submit: Callable[[dict[str, int]], InvalidInput | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Paper dots"))
        self.submit = submit
        intro = QLabel(
            _("{round}: type how many paper dots each idea has on the wall. They are added to the dots "
              "from the booth; the results show how many came from paper.").format(round=heading)
        )  # fmt: skip
        intro.setWordWrap(True)
        self.table = QTableWidget(len(ideas), 2)
        self.table.setHorizontalHeaderLabels([_("Idea"), _("Paper dots")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.spins: dict[str, QSpinBox] = {}
        for row, (idea_id, title) in enumerate(ideas):
            item = QTableWidgetItem(title)
            item.setToolTip(title)
            self.table.setItem(row, 0, item)
            spin = QSpinBox()
            spin.setRange(0, MOST_PAPER_DOTS)
            spin.setValue(tally.get(idea_id, 0))
            spin.setAccessibleName(_("Paper dots for “{title}”").format(title=title))
            spin.valueChanged.connect(self._update_total)
            self.table.setCellWidget(row, 1, spin)
            self.spins[idea_id] = spin
        self.total = QLabel()
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, _("Save the paper dots")))
        self._update_total()
        self.resize(640, 520)

    def values(self) -> dict[str, int]:
        return {idea_id: spin.value() for idea_id, spin in self.spins.items()}

    def _update_total(self) -> None:
        total = sum(self.values().values())
        self.total.setText(ngettext("{n} paper dot in all.", "{n} paper dots in all.", total).format(n=total))

    def accept(self) -> None:
        refusal = self.submit(self.values())
        if refusal is not None:
            self.error.setText(refusal.message)
            self.error.show()
            return
        super().accept()
