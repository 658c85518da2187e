from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from kindveilig.api.models import ApiToken
from kindveilig.api.services import api_token_revoke


class Command(BaseCommand):
    help = "Revoke an API token by its number (printed when it was created)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--id", type=int, required=True, dest="token_id")

    def handle(self, *args: Any, **options: Any) -> None:
        api_token = ApiToken.objects.filter(pk=options["token_id"]).first()
        if api_token is None:
            raise CommandError(_("No API token has this number."))
        api_token_revoke(api_token=api_token)
        self.stdout.write(self.style.SUCCESS(_("API token revoked.")))
