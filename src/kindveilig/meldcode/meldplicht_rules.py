"""Who may record which step of a meldplicht case: one rule, read by the
services (which refuse), the selectors (what is due for whom) and the pages
(which forms to show)."""

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role

from .models import MeldplichtCase, MeldplichtStep

__all__ = ["can_link_trajectory", "can_record"]


def _in_organisation(actor: Actor, case: MeldplichtCase) -> bool:
    return case.organisation_id == actor.organisation_id


def can_record(actor: Actor, case: MeldplichtCase, step: MeldplichtStep) -> bool:
    """Who records which step.

    Informing the houder: the reporter, the aandachtsfunctionaris or the houder.
    The houder's steps (consulting, aangifte, measures, closing): the houder or the
    aandachtsfunctionaris; when the suspect is the houder, the reporter or the
    aandachtsfunctionaris instead, and the houder not at all.
    """
    if not _in_organisation(actor, case) or case.is_closed:
        return False
    is_reporter = case.reported_by_id == actor.user.pk
    is_af = actor.role == Role.AANDACHTSFUNCTIONARIS
    is_houder = actor.role == Role.BEVOEGD_GEZAG
    if step == MeldplichtStep.HOUDER_INFORMED:
        return not case.suspect_is_houder and (is_reporter or is_af or is_houder)
    if case.suspect_is_houder:
        return is_reporter or is_af
    return is_houder or is_af


def can_link_trajectory(actor: Actor, case: MeldplichtCase) -> bool:
    """Linking needs someone who sees trajectories: the reporter or the
    aandachtsfunctionaris (the houder has no access to children's files)."""
    if not _in_organisation(actor, case) or actor.role == Role.BEVOEGD_GEZAG:
        return False
    return (
        case.reported_by_id == actor.user.pk or actor.role == Role.AANDACHTSFUNCTIONARIS
    )
