from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from kindveilig.access.roles import Role
from kindveilig.accounts.models import User
from kindveilig.accounts.selectors import memberships_for
from kindveilig.api.services import api_token_create


class Command(BaseCommand):
    help = (
        "Create an API token for a system. It acts as the user in one organisation "
        "and role (an active membership). The token is printed once and not stored."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--organisation-code", required=True, help="external code")
        parser.add_argument("--role", required=True, choices=[r.value for r in Role])
        parser.add_argument("--name", required=True, help="what the token is for")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(email=options["email"].strip().lower()).first()
        membership = (
            memberships_for(user=user)
            .filter(
                organisation__external_code=options["organisation_code"],
                role=options["role"],
            )
            .first()
            if user is not None and user.is_active
            else None
        )
        if membership is None:
            raise CommandError(
                _("No active user with this role in this organisation was found.")
            )
        try:
            api_token, token = api_token_create(
                membership=membership, name=options["name"]
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _("API token %(id)s created. It is shown only this once:")
                % {"id": api_token.pk}
            )
        )
        self.stdout.write(token)
