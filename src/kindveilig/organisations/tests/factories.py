import factory
from factory.django import DjangoModelFactory

from kindveilig.organisations.models import Municipality, Organisation, OrganisationType


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = "organisations.Organisation"

    name = factory.Sequence(lambda n: f"Testschool {n} (test)")
    type = OrganisationType.PRIMARY_SCHOOL
    municipality = factory.LazyFunction(
        lambda: Municipality.objects.get(name="Den Haag")
    )
    external_code = factory.Sequence(lambda n: f"TEST{n:05d}")
