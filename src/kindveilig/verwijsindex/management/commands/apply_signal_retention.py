from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kindveilig.verwijsindex.services import signals_apply_retention


class Command(BaseCommand):
    help = (
        "Archive signals past their active period and delete archived signals past "
        "their archive period (Verwijsindex retention). Run daily."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = signals_apply_retention()
        self.stdout.write(
            self.style.SUCCESS(
                _("Archived %(archived)s and deleted %(deleted)s signals.")
                % {"archived": result.archived, "deleted": result.deleted}
            )
        )
