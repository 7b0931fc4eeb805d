"""The follow-up log's lines: newest first, every entry once, a recognition of several people as one line."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.followup_snapshots import FollowUpEntrySnapshot
from models.enums import FollowUpKind
from tests.ui.steps_helpers import english
from ui.followup_panel_models import log_lines, shortened

__all__ = ["english"]

START = datetime(2026, 9, 1, 8, tzinfo=UTC)


def entry(
    n: int, kind: FollowUpKind, day: int, text: str = "", recognised: str = ""
) -> FollowUpEntrySnapshot:
    return FollowUpEntrySnapshot(
        id=f"e{n}",
        workshop_id="w",
        idea_id="i",
        kind=kind,
        entry_on=date(2026, 9, 1) + timedelta(days=day),
        author="Karin",
        text=text,
        status="",
        recognised=recognised,
        created_at=START + timedelta(seconds=n),
        deleted=False,
    )


entries = st.lists(
    st.tuples(
        st.sampled_from(list(FollowUpKind)), st.integers(0, 5), st.sampled_from(["Tack!", "Bra jobbat"])
    ),
    max_size=12,
).map(lambda specs: [entry(n, kind, day, text, f"Person {n}") for n, (kind, day, text) in enumerate(specs)])


@settings(deadline=None, max_examples=60)
@given(entries)
def test_every_entry_is_shown_once_newest_first(written: list[FollowUpEntrySnapshot]) -> None:
    lines = log_lines(written)
    assert sorted(i for line in lines for i in line.ids) == sorted(e.id for e in written)
    firsts = [(line.first.entry_on, line.first.created_at) for line in lines]
    assert [d for d, _ in firsts] == sorted((d for d, _ in firsts), reverse=True)
    for line in lines:
        assert len({(e.kind, e.entry_on, e.text) for e in line.entries}) == 1
        assert len(line.entries) == 1 or line.first.kind is FollowUpKind.RECOGNITION


def test_people_recognised_together_are_named_in_the_order_given() -> None:
    together = [
        entry(n, FollowUpKind.RECOGNITION, 3, "Tack!", name) for n, name in enumerate(["Amira", "Bo"])
    ]
    later = entry(5, FollowUpKind.CHECK_IN, 4, "Mer tid behövs")
    (check_in, recognition) = log_lines([*together, later])
    assert check_in.ids == ("e5",)
    assert recognition.heading() == "2026-09-04 · ★ Recognition: Amira, Bo"
    assert recognition.text() == "2026-09-04 · ★ Recognition: Amira, Bo\n“Tack!”\nGiven by Karin"


def test_a_long_text_is_cut_at_lines_or_length() -> None:
    assert shortened("kort") == "kort"
    assert shortened("\n".join("abcdefghij"), lines=3) == "a\nb\nc…"
    assert shortened("x" * 1000, chars=10) == "x" * 10 + "…"
