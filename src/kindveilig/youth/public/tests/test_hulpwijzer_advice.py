"""The hulpwijzer's advice table: which answers lead to which help."""

import pytest

from kindveilig.youth.public.hulpwijzer import (
    QUESTIONS,
    Advice,
    Answer,
    hulpwijzer_advice,
    next_question,
    parse_answers,
)

J, N = Answer.YES, Answer.NO


def answers(
    v1: Answer,
    v2: Answer | None = None,
    v3: Answer | None = None,
    v4: Answer | None = None,
) -> dict[str, Answer]:
    given = {"v1": v1, "v2": v2, "v3": v3, "v4": v4}
    return {key: value for key, value in given.items() if value is not None}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # Danger ends the questions: 112 first.
        (answers(J), Advice(services=("112", "kindertelefoon"), emergency=True)),
        (
            answers(J, J, J, J),
            Advice(services=("112", "kindertelefoon"), emergency=True),
        ),
        # No danger: (anonymous, home, parents splitting up)
        (answers(N, J, N, N), Advice(services=("kindertelefoon", "chris"))),
        (answers(N, N, N, N), Advice(services=("kindertelefoon",), trusted_adult=True)),
        (
            answers(N, J, J, N),
            Advice(services=("veilig-thuis", "kindertelefoon", "chris")),
        ),
        (
            answers(N, N, J, N),
            Advice(services=("veilig-thuis", "kindertelefoon"), trusted_adult=True),
        ),
        (
            answers(N, J, N, J),
            Advice(services=("villa-pinedo", "kindertelefoon", "chris")),
        ),
        (
            answers(N, N, N, J),
            Advice(services=("villa-pinedo", "kindertelefoon"), trusted_adult=True),
        ),
        (
            answers(N, J, J, J),
            Advice(
                services=("veilig-thuis", "villa-pinedo", "kindertelefoon", "chris")
            ),
        ),
        (
            answers(N, N, J, J),
            Advice(
                services=("veilig-thuis", "villa-pinedo", "kindertelefoon"),
                trusted_adult=True,
            ),
        ),
    ],
)
def test_the_advice_follows_the_table(
    given: dict[str, Answer], expected: Advice
) -> None:
    assert hulpwijzer_advice(given) == expected


def test_questions_come_one_at_a_time_in_order() -> None:
    assert next_question({}) == QUESTIONS[0]
    assert next_question(answers(N)) == QUESTIONS[1]
    assert next_question(answers(N, J)) == QUESTIONS[2]
    assert next_question(answers(N, J, N)) == QUESTIONS[3]
    assert next_question(answers(N, J, N, N)) is None


def test_danger_asks_no_further_question() -> None:
    assert next_question(answers(J)) is None


def test_a_skipped_question_is_asked_before_later_ones() -> None:
    assert next_question({"v1": N, "v3": J}) == QUESTIONS[1]


def test_only_neutral_codes_and_known_values_are_read() -> None:
    assert parse_answers({"v1": "nee", "v2": "ja", "v3": "misschien", "x": "ja"}) == {
        "v1": N,
        "v2": J,
    }


def test_question_keys_are_neutral() -> None:
    assert [q.key for q in QUESTIONS] == ["v1", "v2", "v3", "v4"]
