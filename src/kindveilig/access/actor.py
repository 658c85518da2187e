from dataclasses import dataclass
from typing import TYPE_CHECKING

from .roles import Role

if TYPE_CHECKING:
    from kindveilig.accounts.models import Membership, User
    from kindveilig.organisations.models import Organisation


@dataclass(frozen=True)
class Actor:
    """Who acts: the user, in the organisation and role they chose for this session."""

    user: "User"
    membership: "Membership"

    @property
    def organisation(self) -> "Organisation":
        return self.membership.organisation

    @property
    def organisation_id(self) -> int:
        return self.membership.organisation_id

    @property
    def role(self) -> Role:
        return Role(self.membership.role)
