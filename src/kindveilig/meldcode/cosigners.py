"""Who co-signs a trajectory's decisions: never a dead end for want of one.

In order: the organisation's own aandachtsfunctionarissen, then its deputies
(``Membership.is_deputy``), then — when the organisation has none besides the
proposer — the aandachtsfunctionarissen of the municipality's fallback
organisation (``Municipality.fallback_organisation``, e.g. the JGZ). The proposer
never co-signs their own decision. When the list is empty, nobody can: the
services then record the decision as made without a co-signer.
"""

from kindveilig.accounts.models import User
from kindveilig.accounts.selectors import aandachtsfunctionarissen_of
from kindveilig.organisations.models import Organisation


def cosigners_for(
    organisation: Organisation, *, exclude_user_id: int | None = None
) -> list[User]:
    own = [
        membership.user
        for membership in aandachtsfunctionarissen_of(organisation_id=organisation.pk)
        if membership.user_id != exclude_user_id
    ]
    if own:
        return own
    fallback_id = organisation.municipality.fallback_organisation_id
    if fallback_id is None or fallback_id == organisation.pk:
        return []
    return [
        membership.user
        for membership in aandachtsfunctionarissen_of(organisation_id=fallback_id)
        if membership.user_id != exclude_user_id
    ]


def designated_cosigner(
    organisation: Organisation, *, exclude_user_id: int | None = None
) -> User | None:
    """The one the trajectory names from its start as the co-signer."""
    return next(
        iter(cosigners_for(organisation, exclude_user_id=exclude_user_id)), None
    )
