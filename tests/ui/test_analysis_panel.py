"""The in-depth analysis panel: the checklist of each shortlisted idea, saved field by field."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from app.analysis import get_analysis, save_analysis
from app.i18n import set_language
from app.snapshots import WorkshopSnapshot
from tests.ui.steps_helpers import SHORTLISTED, Shortlisted, english, shortlisted
from ui.analysis_fields import FormLineEdit, FormTextEdit
from ui.analysis_panel import AnalysisPanel
from ui.hub import Hub

__all__ = ["english", "shortlisted"]

#: Text as people type it: any letter, mark, number, symbol or space, with line breaks (not controls).
TYPED = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")) | st.just("\n"), max_size=200)


def make_panel(hub: Hub, shortlisted: Shortlisted, qtbot: QtBot) -> AnalysisPanel:
    panel = AnalysisPanel(hub, shortlisted.workshop_id)
    qtbot.addWidget(panel)
    panel.resize(880, 460)
    return panel


def type_into(panel: AnalysisPanel, name: str, text: str) -> None:
    """Type ``text`` into a field and leave it (what saves it)."""
    widget = panel.form.fields[name].widget
    if isinstance(widget, FormTextEdit):
        widget.setPlainText(text)
    else:
        assert isinstance(widget, FormLineEdit)
        widget.setText(text)
    panel.form.fields[name].flush()


def shown(panel: AnalysisPanel, name: str) -> str:
    return panel.form.fields[name].text()


def test_fields_are_saved_and_read_back_by_a_new_panel(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    # GIVEN the panel on the first shortlisted idea
    panel = make_panel(hub, shortlisted, qtbot)
    assert panel.form.idea_title.text() == SHORTLISTED[0]
    # WHEN the facilitator fills in the benefit, who gains, the hours and a partner
    with qtbot.waitSignals([hub.analysisChanged, hub.progressChanged]):
        type_into(panel, "benefit", "Färre fallolyckor – tryggare hemma 🏠")
    type_into(panel, "beneficiaries", "Äldre som bor hemma och deras anhöriga")
    type_into(panel, "cost_hours", "120")
    type_into(panel, "partners", "PRO, Röda korset")
    panel.flush()
    # THEN the database holds them, and a new panel shows them
    stored = get_analysis(hub.db, shortlisted.ideas[0])
    assert stored.benefit == "Färre fallolyckor – tryggare hemma 🏠"
    assert stored.cost_hours == Decimal("120.0")
    assert stored.partners == "PRO, Röda korset"
    again = make_panel(hub, shortlisted, qtbot)
    assert shown(again, "benefit") == "Färre fallolyckor – tryggare hemma 🏠"
    assert shown(again, "beneficiaries") == "Äldre som bor hemma och deras anhöriga"
    assert shown(again, "cost_hours") == "120"
    assert shown(again, "cost_money") == ""


def test_completeness_says_how_much_is_answered_and_what_is_missing(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    panel = make_panel(hub, shortlisted, qtbot)
    assert panel.form.filled.text() == "0 of 9 answered"
    type_into(panel, "benefit", "Fewer falls")
    type_into(panel, "cost_money", "0")
    assert panel.form.filled.text() == "2 of 9 answered"
    assert (panel.form.bar.value(), panel.form.bar.maximum()) == (2, 9)
    missing = panel.form.missing.text()
    assert "for whom" in missing
    assert "cost in hours" in missing
    assert "expected benefit" not in missing
    assert "cost in money" not in missing
    for name in ("beneficiaries", "cost_hours", "external_information", "rights", "financing", "skills"):
        type_into(panel, name, "5" if name == "cost_hours" else "Written")
    type_into(panel, "partners", "The library")
    assert panel.form.filled.text() == "9 of 9 answered"
    assert panel.form.missing.text() == "Every question of the checklist has an answer."


def test_bad_money_is_refused_and_the_typed_text_kept(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    panel = make_panel(hub, shortlisted, qtbot)
    panel.show()
    type_into(panel, "cost_money", "tolv tusen")
    field = panel.form.fields["cost_money"]
    assert field.text() == "tolv tusen"
    assert field.error.isVisible()
    assert "Write a number" in field.error.text()
    assert get_analysis(hub.db, shortlisted.ideas[0]).cost_money is None
    type_into(panel, "cost_money", "-5")
    assert field.text() == "-5"
    assert field.error.text() == "A cost cannot be negative."
    # Corrected, it is saved and the refusal goes away
    type_into(panel, "cost_money", "12500.5")
    assert not field.error.isVisible()
    assert field.text() == "12,500.50"
    assert get_analysis(hub.db, shortlisted.ideas[0]).cost_money == Decimal("12500.50")


def test_a_refused_text_waits_while_another_idea_is_shown(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    panel = make_panel(hub, shortlisted, qtbot)
    panel.show()
    type_into(panel, "cost_hours", "a lot")
    panel.picker.choose(shortlisted.ideas[1])
    assert panel.form.idea_title.text() == SHORTLISTED[1]
    assert shown(panel, "cost_hours") == ""
    assert not panel.form.fields["cost_hours"].error.isVisible()
    panel.picker.choose(shortlisted.ideas[0])
    assert shown(panel, "cost_hours") == "a lot"
    assert panel.form.fields["cost_hours"].error.isVisible()


def test_swedish_money_is_read_the_swedish_way_and_shown_back(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    set_language("sv")
    panel = make_panel(hub, shortlisted, qtbot)
    type_into(panel, "cost_money", "12 500,50")
    assert get_analysis(hub.db, shortlisted.ideas[0]).cost_money == Decimal("12500.50")
    assert shown(panel, "cost_money") == "12\u00a0500,50"
    type_into(panel, "cost_hours", "1,5")
    assert get_analysis(hub.db, shortlisted.ideas[0]).cost_hours == Decimal("1.5")
    assert shown(panel, "cost_hours") == "1,5"


def test_the_currency_is_chosen_from_iso_codes(hub: Hub, shortlisted: Shortlisted, qtbot: QtBot) -> None:
    panel = make_panel(hub, shortlisted, qtbot)
    combo = panel.form.currency
    assert combo.currentText() == "SEK"
    combo.setCurrentIndex(combo.findData("EUR"))
    combo.activated.emit(combo.currentIndex())
    assert get_analysis(hub.db, shortlisted.ideas[0]).currency == "EUR"
    hub.undo_stack.undo()
    assert get_analysis(hub.db, shortlisted.ideas[0]).currency == "SEK"
    assert combo.currentText() == "SEK"


def test_undo_and_redo_follow_each_field(hub: Hub, shortlisted: Shortlisted, qtbot: QtBot) -> None:
    panel = make_panel(hub, shortlisted, qtbot)
    type_into(panel, "benefit", "Fewer falls")
    type_into(panel, "cost_hours", "40")
    with qtbot.waitSignal(hub.analysisChanged):
        hub.undo_stack.undo()
    assert get_analysis(hub.db, shortlisted.ideas[0]).cost_hours is None
    assert shown(panel, "cost_hours") == ""
    hub.undo_stack.undo()
    assert shown(panel, "benefit") == ""
    hub.undo_stack.redo()
    hub.undo_stack.redo()
    assert shown(panel, "benefit") == "Fewer falls"
    assert shown(panel, "cost_hours") == "40"
    assert panel.form.filled.text() == "2 of 9 answered"


def test_typing_on_in_one_field_is_one_undo_step(hub: Hub, shortlisted: Shortlisted, qtbot: QtBot) -> None:
    panel = make_panel(hub, shortlisted, qtbot)
    type_into(panel, "benefit", "Fewer")
    type_into(panel, "benefit", "Fewer falls at home")
    assert hub.undo_stack.count() == 1
    hub.undo_stack.undo()
    assert get_analysis(hub.db, shortlisted.ideas[0]).benefit == ""


def test_a_change_made_elsewhere_is_shown_without_losing_what_is_typed(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    panel = make_panel(hub, shortlisted, qtbot)
    panel.form.fields["skills"].widget.setPlainText("Being typed")
    save_analysis(hub.db, shortlisted.ideas[0], benefit="From the phones", skills="Other")
    hub.analysisChanged.emit(shortlisted.workshop_id, shortlisted.ideas[0])
    assert shown(panel, "benefit") == "From the phones"
    assert shown(panel, "skills") == "Being typed"


def test_leaving_the_phase_saves_the_field_being_typed(
    hub: Hub, shortlisted: Shortlisted, qtbot: QtBot
) -> None:
    panel = make_panel(hub, shortlisted, qtbot)
    panel.form.fields["rights"].widget.setPlainText("The municipality's, shared under CC BY")
    assert panel.form.fields["rights"].widget.timer.isActive()
    panel.flush()
    assert get_analysis(hub.db, shortlisted.ideas[0]).rights == "The municipality's, shared under CC BY"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TYPED)
def test_any_text_is_kept_exactly(hub: Hub, shortlisted: Shortlisted, qtbot: QtBot, text: str) -> None:
    panel = make_panel(hub, shortlisted, qtbot)
    type_into(panel, "external_information", text)
    assert get_analysis(hub.db, shortlisted.ideas[0]).external_information == text
    assert shown(panel, "external_information") == text


def test_without_a_shortlist_the_panel_says_what_to_do(
    hub: Hub, room: WorkshopSnapshot, qtbot: QtBot
) -> None:
    panel = AnalysisPanel(hub, room.id)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.current_idea_id() is None
    assert panel.empty.isVisible()
    assert panel.picker.empty.isVisible()
    panel.flush()  # nothing to save, nothing refused
