import factory
from factory.django import DjangoModelFactory

from kindveilig.core.crypto import blind_index
from kindveilig.organisations.tests.factories import OrganisationFactory
from kindveilig.persons.models import Person
from kindveilig.persons.services import person_index_names


class PersonFactory(DjangoModelFactory[Person]):
    class Meta:
        model = "persons.Person"
        skip_postgeneration_save = True

    given_name = factory.Sequence(lambda n: f"Kind{n}")
    family_name = factory.Sequence(lambda n: f"Proefgezin{n}")
    date_of_birth = factory.Faker("date_of_birth", minimum_age=2, maximum_age=17)
    bsn = factory.Faker("ssn", locale="nl_NL")
    bsn_index = factory.LazyAttribute(lambda person: blind_index(person.bsn))
    registered_by = factory.SubFactory(OrganisationFactory)

    @factory.post_generation  # type: ignore[untyped-decorator]  # factory_boy
    def index_names(
        self: Person, create: bool, extracted: object, **kwargs: object
    ) -> None:
        if create:
            person_index_names(self)
