from getpass import getpass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from kindveilig.access.roles import Role
from kindveilig.accounts.services import membership_add, user_create
from kindveilig.organisations.models import Organisation


class Command(BaseCommand):
    help = (
        "Create a user with a role in an organisation (e.g. the first functioneel "
        "beheerder). The password is asked for; two-factor set-up follows at first login."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", required=True)
        parser.add_argument("--organisation-code", required=True, help="external code")
        parser.add_argument("--role", required=True, choices=[r.value for r in Role])

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(
            external_code=options["organisation_code"]
        ).first()
        if organisation is None:
            raise CommandError(_("No organisation has this external code."))
        password = getpass(_("Password: "))
        try:
            user = user_create(
                email=options["email"], full_name=options["name"], password=password
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        membership_add(user=user, organisation=organisation, role=Role(options["role"]))
        self.stdout.write(self.style.SUCCESS(_("User created.")))
