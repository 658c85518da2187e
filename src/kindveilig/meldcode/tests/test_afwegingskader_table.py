"""The afwegingskader's decision table, every path, and every sector version."""

import itertools

import pytest

from kindveilig.meldcode.afwegingskader import Advice, Answer, Outcome, advise
from kindveilig.meldcode.models import AfwegingskaderVersion
from kindveilig.organisations.models import Sector

Y, N, D = Answer.YES, Answer.NO, Answer.DOUBT

# (answers to 1..5 in order, expected advice) — the paths of domain brief §2.
TABLE: list[tuple[list[Answer], Advice]] = [
    ([], Advice(Outcome.NEXT_QUESTION, question=1)),
    ([N], Advice(Outcome.CLOSE)),
    ([D], Advice(Outcome.ADVIES_FIRST, question=1)),
    ([Y], Advice(Outcome.NEXT_QUESTION, question=2)),
    ([Y, D], Advice(Outcome.ADVIES_FIRST, question=2)),
    # Yes to 2: melden; 3-5 together with Veilig Thuis.
    ([Y, Y], Advice(Outcome.MELDEN, question=3, together_with_veilig_thuis=True)),
    ([Y, Y, N], Advice(Outcome.MELDEN, together_with_veilig_thuis=True)),
    ([Y, Y, D], Advice(Outcome.MELDEN, question=3, together_with_veilig_thuis=True)),
    ([Y, Y, Y], Advice(Outcome.MELDEN, question=4, together_with_veilig_thuis=True)),
    ([Y, Y, Y, N], Advice(Outcome.MELDEN, together_with_veilig_thuis=True)),
    ([Y, Y, Y, Y], Advice(Outcome.MELDEN, question=5, together_with_veilig_thuis=True)),
    ([Y, Y, Y, Y, N], Advice(Outcome.MELDEN_AGAIN, together_with_veilig_thuis=True)),
    (
        [Y, Y, Y, Y, Y],
        Advice(Outcome.CLOSE_WITH_AGREEMENTS, together_with_veilig_thuis=True),
    ),
    # No to 2: the professional weighs own help.
    ([Y, N], Advice(Outcome.NEXT_QUESTION, question=3)),
    ([Y, N, N], Advice(Outcome.MELDEN)),
    ([Y, N, D], Advice(Outcome.ADVIES_FIRST, question=3)),
    ([Y, N, Y], Advice(Outcome.NEXT_QUESTION, question=4)),
    ([Y, N, Y, N], Advice(Outcome.MELDEN)),
    ([Y, N, Y, D], Advice(Outcome.ADVIES_FIRST, question=4)),
    ([Y, N, Y, Y], Advice(Outcome.HULP, question=5)),
    ([Y, N, Y, Y, D], Advice(Outcome.ADVIES_FIRST, question=5)),
    ([Y, N, Y, Y, N], Advice(Outcome.MELDEN_AGAIN)),
    ([Y, N, Y, Y, Y], Advice(Outcome.CLOSE_WITH_AGREEMENTS)),
]


def as_dict(answers: list[Answer]) -> dict[int, Answer]:
    return dict(enumerate(answers, start=1))


@pytest.mark.parametrize(("answers", "expected"), TABLE, ids=lambda v: str(v))
def test_decision_table(answers: list[Answer], expected: Advice) -> None:
    assert advise(as_dict(answers)) == expected


ALL_SEQUENCES = [
    list(combo)
    for length in range(6)
    for combo in itertools.product([Y, N, D], repeat=length)
]


def test_every_sequence_of_answers_gets_exactly_one_advice() -> None:
    """All 364 answer sequences: each leads to a defined advice, and the table's
    rules hold for all of them (not only the listed paths)."""
    for answers in ALL_SEQUENCES:
        advice = advise(as_dict(answers))
        assert isinstance(advice.outcome, Outcome)
        if answers[:1] == [N]:
            assert advice.outcome == Outcome.CLOSE
        if answers[:1] == [D]:
            assert advice.outcome == Outcome.ADVIES_FIRST
        if answers[:2] == [Y, Y]:
            assert advice.melden or advice.outcome == Outcome.CLOSE_WITH_AGREEMENTS
            assert advice.together_with_veilig_thuis
        if answers[:4] in ([Y, N, N], [Y, N, Y, N]) or answers[:3] == [Y, N, N]:
            assert advice.outcome == Outcome.MELDEN
        if not advice.together_with_veilig_thuis:
            assert not (len(answers) >= 2 and answers[:2] == [Y, Y])


def test_answers_after_a_decided_path_do_not_change_it() -> None:
    assert advise(as_dict([N, Y, Y, Y, Y])) == Advice(Outcome.CLOSE)
    assert advise(as_dict([Y, N, N, Y, Y])) == Advice(Outcome.MELDEN)


@pytest.mark.django_db
@pytest.mark.parametrize("sector", [s.value for s in Sector if s != Sector.GEMEENTE])
def test_every_sector_has_a_complete_versioned_framework(sector: str) -> None:
    from kindveilig.meldcode.services.trajectories import framework_for

    version = framework_for(Sector(sector))
    assert version.version == "2019.1"
    assert [q["number"] for q in version.questions] == [1, 2, 3, 4, 5]
    for question in version.questions:
        for key in ("label", "text", "guidance"):
            assert question[key]["nl"]
            assert question[key]["en"]
    assert version.voluntary is (sector == Sector.SPORT_CULTUUR)
    # The basismodel question texts are the legal ones, in every sector.
    assert version.question(2)["text"]["nl"].startswith(
        "Schat ik op basis van de stappen 1 tot en met 4"
    )


@pytest.mark.django_db
def test_municipalities_use_the_social_domain_framework() -> None:
    from kindveilig.meldcode.services.trajectories import framework_for

    assert framework_for(Sector.GEMEENTE).sector == Sector.SOCIAAL_DOMEIN
    assert AfwegingskaderVersion.objects.count() == 6
