"""Wherever children are listed, their age is shown (issue 12).

A reader of a list of children must see how young each one is. Each template
below lists children; the test fails when one of them loses the age. The main
pages are also rendered in src/kindveilig/meldcode/tests/test_children_ages.py.
"""

from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "kindveilig"

# (template, what shows the age there)
AGES = [
    ("meldcode/templates/meldcode/trajectory_list.html", "link.person.name_with_age"),
    ("meldcode/templates/meldcode/trajectory_detail.html", "link.person.name_with_age"),
    ("meldcode/templates/meldcode/trajectory_detail.html", "conv.child.name_with_age"),
    ("meldcode/templates/meldcode/trajectory_detail.html", "skip.child.name_with_age"),
    ("meldcode/templates/meldcode/trajectory_detail.html", "child.name_with_age"),
    ("meldcode/templates/meldcode/_trajectory_header.html", "name_with_age"),
    ("meldcode/templates/meldcode/deadlines.html", "row.names_with_age"),
    ("meldcode/templates/meldcode/melding_pdf.html", "child.age"),
    (
        "households/templates/households/household_detail.html",
        "member.person.name_with_age",
    ),
    (
        "households/templates/households/household_create.html",
        "link.person.name_with_age",
    ),
    ("households/templates/households/trajectory_handover.html", "name_with_age"),
    ("verwijsindex/templates/verwijsindex/match_list.html", "person.name_with_age"),
    ("verwijsindex/templates/verwijsindex/signal_list.html", "person.name_with_age"),
    ("verwijsindex/templates/verwijsindex/share_list.html", "name_with_age"),
]


@pytest.mark.parametrize(("template", "expression"), AGES)
def test_the_template_shows_the_childs_age(template: str, expression: str) -> None:
    assert expression in (PACKAGE / template).read_text(encoding="utf-8")


@pytest.mark.parametrize("template", sorted({template for template, _ in AGES}))
def test_no_child_is_listed_by_full_name_alone(template: str) -> None:
    text = (PACKAGE / template).read_text(encoding="utf-8")
    for name in ("child.full_name", "link.person.full_name", "signal.person.full_name"):
        assert name not in text, f"{template} lists {name} without the age"
