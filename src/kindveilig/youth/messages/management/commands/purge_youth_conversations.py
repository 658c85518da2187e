from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kindveilig.youth.messages.services import conversations_purge, retention_days


class Command(BaseCommand):
    help = (
        "Delete Praat erover conversations without activity for "
        "KINDVEILIG_YOUTH_MESSAGE_RETENTION_DAYS days (default 60)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Override the retention period for this run.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"] if options["days"] is not None else retention_days()
        if days < 1:
            raise CommandError(_("The number of days must be at least 1."))
        deleted = conversations_purge(days=days)
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "Deleted %(count)s conversation without activity for %(days)s "
                    "days.",
                    "Deleted %(count)s conversations without activity for %(days)s "
                    "days.",
                    deleted,
                )
                % {"count": deleted, "days": days}
            )
        )
