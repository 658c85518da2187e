"""Reads of personal data. Each one checks the actor's relation and is audited."""

import uuid

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import (
    AuditItem,
    audit_denied,
    audit_record,
    audit_record_many,
)
from kindveilig.core.crypto import blind_index_candidates
from kindveilig.core.validators import is_valid_bsn

from .models import Person, PersonNameToken
from .name_index import name_tokens, query_digests

PAGE_SIZE = 50


def _visible_persons(actor: Actor) -> QuerySet[Person]:
    # Foundation rule: an organisation sees the persons it registered. Later issues
    # widen this through trajectories, households and explicit shares.
    return Person.objects.filter(registered_by_id=actor.organisation_id)


def person_page_for(*, actor: Actor, page_number: int | str | None) -> Page[Person]:
    # Newest first: names are encrypted, so SQL cannot order by them.
    queryset = _visible_persons(actor).order_by("-pk")
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


def sorted_by_name(persons: list[Person]) -> list[Person]:
    """Alphabetical by family name, then given name: in Python, after decryption."""
    return sorted(
        persons,
        key=lambda p: (p.family_name.casefold(), p.given_name.casefold(), p.pk),
    )


def name_search_ids(
    visible: QuerySet[Person], query: str, *, organisation_id: int
) -> QuerySet[Person, int]:
    """The ids of the first persons of whose names every word of the query is a
    token or the start of one, through the blind index of name tokens
    (``name_index.py``): each word is one lookup of its digests in the index on
    (digest, organisation, person). Nothing when the query has no token.

    The first 50 ids are taken from the index itself, then checked against
    ``visible``: a token carries the organisation that registered its person,
    so its ids are that organisation's persons already. Joining the other way
    round (every visible person against the tokens) read all of the busiest
    organisation's persons at national size: 52 ms instead of a few index pages
    (docs/performance.md, item 18)."""
    tokens = name_tokens(query)
    if not tokens:
        return visible.none().values_list("pk", flat=True)
    first, *others = tokens
    matching = PersonNameToken.objects.filter(
        digest__in=query_digests(first), organisation_id=organisation_id
    )
    for token in others:
        matching = matching.filter(
            person_id__in=PersonNameToken.objects.filter(
                digest__in=query_digests(token), organisation_id=organisation_id
            ).values("person_id")
        )
    first_ids = (
        matching.order_by("person_id").values("person_id").distinct()[:SEARCH_LIMIT]
    )
    return visible.filter(pk__in=first_ids).order_by("pk").values_list("pk", flat=True)


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
        found = visible.filter(bsn_index__in=blind_index_candidates(compact))
    else:
        ids = list(
            name_search_ids(visible, query, organisation_id=actor.organisation_id)
        )
        found = Person.objects.filter(pk__in=ids)
    results = sorted_by_name(list(found.order_by("pk")[:SEARCH_LIMIT]))
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
