"""Reads of the region's organisation administration (docs/organisations.md).

Only the functioneel beheerder of a gemeente organisation manages the
organisations of its region: a school's beheerder gets 403 on the pages and 404
for an organisation or an import (no relation)."""

import uuid

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.organisations.models import Municipality, Organisation, OrganisationType

from .models import OrganisationImport

__all__ = [
    "can_manage_organisations",
    "municipalities_for",
    "organisation_get_for",
    "organisation_import_get_for",
    "organisation_imports_for",
    "organisation_page_for",
]

PAGE_SIZE = 50
IMPORTS_LISTED = 20


def can_manage_organisations(actor: Actor) -> bool:
    return (
        actor.role == Role.FUNCTIONEEL_BEHEERDER
        and actor.organisation.type == OrganisationType.GEMEENTE
    )


def _require(actor: Actor) -> int:
    """The actor's region id; 403 for anyone else."""
    if not can_manage_organisations(actor):
        raise PermissionDenied
    return actor.organisation.municipality.region_id


def municipalities_for(actor: Actor) -> QuerySet[Municipality]:
    return Municipality.objects.filter(region_id=_require(actor)).order_by("name")


def organisation_page_for(
    *, actor: Actor, page_number: int | str | None, inactive_only: bool = False
) -> Page[Organisation]:
    queryset = Organisation.objects.filter(
        municipality__region_id=_require(actor)
    ).select_related("municipality")
    if inactive_only:
        queryset = queryset.filter(is_active=False)
    return Paginator(queryset.order_by("name", "pk"), PAGE_SIZE).get_page(page_number)


def organisation_get_for(*, actor: Actor, public_id: uuid.UUID) -> Organisation:
    """An organisation of the actor's region; 404 for anything else, and for
    an actor who manages no region (no relation to the organisation)."""
    if not can_manage_organisations(actor):
        raise Http404
    organisation = (
        Organisation.objects.filter(
            public_id=public_id,
            municipality__region_id=actor.organisation.municipality.region_id,
        )
        .select_related("municipality")
        .first()
    )
    if organisation is None:
        raise Http404
    return organisation


def organisation_imports_for(actor: Actor) -> QuerySet[OrganisationImport]:
    _require(actor)
    return (
        OrganisationImport.objects.filter(organisation=actor.organisation)
        .select_related("requested_by")
        .defer("content", "preview")[:IMPORTS_LISTED]
    )


def organisation_import_get_for(
    *, actor: Actor, public_id: uuid.UUID
) -> OrganisationImport:
    """An import of the actor's own gemeente organisation; 404 otherwise."""
    found = (
        OrganisationImport.objects.filter(
            organisation=actor.organisation, public_id=public_id
        )
        .defer("content")
        .first()
    )
    if found is None:
        raise Http404
    _require(actor)
    return found
