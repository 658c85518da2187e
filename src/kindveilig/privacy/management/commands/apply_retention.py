from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from kindveilig.privacy.services import DEFAULT_BATCH_SIZE, retention_apply


class Command(BaseCommand):
    help = (
        "Delete the records whose retention term has passed, per kind of record, "
        "except those under a legal hold (docs/retention.md). Run daily."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what is due without deleting anything.",
        )
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError(_("The batch size must be at least 1."))
        run = retention_apply(
            dry_run=options["dry_run"], batch_size=options["batch_size"]
        )
        heading = (
            _("Dry run: due for deletion per kind of record")
            if run.dry_run
            else _("Deleted per kind of record")
        )
        self.stdout.write(heading)
        for key, count in run.counts.items():
            self.stdout.write(f"  {key}: {count}")
        self.stdout.write(self.style.SUCCESS(_("Retention run finished.")))
