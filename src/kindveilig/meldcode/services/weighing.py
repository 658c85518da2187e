"""Reads the services need for their gates: the answers in force, the children
still without a conversation."""

from kindveilig.meldcode.afwegingskader import Answer
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import ConversationWith
from kindveilig.persons.models import Person


def current_answers(trajectory: Trajectory) -> dict[int, Answer]:
    """The answers in force: a new answer to question q replaces it and drops the
    answers to the questions after q (they were given on other grounds)."""
    answers: dict[int, Answer] = {}
    for question, answer in trajectory.answers.order_by("created_at", "pk").values_list(
        "question", "answer"
    ):
        for later in [q for q in answers if q > question]:
            del answers[later]
        answers[question] = Answer(answer)
    return answers


def missing_child_conversations(trajectory: Trajectory) -> list[Person]:
    """Children with neither a recorded conversation nor a reason why not."""
    covered = set(
        trajectory.conversations.filter(with_whom=ConversationWith.CHILD).values_list(
            "child_id", flat=True
        )
    ) | set(
        trajectory.skips.filter(with_whom=ConversationWith.CHILD).values_list(
            "child_id", flat=True
        )
    )
    return [
        link.person
        for link in trajectory.children.select_related("person").order_by("pk")
        if link.person_id not in covered
    ]
