"""Ideas: capture with givers or anonymously, edit, move, merge and unmerge, remove, list."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.backings import add_backing
from app.clusters import add_cluster
from app.errors import InvalidInput, NotFound
from app.ideas import (
    add_idea,
    list_ideas,
    merge_ideas,
    move_idea,
    remove_idea,
    restore_idea,
    unmerge_ideas,
    update_idea,
)
from app.participants import add_participant, add_participants
from app.snapshots import IdeaSnapshot, ParticipantSnapshot, WorkshopSnapshot
from app.workshops import create_workshop
from models.database import Database
from models.idea import IdeaImage


@pytest.fixture
def people(db: Database, workshop: WorkshopSnapshot) -> list[ParticipantSnapshot]:
    return add_participants(db, workshop.id, 3, role="citizen", origin="external")


def giver_rows(db: Database, idea_id: str) -> list[str]:
    """The idea's rows in the idea_giver table, read without the ORM."""
    with db.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT participant_id FROM idea_giver WHERE idea_id = :id ORDER BY participant_id"),
            {"id": idea_id},
        )
        return [row[0] for row in rows]


def by_id(db: Database, workshop_id: str) -> dict[str, IdeaSnapshot]:
    return {i.id: i for i in list_ideas(db, workshop_id)}


def test_add_idea_with_givers(
    db: Database, workshop: WorkshopSnapshot, people: list[ParticipantSnapshot]
) -> None:
    idea = add_idea(
        db,
        workshop.id,
        "  Fast omsorgskontakt ",
        text="Två namngivna medarbetare per brukare.",
        giver_ids=[people[0].id, people[2].id],
        idea_type="method",
    )

    [stored] = list_ideas(db, workshop.id)
    assert stored == idea
    assert (stored.title, stored.text, stored.idea_type) == (
        "Fast omsorgskontakt",
        "Två namngivna medarbetare per brukare.",
        "method",
    )
    assert stored.giver_ids == (people[0].id, people[2].id)
    assert (stored.anonymous, stored.status, stored.cluster_id) == (False, "proposed", None)
    assert giver_rows(db, idea.id) == sorted([people[0].id, people[2].id])


def test_the_added_idea_is_shown_as_it_is_stored(
    db: Database, workshop: WorkshopSnapshot, people: list[ParticipantSnapshot]
) -> None:
    idea = add_idea(db, workshop.id, "Fika", giver_ids=[people[2].id, people[0].id])

    assert list_ideas(db, workshop.id) == [idea]


def test_an_anonymous_idea_with_givers_is_refused(
    db: Database, workshop: WorkshopSnapshot, people: list[ParticipantSnapshot]
) -> None:
    with pytest.raises(InvalidInput) as caught:
        add_idea(db, workshop.id, "Hemlig idé", anonymous=True, giver_ids=[people[0].id])
    assert caught.value.message == "En anonym idé har ingen idégivare."
    assert list_ideas(db, workshop.id) == []


def test_an_anonymous_idea_stores_no_giver_row(db: Database, workshop: WorkshopSnapshot) -> None:
    idea = add_idea(db, workshop.id, "Hemlig idé", anonymous=True)

    assert (idea.anonymous, idea.giver_ids) == (True, ())
    assert giver_rows(db, idea.id) == []
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM idea_giver")).scalar_one() == 0


def test_a_giver_from_another_workshop_is_refused(db: Database, workshop: WorkshopSnapshot) -> None:
    other = create_workshop(db, "Annan verkstad")
    stranger = add_participant(db, other.id, display_name="Främling")

    with pytest.raises(InvalidInput) as caught:
        add_idea(db, workshop.id, "Fika", giver_ids=[stranger.id])

    assert caught.value.message == "En idégivare är inte deltagare i den här idéverkstaden."
    assert list_ideas(db, workshop.id) == []


def test_update_idea_fields_and_givers(
    db: Database, workshop: WorkshopSnapshot, people: list[ParticipantSnapshot]
) -> None:
    idea = add_idea(db, workshop.id, "Fika", giver_ids=[people[0].id])

    update_idea(db, idea.id, title=" Fika på torsdagar ", text="Med PRO.", giver_ids=[people[1].id])

    [stored] = list_ideas(db, workshop.id)
    assert (stored.title, stored.text, stored.giver_ids) == ("Fika på torsdagar", "Med PRO.", (people[1].id,))


def test_making_an_idea_anonymous_clears_its_givers(
    db: Database, workshop: WorkshopSnapshot, people: list[ParticipantSnapshot]
) -> None:
    idea = add_idea(db, workshop.id, "Fika", giver_ids=[people[0].id, people[1].id])

    updated = update_idea(db, idea.id, anonymous=True)

    assert (updated.anonymous, updated.giver_ids) == (True, ())
    assert list_ideas(db, workshop.id) == [updated]
    assert giver_rows(db, idea.id) == []

    with pytest.raises(InvalidInput):
        update_idea(db, idea.id, title="Ändrad", giver_ids=[people[2].id])
    assert list_ideas(db, workshop.id) == [updated]


def test_move_idea_into_a_cluster_and_to_a_position(db: Database, workshop: WorkshopSnapshot) -> None:
    ideas = [add_idea(db, workshop.id, title) for title in ("A", "B", "C", "D")]
    theme = add_cluster(db, workshop.id, "Gemenskap")

    moved = move_idea(db, ideas[3].id, theme.id, 1)

    listed = list_ideas(db, workshop.id)
    assert [i.title for i in listed] == ["A", "D", "B", "C"]
    assert [i.position for i in listed] == [0, 1, 2, 3]
    assert moved.cluster_id == theme.id
    assert [i.cluster_id for i in listed] == [None, theme.id, None, None]

    move_idea(db, ideas[0].id, None, 99)
    listed = list_ideas(db, workshop.id)
    assert [i.title for i in listed] == ["D", "B", "C", "A"]
    assert [i.position for i in listed] == [0, 1, 2, 3]

    move_idea(db, ideas[3].id, None)
    listed = list_ideas(db, workshop.id)
    assert ([i.title for i in listed], {i.cluster_id for i in listed}) == (["D", "B", "C", "A"], {None})


def test_an_idea_restored_after_a_reorder_gets_a_place_of_its_own(
    db: Database, workshop: WorkshopSnapshot
) -> None:
    # GIVEN A, B, C; B is removed and C is dragged to the top
    a, b, c = (add_idea(db, workshop.id, title) for title in ("A", "B", "C"))
    remove_idea(db, b.id)
    move_idea(db, c.id, None, 0)

    # WHEN the removal of B is undone
    restore_idea(db, b.id)

    # THEN every idea has a place of its own on the board
    listed = list_ideas(db, workshop.id)
    assert {i.id for i in listed} == {a.id, b.id, c.id}
    assert sorted(i.position for i in listed) == [0, 1, 2]


def test_moving_into_a_cluster_of_another_workshop_is_refused(
    db: Database, workshop: WorkshopSnapshot
) -> None:
    idea = add_idea(db, workshop.id, "Fika")
    foreign = add_cluster(db, create_workshop(db, "Annan").id, "Främmande tema")

    with pytest.raises(InvalidInput):
        move_idea(db, idea.id, foreign.id, 0)
    assert list_ideas(db, workshop.id) == [idea]


def test_merge_keeps_both_texts_all_givers_and_the_backings(
    db: Database, workshop: WorkshopSnapshot, people: list[ParticipantSnapshot]
) -> None:
    kept = add_idea(db, workshop.id, "Fika", text="Varje torsdag.", giver_ids=[people[0].id])
    absorbed = add_idea(
        db, workshop.id, "Kaffe", text="Med grannarna.", giver_ids=[people[2].id, people[0].id]
    )
    add_backing(db, absorbed.id, "Bra tänkt!")
    add_backing(db, absorbed.id, "Tack!")

    result = merge_ideas(db, kept.id, absorbed.id)

    [stored] = list_ideas(db, workshop.id)
    assert stored == result.kept
    assert result.absorbed_id == absorbed.id
    assert stored.text == "Varje torsdag.\n\nKaffe\nMed grannarna."
    assert stored.title == "Fika"
    assert set(stored.giver_ids) == {people[0].id, people[2].id}
    assert stored.backing_count == 2
    with pytest.raises(NotFound):
        update_idea(db, absorbed.id, title="Kaffe")


def test_unmerge_restores_both_ideas_exactly(
    db: Database, workshop: WorkshopSnapshot, people: list[ParticipantSnapshot]
) -> None:
    kept = add_idea(db, workshop.id, "Fika", text="Varje torsdag.", giver_ids=[people[0].id])
    absorbed = add_idea(db, workshop.id, "Kaffe", text="Med grannarna.", giver_ids=[people[1].id])
    add_backing(db, kept.id, "Fin idé.")
    add_backing(db, absorbed.id, "Bra tänkt!")
    with db.transaction() as session:
        session.add(IdeaImage(idea_id=absorbed.id, mime_type="image/png", width=1, height=1, data=b"x"))
    before = by_id(db, workshop.id)
    result = merge_ideas(db, kept.id, absorbed.id)

    kept_after, absorbed_after = unmerge_ideas(db, result.merge_id)

    assert by_id(db, workshop.id) == before
    assert (kept_after, absorbed_after) == (before[kept.id], before[absorbed.id])
    assert (absorbed_after.deleted, absorbed_after.merged_into_id) == (False, None)
    assert (absorbed_after.backing_count, absorbed_after.image_count) == (1, 1)
    assert giver_rows(db, kept.id) == [people[0].id]
    assert giver_rows(db, absorbed.id) == [people[1].id]


def test_a_merge_with_an_anonymous_idea_names_nobody_and_unmerges_exactly(
    db: Database, workshop: WorkshopSnapshot, people: list[ParticipantSnapshot]
) -> None:
    kept = add_idea(db, workshop.id, "Hemlig", anonymous=True)
    absorbed = add_idea(db, workshop.id, "Öppen", giver_ids=[people[0].id])
    before = by_id(db, workshop.id)

    result = merge_ideas(db, kept.id, absorbed.id)
    # Naming the open idea's giver on the merged card could be read as naming the secret one's.
    assert (result.kept.anonymous, result.kept.giver_ids) == (True, ())
    assert giver_rows(db, kept.id) == []

    unmerge_ideas(db, result.merge_id)
    assert by_id(db, workshop.id) == before
    assert giver_rows(db, kept.id) == []


def test_a_merge_cannot_be_undone_twice(db: Database, workshop: WorkshopSnapshot) -> None:
    kept = add_idea(db, workshop.id, "Fika")
    absorbed = add_idea(db, workshop.id, "Kaffe")
    result = merge_ideas(db, kept.id, absorbed.id)
    unmerge_ideas(db, result.merge_id)
    after_first = list_ideas(db, workshop.id)

    with pytest.raises(InvalidInput) as caught:
        unmerge_ideas(db, result.merge_id)

    assert caught.value.message == "Den sammanslagningen är redan ångrad."
    assert list_ideas(db, workshop.id) == after_first


def test_merging_with_itself_or_across_workshops_is_refused(db: Database, workshop: WorkshopSnapshot) -> None:
    idea = add_idea(db, workshop.id, "Fika")
    foreign = add_idea(db, create_workshop(db, "Annan").id, "Kaffe")

    with pytest.raises(InvalidInput):
        merge_ideas(db, idea.id, idea.id)
    with pytest.raises(InvalidInput):
        merge_ideas(db, idea.id, foreign.id)
    assert list_ideas(db, workshop.id) == [idea]


def test_remove_and_restore(
    db: Database, workshop: WorkshopSnapshot, people: list[ParticipantSnapshot]
) -> None:
    first = add_idea(db, workshop.id, "Fika", giver_ids=[people[0].id])
    second = add_idea(db, workshop.id, "Kaffe")

    assert remove_idea(db, first.id).deleted is True
    assert list_ideas(db, workshop.id) == [second]
    with pytest.raises(NotFound):
        remove_idea(db, first.id)

    restored = restore_idea(db, first.id)

    assert restored.deleted is False
    assert list_ideas(db, workshop.id) == [first, second]


def test_list_ideas_counts_and_order(db: Database, workshop: WorkshopSnapshot) -> None:
    ideas = [add_idea(db, workshop.id, title) for title in ("Fika", "Kaffe", "Promenad")]
    add_idea(db, create_workshop(db, "Annan").id, "Främmande")
    add_backing(db, ideas[1].id, "Tack!")
    add_backing(db, ideas[1].id, "Bra!")
    add_backing(db, ideas[2].id, "Fint.")
    with db.transaction() as session:
        for position in range(3):
            session.add(
                IdeaImage(
                    idea_id=ideas[0].id, position=position, mime_type="image/png", width=1, height=1, data=b""
                )
            )
    move_idea(db, ideas[2].id, None, 0)

    listed = list_ideas(db, workshop.id)

    assert [i.title for i in listed] == ["Promenad", "Fika", "Kaffe"]
    assert [(i.backing_count, i.image_count) for i in listed] == [(1, 0), (0, 3), (2, 0)]
    assert [i.status for i in listed] == ["backed", "proposed", "backed"]
