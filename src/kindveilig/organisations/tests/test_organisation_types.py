"""Every organisation type has a sector; adult services and physicians are known."""

from django.utils.translation import gettext

from kindveilig.organisations.models import (
    ADULT_SERVICE_TYPES,
    PHYSICIAN_TYPES,
    SECTOR_BY_TYPE,
    OrganisationType,
    Sector,
)


def test_every_organisation_type_has_a_sector() -> None:
    assert set(SECTOR_BY_TYPE) == set(OrganisationType.values)


def test_adult_services_fall_in_health_care_or_the_social_domain() -> None:
    assert SECTOR_BY_TYPE[OrganisationType.GGZ] == Sector.ZORG
    assert SECTOR_BY_TYPE[OrganisationType.VERSLAVINGSZORG] == Sector.ZORG
    assert SECTOR_BY_TYPE[OrganisationType.ZIEKENHUIS] == Sector.ZORG
    assert (
        SECTOR_BY_TYPE[OrganisationType.MAATSCHAPPELIJKE_OPVANG]
        == Sector.SOCIAAL_DOMEIN
    )
    assert SECTOR_BY_TYPE[OrganisationType.SCHULDHULPVERLENING] == Sector.SOCIAAL_DOMEIN


def test_the_adult_services_and_the_physicians() -> None:
    assert {
        OrganisationType.GGZ,
        OrganisationType.VERSLAVINGSZORG,
        OrganisationType.MAATSCHAPPELIJKE_OPVANG,
        OrganisationType.SCHULDHULPVERLENING,
        OrganisationType.ZIEKENHUIS,
        OrganisationType.HUISARTS,
    } == ADULT_SERVICE_TYPES
    assert {OrganisationType.HUISARTS, OrganisationType.ZIEKENHUIS} == PHYSICIAN_TYPES
    assert PHYSICIAN_TYPES <= ADULT_SERVICE_TYPES


def test_the_new_types_have_dutch_labels() -> None:
    # The autouse fixture activates Dutch.
    assert str(OrganisationType.MAATSCHAPPELIJKE_OPVANG.label) == gettext(
        "Maatschappelijke opvang (shelter)"
    )
    assert str(OrganisationType.GGZ.label) == "GGZ"
