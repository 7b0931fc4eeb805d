"""The spreadsheet and calendar exports: what the files hold, in the chosen language, who is never named."""

from __future__ import annotations

import csv
import io
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from app.clusters import add_cluster
from app.errors import InvalidInput
from app.followup import set_follow_up_date
from app.i18n import _
from app.ideas import add_idea
from app.participants import add_participant
from app.plans import add_action, create_plan
from app.vocabulary import ACTION_STATUSES, label
from app.voting import cast_ballot, close_round, create_round, open_round
from app.voting_results import reveal_round
from app.voting_snapshots import RoundSpec, Voter
from app.workshops import create_workshop
from exports.calendar_export import action_uid, follow_up_uid, write_calendar
from exports.csv_export import write_csv
from exports.formats import export_workshop
from models.database import Database
from models.enums import ActionStatus

TODAY = date(2026, 11, 26)


@dataclass(frozen=True)
class Workshop:
    id: str
    named: str  # idea by a person who agreed to be named
    unnamed: str  # idea by a person who did not
    anonymous: str
    actions: tuple[str, str, str]  # open with a due date, done, open without a date


@pytest.fixture
def workshop(db: Database) -> Workshop:
    workshop_id = create_workshop(db, "Idéverkstad: Äldres vardag").id
    theme = add_cluster(db, workshop_id, "Gemenskap & måltider").id
    anna = add_participant(
        db, workshop_id, display_name="Anna Åkesson", role="citizen", consent_to_be_named=True
    )
    orjan = add_participant(
        db, workshop_id, display_name="Örjan Lind", role="employee", organisation="Hemtjänsten Norra"
    )
    named = add_idea(db, workshop_id, "Måltidsvän på söndagar", giver_ids=[anna.id], cluster_id=theme).id
    unnamed = add_idea(db, workshop_id, 'Fika; prat och "stöd"', giver_ids=[orjan.id]).id
    anonymous = add_idea(db, workshop_id, '=HYPERLINK("x") trygghetslarm', anonymous=True).id
    first = open_round(db, create_round(db, workshop_id, RoundSpec(dots=2, voters_expected=3)).id)
    for n, dots in enumerate(({named: 1, unnamed: 1}, {named: 1, anonymous: 1}, {named: 1})):
        cast_ballot(db, first.id, Voter(number=n + 1), dots)
    close_round(db, first.id)
    reveal_round(db, first.id)
    second = open_round(
        db, create_round(db, workshop_id, RoundSpec(dots=1, voters_expected=3, title="Final")).id
    )
    cast_ballot(db, second.id, Voter(number=1), {unnamed: 1})
    plan = create_plan(db, named, today=TODAY).id
    actions = (
        add_action(db, plan, "Pröva i Åby", owner="Åsa Öberg", due_on=date(2027, 1, 15), today=TODAY).id,
        add_action(
            db, plan, "Fråga brukarrådet", due_on=date(2026, 12, 1), status=ActionStatus.DONE, today=TODAY
        ).id,
        add_action(db, plan, "Utvärdera", status=ActionStatus.IN_PROGRESS, today=TODAY).id,
    )
    set_follow_up_date(db, workshop_id, date(2027, 2, 3))
    return Workshop(workshop_id, named, unnamed, anonymous, actions)


def read_csv(path: Path, separator: str) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=separator))


def test_ideas_and_actions_go_to_two_files_in_swedish(
    db: Database, workshop: Workshop, tmp_path: Path
) -> None:
    written = write_csv(db, workshop.id, tmp_path / "verkstad.csv", "sv", "")
    assert written == [tmp_path / "verkstad.csv", tmp_path / "verkstad-actions.csv"]
    ideas = read_csv(written[0], ";")
    heading, rows = ideas[0], {row[-1]: row for row in ideas[1:]}
    assert heading[:2] == [_("Idea"), _("Description")]  # the test runs in Swedish
    assert heading[5] == _("Dots, {round}").format(round=_("round {n}").format(n=1))
    final = _("round {n}: {title}").format(n=2, title="Final")
    assert heading[6] == _("Not revealed, {round}").format(round=final)
    assert rows[workshop.named][:4] == ["Måltidsvän på söndagar", "", "Gemenskap & måltider", "Anna Åkesson"]
    assert rows[workshop.unnamed][0] == 'Fika; prat och "stöd"'
    assert rows[workshop.unnamed][3] == "Medarbetare, Hemtjänsten Norra"
    assert [rows[i][5] for i in (workshop.named, workshop.unnamed, workshop.anonymous)] == ["3", "1", "1"]
    assert all(row[6] == "" for row in rows.values())  # no count of the unrevealed round
    assert rows[workshop.anonymous][0].startswith("'=HYPERLINK")  # never run as a formula
    assert rows[workshop.anonymous][3] == ""
    text = written[0].read_text(encoding="utf-8-sig")
    assert "Örjan" not in text

    actions = read_csv(written[1], ";")
    assert actions[1][:4] == ["Måltidsvän på söndagar", "Pröva i Åby", "Åsa Öberg", "2027-01-15"]
    assert actions[1][4] == label(ACTION_STATUSES, "not_started")  # Swedish once the catalogue has it
    assert actions[2][4] == "Klar"
    assert [row[-1] for row in actions[1:]] == list(workshop.actions)


def test_in_english_the_separator_is_a_comma_and_words_are_english(
    db: Database, workshop: Workshop, tmp_path: Path
) -> None:
    written = export_workshop(db, workshop.id, "csv", tmp_path / "w.csv", lang="en")
    assert read_csv(written[0], ",")[0][:5] == ["Idea", "Description", "Cluster", "Idea givers", "Status"]
    assert read_csv(written[1], ",")[2][4] == "Done"


def events(path: Path) -> dict[str, tuple[date, str]]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): (e.decoded("dtstart"), str(e["summary"])) for e in calendar.walk("VEVENT")}


def test_the_calendar_holds_the_follow_up_and_each_open_action_due(
    db: Database, workshop: Workshop, tmp_path: Path
) -> None:
    out = write_calendar(
        db, workshop.id, tmp_path / "datum.ics", "en", "https://intra.example.se/{workshop_id}"
    )[0]
    found = events(out)
    assert found == {
        follow_up_uid(workshop.id): (date(2027, 2, 3), "Follow-up: Idéverkstad: Äldres vardag"),
        action_uid(workshop.actions[0]): (date(2027, 1, 15), "Due: Pröva i Åby"),
    }
    calendar = Calendar.from_ical(out.read_bytes())
    follow_up = next(e for e in calendar.walk("VEVENT") if str(e["uid"]) == follow_up_uid(workshop.id))
    assert str(follow_up["url"]) == f"https://intra.example.se/{workshop.id}"
    assert follow_up.decoded("dtend") == date(2027, 2, 4)  # all day
    again = write_calendar(db, workshop.id, tmp_path / "igen.ics", "sv", "")[0]
    assert set(events(again)) == set(found)  # the same UIDs: a calendar updates, not duplicates


def test_a_workshop_without_dates_gives_no_empty_calendar(db: Database, tmp_path: Path) -> None:
    workshop_id = create_workshop(db, "Tom verkstad").id
    with pytest.raises(InvalidInput, match="Nothing to put in a calendar"):  # said in the file's language
        write_calendar(db, workshop_id, tmp_path / "tom.ics", "en", "")
    assert not (tmp_path / "tom.ics").exists()


def test_an_anonymous_idea_never_shows_a_giver_even_if_the_file_holds_one(
    db: Database, workshop: Workshop, tmp_path: Path
) -> None:
    berit = add_participant(
        db, workshop.id, display_name="Berit Ödman", role="citizen", consent_to_be_named=True
    )
    with closing(sqlite3.connect(db.path)) as con:  # as an old or hand-edited file might hold it
        con.execute("INSERT INTO idea_giver VALUES (?, ?)", (workshop.anonymous, berit.id))
        con.commit()
    written = write_csv(db, workshop.id, tmp_path / "w.csv", "sv", "")
    assert "Berit" not in written[0].read_text(encoding="utf-8-sig")
