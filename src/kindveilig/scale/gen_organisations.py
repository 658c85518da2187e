"""A slice's region, its municipalities, and organisations of every type with
their staff: professionals (or lokaal team workers) and aandachtsfunctionarissen,
in the numbers ``dist.ORGANISATION_PROFILE`` gives for the country, scaled."""

import random
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime

from kindveilig.access.roles import Role
from kindveilig.accounts.models import User
from kindveilig.meldcode.models import AfwegingskaderVersion
from kindveilig.organisations.models import (
    SECTOR_BY_TYPE,
    Municipality,
    Organisation,
    OrganisationType,
    Region,
)

from . import distributions as dist
from .gen_common import Rows
from .loading import Loader, Org, scaled, weighted_picker
from .pools import EMAIL_DOMAIN, FAMILY_NAMES, GIVEN_NAMES, SYNTH
from .rows.organisations import (
    MembershipRow,
    MunicipalityRow,
    OrganisationRow,
    RegionRow,
    UserRow,
)

__all__ = ["Organisations"]

# Organisation public ids come from the id, not the random stream, so the rest
# of a generated population stays as it was.
USER_UUID_BASE = 0x5E5E << 112
ORG_UUID_BASE = 0x5CA1E << 96

NO_LOGIN = "!synthetic-no-login"  # Django's "!" prefix: an unusable password


class Organisations:
    SERIAL = (Region, Municipality, Organisation, User)

    def __init__(
        self,
        *,
        loader: Loader,
        rng: random.Random,
        now: datetime,
        slice_name: str,
        fraction: float,
        types: Sequence[str] | None,
    ) -> None:
        self.load, self.rng, self.now, self.slice = loader, rng, now, slice_name
        self.fraction, self.types = fraction, types
        self.rows = Rows((OrganisationRow, UserRow, MembershipRow))

    def build(self) -> tuple[list[Org], Callable[[], Org]]:
        """The organisations, and a picker that draws one by its share of the
        trajectories (``dist.ORGANISATION_PROFILE``, with a lognormal spread)."""
        municipalities = self._municipalities()
        frameworks = dict(
            AfwegingskaderVersion.objects.order_by("sector", "valid_from").values_list(
                "sector", "pk"
            )
        )
        self.next_org = self.load.next_id(Organisation)
        self.next_user = self.load.next_id(User)
        orgs: list[Org] = []
        weights: list[float] = []
        for org_type, profile in dist.ORGANISATION_PROFILE.items():
            if self.types is not None and org_type not in self.types:
                continue
            national, n_prof, n_af, share = profile
            count = scaled(national, self.fraction)
            for _ in range(count):
                org = self._organisation(org_type, municipalities, frameworks)
                self._staff(org, n_prof, n_af)
                orgs.append(org)
                weights.append(
                    share
                    / count
                    * self.rng.lognormvariate(0, dist.ORGANISATION_WEIGHT_SIGMA)
                )
        self.rows.flush(self.load)
        return orgs, weighted_picker(self.rng, orgs, weights)

    def _municipalities(self) -> list[int]:
        """The slice's region and its municipalities (their ids)."""
        load = self.load
        region_id = load.next_id(Region)
        load.copy(
            RegionRow,
            [
                RegionRow(
                    id=region_id,
                    name=f"Synthetische regio {self.slice}",
                    code=f"synth-{self.slice}",
                )
            ],
        )
        first_mun = load.next_id(Municipality)
        n_mun = scaled(dist.NATIONAL_MUNICIPALITIES, self.fraction)
        municipalities = list(range(first_mun, first_mun + n_mun))
        # CBS codes are GM####; a synthetic municipality gets "X" + 5 hex digits.
        load.copy(
            MunicipalityRow,
            [
                MunicipalityRow(
                    id=mid,
                    region=region_id,
                    name=f"Gemeente {self.slice}-{mid}{SYNTH}",
                    cbs_code=f"X{mid % 0xFFFFF:05X}",
                )
                for mid in municipalities
            ],
        )
        return municipalities

    def _organisation(
        self, org_type: str, municipalities: list[int], frameworks: dict[str, int]
    ) -> Org:
        org_id = self.next_org
        self.next_org += 1
        label = OrganisationType(org_type).label
        municipality = self.rng.choice(municipalities)
        self.rows.add(
            OrganisationRow(
                id=org_id,
                public_id=uuid.UUID(int=ORG_UUID_BASE | org_id, version=4),
                name=f"{label} {org_id}{SYNTH}",
                type=org_type,
                municipality=municipality,
                external_code=None,
                is_active=True,
                created_at=self.now,
                updated_at=self.now,
            )
        )
        return Org(
            id=org_id,
            type=org_type,
            framework_id=frameworks[SECTOR_BY_TYPE[org_type]],
            professionals=[],
            aandachtsfunctionarissen=[],
            municipality=municipality,
        )

    def _staff(self, org: Org, n_prof: int, n_af: int) -> None:
        """``n_prof`` professionals (lokaal team workers at a lokaal team), then
        ``n_af`` aandachtsfunctionarissen, each with one membership."""
        role = (
            Role.LOKAAL_TEAM_MEDEWERKER
            if org.type == OrganisationType.LOKAAL_TEAM
            else Role.PROFESSIONAL
        )
        for index in range(n_prof + n_af):
            is_af = index >= n_prof
            user_id = self._user()
            self.rows.add(
                MembershipRow(
                    user=user_id,
                    organisation=org.id,
                    role=Role.AANDACHTSFUNCTIONARIS if is_af else role,
                    is_active=True,
                    created_at=self.now,
                    updated_at=self.now,
                )
            )
            (org.aandachtsfunctionarissen if is_af else org.professionals).append(
                user_id
            )

    def _user(self) -> int:
        user_id = self.next_user
        self.next_user += 1
        rng = self.rng
        self.rows.add(
            UserRow(
                id=user_id,
                # From the id, as for organisations: the random stream unchanged.
                public_id=uuid.UUID(int=USER_UUID_BASE | user_id, version=4),
                email=f"user{user_id}@{EMAIL_DOMAIN}",
                full_name=f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}{SYNTH}",
                password=NO_LOGIN,
                is_active=True,
                date_joined=self.now,
                failed_login_count=0,
            )
        )
        return user_id
