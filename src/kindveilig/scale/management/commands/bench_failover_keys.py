import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from kindveilig.scale.failover import free_keys


class Command(BaseCommand):
    help = (
        "For make bench-ha: fictitious BSNs (9999 range) that no person or signal "
        "carries yet, the keys of the load generator's writes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, default=3000)
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        chosen_at = timezone.now()
        keys = free_keys(options["count"])
        if not keys:
            raise CommandError(_("No free fictitious BSN is left for the writes."))
        options["out"].write_text(
            json.dumps({"chosen_at": chosen_at.isoformat(), "keys": keys})
        )
        self.stdout.write(
            self.style.SUCCESS(
                _("%(count)s keys for the writes.") % {"count": len(keys)}
            )
        )
