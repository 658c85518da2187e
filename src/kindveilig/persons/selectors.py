"""Reads of personal data. Each one checks the actor's relation and is audited."""

import uuid

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import Http404

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import (
    AuditItem,
    audit_denied,
    audit_record,
    audit_record_many,
)
from kindveilig.core.crypto import blind_index
from kindveilig.core.validators import is_valid_bsn

from .models import Person

PAGE_SIZE = 50


def _visible_persons(actor: Actor) -> QuerySet[Person]:
    # Foundation rule: an organisation sees the persons it registered. Later issues
    # widen this through trajectories, households and explicit shares.
    return Person.objects.filter(registered_by_id=actor.organisation_id)


def person_page_for(*, actor: Actor, page_number: int | str | None) -> Page[Person]:
    queryset = _visible_persons(actor).order_by("family_name", "given_name", "pk")
    page = Paginator(queryset, PAGE_SIZE).get_page(page_number)
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[AuditItem(obj=person, person_id=person.public_id) for person in page],
    )
    return page


def person_get_for(*, actor: Actor, public_id: uuid.UUID, purpose: str = "") -> Person:
    person = (
        _visible_persons(actor)
        .select_related("registered_by")
        .filter(public_id=public_id)
        .first()
    )
    if person is None:
        audit_denied(actor=actor, model=Person, public_id=public_id)
        raise Http404
    audit_record(
        actor=actor,
        action=AuditAction.READ,
        obj=person,
        person_id=person.public_id,
        reason=purpose,
    )
    return person


SEARCH_LIMIT = 50


def name_search_ids(visible: QuerySet[Person], query: str) -> QuerySet[Person, int]:
    """The ids of the first persons whose given or family name holds every word.

    Only ids: the name filter is then checked on the entries of the index on
    (organisation, family name, given name, id) alone (an index-only scan), not on
    every person row of the organisation; the rows are read only for the page
    shown (docs/performance.md)."""
    matching = visible
    for word in query.split(" "):
        matching = matching.filter(
            Q(given_name__icontains=word) | Q(family_name__icontains=word)
        )
    return matching.order_by("family_name", "given_name", "pk").values_list(
        "pk", flat=True
    )[:SEARCH_LIMIT]


def person_search_for(*, actor: Actor, query: str) -> list[Person]:
    """Find a child by BSN (exact, through the blind index) or by part of the name.

    The query comes from a POST form, never a URL; every person shown is audited.
    """
    query = " ".join(query.split())
    visible = _visible_persons(actor)
    compact = query.replace(" ", "")
    if compact.isdigit():
        if not is_valid_bsn(compact):
            return []
        found = visible.filter(bsn_index=blind_index(compact))
    else:
        ids = list(name_search_ids(visible, query))
        found = Person.objects.filter(pk__in=ids)
    results = list(found.order_by("family_name", "given_name", "pk")[:SEARCH_LIMIT])
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[AuditItem(obj=person, person_id=person.public_id) for person in results],
        reason="search",
    )
    return results


def person_exists_for(*, actor: Actor, public_id: uuid.UUID) -> bool:
    """Whether the actor may see this person, without reading their data (a page
    that only asks a question first; nothing to audit yet)."""
    return _visible_persons(actor).filter(public_id=public_id).exists()
