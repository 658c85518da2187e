import factory
from factory.django import DjangoModelFactory

from kindveilig.access.roles import Role
from kindveilig.accounts.models import EncryptedTOTPDevice, Membership, User
from kindveilig.organisations.tests.factories import OrganisationFactory

TEST_PASSWORD = "correct horse battery staple 42"


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = "accounts.User"
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@test.kindveilig.invalid")
    # Plain names: Dutch names like "van 't Hof" are HTML-escaped on pages, which
    # would make text assertions depend on the random name.
    full_name = factory.Sequence(lambda n: f"Medewerker {n} Testmans")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    class Params:
        with_totp_device = factory.Trait(
            totp=factory.RelatedFactory(
                "kindveilig.accounts.tests.factories.TOTPDeviceFactory", "user"
            )
        )

    @factory.post_generation  # type: ignore[untyped-decorator]  # factory_boy
    def save_password(
        self: User, create: bool, extracted: object, **kwargs: object
    ) -> None:
        if create:
            self.save()


class TOTPDeviceFactory(DjangoModelFactory[EncryptedTOTPDevice]):
    class Meta:
        model = EncryptedTOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "test"
    confirmed = True


class MembershipFactory(DjangoModelFactory[Membership]):
    class Meta:
        model = "accounts.Membership"

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.PROFESSIONAL
