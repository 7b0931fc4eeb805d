"""Pasting text into the idea form: the first line becomes the title, the rest the description."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.text import TITLE_MAX, split_paste


@pytest.mark.parametrize(
    ("pasted", "title", "description"),
    [
        ("Kvarterssoppa", "Kvarterssoppa", ""),
        ("  Kvarterssoppa  \n", "Kvarterssoppa", ""),
        ("Kvarterssoppa\nGrannar äter soppa ihop.", "Kvarterssoppa", "Grannar äter soppa ihop."),
        (
            "\r\n \r\n  Kvarterssoppa \r\n\r\n  - torsdagar\r\n\r\n  - i PRO-lokalen  \r\n\r\n \t\r\n",
            "Kvarterssoppa",
            "  - torsdagar\n\n  - i PRO-lokalen  ",
        ),
        ("Fika\rvarje\rtorsdag\r", "Fika", "varje\ntorsdag"),
        ("Fika\r\n\r\n\r\nMed PRO", "Fika", "Med PRO"),
        ("", "", ""),
        (" \n\t\r\n \r ", "", ""),
        ("👩🏽‍🌾 Odla ihop\nPå balkongen", "👩🏽‍🌾 Odla ihop", "På balkongen"),
    ],
)
def test_split_paste(pasted: str, title: str, description: str) -> None:
    assert split_paste(pasted) == (title, description)


def test_a_first_line_too_long_for_a_title_is_cut_at_a_word() -> None:
    line = " ".join(["hemtjänst"] * 60)  # 599 characters
    pasted = f"\n{line}  \n\nMer text."

    title, description = split_paste(pasted)

    assert len(title) <= TITLE_MAX
    assert title.endswith("hemtjänst…")
    assert line.startswith(title[:-1])
    assert description == f"{line}\n\nMer text."


def test_a_first_line_without_spaces_is_cut_where_it_must() -> None:
    address = "https://sjovik.se/" + "a" * 400

    title, description = split_paste(address)

    assert title == address[: TITLE_MAX - 1] + "…"
    assert description == address


def test_a_line_exactly_at_the_limit_is_kept_whole() -> None:
    line = "å" * TITLE_MAX
    assert split_paste(f"{line}\nmer") == (line, "mer")


def test_a_word_cut_by_the_limit_is_left_out_of_the_title() -> None:
    title, _description = split_paste("ord " * 74 + "ordet sist")  # the limit falls inside "ordet"
    assert title == ("ord " * 74).rstrip() + "…"


def test_a_word_that_ends_at_the_limit_stays_in_the_title() -> None:
    title, _description = split_paste("ord " * 74 + "abc def")  # "abc" ends at the limit
    assert title == "ord " * 74 + "abc…"
    assert len(title) == TITLE_MAX


def test_a_pasted_document_is_split_quickly() -> None:
    document = "Rubrik\n" + "En rad text som upprepas.\n" * 100_000
    title, description = split_paste(document)
    assert title == "Rubrik"
    assert description == document[len("Rubrik\n") :].rstrip("\n")


lines = st.lists(
    st.one_of(
        st.sampled_from(["", " ", "\t", "  x  "]),
        st.text(alphabet=st.characters(exclude_characters="\r\n")),
        st.text(alphabet="åb \t", min_size=TITLE_MAX - 20, max_size=TITLE_MAX + 100),  # titles too long
    ),
    max_size=8,
)
newlines = st.sampled_from(["\n", "\r\n", "\r"])


@settings(deadline=None, max_examples=50)
@given(parts=lines, newline=newlines)
def test_nothing_is_lost_and_titles_fit(parts: list[str], newline: str) -> None:
    title, description = split_paste(newline.join(parts))

    assert len(title) <= TITLE_MAX
    assert "\n" not in title
    assert "\r" not in description
    assert title == title.strip()
    meaningful = [p for p in parts if p.strip()]
    if not meaningful:
        assert (title, description) == ("", "")
        return
    first = meaningful[0].strip()
    rest = description.split("\n") if description else []
    if len(first) <= TITLE_MAX:
        assert title == first
    else:
        assert title.endswith("…")
        assert first.startswith(title[:-1])
        assert rest[0] == first
        rest = rest[1:]
    # Every line with something on it is kept, exactly and in order; no blank lines around.
    assert [p for p in rest if p.strip()] == meaningful[1:]
    if description:
        assert description.split("\n")[0].strip()
        assert description.split("\n")[-1].strip()
