"""The demo kindchecks of GGZ De Duinroos: one without children, one without a
worry, and one with a worry and the meldcode trajectory it started, built
through the real services. All of it is fictitious."""

import datetime as dt

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership
from kindveilig.meldcode.models import Kindcheck, KindcheckMoment
from kindveilig.meldcode.models.choices import FormOfViolence, Origin, Relation
from kindveilig.meldcode.services.kindcheck import (
    KindcheckInput,
    kindcheck_record,
    kindcheck_trajectory_start,
)
from kindveilig.meldcode.services.trajectories import (
    ChildInput,
    InvolvedInput,
    StartInput,
)
from kindveilig.organisations.models import Organisation

DEMO_DOMAIN = "demo.kindveilig.invalid"
GGZ = "DEMO-GGZ-01"

WORRY_NOTES = (
    "Cliënt (demo) heeft een ernstige depressie en ligt overdag veel op bed. "
    "De oudste zorgt vaak voor de jongste; school meldt dat hij moe is."
)


def _ggz_professional(organisation: Organisation) -> Actor:
    membership = Membership.objects.select_related("user", "organisation").get(
        user__email=f"ggz@{DEMO_DOMAIN}",
        organisation=organisation,
        role=Role.PROFESSIONAL,
    )
    return Actor(user=membership.user, membership=membership)


def ensure_kindchecks(organisations: dict[str, Organisation]) -> int:
    """Idempotent: an organisation with kindchecks is left alone. Returns the
    number of kindchecks created."""
    organisation = organisations[GGZ]
    if Kindcheck.objects.filter(organisation=organisation).exists():
        return 0
    actor = _ggz_professional(organisation)
    kindcheck_record(
        actor=actor,
        data=KindcheckInput(moment=KindcheckMoment.INTAKE, client_has_children=False),
    )
    kindcheck_record(
        actor=actor,
        data=KindcheckInput(
            moment=KindcheckMoment.EVALUATION,
            client_has_children=True,
            number_of_children=1,
            children_ages="15",
            care_shared=True,
            notes="Zoon (demo) woont bij de andere ouder; contact gaat goed.",
        ),
    )
    worry = kindcheck_record(
        actor=actor,
        data=KindcheckInput(
            moment=KindcheckMoment.INTAKE,
            client_has_children=True,
            number_of_children=2,
            children_ages="6 en 11",
            worry=True,
            notes=WORRY_NOTES,
        ),
    )
    kindcheck_trajectory_start(
        actor=actor,
        kindcheck=worry,
        data=StartInput(
            origin=Origin.KINDCHECK,
            worry="De kinderen (demo) krijgen thuis te weinig zorg en toezicht.",
            forms_of_violence=[FormOfViolence.NEGLECT_PHYSICAL],
            children=[
                ChildInput(
                    given_name="Oefen (demo)",
                    family_name="Proefhuis",
                    date_of_birth=dt.date(2020, 4, 2),
                ),
                ChildInput(
                    given_name="Pseudo (demo)",
                    family_name="Proefhuis",
                    date_of_birth=dt.date(2015, 1, 20),
                ),
            ],
            involved=[
                InvolvedInput(
                    given_name="Cliënt (ouder, demo)",
                    family_name="Proefhuis",
                    relation=Relation.MOTHER,
                    has_gezag=True,
                )
            ],
        ),
    )
    return 3
