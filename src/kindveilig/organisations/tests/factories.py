import factory
from factory.django import DjangoModelFactory

from kindveilig.organisations.models import (
    Municipality,
    Organisation,
    OrganisationType,
    Region,
)


def den_haag() -> Municipality:
    """The migration seeds it; transactional (browser) tests flush it, so recreate."""
    region, _ = Region.objects.get_or_create(
        code="haaglanden", defaults={"name": "Haaglanden"}
    )
    municipality, _ = Municipality.objects.get_or_create(
        cbs_code="GM0518", defaults={"name": "Den Haag", "region": region}
    )
    return municipality


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = "organisations.Organisation"

    name = factory.Sequence(lambda n: f"Testschool {n} (test)")
    type = OrganisationType.PRIMARY_SCHOOL
    municipality = factory.LazyFunction(den_haag)
    external_code = factory.Sequence(lambda n: f"TEST{n:05d}")
