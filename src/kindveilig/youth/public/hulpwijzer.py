"""The hulpwijzer: a few plain questions that lead a child to the right help.

Pure functions over the answers, so the advice table is tested without pages.
The answers travel in the query string under neutral keys (``v1`` … ``v4``)
with the values ``ja`` and ``nee``: nothing in the URL says what was asked.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

__all__ = [
    "QUESTIONS",
    "Advice",
    "Answer",
    "Question",
    "hulpwijzer_advice",
    "next_question",
    "parse_answers",
]


class Answer(StrEnum):
    YES = "ja"
    NO = "nee"


@dataclass(frozen=True)
class Question:
    key: str
    text: str | Promise
    hint: str | Promise


DANGER, ANONYMOUS, HOME, SEPARATION = "v1", "v2", "v3", "v4"

QUESTIONS: tuple[Question, ...] = (
    Question(
        DANGER,
        _("Are you in danger right now?"),
        _(
            "For example: someone is hurting you now. Or you are afraid it will happen soon."
        ),
    ),
    Question(
        ANONYMOUS,
        _("Do you want to talk without saying your name?"),
        _("That is fine. You do not have to say who you are."),
    ),
    Question(
        HOME,
        _("Is it about home?"),
        _("For example: there are a lot of fights. Or you do not feel safe at home."),
    ),
    Question(
        SEPARATION,
        _("Are your parents splitting up?"),
        _("Or have they already split up?"),
    ),
)
KEYS = tuple(question.key for question in QUESTIONS)


@dataclass(frozen=True)
class Advice:
    """Where to go, most fitting first (service codes), and what else to show."""

    services: tuple[str, ...]
    emergency: bool = False
    trusted_adult: bool = False


def parse_answers(query: Mapping[str, str]) -> dict[str, Answer]:
    """The valid answers in a query string; anything else is ignored."""
    answers: dict[str, Answer] = {}
    for key in KEYS:
        value = query.get(key)
        if value in (Answer.YES, Answer.NO):
            answers[key] = Answer(value)
    return answers


def next_question(answers: Mapping[str, Answer]) -> Question | None:
    """The first question without an answer; none once there is danger."""
    if answers.get(DANGER) == Answer.YES:
        return None
    for question in QUESTIONS:
        if question.key not in answers:
            return question
    return None


def hulpwijzer_advice(answers: Mapping[str, Answer]) -> Advice:
    """The help that fits the answers.

    - Danger: 112 first, then De Kindertelefoon for afterwards.
    - About home: Veilig Thuis. Parents splitting up: Villa Pinedo.
    - Without a name: De Kindertelefoon and Chris; with a name: the child's own
      trusted adult at school or club first, and De Kindertelefoon.
    De Kindertelefoon is always in the list: it is there for every question.
    """
    if answers.get(DANGER) == Answer.YES:
        return Advice(services=("112", "kindertelefoon"), emergency=True)
    services: list[str] = []
    if answers.get(HOME) == Answer.YES:
        services.append("veilig-thuis")
    if answers.get(SEPARATION) == Answer.YES:
        services.append("villa-pinedo")
    anonymous = answers.get(ANONYMOUS) == Answer.YES
    services.append("kindertelefoon")
    if anonymous:
        services.append("chris")
    return Advice(services=tuple(services), trusted_adult=not anonymous)
