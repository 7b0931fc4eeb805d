"""The demo workshop: realistic Swedish content, at the default size and at scale."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PIL import Image

from app import demo_steps_content as steps
from app.analysis import get_analysis
from app.clusters import list_clusters
from app.decisions import allocations, list_decisions
from app.demo import DEFAULT_IDEAS, DEFAULT_PARTICIPANTS, MAX_IDEAS, create_demo_workshop
from app.demo_content import PICTURES, TIE_REASON
from app.followup import lessons, overview, plan_entries
from app.idea_progress import progress
from app.ideas import list_ideas
from app.images import MAX_SIDE, image_bytes, list_images
from app.participants import list_participants
from app.plans import list_plans
from app.review import list_reviews, review_of_idea
from app.shortlist import shortlist
from app.snapshots import IdeaSnapshot
from app.voting import list_rounds
from app.voting_results import cut_view, results
from app.workshops import get_workshop, list_workshops
from models.database import Database
from models.enums import (
    DecisionLevel,
    DecisionOutcome,
    Eligibility,
    FollowUpKind,
    NoteKind,
    PhaseState,
    Recommendation,
    ResourceKind,
    ReviewFormat,
    VotingMode,
)

TITLE = "Idéverkstad: Trygg och delaktig hemma"


def check_demo(db: Database, workshop_id: str, ideas: int, participants: int) -> None:
    """What the facilitator sees of a demo of the given size."""
    [summary] = list_workshops(db)
    assert summary.id == workshop_id
    assert summary.title == TITLE
    assert (summary.idea_count, summary.participant_count) == (ideas, participants)
    assert summary.current_phase == "Prickröstning"
    assert summary.template_key == "ten-step"

    workshop = get_workshop(db, workshop_id)
    assert workshop.current_phase is not None
    assert (workshop.current_phase.key, workshop.current_phase.kind) == ("prickrostning", "voting")
    current = workshop.current_phase.position
    assert all(p.state is PhaseState.DONE for p in workshop.phases[:current])
    assert all(p.state is PhaseState.PENDING for p in workshop.phases[current + 1 :])
    assert workshop.language == "sv"
    assert "hemtjänst" in workshop.challenge

    people = list_participants(db, workshop_id)
    assert len(people) == participants
    assert [p.position for p in people] == list(range(participants))

    shown = list_ideas(db, workshop_id)
    assert len(shown) == ideas
    assert len({i.id for i in shown}) == ideas
    assert [i.position for i in shown] == list(range(ideas))
    assert all(i.title.strip() and i.text for i in shown)
    assert all(i.giver_ids == () for i in shown if i.anonymous)
    person_ids = {p.id for p in people}
    assert all(set(i.giver_ids) <= person_ids for i in shown)
    on_shortlist = check_vote(db, workshop_id, shown, participants)
    went_on = check_steps(db, workshop_id, shown, on_shortlist)
    for idea in shown:
        if idea.id in went_on:
            continue
        if idea.id in on_shortlist:
            assert idea.status == "shortlisted"
        else:
            assert (idea.status == "backed") == (idea.backing_count > 0)
    cluster_ids = {c.id for c in list_clusters(db, workshop_id)}
    assert {i.cluster_id for i in shown if i.cluster_id} <= cluster_ids
    check_pictures(db, shown)


def check_vote(db: Database, workshop_id: str, ideas: list[IdeaSnapshot], participants: int) -> set[str]:
    """Round 1 as the room left it: revealed, a tie at the line settled, four ideas on the shortlist.

    Returns the ids of the shortlisted ideas. A demo too small to vote in has no round.
    """
    rounds = list_rounds(db, workshop_id)
    voters = participants - max(1, participants // 8)
    if len(ideas) < 6 or voters < 3:
        assert rounds == []
        assert shortlist(db, workshop_id) == []
        return set()
    [first] = rounds
    assert (first.number, first.revealed, first.anonymous, first.mode) == (1, True, True, VotingMode.MIXED)
    assert (first.dots, first.max_per_idea, first.eligibility) == (3, 1, Eligibility.ALL)
    assert first.eligible_ids == tuple(i.id for i in ideas)
    assert first.voters_expected == participants
    assert participants / 2 < first.ballots == voters < participants  # most of the room voted
    assert first.has_paper
    result = results(db, first.id)
    assert result.booth_dots == 3 * first.ballots
    assert 0 < result.paper_dots < result.booth_dots
    assert [r.rank for r in result.ideas[:5]] == [1, 2, 3, 4, 4]  # a tie at the line of four
    assert result.ideas[4].total > result.ideas[5].total
    line = cut_view(db, first.id, 4)
    assert not line.is_tied
    [settled] = line.settlements
    assert settled.reason == TIE_REASON
    assert set(settled.idea_ids) == {r.idea_id for r in result.ideas[3:5]}
    assert first.shortlist_size == 4
    listed = shortlist(db, workshop_id)
    assert [i.idea_id for i in listed] == list(line.going_on)
    assert {(i.round_id, i.added_reason) for i in listed} == {(first.id, "")}
    assert not list(db.path.parent.glob(".*voter-keys"))  # voting closed: the voter key is gone
    return {i.idea_id for i in listed}


def check_steps(
    db: Database, workshop_id: str, ideas: list[IdeaSnapshot], on_shortlist: set[str]
) -> set[str]:
    """After the vote: the two demo ideas on the shortlist went on; returns the ids of those that did.

    The stored status of each idea is the one its records give.
    """
    today = date.today()
    workshop = get_workshop(db, workshop_id)
    assert workshop.held_on is not None
    assert workshop.held_on.weekday() == 1  # a Tuesday
    assert timedelta(weeks=18) <= today - workshop.held_on < timedelta(weeks=19)
    assert workshop.follow_up_on is not None
    assert workshop.follow_up_on > today
    assert lessons(db, workshop_id).entries  # a lesson, whatever else went on
    derived = progress(db, workshop_id)
    assert {i.id: i.status for i in ideas} == derived
    by_title = {i.title: i.id for i in ideas if i.id in on_shortlist}
    going_on, reworked = by_title.get(steps.GOING_ON), by_title.get(steps.REWORKED)
    reviews = {r.idea_id: r for r in list_reviews(db, workshop_id)}
    assert set(reviews) == {i for i in (going_on, reworked) if i is not None}
    assert all(
        r.completed_at is not None and r.completed_at.date() == workshop.held_on for r in reviews.values()
    )
    decisions = list_decisions(db, workshop_id)
    assert [d.number for d in decisions] == list(range(1, len(decisions) + 1))
    if going_on is not None:
        assert derived[going_on] == "realising"
        assert len(plan_entries(db, going_on)) == 2
    if reworked is not None:
        assert derived[reworked] == "decided"
        assert reviews[reworked].recommendation is Recommendation.REWORK
    return set(reviews)


def check_pictures(db: Database, ideas: list[IdeaSnapshot]) -> None:
    """Pictures only on the hand-written ideas that have one, each one a picture that opens."""
    drawn = {title: caption for title, _drawing, caption, _words in PICTURES}
    with_pictures = [i for i in ideas if i.image_count]
    assert [i.title for i in with_pictures] == [i.title for i in ideas if i.title in drawn]
    for idea in with_pictures:
        [image] = list_images(db, idea.id)
        assert image.caption == drawn[idea.title]
        mime_type, data = image_bytes(db, image.id)
        picture = Image.open(io.BytesIO(data))
        picture.load()
        assert (picture.format, mime_type) == ("JPEG", "image/jpeg")
        assert picture.size == (image.width, image.height)
        assert max(picture.size) <= MAX_SIDE
        assert not picture.getexif()
        # A drawing, not an empty page: more than a handful of colours.
        assert len(picture.convert("RGB").getcolors(maxcolors=1_000_000) or ()) > 10


def test_the_default_demo(db: Database) -> None:
    workshop_id = create_demo_workshop(db)

    check_demo(db, workshop_id, DEFAULT_IDEAS, DEFAULT_PARTICIPANTS)
    ideas = list_ideas(db, workshop_id)
    backed = [i for i in ideas if i.status == "backed"]
    assert 0 < len(backed) < len(ideas)
    assert any(i.anonymous for i in ideas)
    assert any(i.giver_ids for i in ideas)
    assert any(i.cluster_id for i in ideas)
    assert len(list_clusters(db, workshop_id)) >= 3
    people = list_participants(db, workshop_id)
    assert any(p.display_name for p in people)
    assert any(not p.display_name for p in people)
    assert all(p.consent_to_be_named for p in people if p.display_name)
    assert {p.origin for p in people} == {"internal", "external"}
    assert sum(i.image_count for i in ideas) == len(PICTURES) >= 2


def test_the_default_demo_has_gone_on_to_a_go_and_its_follow_up(db: Database) -> None:
    """The organiser's months after the workshop: review, analysis, plan, § 1 GO with resources,
    § 2 postponed, two follow-up meetings and a lesson."""
    workshop_id = create_demo_workshop(db)
    today = date.today()

    ideas = {i.title: i for i in list_ideas(db, workshop_id)}
    going_on, reworked = ideas[steps.GOING_ON], ideas[steps.REWORKED]
    assert (going_on.status, reworked.status) == ("realising", "decided")
    assert going_on.id in {i.idea_id for i in shortlist(db, workshop_id)}

    # Two reviews: a standard board of named internal and external reviewers, and a pre-mortem.
    board = review_of_idea(db, going_on.id)
    assert board is not None
    assert (board.format, board.recommendation) == (ReviewFormat.STANDARD, Recommendation.PROCEED)
    assert len(board.notes) >= 10
    assert {n.kind for n in board.notes} == set(NoteKind)
    assert board.composition.internal >= 2
    assert board.composition.external >= 2
    named = {p.id for p in list_participants(db, workshop_id) if p.display_name and p.consent_to_be_named}
    assert sum(n.reviewer_id in named for n in board.notes) >= 8
    pre_mortem = review_of_idea(db, reworked.id)
    assert pre_mortem is not None
    assert (pre_mortem.format, pre_mortem.recommendation) == (ReviewFormat.PRE_MORTEM, Recommendation.REWORK)
    assert pre_mortem.reasons.strip()

    # One analysis complete, one partial.
    complete, partial = get_analysis(db, going_on.id), get_analysis(db, reworked.id)
    assert complete.completeness.filled == complete.completeness.total
    assert 0 < partial.completeness.filled < partial.completeness.total

    # One plan with five actions, one of them overdue today, ready for decision.
    [plan] = list_plans(db, workshop_id, today=today)
    assert plan.idea_id == going_on.id
    assert plan.ready_for_decision
    assert len(plan.actions) == 5
    assert all(a.owner and a.due_on for a in plan.actions)
    assert [a.title for a in plan.actions if a.overdue] == ["Informera brukare och anhöriga om piloten"]
    assert len({a.status for a in plan.actions}) >= 3

    # § 1 GO at the committee, with money, hours and support from the responsible leader; § 2 postponed.
    first, second = list_decisions(db, workshop_id)
    assert (first.number, first.outcome, first.level) == (1, DecisionOutcome.GO, DecisionLevel.COMMITTEE)
    assert first.idea_id == going_on.id
    assert first.decided_on is not None
    assert first.reference == f"Vård- och omsorgsnämnden {first.decided_on.isoformat()} § 27"
    given = {a.kind: a for a in allocations(db, first.id)}
    assert set(given) == {ResourceKind.MONEY, ResourceKind.HOURS, ResourceKind.SUPPORT}
    assert (given[ResourceKind.MONEY].amount, given[ResourceKind.MONEY].currency) == (
        Decimal("180000"),
        "SEK",
    )
    assert given[ResourceKind.HOURS].amount == Decimal("320")
    assert all(a.allocated_by.startswith("Eva Sjöberg") for a in given.values())
    assert (second.number, second.outcome, second.idea_id) == (2, DecisionOutcome.POSTPONED, reworked.id)
    assert second.reasons.strip()
    assert second.reference.endswith("§ 28")

    # Two follow-up meetings on the plan, then a lesson; the next follow-up is to come.
    entries = plan_entries(db, going_on.id)
    assert [e.kind for e in entries] == [FollowUpKind.CHECK_IN, FollowUpKind.CHECK_IN]
    assert first.decided_on < entries[0].entry_on < entries[1].entry_on < today
    [lesson] = lessons(db, workshop_id).entries
    assert lesson.text.strip()
    assert lesson.idea_id is None
    follow_up = overview(db, today, workshop_id=workshop_id)
    assert [a.overdue for a in follow_up.actions].count(True) == 1
    [line] = follow_up.plans
    assert (line.idea_id, line.status) == (going_on.id, "realising")


def test_a_large_demo(db: Database) -> None:
    workshop_id = create_demo_workshop(db, ideas=1000, participants=60)

    check_demo(db, workshop_id, 1000, 60)
    ideas = list_ideas(db, workshop_id)
    assert sum(i.status == "backed" for i in ideas) > 100
    assert sum(i.backing_count == 0 for i in ideas) > 100
    assert sum(i.anonymous for i in ideas) > 10
    assert sum(bool(i.giver_ids) for i in ideas) > 500
    assert len({i.giver_ids for i in ideas if i.giver_ids}) > 10
    assert sum(i.image_count for i in ideas) == len(PICTURES)  # the generated ideas have none


def test_a_demo_without_ideas(db: Database) -> None:
    workshop_id = create_demo_workshop(db, ideas=0)

    check_demo(db, workshop_id, 0, DEFAULT_PARTICIPANTS)
    assert list_ideas(db, workshop_id) == []


def test_a_small_demo_has_the_pictures_of_its_ideas(db: Database) -> None:
    workshop_id = create_demo_workshop(db, ideas=2, participants=3)

    check_demo(db, workshop_id, 2, 3)
    ideas = list_ideas(db, workshop_id)
    assert [i.image_count for i in ideas] == [0, 1]  # the second idea, the weekly schedule, has a sketch


def test_a_demo_without_participants(db: Database) -> None:
    workshop_id = create_demo_workshop(db, ideas=20, participants=0)

    check_demo(db, workshop_id, 20, 0)
    assert all(i.giver_ids == () for i in list_ideas(db, workshop_id))


def test_two_demos_are_separate_workshops(db: Database) -> None:
    first = create_demo_workshop(db, ideas=5, participants=3)
    second = create_demo_workshop(db, ideas=5, participants=3)

    assert first != second
    assert len(list_workshops(db)) == 2
    assert not {i.id for i in list_ideas(db, first)} & {i.id for i in list_ideas(db, second)}


@pytest.mark.parametrize(("ideas", "participants"), [(-1, 10), (MAX_IDEAS + 1, 10), (10, -1)])
def test_a_size_out_of_range_is_refused(db: Database, ideas: int, participants: int) -> None:
    with pytest.raises(ValueError, match="out of range"):
        create_demo_workshop(db, ideas=ideas, participants=participants)
    assert list_workshops(db, include_deleted=True) == []
