"""Reads the services need for their gates: the answers in force, the children
still without a conversation."""

from collections.abc import Iterable
from typing import Any

from kindveilig.meldcode.afwegingskader import Answer
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import ConversationWith
from kindveilig.persons.models import Person


def _loaded(trajectory: Trajectory, name: str) -> list[Any] | None:
    """The rows ``selectors.with_entries`` already loaded (the detail page), or
    None: then the caller queries. Only read pages load entries that way."""
    cache: dict[str, Any] = getattr(trajectory, "_prefetched_objects_cache", {})
    return list(cache[name]) if name in cache else None


def current_answers(trajectory: Trajectory) -> dict[int, Answer]:
    """The answers in force: a new answer to question q replaces it and drops the
    answers to the questions after q (they were given on other grounds)."""
    loaded = _loaded(trajectory, "answers")
    rows: Iterable[tuple[int, str]] = (
        trajectory.answers.order_by("created_at", "pk").values_list(
            "question", "answer"
        )
        if loaded is None
        else [
            (row.question, row.answer)
            for row in sorted(loaded, key=lambda row: (row.created_at, row.pk))
        ]
    )
    answers: dict[int, Answer] = {}
    for question, answer in rows:
        for later in [q for q in answers if q > question]:
            del answers[later]
        answers[question] = Answer(answer)
    return answers


def _child_ids(trajectory: Trajectory, name: str) -> set[int | None]:
    loaded = _loaded(trajectory, name)
    if loaded is not None:
        return {
            row.child_id for row in loaded if row.with_whom == ConversationWith.CHILD
        }
    related = trajectory.conversations if name == "conversations" else trajectory.skips
    return set(
        related.filter(with_whom=ConversationWith.CHILD).values_list(
            "child_id", flat=True
        )
    )


def missing_child_conversations(trajectory: Trajectory) -> list[Person]:
    """Children with neither a recorded conversation nor a reason why not."""
    covered = _child_ids(trajectory, "conversations") | _child_ids(trajectory, "skips")
    children = _loaded(trajectory, "children")
    if children is None:
        children = list(trajectory.children.select_related("person").order_by("pk"))
    return [link.person for link in children if link.person_id not in covered]
