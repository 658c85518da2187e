from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a person may do in one organisation. A user acts in one role at a time."""

    PROFESSIONAL = "professional", _("Professional")
    AANDACHTSFUNCTIONARIS = "aandachtsfunctionaris", _("Aandachtsfunctionaris")
    LOKAAL_TEAM_MEDEWERKER = "lokaal_team_medewerker", _("Lokaal team worker")
    GEMEENTE_ANALIST = "gemeente_analist", _("Municipal analyst")
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", _("Functioneel beheerder")
    # The meldplicht route (onderwijs, kinderopvang): receives an employee's report
    # about a colleague, consults the vertrouwensinspecteur and decides on aangifte.
    # Not a case role: no access to children's files.
    BEVOEGD_GEZAG = "bevoegd_gezag", _("Houder or bevoegd gezag")


ALL_ROLES: frozenset[Role] = frozenset(Role)
# Roles that work with the personal data of children and families.
CASE_ROLES: frozenset[Role] = frozenset(
    {Role.PROFESSIONAL, Role.AANDACHTSFUNCTIONARIS, Role.LOKAAL_TEAM_MEDEWERKER}
)
