"""Voting in the protocol: a runoff under its round, ties at the line, themes and named rounds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.shortlist import add_to_shortlist, make_shortlist, remove_from_shortlist, shortlist
from app.voting import cast_ballot, close_round
from app.voting_results import reveal_round, set_shortlist_size, start_runoff
from app.voting_snapshots import Voter
from app.workshops import create_workshop
from exports.markdown import write_markdown
from exports.protocol_words import Words
from models.database import Database
from models.enums import Eligibility
from tests.app.voting_setup import Board, fresh_database, make_board, revealed

LINK = "https://intranet.example.se/uppfoljning/{workshop_id}"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = fresh_database(db_path)
    yield database
    database.close()


@pytest.fixture
def board(db: Database) -> Board:
    return make_board(db, create_workshop(db, "Verkstad").id)


def markdown(db: Database, board: Board, tmp_path: Path, lang: str = "sv") -> str:
    out = tmp_path / f"protokoll-{lang}.md"
    write_markdown(db, board.workshop_id, out, lang=lang, follow_up_url=LINK)
    return out.read_text(encoding="utf-8")


def test_a_runoff_settles_the_tie_under_its_round(db: Database, board: Board, tmp_path: Path) -> None:
    # GIVEN ideas 1 and 2 tied at a line of two, and a runoff that puts idea 2 through
    first = revealed(db, board, [{0: 5, 1: 2, 2: 2}])
    runoff = start_runoff(db, first.id, 2)
    cast_ballot(db, runoff.id, Voter(number=1), {board.ideas[2]: 1})
    close_round(db, runoff.id)
    reveal_round(db, runoff.id, few_ballots_ok=True)
    make_shortlist(db, first.id, size=2)
    # WHEN the protocol is written
    text = markdown(db, board, tmp_path)
    # THEN the runoff sits under its round, and the tie says how it was settled
    w = Words("sv")
    heading = "#### " + w._("Runoff after round {n} (round {runoff})").format(n=1, runoff=runoff.number)
    assert heading in text
    assert text.index("### " + w._("Round {n}").format(n=1)) < text.index(heading)
    settled = w._("A tie at the line between {ideas} was settled by a runoff.")
    assert settled.format(ideas=w.quoted(["Idé 2", "Idé 1"])) in text
    assert "| 2 = | 2. Idé 1 | `" in text
    assert "| 2 = | **3. Idé 2** | `" in text  # in bold: it goes on


def test_an_unsettled_tie_is_said_plainly(db: Database, board: Board, tmp_path: Path) -> None:
    first = revealed(db, board, [{0: 5, 1: 2, 2: 2}])
    set_shortlist_size(db, first.id, 2)
    text = markdown(db, board, tmp_path, "en")
    assert "“Idé 1”, “Idé 2” are tied at the line, and the tie was not settled." in text


def test_the_rules_say_themes_names_paper_and_caps(db: Database, board: Board, tmp_path: Path) -> None:
    # A named, cumulative round over one theme, with dots on paper too.
    row = revealed(
        db,
        board,
        [{0: 2}, {1: 1}],
        anonymous=False,
        eligibility=Eligibility.CLUSTERS,
        cluster_ids=(board.themes[0],),
        max_per_idea=2,
        dots=2,
    )
    assert row.revealed
    text = markdown(db, board, tmp_path, "en")
    assert "- **Voting:** Named: who voted is known, not how" in text
    assert "- **Ideas to vote on:** Ideas in the themes Kontinuitet (2)" in text
    assert "- **Most dots on one idea:** 2" in text
    assert "2 ballots were cast. 3 dots in all." in text


def test_paper_dots_are_told_apart(db: Database, board: Board, tmp_path: Path) -> None:
    row = revealed(db, board, [{0: 1}], paper={0: 4, 3: 2})
    assert row.revealed
    text = markdown(db, board, tmp_path, "en")
    assert "5 (4 on paper)" in text
    assert "1 ballot was cast. 7 dots in all, 6 of them on paper." in text


def test_shortlist_changes_give_their_reasons(db: Database, board: Board, tmp_path: Path) -> None:
    first = revealed(db, board, [{0: 3, 1: 2, 3: 1}])
    make_shortlist(db, first.id, size=2)
    add_to_shortlist(db, board.workshop_id, board.ideas[5], "Kommunens egen prioritering.")
    taken = next(i for i in shortlist(db, board.workshop_id) if i.idea_id == board.ideas[1])
    remove_from_shortlist(db, taken.id, "Ryms inte i budgeten.")
    text = markdown(db, board, tmp_path, "en")
    rows = {
        line.split(" | ")[1]: line for line in text.splitlines() if line.startswith("| ") and "Idé " in line
    }
    assert "Added by hand: Kommunens egen prioritering." in rows["**Idé 5**"]
    assert "By the vote in round 1" in rows["**Idé 0**"]
    assert "Ryms inte i budgeten." in rows["Idé 1"]
