"""The demo workshop: realistic Swedish content, at the default size and at scale."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from app.clusters import list_clusters
from app.demo import DEFAULT_IDEAS, DEFAULT_PARTICIPANTS, MAX_IDEAS, create_demo_workshop
from app.demo_content import PICTURES, TIE_REASON
from app.ideas import list_ideas
from app.images import MAX_SIDE, image_bytes, list_images
from app.participants import list_participants
from app.shortlist import shortlist
from app.snapshots import IdeaSnapshot
from app.voting import list_rounds
from app.voting_results import cut_view, results
from app.workshops import get_workshop, list_workshops
from models.database import Database
from models.enums import Eligibility, PhaseState, VotingMode

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
    for idea in shown:
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
