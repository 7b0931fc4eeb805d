"""Workshops: create from a template, list, rename, edit, duplicate, delete and restore."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app import agenda
from app.backings import add_backing
from app.clusters import add_cluster, list_clusters
from app.errors import InvalidInput, NotFound
from app.ideas import add_idea, list_ideas, remove_idea
from app.participants import add_participant, add_participants, list_participants, remove_participant
from app.templates import load_templates
from app.text import TITLE_MAX
from app.workshops import (
    create_workshop,
    delete_workshop,
    duplicate_workshop,
    get_workshop,
    list_workshops,
    rename_workshop,
    restore_workshop,
    update_workshop,
)
from models.database import Database
from models.enums import PhaseState
from models.idea import Backing, IdeaImage

CATALOGUE = load_templates()


@pytest.mark.parametrize("key", sorted(CATALOGUE.templates))
def test_create_workshop_copies_the_template_agenda_in_order(db: Database, key: str) -> None:
    template = CATALOGUE.templates[key]

    workshop = create_workshop(db, "  Trygg hemma  ", key)

    stored = get_workshop(db, workshop.id)
    assert stored == workshop
    assert stored.title == "Trygg hemma"
    assert stored.template_key == key
    assert [p.key for p in stored.phases] == [p.key for p in template.phases]
    assert [p.title for p in stored.phases] == [p.title["sv"] for p in template.phases]
    assert [p.position for p in stored.phases] == list(range(len(template.phases)))
    assert [(p.kind, p.step, p.in_room, p.planned_minutes) for p in stored.phases] == [
        (p.kind, p.step, p.in_room, p.minutes) for p in template.phases
    ]
    assert [p.state for p in stored.phases] == [PhaseState.ACTIVE] + [PhaseState.PENDING] * (
        len(template.phases) - 1
    )
    assert stored.current_phase == stored.phases[0]
    assert stored.warmup_prompts == tuple(w["sv"] for w in template.warmup)
    assert stored.language == "sv"


def test_create_workshop_without_a_template_uses_the_default(db: Database) -> None:
    workshop = create_workshop(db, "Standard")
    assert workshop.template_key == "ten-step"
    assert workshop.current_phase is not None
    assert workshop.current_phase.title == "Myllstimulans"


def test_an_unknown_template_is_refused_and_nothing_stored(db: Database) -> None:
    with pytest.raises(InvalidInput) as caught:
        create_workshop(db, "Trygg hemma", "no-such-template")
    assert caught.value.message == "Det finns ingen mall för idéverkstäder som heter no-such-template."
    assert list_workshops(db, include_deleted=True) == []


def test_list_workshops_searches_titles_ignoring_case(db: Database) -> None:
    create_workshop(db, "Trygg och delaktig hemma")
    create_workshop(db, "Återbruk i skolan")
    create_workshop(db, "Skolvägen")

    assert [w.title for w in list_workshops(db, "TRYGG")] == ["Trygg och delaktig hemma"]
    assert [w.title for w in list_workshops(db, "återBRUK")] == ["Återbruk i skolan"]
    assert sorted(w.title for w in list_workshops(db, "  skol ")) == ["Skolvägen", "Återbruk i skolan"]
    assert list_workshops(db, "cykel") == []
    assert len(list_workshops(db)) == 3


def test_list_workshops_shows_the_newest_meeting_first(db: Database) -> None:
    create_workshop(db, "Utan datum")
    create_workshop(db, "I våras", held_on=date(2026, 3, 12))
    create_workshop(db, "I höstas", held_on=date(2026, 10, 1))

    assert [w.title for w in list_workshops(db)] == ["I höstas", "I våras", "Utan datum"]


def test_deleted_workshops_are_listed_only_when_asked(db: Database) -> None:
    kept = create_workshop(db, "Kvar")
    gone = create_workshop(db, "Borttagen")
    delete_workshop(db, gone.id)

    assert [w.id for w in list_workshops(db)] == [kept.id]
    everything = {w.id: w.deleted for w in list_workshops(db, include_deleted=True)}
    assert everything == {kept.id: False, gone.id: True}


def test_list_workshops_counts_live_ideas_and_participants_and_names_the_phase(db: Database) -> None:
    workshop = create_workshop(db, "Trygg hemma")
    empty = create_workshop(db, "Tom")
    people = add_participants(db, workshop.id, 3, role="citizen", origin="external")
    remove_participant(db, people[0].id)
    add_idea(db, workshop.id, "Fast omsorgskontakt")
    add_idea(db, workshop.id, "Fika på torsdagar")
    remove_idea(db, add_idea(db, workshop.id, "Dubblett").id)
    agenda.advance(db, workshop.id)

    rows = {w.id: w for w in list_workshops(db)}

    assert (rows[workshop.id].idea_count, rows[workshop.id].participant_count) == (2, 2)
    assert rows[workshop.id].current_phase == "Idéformulering"
    assert (rows[empty.id].idea_count, rows[empty.id].participant_count) == (0, 0)
    assert rows[empty.id].current_phase == "Myllstimulans"


@pytest.mark.parametrize("title", ["", "   ", "\t\n "])
def test_an_empty_title_is_refused_and_the_workshop_keeps_its_name(db: Database, title: str) -> None:
    workshop = create_workshop(db, "Trygg hemma")

    with pytest.raises(InvalidInput) as caught:
        rename_workshop(db, workshop.id, title)

    assert caught.value.message == "Titeln får inte vara tom."
    assert get_workshop(db, workshop.id).title == "Trygg hemma"
    assert [w.title for w in list_workshops(db)] == ["Trygg hemma"]


def test_rename_strips_surrounding_white_space(db: Database) -> None:
    workshop = create_workshop(db, "Trygg hemma")
    assert rename_workshop(db, workshop.id, "  Trygg och delaktig hemma ").title == "Trygg och delaktig hemma"
    assert get_workshop(db, workshop.id).title == "Trygg och delaktig hemma"


def test_update_workshop_details_are_stored(db: Database) -> None:
    workshop = create_workshop(db, "Trygg hemma")

    update_workshop(
        db,
        workshop.id,
        challenge="Hur blir vardagen tryggare?\n\nMed de resurser vi har.",
        place=" Medborgarhuset, Sjövik ",
        organisation="Sjöviks kommun",
        case_number="VON 2026/0142",
        held_on=date(2026, 3, 12),
        follow_up_on=date(2026, 9, 1),
        follow_up_url="https://sjovik.se/uppfoljning",
        warmup_prompts=["  Vad fick dig att le? "],
        language="nb",
    )

    stored = get_workshop(db, workshop.id)
    assert stored.challenge == "Hur blir vardagen tryggare?\n\nMed de resurser vi har."
    assert stored.place == "Medborgarhuset, Sjövik"
    assert (stored.organisation, stored.case_number) == ("Sjöviks kommun", "VON 2026/0142")
    assert (stored.held_on, stored.follow_up_on) == (date(2026, 3, 12), date(2026, 9, 1))
    assert stored.follow_up_url == "https://sjovik.se/uppfoljning"
    assert stored.warmup_prompts == ("Vad fick dig att le?",)
    assert stored.language == "nb"
    assert stored.title == "Trygg hemma"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"held_on": "12 mars"}, "Inte ett datum: 12 mars"),
        ({"language": "de"}, "Okänt språk: de"),
    ],
)
def test_update_workshop_refuses_bad_details(db: Database, changes: dict[str, str], message: str) -> None:
    workshop = create_workshop(db, "Trygg hemma", place="Sjövik")
    with pytest.raises(InvalidInput) as caught:
        update_workshop(db, workshop.id, place="Någon annanstans", **changes)
    assert caught.value.message == message
    assert get_workshop(db, workshop.id) == workshop


def test_duplicate_copies_the_whole_board_with_new_ids(db: Database) -> None:
    source = create_workshop(db, "Trygg hemma", place="Sjövik", challenge="Ensamhet i hemtjänsten")
    agenda.advance(db, source.id)
    anna = add_participant(db, source.id, display_name="Anna", role="citizen", origin="external")
    citizens = add_participants(db, source.id, 2, role="citizen", origin="external")
    removed = add_participant(db, source.id, display_name="Borta")
    remove_participant(db, removed.id)
    theme = add_cluster(db, source.id, "Gemenskap", "#e69f00")
    first = add_idea(db, source.id, "Fika", text="Varje torsdag", giver_ids=[anna.id, citizens[1].id])
    second = add_idea(db, source.id, "Anonym idé", anonymous=True, cluster_id=theme.id)
    remove_idea(db, add_idea(db, source.id, "Borttagen idé").id)
    add_backing(db, first.id, "Tack för idén!", given_by="Eva")
    with db.transaction() as session:
        session.add(IdeaImage(idea_id=first.id, mime_type="image/png", width=2, height=1, data=b"\x89PNG"))
    source_before = (
        get_workshop(db, source.id),
        list_participants(db, source.id),
        list_clusters(db, source.id),
        list_ideas(db, source.id),
    )

    copy = duplicate_workshop(db, source.id)

    assert copy.id != source.id
    assert copy.title == "Trygg hemma (kopia)"
    assert (copy.place, copy.challenge, copy.template_key) == ("Sjövik", "Ensamhet i hemtjänsten", "ten-step")
    assert [p.key for p in copy.phases] == [p.key for p in source.phases]
    assert not {p.id for p in copy.phases} & {p.id for p in source.phases}
    assert copy.current_phase is not None
    assert copy.current_phase.key == source.phases[0].key

    people = list_participants(db, copy.id)
    assert [(p.display_name, p.role, p.origin) for p in people] == [
        ("Anna", "citizen", "external"),
        ("", "citizen", "external"),
        ("", "citizen", "external"),
    ]
    assert not {p.id for p in people} & {anna.id, *(c.id for c in citizens)}

    [cluster] = list_clusters(db, copy.id)
    assert (cluster.name, cluster.colour) == ("Gemenskap", "#E69F00")
    assert cluster.id != theme.id

    ideas = {i.title: i for i in list_ideas(db, copy.id)}
    assert set(ideas) == {"Fika", "Anonym idé"}
    assert ideas["Fika"].id != first.id
    assert ideas["Fika"].text == "Varje torsdag"
    assert ideas["Fika"].giver_ids == (people[0].id, people[2].id)
    assert (ideas["Fika"].backing_count, ideas["Fika"].image_count, ideas["Fika"].status) == (1, 1, "backed")
    assert ideas["Anonym idé"].id != second.id
    assert (ideas["Anonym idé"].anonymous, ideas["Anonym idé"].giver_ids) == (True, ())
    assert ideas["Anonym idé"].cluster_id == cluster.id

    with db.transaction() as session:
        [image] = session.scalars(select(IdeaImage).where(IdeaImage.idea_id == ideas["Fika"].id))
        assert (image.mime_type, image.width, image.height, image.data) == ("image/png", 2, 1, b"\x89PNG")
        [backing] = session.scalars(select(Backing).where(Backing.idea_id == ideas["Fika"].id))
        assert (backing.text, backing.given_by) == ("Tack för idén!", "Eva")

    assert (
        get_workshop(db, source.id),
        list_participants(db, source.id),
        list_clusters(db, source.id),
        list_ideas(db, source.id),
    ) == source_before
    assert len(list_workshops(db)) == 2


def test_duplicate_with_a_title_of_ones_own(db: Database) -> None:
    source = create_workshop(db, "Trygg hemma")
    assert duplicate_workshop(db, source.id, "  Trygg hemma, omgång 2 ").title == "Trygg hemma, omgång 2"


def test_the_copy_of_a_title_at_the_limit_still_says_it_is_a_copy(db: Database) -> None:
    source = create_workshop(db, "Å" * TITLE_MAX)

    copy = duplicate_workshop(db, source.id)

    assert copy.title.endswith(" (kopia)")
    assert len(copy.title) == TITLE_MAX
    assert copy.title != source.title


def test_a_deleted_workshop_cannot_be_duplicated(db: Database) -> None:
    source = create_workshop(db, "Trygg hemma")
    delete_workshop(db, source.id)
    with pytest.raises(NotFound):
        duplicate_workshop(db, source.id)
    assert len(list_workshops(db, include_deleted=True)) == 1


def test_delete_and_restore(db: Database) -> None:
    workshop = create_workshop(db, "Trygg hemma")
    add_idea(db, workshop.id, "Fika")

    assert delete_workshop(db, workshop.id).deleted is True
    assert list_workshops(db) == []
    with pytest.raises(NotFound) as caught:
        get_workshop(db, workshop.id)
    assert caught.value.message == "Det finns inte längre kvar: det kan ha tagits bort."
    with pytest.raises(NotFound):
        delete_workshop(db, workshop.id)

    restored = restore_workshop(db, workshop.id)

    assert restored.deleted is False
    assert get_workshop(db, workshop.id) == restored
    [row] = list_workshops(db)
    assert (row.id, row.idea_count) == (workshop.id, 1)
