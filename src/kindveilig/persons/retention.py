"""Persons' record kind for the retention engine: a person no record refers to
any more (every trajectory, case, signal and household that named them is gone)
is removed a year after the last change (data minimisation, AVG art. 5(1)(e);
docs/retention.md). Runs after every other kind.

"Refers to" is read from the model graph (every relation to ``Person``), so a
new app that points at a person keeps it without a change here. The person's
own corrections (their history) and name tokens (their index) are no reference."""

from collections.abc import Sequence

from django.db.models import Exists, ForeignObjectRel, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many
from kindveilig.core.retention import (
    DEFAULT_TERM,
    RecordKind,
    RetentionContext,
    purge_in_batches,
    register_record_kind,
)

from .models import Person, PersonCorrection, PersonNameToken

__all__ = ["register", "unreferenced_persons"]

OWN_HISTORY = (PersonCorrection, PersonNameToken)


def unreferenced_persons(queryset: QuerySet[Person]) -> QuerySet[Person]:
    # Hidden relations too (``related_name="+"``: signals, step entries).
    relations = [
        field
        for field in Person._meta.get_fields(include_hidden=True)
        if isinstance(field, ForeignObjectRel)
    ]
    for relation in relations:
        model = relation.related_model
        if not isinstance(model, type) or issubclass(model, OWN_HISTORY):
            continue
        referring = model._base_manager.filter(**{relation.field.name: OuterRef("pk")})
        queryset = queryset.exclude(Exists(referring))
    return queryset


def _delete(batch: Sequence[Person]) -> None:
    audit_record_many(
        actor=None,
        action=AuditAction.DELETE,
        items=[AuditItem(obj=person, person_id=person.public_id) for person in batch],
        reason="retention",
    )
    Person.objects.filter(pk__in=[person.pk for person in batch]).delete()


def _apply(ctx: RetentionContext) -> int:
    due = unreferenced_persons(
        Person.objects.filter(updated_at__lte=ctx.cutoff()).exclude(
            public_id__in=ctx.held("persons.person")
        )
    )
    return purge_in_batches(due, ctx=ctx, delete=_delete)


def register() -> None:
    register_record_kind(
        RecordKind(
            key="persons.person",
            label=_("Persons no record refers to"),
            default_terms={DEFAULT_TERM: 365},
            counts_from="updated_at",
            apply=_apply,
            order=1000,
        )
    )
