"""What the booth tells a voter beyond the dots: no name on an anonymous ballot, what a name is for,
a ballot that was dropped, and the voter's own ideas in a round that keeps them from voting for them."""

from __future__ import annotations

from app.i18n import _
from app.ideas import add_idea
from app.voting import close_round, turnout
from app.voting_snapshots import Voter
from app.workshops import get_workshop
from tests.ui import test_booth
from tests.ui.test_booth import TITLES, Booth
from ui.presenter import Mode

room_booth = test_booth.room_booth

NAME_NOTE = "Your name only keeps you from voting twice; your ballot is stored without it."
NAME_NOTE_OWN = (
    "Your name only keeps you from voting twice or for your own ideas; your ballot is stored without it."
)
NOT_COUNTED = "The last ballot was not finished and was not counted."
OWN_IDEA = "In this round you may not vote for your own idea."


def test_an_anonymous_ballot_shows_no_name_and_says_what_the_name_is_for(room_booth: Booth) -> None:
    # GIVEN an anonymous round where voters tap their names (no voter numbers)
    room_booth.open_round(anonymous=True)
    texts = room_booth.seen()
    assert _("Who is voting? Tap your name.") in texts
    assert _(NAME_NOTE) in texts
    # WHEN Amira steps up
    room_booth.step_up(Voter(participant_id=room_booth.people["amira"]))
    texts = room_booth.seen()
    # THEN the room and the voter read "Your ballot", never whose it is
    assert _("Your ballot") in texts
    assert not any("Amira" in t for t in texts)


def test_the_note_says_the_name_also_guards_own_ideas_when_the_round_does(room_booth: Booth) -> None:
    room_booth.open_round(anonymous=True, allow_own_ideas=False)
    texts = room_booth.seen()
    assert _(NAME_NOTE_OWN) in texts
    assert _(NAME_NOTE) not in texts


def test_a_named_round_has_no_note_and_names_the_ballot(room_booth: Booth) -> None:
    room_booth.open_round(anonymous=False)
    texts = room_booth.seen()
    assert _(NAME_NOTE) not in texts
    assert _(NAME_NOTE_OWN) not in texts
    room_booth.step_up(Voter(participant_id=room_booth.people["amira"]))
    assert "Amira Hassan" in room_booth.seen()
    assert _("Your ballot") not in room_booth.seen()


def test_a_round_with_voter_numbers_needs_no_note(room_booth: Booth) -> None:
    room_booth.open_round(anonymous=True, voters_expected=4)
    assert _(NAME_NOTE) not in room_booth.seen()


def test_a_ballot_dropped_by_a_break_is_said_to_be_not_counted_once(room_booth: Booth) -> None:
    snapshot = room_booth.open_round(dots=3)
    room_booth.step_up(Voter(participant_id=room_booth.people["bo"]))
    room_booth.click(room_booth.card(2))
    # WHEN the facilitator calls a break in the middle of the ballot, and the booth comes back
    room_booth.presenter.set_mode(Mode.PAUSE)
    room_booth.presenter.set_mode(Mode.FOLLOW)
    # THEN the next voter reads that the last ballot did not count, and nothing of it is left
    assert room_booth.booth.state == "neutral"
    assert room_booth.booth.message == _(NOT_COUNTED)
    assert _(NOT_COUNTED) in room_booth.seen()
    assert turnout(room_booth.hub.db, snapshot.id).ballots == 0
    # and once: after the next voter, it is gone
    room_booth.step_up(Voter(participant_id=room_booth.people["amira"]))
    assert _(NOT_COUNTED) not in room_booth.seen()
    room_booth.click(room_booth.booth.button_rects()["cancel"])
    assert room_booth.booth.message == ""
    assert _(NOT_COUNTED) not in room_booth.seen()


def test_a_ballot_dropped_by_the_end_of_the_booth_is_said_when_it_is_back(room_booth: Booth) -> None:
    snapshot = room_booth.open_round()
    room_booth.step_up(Voter(participant_id=room_booth.people["bo"]))
    room_booth.click(room_booth.card(1))
    room_booth.presenter.show_board()  # as a change of phase does
    room_booth.presenter.show_booth(snapshot.id)
    assert room_booth.booth.state == "neutral"
    assert _(NOT_COUNTED) in room_booth.seen()


def test_a_ballot_dropped_when_the_round_closes_is_said_under_the_closed_notice(room_booth: Booth) -> None:
    snapshot = room_booth.open_round()
    room_booth.step_up(Voter(participant_id=room_booth.people["bo"]))
    room_booth.click(room_booth.card(1))
    close_round(room_booth.hub.db, snapshot.id)
    room_booth.hub.votingChanged.emit(room_booth.workshop.id, snapshot.id)
    texts = room_booth.seen()
    assert _("Voting in this round has closed.") in texts
    assert _(NOT_COUNTED) in texts


def test_done_and_cancel_drop_nothing_to_speak_of(room_booth: Booth) -> None:
    room_booth.open_round()
    room_booth.step_up(Voter(participant_id=room_booth.people["bo"]))
    room_booth.click(room_booth.card(1))
    room_booth.click(room_booth.booth.button_rects()["cancel"])
    room_booth.presenter.set_mode(Mode.BLANK)
    room_booth.presenter.set_mode(Mode.FOLLOW)
    assert room_booth.booth.message == ""
    room_booth.step_up(Voter(participant_id=room_booth.people["bo"]))
    room_booth.click(room_booth.card(1))
    room_booth.click(room_booth.booth.button_rects()["done"])
    assert room_booth.booth.message == _("Thank you, your dots are counted.")


def test_own_ideas_are_marked_and_refused_at_the_tap(room_booth: Booth) -> None:
    # GIVEN Amira gave the first idea openly and another one anonymously
    secret = add_idea(room_booth.hub.db, room_booth.workshop.id, "Trygghetsvandring", anonymous=True).id
    room_booth.presenter.open_workshop(get_workshop(room_booth.hub.db, room_booth.workshop.id))
    snapshot = room_booth.open_round(dots=2, allow_own_ideas=False)
    room_booth.step_up(Voter(participant_id=room_booth.people["amira"]))
    texts = room_booth.seen()
    # THEN only her open idea says "Your idea"
    assert texts.count(_("Your idea")) == 1
    own = room_booth.booth.card_rects()[room_booth.card_id(1)]
    tag = next(d for d in room_booth.booth.drawn() if d.text == _("Your idea"))
    assert own.contains(tag.rect)
    # WHEN she taps it, the rule says no at once and places nothing
    room_booth.click(room_booth.card(1))
    assert room_booth.booth.message == _(OWN_IDEA)
    assert _(OWN_IDEA) in room_booth.seen()
    assert room_booth.booth.placed() == {}
    assert room_booth.booth.chosen == 1
    room_booth.type("1+")
    assert room_booth.booth.placed() == {}
    # the anonymous idea is hers to vote for: its giver stays secret, from the rule too
    room_booth.click(room_booth.booth.card_rects()[secret])
    room_booth.click(room_booth.card(2))
    room_booth.click(room_booth.booth.button_rects()["done"])
    assert room_booth.booth.message == _("Thank you, your dots are counted.")
    assert turnout(room_booth.hub.db, snapshot.id).ballots == 1


def test_own_ideas_are_not_marked_for_others_nor_where_the_round_allows_them(room_booth: Booth) -> None:
    room_booth.open_round(dots=2, allow_own_ideas=False)
    room_booth.step_up(Voter(participant_id=room_booth.people["bo"]))
    assert _("Your idea") not in room_booth.seen()
    room_booth.click(room_booth.card(1))
    assert room_booth.booth.placed() == {room_booth.card_id(1): 1}
    room_booth.open_round(dots=2, allow_own_ideas=True)
    room_booth.step_up(Voter(participant_id=room_booth.people["amira"]))
    assert _("Your idea") not in room_booth.seen()
    room_booth.click(room_booth.card(1))
    assert room_booth.booth.placed() == {room_booth.card_id(1): 1}
    assert TITLES[0] in room_booth.seen()


def test_another_round_does_not_repeat_the_note_of_the_last(room_booth: Booth) -> None:
    first = room_booth.open_round()
    room_booth.step_up(Voter(participant_id=room_booth.people["bo"]))
    room_booth.click(room_booth.card(1))
    room_booth.presenter.set_mode(Mode.BLANK)
    room_booth.presenter.set_mode(Mode.FOLLOW)
    assert _(NOT_COUNTED) in room_booth.seen()
    room_booth.open_round()
    assert _(NOT_COUNTED) not in room_booth.seen()
    room_booth.presenter.show_booth(first.id)
    assert _(NOT_COUNTED) not in room_booth.seen()
