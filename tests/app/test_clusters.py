"""Clusters on the idea board."""

from __future__ import annotations

import pytest

from app.clusters import (
    PALETTE,
    add_cluster,
    dissolve_cluster,
    list_clusters,
    merge_clusters,
    move_cluster,
    restore_cluster,
    update_cluster,
)
from app.errors import InvalidInput
from app.ideas import add_idea, list_ideas
from app.snapshots import WorkshopSnapshot
from app.workshops import create_workshop
from models.database import Database


def clusters_of(db: Database, workshop_id: str) -> dict[str, str | None]:
    """Idea title -> cluster id, as the board shows it."""
    return {i.title: i.cluster_id for i in list_ideas(db, workshop_id)}


def test_new_clusters_take_the_palette_colours_in_turn(db: Database, workshop: WorkshopSnapshot) -> None:
    added = [add_cluster(db, workshop.id, f"Tema {n}") for n in range(len(PALETTE) + 1)]

    assert [c.colour for c in added] == [*PALETTE, PALETTE[0]]
    assert [c.position for c in added] == list(range(len(PALETTE) + 1))
    assert list_clusters(db, workshop.id) == added


def test_a_chosen_colour_is_kept_in_upper_case(db: Database, workshop: WorkshopSnapshot) -> None:
    cluster = add_cluster(db, workshop.id, "  Gemenskap och aktiviteter ", "#cc79a7")
    assert (cluster.name, cluster.colour) == ("Gemenskap och aktiviteter", "#CC79A7")
    assert list_clusters(db, workshop.id) == [cluster]


@pytest.mark.parametrize("name", ["", "   "])
def test_a_cluster_needs_a_name(db: Database, workshop: WorkshopSnapshot, name: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        add_cluster(db, workshop.id, name)
    assert caught.value.message == "Namnet får inte vara tomt."
    assert list_clusters(db, workshop.id) == []


def test_update_cluster(db: Database, workshop: WorkshopSnapshot) -> None:
    cluster = add_cluster(db, workshop.id, "Digitalt")

    updated = update_cluster(db, cluster.id, name="Digitala verktyg", colour="#009e73")

    assert (updated.name, updated.colour) == ("Digitala verktyg", "#009E73")
    assert list_clusters(db, workshop.id) == [updated]
    assert update_cluster(db, cluster.id, colour="#000000").name == "Digitala verktyg"


@pytest.mark.parametrize("colour", ["red", "#12345", "#1234567", "#GGGGGG", "009E73#", ""])
def test_a_bad_colour_is_refused(db: Database, workshop: WorkshopSnapshot, colour: str) -> None:
    cluster = add_cluster(db, workshop.id, "Digitalt")

    with pytest.raises(InvalidInput) as caught:
        update_cluster(db, cluster.id, name="Nytt namn", colour=colour)

    assert caught.value.message == f"Inte en färg: {colour}"
    assert list_clusters(db, workshop.id) == [cluster]


def test_move_cluster_reorders_the_board(db: Database, workshop: WorkshopSnapshot) -> None:
    a, b, c = (add_cluster(db, workshop.id, name) for name in ("A", "B", "C"))

    order = move_cluster(db, c.id, 0)

    assert [x.name for x in order] == ["C", "A", "B"]
    assert [x.position for x in order] == [0, 1, 2]
    assert list_clusters(db, workshop.id) == order

    move_cluster(db, c.id, 99)
    assert [x.id for x in list_clusters(db, workshop.id)] == [a.id, b.id, c.id]
    move_cluster(db, a.id, 1)
    assert [x.name for x in list_clusters(db, workshop.id)] == ["B", "A", "C"]


def test_dissolve_leaves_the_ideas_unclustered_and_restore_puts_them_back(
    db: Database, workshop: WorkshopSnapshot
) -> None:
    theme = add_cluster(db, workshop.id, "Gemenskap")
    other = add_cluster(db, workshop.id, "Digitalt")
    fika = add_idea(db, workshop.id, "Fika", cluster_id=theme.id)
    kaffe = add_idea(db, workshop.id, "Kaffe", cluster_id=theme.id)
    add_idea(db, workshop.id, "Surfplatta", cluster_id=other.id)
    add_idea(db, workshop.id, "Lös idé")

    moved = dissolve_cluster(db, theme.id)

    assert set(moved) == {fika.id, kaffe.id}
    assert list_clusters(db, workshop.id) == [other]
    assert clusters_of(db, workshop.id) == {
        "Fika": None,
        "Kaffe": None,
        "Surfplatta": other.id,
        "Lös idé": None,
    }
    with pytest.raises(InvalidInput):
        add_idea(db, workshop.id, "Ny", cluster_id=theme.id)

    restored = restore_cluster(db, theme.id, moved)

    assert restored == theme
    assert list_clusters(db, workshop.id) == [theme, other]
    assert clusters_of(db, workshop.id) == {
        "Fika": theme.id,
        "Kaffe": theme.id,
        "Surfplatta": other.id,
        "Lös idé": None,
    }


def test_merge_clusters_and_restore(db: Database, workshop: WorkshopSnapshot) -> None:
    kept = add_cluster(db, workshop.id, "Gemenskap")
    absorbed = add_cluster(db, workshop.id, "Aktiviteter")
    add_idea(db, workshop.id, "Fika", cluster_id=kept.id)
    promenad = add_idea(db, workshop.id, "Promenad", cluster_id=absorbed.id)
    dans = add_idea(db, workshop.id, "Dans", cluster_id=absorbed.id)

    moved = merge_clusters(db, kept.id, absorbed.id)

    assert set(moved) == {promenad.id, dans.id}
    assert list_clusters(db, workshop.id) == [kept]
    assert set(clusters_of(db, workshop.id).values()) == {kept.id}

    restore_cluster(db, absorbed.id, moved)

    assert list_clusters(db, workshop.id) == [kept, absorbed]
    assert clusters_of(db, workshop.id) == {"Fika": kept.id, "Promenad": absorbed.id, "Dans": absorbed.id}


def test_merging_with_itself_or_across_workshops_is_refused(db: Database, workshop: WorkshopSnapshot) -> None:
    theme = add_cluster(db, workshop.id, "Gemenskap")
    foreign = add_cluster(db, create_workshop(db, "Annan").id, "Främmande")

    with pytest.raises(InvalidInput):
        merge_clusters(db, theme.id, theme.id)
    with pytest.raises(InvalidInput):
        merge_clusters(db, theme.id, foreign.id)
    assert list_clusters(db, workshop.id) == [theme]
