"""Follow-up: dated entries on plans, realisation, recognition, lessons, the next date and the overview."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import event, select

from app.decision_resources import allocate, remove_allocation
from app.decisions import delete_decision, record_decision
from app.errors import InvalidInput, NotFound
from app.followup import (
    add_entry,
    add_lesson,
    lessons,
    mark_realised,
    plan_entries,
    recognise,
    remove_entry,
    restore_entry,
    set_follow_up_date,
    set_lessons_summary,
)
from app.followup_overview import filter_overview, overview
from app.followup_snapshots import DecisionLine, ResourcesGiven
from app.idea_progress import funnel, progress
from app.ideas import add_idea, get_idea, remove_idea
from app.participants import add_participant
from app.snapshots import WorkshopSnapshot
from app.workshops import create_workshop, delete_workshop, get_workshop, update_workshop
from models.base import utcnow
from models.database import Database
from models.enums import ActionStatus, DecisionOutcome, FollowUpKind, IdeaStatus
from models.plan import Action, DevelopmentPlan, FollowUpEntry
from tests.app import voting_setup
from tests.app.test_idea_progress import decide, plan

TODAY = date(2026, 11, 26)


english, db = voting_setup.english, voting_setup.db


@pytest.fixture
def planned(db: Database, workshop: WorkshopSnapshot) -> str:
    """An idea with a development plan and a GO."""
    idea = add_idea(db, workshop.id, "Fast omsorgskontakt").id
    plan(db, idea, responsible="Eva Sjöberg")
    decide(db, workshop.id, idea, DecisionOutcome.GO)
    return idea


def stored(db: Database) -> list[tuple[str, str | None, str, date, str, str, str, bool]]:
    with db.transaction() as session:
        return [
            (e.kind, e.idea_id, e.workshop_id, e.entry_on, e.author, e.text, e.status, e.deleted_at is None)
            for e in session.scalars(select(FollowUpEntry).order_by(FollowUpEntry.created_at))
        ]


def actions(db: Database, idea_id: str, *specs: tuple[str, str, date | None, ActionStatus]) -> list[str]:
    with db.transaction() as session:
        plan_id = session.scalars(select(DevelopmentPlan.id).where(DevelopmentPlan.idea_id == idea_id)).one()
        rows = [
            Action(plan_id=plan_id, position=n, title=title, owner=owner, due_on=due, status=status)
            for n, (title, owner, due, status) in enumerate(specs)
        ]
        session.add_all(rows)
        session.flush()
        return [r.id for r in rows]


def test_a_check_in_is_kept_dated_on_the_plan(db: Database, workshop: WorkshopSnapshot, planned: str) -> None:
    entry = add_entry(
        db,
        workshop.id,
        planned,
        FollowUpKind.CHECK_IN,
        date(2026, 9, 1),
        "Två brukare testar; schemat krockar med helgerna",
        " Eva Sjöberg ",
        " försenad ",
    )

    assert (entry.kind, entry.entry_on, entry.author, entry.status) == (
        FollowUpKind.CHECK_IN,
        date(2026, 9, 1),
        "Eva Sjöberg",
        "försenad",
    )
    assert stored(db) == [
        (
            "check_in",
            planned,
            workshop.id,
            date(2026, 9, 1),
            "Eva Sjöberg",
            "Två brukare testar; schemat krockar med helgerna",
            "försenad",
            True,
        )
    ]
    assert get_idea(db, planned).status == IdeaStatus.REALISING


def test_entries_of_a_plan_in_date_order(db: Database, workshop: WorkshopSnapshot, planned: str) -> None:
    later = add_entry(db, workshop.id, planned, "support", date(2026, 10, 1), "Chefen gav tid")
    earlier = add_entry(db, workshop.id, planned, "check_in", date(2026, 9, 1), status="igång")

    assert [e.id for e in plan_entries(db, planned)] == [earlier.id, later.id]


@pytest.mark.parametrize(
    ("entry_on", "text", "status", "field"),
    [
        (None, "Igång", "", "entry_on"),
        (datetime(2026, 9, 1, 10, 0), "Igång", "", "entry_on"),
        (date(2026, 9, 1), "  ", "", "text"),
        (date(2026, 9, 1), "Igång", "x" * 25, "status"),
    ],
)
def test_an_entry_needs_a_date_and_something_to_say(
    db: Database,
    workshop: WorkshopSnapshot,
    planned: str,
    entry_on: date | None,
    text: str,
    status: str,
    field: str,
) -> None:
    with pytest.raises(InvalidInput) as refused:
        add_entry(db, workshop.id, planned, FollowUpKind.CHECK_IN, entry_on, text, status=status)  # type: ignore[arg-type]

    assert refused.value.field == field
    assert stored(db) == []


def test_an_entry_belongs_to_a_plan_of_the_workshop(
    db: Database, workshop: WorkshopSnapshot, planned: str
) -> None:
    unplanned = add_idea(db, workshop.id, "Ingen plan än").id
    other = create_workshop(db, "Vägen till jobbet").id
    day = date(2026, 9, 1)

    for idea_id, workshop_id, message in [
        (None, workshop.id, "Choose the plan the entry is about."),
        (unplanned, workshop.id, "That idea has no development plan yet."),
        (planned, other, "That idea belongs to another workshop."),
    ]:
        with pytest.raises(InvalidInput, match=message):
            add_entry(db, workshop_id, idea_id, FollowUpKind.CHECK_IN, day, "Igång")
    remove_idea(db, planned)
    with pytest.raises(NotFound):
        add_entry(db, workshop.id, planned, FollowUpKind.CHECK_IN, day, "Igång")
    assert stored(db) == []


def test_marking_realised_once(db: Database, workshop: WorkshopSnapshot, planned: str) -> None:
    done = mark_realised(db, planned, date(2026, 11, 20), "I ordinarie drift sedan november", author="Eva")

    assert (done.kind, done.idea_id, done.workshop_id) == (FollowUpKind.REALISATION, planned, workshop.id)
    assert get_idea(db, planned).status == IdeaStatus.REALISED
    with pytest.raises(InvalidInput, match="already marked realised"):
        mark_realised(db, planned, date(2026, 11, 21))

    remove_entry(db, done.id)  # undo
    assert get_idea(db, planned).status == IdeaStatus.DECIDED
    restore_entry(db, done.id)  # redo
    assert get_idea(db, planned).status == IdeaStatus.REALISED
    assert [row[-1] for row in stored(db)] == [True]


def test_a_restored_entry_meets_the_rules_it_met_when_written(
    db: Database, workshop: WorkshopSnapshot, planned: str
) -> None:
    # GIVEN a realisation taken back, and a new one written in its place
    first = mark_realised(db, planned, date(2026, 11, 20), "I drift")
    remove_entry(db, first.id)
    mark_realised(db, planned, date(2026, 11, 22), "I ordinarie drift")

    # WHEN the first one is brought back, THEN the plan would be realised twice: refused, unchanged
    with pytest.raises(InvalidInput, match="already marked realised"):
        restore_entry(db, first.id)
    assert [row[-1] for row in stored(db)].count(True) == 1

    # ... and an entry about an idea since deleted does not come back either
    note = add_entry(db, workshop.id, planned, FollowUpKind.CHECK_IN, TODAY, "Igång")
    remove_entry(db, note.id)
    remove_idea(db, planned)
    with pytest.raises(NotFound):
        restore_entry(db, note.id)


def test_an_unknown_kind_of_entry_is_refused_plainly(
    db: Database, workshop: WorkshopSnapshot, planned: str
) -> None:
    with pytest.raises(InvalidInput, match="Choose what kind of entry") as refused:
        add_entry(db, workshop.id, planned, "party", TODAY, "Tårta")
    assert refused.value.field == "kind"


def test_add_entry_passes_a_realisation_on(db: Database, workshop: WorkshopSnapshot, planned: str) -> None:
    other = create_workshop(db, "Vägen till jobbet").id
    with pytest.raises(InvalidInput, match="another workshop"):
        add_entry(db, other, planned, FollowUpKind.REALISATION, TODAY)

    with pytest.raises(InvalidInput, match="Choose the plan"):
        add_entry(db, workshop.id, None, FollowUpKind.REALISATION, TODAY)
    with pytest.raises(TypeError):  # recognise() names the people
        add_entry(db, workshop.id, planned, FollowUpKind.RECOGNITION, TODAY, "Tack", "Eva")
    add_entry(db, workshop.id, planned, FollowUpKind.REALISATION, TODAY, "Klart")

    assert [(k, t) for k, _, _, _, _, t, _, _ in stored(db)] == [("realisation", "Klart")]


def test_recognition_names_each_person_as_they_may_be_named(
    db: Database, workshop: WorkshopSnapshot, planned: str
) -> None:
    """GIVEN an idea giver who agreed to be named and one who did not
    WHEN the plan's people are recognised THEN each gets an entry, named only with consent."""
    named = add_participant(
        db, workshop.id, display_name="Amira Hassan", role="employee", consent_to_be_named=True
    )
    unnamed = add_participant(
        db, workshop.id, display_name="Per Ek", role="citizen", organisation="PRO Norrby"
    )

    given = recognise(
        db,
        planned,
        TODAY,
        "Tack för idén och för att ni drev den hela vägen!",
        names=[" Eva Sjöberg ", "Eva Sjöberg"],
        participant_ids=[named.id, unnamed.id],
        author=" Lena, enhetschef ",
    )

    people = ["Eva Sjöberg", "Amira Hassan", "Citizen, PRO Norrby"]
    assert [(g.recognised, g.author) for g in given] == [(p, "Lena, enhetschef") for p in people]
    with db.transaction() as session:
        rows = session.execute(
            select(FollowUpEntry.kind, FollowUpEntry.recognised, FollowUpEntry.author, FollowUpEntry.text)
        ).all()
    assert sorted(rows) == sorted(
        ("recognition", p, "Lena, enhetschef", "Tack för idén och för att ni drev den hela vägen!")
        for p in people
    )
    assert progress(db, workshop.id)[planned] == IdeaStatus.DECIDED  # celebrating is no step of its own


def test_recognition_needs_someone_from_this_workshop(
    db: Database, workshop: WorkshopSnapshot, planned: str
) -> None:
    stranger = add_participant(db, create_workshop(db, "Annan").id, role="citizen")

    with pytest.raises(InvalidInput, match="Name who is recognised"):
        recognise(db, planned, TODAY, "Tack", names=["  "])
    with pytest.raises(InvalidInput, match="another workshop"):
        recognise(db, planned, TODAY, "Tack", participant_ids=[stranger.id])
    assert stored(db) == []


def test_a_recognition_given_by_no_one_named_keeps_whom_it_recognises(
    db: Database, workshop: WorkshopSnapshot, planned: str
) -> None:
    """GIVEN a recognition with no giver named WHEN it is stored THEN the author stays empty
    and the person recognised is kept in their own field; other entries recognise no one."""
    (given,) = recognise(db, planned, TODAY, "Tack", names=["Eva Sjöberg"])
    add_entry(db, workshop.id, planned, FollowUpKind.CHECK_IN, TODAY, "Bra fart", "Eva Sjöberg")

    assert (given.author, given.recognised) == ("", "Eva Sjöberg")
    with db.transaction() as session:
        rows = session.execute(
            select(FollowUpEntry.kind, FollowUpEntry.author, FollowUpEntry.recognised).order_by(
                FollowUpEntry.created_at
            )
        ).all()
    assert [tuple(r) for r in rows] == [("recognition", "", "Eva Sjöberg"), ("check_in", "Eva Sjöberg", "")]


def test_lessons_per_workshop(db: Database, workshop: WorkshopSnapshot, planned: str) -> None:
    other = create_workshop(db, "Vägen till jobbet").id
    second = add_lesson(db, workshop.id, date(2026, 10, 1), "Bjud in brukarna tidigare", idea_id=planned)
    first = add_lesson(db, workshop.id, date(2026, 9, 1), "Boka lokalen med hörslinga", author="Eva")
    add_lesson(db, other, date(2026, 9, 1), "Annat")
    set_lessons_summary(db, workshop.id, "Små steg, tidig förankring.")

    kept = lessons(db, workshop.id)

    assert kept.summary == "Små steg, tidig förankring."
    assert [(e.id, e.kind, e.idea_id) for e in kept.entries] == [
        (first.id, FollowUpKind.LESSON, None),
        (second.id, FollowUpKind.LESSON, planned),
    ]
    with pytest.raises(InvalidInput, match="Write the lesson first"):
        add_lesson(db, workshop.id, TODAY, " ")


def test_the_next_follow_up_date_is_the_workshops(db: Database, workshop: WorkshopSnapshot) -> None:
    set_follow_up_date(db, workshop.id, date(2027, 2, 15))
    assert get_workshop(db, workshop.id).follow_up_on == date(2027, 2, 15)

    set_follow_up_date(db, workshop.id, None)
    assert get_workshop(db, workshop.id).follow_up_on is None
    with pytest.raises(InvalidInput):
        set_follow_up_date(db, workshop.id, datetime(2027, 2, 15, 9, 0))


def test_the_overview_across_workshops(db: Database, workshop: WorkshopSnapshot, planned: str) -> None:
    """GIVEN two workshops with plans and actions in every state
    WHEN the overview is read on a given day
    THEN open actions come by due date with the late ones marked, plans with their status,
    and each workshop with its next follow-up date."""
    other = create_workshop(db, "Vägen till jobbet").id
    bus = add_idea(db, other, "Anropsstyrd buss").id
    plan(db, bus, responsible="Ola Berg")
    gone = create_workshop(db, "Struken").id
    gone_idea = add_idea(db, gone, "Borta").id
    plan(db, gone_idea)
    actions(db, gone_idea, ("Syns inte", "", date(2026, 1, 1), ActionStatus.NOT_STARTED))
    delete_workshop(db, gone)
    late, today, undated, soon = (
        *actions(
            db,
            planned,
            ("Rekrytera kontaktpersoner", "Eva", date(2026, 11, 1), ActionStatus.IN_PROGRESS),
            ("Informera brukarna", "Ali", TODAY, ActionStatus.NOT_STARTED),
            ("Klart", "Eva", date(2026, 1, 1), ActionStatus.DONE),
            ("Överlämnat", "Eva", date(2026, 1, 1), ActionStatus.HANDED_OVER),
            ("Omöjligt", "Eva", date(2026, 1, 1), ActionStatus.NOT_POSSIBLE),
        )[:2],
        *actions(
            db,
            bus,
            ("Utvärdera", "Ola", None, ActionStatus.NOT_STARTED),
            ("Upphandla fordon", "Ola", date(2026, 12, 1), ActionStatus.NOT_STARTED),
        ),
    )
    set_follow_up_date(db, other, date(2026, 12, 10))
    set_follow_up_date(db, workshop.id, date(2026, 11, 26))
    add_entry(db, workshop.id, planned, FollowUpKind.CHECK_IN, date(2026, 10, 5), "Igång")

    seen = overview(db, TODAY)

    assert [(a.id, a.overdue) for a in seen.actions] == [
        (late, True),
        (today, False),
        (soon, False),
        (undated, False),
    ]
    assert seen.actions[0].plan_title == "Fast omsorgskontakt"
    assert seen.actions[0].workshop_title == "Trygg hemma"
    assert seen.overdue == 1
    assert [(p.title, p.status, p.open_actions, p.last_entry_on) for p in seen.plans] == [
        ("Fast omsorgskontakt", IdeaStatus.REALISING, 2, date(2026, 10, 5)),
        ("Anropsstyrd buss", IdeaStatus.PLANNED, 2, None),
    ]
    assert {s: [p.title for p in ps] for s, ps in seen.plans_by_status().items()} == {
        IdeaStatus.PLANNED: ["Anropsstyrd buss"],
        IdeaStatus.REALISING: ["Fast omsorgskontakt"],
    }
    assert [(w.title, w.follow_up_on, w.due) for w in seen.workshops] == [
        ("Trygg hemma", date(2026, 11, 26), True),
        ("Vägen till jobbet", date(2026, 12, 10), False),
    ]


def test_filtering_the_overview(db: Database, workshop: WorkshopSnapshot, planned: str) -> None:
    other = create_workshop(db, "Vägen till jobbet").id
    bus = add_idea(db, other, "Anropsstyrd buss").id
    plan(db, bus, responsible="Ola Berg")
    actions(db, planned, ("Rekrytera kontaktpersoner", "Eva", TODAY, ActionStatus.NOT_STARTED))
    actions(db, bus, ("Upphandla fordon", "Ola", TODAY, ActionStatus.NOT_STARTED))
    whole = overview(db, TODAY)

    by_owner = filter_overview(whole, " ola ")
    assert [a.title for a in by_owner.actions] == ["Upphandla fordon"]
    assert [p.title for p in by_owner.plans] == ["Anropsstyrd buss"]
    assert [w.id for w in by_owner.workshops] == [other]

    by_workshop = filter_overview(whole, workshop_id=workshop.id)
    assert [a.title for a in by_workshop.actions] == ["Rekrytera kontaktpersoner"]
    assert [w.id for w in by_workshop.workshops] == [workshop.id]

    by_title = filter_overview(whole, "TRYGG")  # the workshop's title finds all of it
    assert [a.title for a in by_title.actions] == ["Rekrytera kontaktpersoner"]
    assert [w.id for w in by_title.workshops] == [workshop.id]

    assert filter_overview(whole, "ingenting").actions == ()
    assert overview(db, TODAY, search="ola") == by_owner
    assert overview(db, TODAY, workshop_id=workshop.id) == filter_overview(whole, workshop_id=workshop.id)


def test_deleted_things_leave_the_overview(db: Database, workshop: WorkshopSnapshot, planned: str) -> None:
    kept, dropped = actions(
        db,
        planned,
        ("Kvar", "Eva", TODAY, ActionStatus.NOT_STARTED),
        ("Struken", "Eva", TODAY, ActionStatus.NOT_STARTED),
    )
    with db.transaction() as session:
        row = session.get(Action, dropped)
        assert row is not None
        row.deleted_at = utcnow()
    assert [a.id for a in overview(db, TODAY).actions] == [kept]

    with db.transaction() as session:
        plan_row = session.scalars(select(DevelopmentPlan).where(DevelopmentPlan.idea_id == planned)).one()
        plan_row.deleted_at = utcnow()
    seen = overview(db, TODAY)
    assert (seen.actions, seen.plans) == ((), ())


def test_a_plan_line_cites_its_latest_decision_and_sums_its_resources(
    db: Database, workshop: WorkshopSnapshot, planned: str
) -> None:
    """GIVEN an idea with a GO (§ 1), postponed (§ 2), then a GO (§ 3) with money, hours and support
    WHEN the overview is read
    THEN its plan cites § 3 with its reference and sums what is still given;
    a plan without a decision has none; with § 3 deleted, § 2 is cited and nothing is given."""
    other = add_idea(db, workshop.id, "Anropsstyrd buss").id
    plan(db, other)
    record_decision(db, workshop.id, planned, "postponed", "committee", date(2026, 3, 1), reference="KS § 3")
    go = record_decision(
        db, workshop.id, planned, "go", "committee", date(2026, 6, 10), reference="KS 2026-06-10 § 27"
    ).id
    allocate(db, go, "money", "150000", "SEK")
    allocate(db, go, "money", "2500.50", "SEK")
    allocate(db, go, "money", "1000", "EUR")
    allocate(db, go, "hours", "120")
    allocate(db, go, "support", description="Kommunikatör")
    remove_allocation(db, allocate(db, go, "hours", "1000").id)
    update_workshop(db, workshop.id, held_on=date(2026, 2, 3))

    lines = {p.idea_id: p for p in overview(db, TODAY).plans}

    line = lines[planned]
    assert line.decision == DecisionLine(3, DecisionOutcome.GO, "KS 2026-06-10 § 27", date(2026, 6, 10))
    assert line.resources == ResourcesGiven(
        (("EUR", Decimal("1000")), ("SEK", Decimal("152500.50"))), Decimal("120"), 1
    )
    assert line.workshop_held_on == date(2026, 2, 3)
    assert (lines[other].decision, bool(lines[other].resources)) == (None, False)
    assert [p.title for p in filter_overview(overview(db, TODAY), "ks 2026-06").plans] == [line.title]

    delete_decision(db, go)
    line = next(p for p in overview(db, TODAY).plans if p.idea_id == planned)
    assert line.decision == DecisionLine(2, DecisionOutcome.POSTPONED, "KS § 3", date(2026, 3, 1))
    assert not line.resources


def _statements(db: Database, read: Callable[[], object]) -> int:
    seen: list[str] = []

    def count(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        read()
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(seen)


def test_the_overview_asks_the_same_few_questions_however_much_there_is(
    db: Database, workshop: WorkshopSnapshot, planned: str
) -> None:
    actions(db, planned, ("Rekrytera", "Eva", TODAY, ActionStatus.NOT_STARTED))
    few = _statements(db, lambda: overview(db, TODAY))
    few_funnel = _statements(db, lambda: funnel(db))
    for n in range(4):
        w = create_workshop(db, f"Verkstad {n}").id
        for k in range(3):
            idea = add_idea(db, w, f"Idé {k}").id
            plan(db, idea)
            allocate(db, decide(db, w, idea, DecisionOutcome.GO), "money", "1000", "SEK")
            add_entry(db, w, idea, FollowUpKind.CHECK_IN, TODAY, "Igång")
            actions(db, idea, *[(f"Insats {a}", "Ola", TODAY, ActionStatus.IN_PROGRESS) for a in range(3)])

    assert len(overview(db, TODAY).actions) == 37
    assert _statements(db, lambda: overview(db, TODAY)) == few <= 20
    assert _statements(db, lambda: funnel(db)) == few_funnel <= 12
