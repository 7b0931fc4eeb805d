"""The plans of a workshop at a follow-up meeting: each plan's open actions and its dated log of entries."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import followup
from app.errors import InvalidInput
from app.followup_snapshots import FollowUpEntrySnapshot
from app.i18n import _, format_date
from app.idea_progress import progress
from app.ideas import get_idea
from app.participants import list_participants, participant_label
from app.plans import list_plans
from app.vocabulary import IDEA_STATUSES, label
from models.enums import FollowUpKind
from ui import typography
from ui.commands import push
from ui.followup_entry_dialogs import (
    Candidate,
    EntryDialog,
    EntryValues,
    NoteValues,
    RecogniseDialog,
    RecognitionValues,
    realised_dialog,
)
from ui.followup_panel_commands import RemoveEntries, add_entry, mark_realised, recognise
from ui.followup_panel_models import EntryLogModel, IdRole, OpenActionsModel, PlanListModel, PlanRow
from ui.hub import Hub
from ui.lessons_view import heading, hint, log_view, read_entry
from ui.voting_commands import submit
from ui.voting_dialogs import run


def realised_on(entries: list[FollowUpEntrySnapshot]) -> date | None:
    return next((e.entry_on for e in entries if e.kind is FollowUpKind.REALISATION), None)


class PlansFollowUp(QWidget):
    """Left, the plans with their step; right, the chosen plan's open actions and its log, newest first."""

    def __init__(self, hub: Hub, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub, self.workshop_id = hub, workshop_id
        self.author = ""
        self.chosen: str | None = None
        self.entries: list[FollowUpEntrySnapshot] = []

        self.plan_model = PlanListModel(self)
        self.plan_list = QListView()
        self.plan_list.setModel(self.plan_model)
        self.plan_list.setAccessibleName(_("Development plans"))
        self.plan_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.plan_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.plan_list.setWordWrap(True)
        self.plan_list.setSpacing(2)
        self.plan_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        typography.set_type(self.plan_list, typography.LIST)
        self.plan_list.selectionModel().currentChanged.connect(self._plan_chosen)
        self.no_plans = hint(
            _("No idea has a development plan yet. Plans are made in the development plan phase; "
              "follow-up starts from them.")
        )  # fmt: skip
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(heading(_("Development plans")))
        left_layout.addWidget(self.plan_list, 1)
        left_layout.addWidget(self.no_plans)
        left_layout.addStretch(0)

        self.title = QLabel()
        self.title.setWordWrap(True)
        typography.set_type(self.title, typography.LIST, bold=True)
        self.step = QLabel()
        self.step.setWordWrap(True)
        self.actions_model = OpenActionsModel(self)
        self.action_list = QListView()
        self.action_list.setModel(self.actions_model)
        self.action_list.setAccessibleName(_("Open actions"))
        self.action_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.action_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.action_list.setWordWrap(True)
        self.action_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.action_list.setSpacing(2)
        self.action_list.setMinimumHeight(self.action_list.fontMetrics().lineSpacing() * 2 + 12)
        self.no_actions = hint("")
        self.entry_button = QPushButton(_("Add a follow-up entry…"))
        self.entry_button.clicked.connect(self.add_entry)
        self.realised_button = QPushButton(_("Mark as realised…"))
        self.realised_button.clicked.connect(self.mark_realised)
        self.recognise_button = QPushButton(_("Recognise…"))
        self.recognise_button.clicked.connect(self.recognise)
        self.remove_button = QPushButton(_("Remove entry"))
        self.remove_button.clicked.connect(self.remove_entry)
        self.refusal = hint("")
        self.refusal.setStyleSheet("color: #A3140C; font-weight: 600;")
        self.refusal.hide()
        self.log_model = EntryLogModel(self)
        self.log = log_view(self.log_model, _("Follow-up log"))
        self.log.selectionModel().currentChanged.connect(self._update_buttons)
        self.log.activated.connect(lambda index: read_entry(self, self.log_model, index))
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.log)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.remove_entry)
        self.no_entries = hint(_("Nothing in the log yet. Add an entry at each follow-up meeting."))

        buttons = QHBoxLayout()
        for button in (self.entry_button, self.realised_button, self.recognise_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        log_heading = QHBoxLayout()
        log_heading.addWidget(heading(_("Follow-up log, newest first")), 1)
        log_heading.addWidget(self.remove_button)
        actions_box = QWidget()
        actions_layout = QVBoxLayout(actions_box)
        actions_layout.setContentsMargins(0, 0, 0, 0)
        actions_layout.setSpacing(2)
        actions_layout.addWidget(heading(_("Open actions")))
        actions_layout.addWidget(self.action_list, 1)
        actions_layout.addWidget(self.no_actions)
        actions_layout.addStretch(0)
        log_box = QWidget()
        log_layout = QVBoxLayout(log_box)
        log_layout.setContentsMargins(0, 0, 0, 0)
        log_layout.setSpacing(4)
        log_layout.addLayout(buttons)
        log_layout.addWidget(self.refusal)
        log_layout.addLayout(log_heading)
        log_layout.addWidget(self.log, 1)
        log_layout.addWidget(self.no_entries)
        log_layout.addStretch(0)
        # The log is what a follow-up meeting works in: it gets most of the height, and the
        # facilitator can give the actions more.
        self.parts = QSplitter(Qt.Orientation.Vertical)
        self.parts.setChildrenCollapsible(False)
        self.parts.addWidget(actions_box)
        self.parts.addWidget(log_box)
        self.parts.setStretchFactor(0, 1)
        self.parts.setStretchFactor(1, 2)
        self.parts.setSizes([150, 300])
        self.detail = QWidget()
        right_layout = QVBoxLayout(self.detail)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.setSpacing(4)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.step)
        right_layout.addWidget(self.parts, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(splitter)

    # Reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        today = self.hub.today()
        steps = progress(self.hub.db, self.workshop_id)
        rows = [
            PlanRow(p, steps.get(p.idea_id)) for p in list_plans(self.hub.db, self.workshop_id, today=today)
        ]
        self.plan_model.set_plans(rows)
        self.plan_list.setVisible(bool(rows))
        self.no_plans.setVisible(not rows)
        row = self.plan_model.row_of(self.chosen)
        if row < 0 and rows:
            row = 0
        blocked = self.plan_list.selectionModel().blockSignals(True)
        self.plan_list.setCurrentIndex(self.plan_model.index(row) if row >= 0 else QModelIndex())
        self.plan_list.selectionModel().blockSignals(blocked)
        self.chosen = rows[row].plan.idea_id if row >= 0 else None
        self._show_plan()

    def plan_row(self) -> PlanRow | None:
        row = self.plan_model.row_of(self.chosen)
        return self.plan_model.rows[row] if row >= 0 else None

    def choose(self, idea_id: str) -> None:
        row = self.plan_model.row_of(idea_id)
        if row >= 0:
            self.plan_list.setCurrentIndex(self.plan_model.index(row))

    def _plan_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        chosen = current.data(IdRole) if current.isValid() else None
        if chosen != self.chosen:
            self.chosen = chosen
            self._show_plan()

    def _show_plan(self) -> None:
        row = self.plan_row()
        self.refusal.hide()  # it answered a click on what was shown before
        # Without a plan there is nothing to follow up here: the left side says where plans come from.
        self.detail.setVisible(row is not None)
        self.entries = followup.plan_entries(self.hub.db, row.plan.idea_id) if row else []
        self.title.setText(row.plan.idea_title if row else "")
        self.step.setText(self._step_text(row))
        open_actions = row.open_actions if row else ()
        self.actions_model.set_actions(open_actions)
        self.action_list.setVisible(bool(open_actions))
        self.no_actions.setVisible(row is not None and not open_actions)
        if row is not None and not row.plan.actions:
            self.no_actions.setText(
                _("The plan has no actions yet. They are written in the development plan phase.")
            )
        else:
            self.no_actions.setText(_("No open actions: all are done, handed over or found not possible."))
        self.log_model.set_entries(self.entries)
        self.log.setVisible(bool(self.entries))
        self.no_entries.setVisible(row is not None and not self.entries)
        self._update_buttons()

    def _step_text(self, row: PlanRow | None) -> str:
        if row is None:
            return ""
        parts = [_("Step: {step}").format(step=label(IDEA_STATUSES, row.status))]
        if row.plan.responsible:
            parts.append(_("Responsible: {name}").format(name=row.plan.responsible))
        day = realised_on(self.entries)
        if day is not None:
            parts.append(_("✔ Realised on {date}").format(date=format_date(day, "iso")))
        return " · ".join(parts)

    def _update_buttons(self, *_args: object) -> None:
        self.remove_button.setEnabled(self.log.currentIndex().isValid())

    # Actions --------------------------------------------------------------------------------

    def _say(self, refusal: str) -> None:
        self.refusal.setText(refusal)
        self.refusal.show()

    def _remember(self, refusal: InvalidInput | None, author: str) -> InvalidInput | None:
        if refusal is None:
            self.author = author.strip()
            self.refusal.hide()
        return refusal

    def add_entry(self) -> None:
        row = self.plan_row()
        if row is None:
            return
        idea_id = row.plan.idea_id

        def write(values: EntryValues) -> InvalidInput | None:
            command = add_entry(
                self.hub, self.workshop_id, idea_id, values.kind, values.entry_on, values.text,
                values.author, values.status,
            )  # fmt: skip
            return self._remember(submit(self.hub, command), values.author)

        run(EntryDialog(row.plan.idea_title, self.hub.today(), self.author, write, self))

    def mark_realised(self) -> None:
        row = self.plan_row()
        if row is None:
            return
        day = realised_on(self.entries)
        if day is not None:
            self._say(
                _("This plan was marked realised on {date}. A plan is realised once: to date it again, "
                  "remove that entry from the log first.").format(date=format_date(day, "iso"))
            )  # fmt: skip
            return
        idea_id = row.plan.idea_id

        def write(values: NoteValues) -> InvalidInput | None:
            command = mark_realised(
                self.hub, self.workshop_id, idea_id, values.entry_on, values.text, values.author
            )
            return self._remember(submit(self.hub, command), values.author)

        run(realised_dialog(row.plan.idea_title, self.hub.today(), self.author, write, self))

    def candidates(self, idea_id: str) -> tuple[list[Candidate], int]:
        """Who a recognition may name, and how many participants are left out for want of consent.

        The idea givers come first (unless the idea was given anonymously), shown as they may be
        named in public; then the other participants who agreed to be named; then the names the
        plan gives (its responsible, the actions' owners).
        """
        idea = get_idea(self.hub.db, idea_id)
        people = {p.id: p for p in list_participants(self.hub.db, self.workshop_id)}
        givers = [] if idea.anonymous else [g for g in idea.giver_ids if g in people]
        listed: list[Candidate] = [
            Candidate(
                _("{name} (idea giver)").format(name=participant_label(people[g], public=True)),
                participant_id=g,
            )
            for g in givers
        ]
        left_out = 0
        for person in people.values():
            if person.id in givers:
                continue
            if not person.consent_to_be_named:
                left_out += 1
            elif person.display_name.strip():  # agreed, but without a name there is nothing to list
                listed.append(Candidate(participant_label(person, public=True), participant_id=person.id))
        named = {participant_label(people[c.participant_id], public=True).casefold()
                 for c in listed if c.participant_id}  # fmt: skip
        row = self.plan_row()
        if row is not None:
            drivers = [(row.plan.responsible, _("{name} (responsible for the plan)"))]
            drivers += [(a.owner, _("{name} (owns an action)")) for a in row.plan.actions]
            for name, text in drivers:
                name = name.strip()
                if name and name.casefold() not in named:
                    named.add(name.casefold())
                    listed.append(Candidate(text.format(name=name), name=name))
        return listed, left_out

    def recognise(self) -> None:
        row = self.plan_row()
        if row is None:
            return
        idea_id = row.plan.idea_id
        candidates, left_out = self.candidates(idea_id)

        def write(values: RecognitionValues) -> InvalidInput | None:
            command = recognise(
                self.hub, self.workshop_id, idea_id, values.entry_on, values.text, names=values.names,
                participant_ids=values.participant_ids, author=values.author,
            )  # fmt: skip
            return self._remember(submit(self.hub, command), values.author)

        dialog = RecogniseDialog(
            row.plan.idea_title, candidates, left_out, self.hub.today(), self.author, write, self
        )
        run(dialog)

    def remove_entry(self) -> None:
        row, index = self.plan_row(), self.log.currentIndex()
        if row is None or not index.isValid():
            return
        push(
            self.hub,
            RemoveEntries(
                self.hub, self.workshop_id, row.plan.idea_id, index.data(IdRole), _("Remove entry")
            ),
        )
