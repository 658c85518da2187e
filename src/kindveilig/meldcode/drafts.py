"""Drafts of long forms: what was typed is kept, encrypted, until it is saved.

Only the form's own fields are kept (no CSRF token, no version: a draft must
not be able to win an optimistic-locking race)."""

import json
from typing import Any

from django.http import QueryDict

from kindveilig.access.actor import Actor

from .models import FormDraft, Trajectory

SKIP = {"csrfmiddlewaretoken", "version", "save_draft"}


def draft_save(
    *, actor: Actor, trajectory: Trajectory, form_key: str, data: QueryDict
) -> FormDraft:
    values = {key: data.getlist(key) for key in data if key not in SKIP}
    draft, _ = FormDraft.objects.update_or_create(
        trajectory=trajectory,
        user=actor.user,
        form_key=form_key,
        defaults={"data": json.dumps(values)},
    )
    return draft


def draft_initial(
    *, actor: Actor, trajectory: Trajectory, form_key: str
) -> dict[str, Any]:
    draft = FormDraft.objects.filter(
        trajectory=trajectory, user=actor.user, form_key=form_key
    ).first()
    if draft is None:
        return {}
    values: dict[str, list[str]] = json.loads(draft.data)
    return {
        key: value if len(value) != 1 else value[0] for key, value in values.items()
    }


def draft_discard(*, actor: Actor, trajectory: Trajectory, form_key: str) -> None:
    FormDraft.objects.filter(
        trajectory=trajectory, user=actor.user, form_key=form_key
    ).delete()
