"""Signs of Safety mappings with a safety scale per perspective (the child's own
score and words), and the chart and table over time."""

import datetime as dt

from django.core.exceptions import ValidationError

import pytest

from kindveilig.access.actor import Actor
from kindveilig.households.chart import build_chart, y_of
from kindveilig.households.models import Household, MemberRole, Perspective
from kindveilig.households.selectors import mappings_of
from kindveilig.households.services import MappingInput, ScoreInput, mapping_record

pytestmark = [pytest.mark.django_db]


def data(day: dt.date) -> MappingInput:
    return MappingInput(
        assessed_on=day,
        harm="Blauwe plekken bij Sam (oktober).",
        danger="We zijn bang dat Sam opnieuw geslagen wordt.",
        strengths="Moeder zoekt hulp; oma is betrokken.",
        next_steps="Vader neemt deel aan training; school let op.",
        complicating="Schulden.",
    )


def record(
    actor: Actor, household: Household, day: dt.date, prof: int, child: int
) -> None:
    sam = household.members.get(role=MemberRole.CHILD).person
    parent = household.members.get(role=MemberRole.PARENT).person
    mapping_record(
        actor=actor,
        case=household.cases.get(),
        data=data(day),
        scores=[
            ScoreInput(Perspective.PROFESSIONAL, prof, professional_name="Wijkteam"),
            ScoreInput(Perspective.PARENT, 7, person=parent.public_id),
            ScoreInput(
                Perspective.CHILD,
                child,
                person=sam.public_id,
                words="Ik ben minder bang als papa boos is.",
            ),
        ],
    )


def test_a_mapping_keeps_the_childs_own_score_and_words(
    lt: Actor, household: Household
) -> None:
    record(lt, household, dt.date(2026, 10, 1), prof=3, child=2)
    mapping = mappings_of(household.cases.get())[0]
    child_score = mapping.scores.get(perspective=Perspective.CHILD)
    assert child_score.score == 2
    assert child_score.words == "Ik ben minder bang als papa boos is."
    assert mapping.danger.startswith("We zijn bang")


def test_a_score_belongs_to_someone_in_the_household(
    lt: Actor, household: Household, prof: Actor
) -> None:
    parent = household.members.get(role=MemberRole.PARENT).person
    with pytest.raises(ValidationError) as info:
        mapping_record(
            actor=lt,
            case=household.cases.get(),
            data=data(dt.date(2026, 10, 1)),
            scores=[
                # A parent is not a child; and a score of 12 does not exist.
                ScoreInput(Perspective.CHILD, 5, person=parent.public_id),
                ScoreInput(Perspective.PROFESSIONAL, 12, professional_name="X"),
            ],
        )
    assert set(info.value.message_dict) == {"score_0", "score_1"}


def test_a_mapping_needs_worries_next_steps_and_a_score(
    lt: Actor, household: Household
) -> None:
    with pytest.raises(ValidationError) as info:
        mapping_record(
            actor=lt,
            case=household.cases.get(),
            data=MappingInput(
                assessed_on=dt.date(2026, 10, 1), harm="", danger="", next_steps=""
            ),
            scores=[],
        )
    assert {"harm", "danger", "next_steps", "scores"} <= set(info.value.message_dict)


def test_the_chart_has_a_line_per_perspective_and_a_table(
    lt: Actor, household: Household
) -> None:
    record(lt, household, dt.date(2026, 10, 1), prof=3, child=2)
    record(lt, household, dt.date(2026, 11, 1), prof=6, child=5)
    chart = build_chart(mappings_of(household.cases.get()))
    assert [s.key.split(":")[0] for s in chart.series] == [
        Perspective.PROFESSIONAL,
        Perspective.PARENT,
        Perspective.CHILD,
    ]
    child = chart.series[2]
    assert [p.value for p in child.points] == [2, 5]
    assert child.points[0].x < child.points[1].x
    assert child.points[1].y == y_of(5)
    assert chart.rows == [
        (dt.date(2026, 10, 1), [3, 7, 2]),
        (dt.date(2026, 11, 1), [6, 7, 5]),
    ]
    # Colour is never the only difference between lines.
    assert len({s.style for s in chart.series}) == 3
    assert len({s.style.dash for s in chart.series}) == 3
