from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from tqdm import tqdm

from kindveilig.organisations.importing import parse_register
from kindveilig.organisations.services import organisations_import


class Command(BaseCommand):
    help = (
        "Import organisations from a CSV file: Kindveilig's own format "
        "(external_code,name,type,municipality), DUO's school locations or the "
        "LRK export, comma- or semicolon-separated (docs/organisations.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the valid rows even when other rows are invalid.",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show a progress bar."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise CommandError(
                _("The file %(file)s cannot be read.") % {"file": path}
            ) from exc
        parsed = parse_register(raw)
        if parsed.header_error:
            raise CommandError(parsed.header_error)
        for error in parsed.errors:
            self.stderr.write(
                self.style.ERROR(
                    _("Line %(line)s: %(message)s.")
                    % {"line": error.line, "message": error.message}
                )
            )
        if parsed.errors and not options["skip_invalid"]:
            raise CommandError(
                _(
                    "%(count)s row(s) are invalid; nothing was imported. Fix them, "
                    "or use --skip-invalid to import only the valid rows."
                )
                % {"count": len(parsed.errors)}
            )
        show_progress = not options["no_progress"] and len(parsed.rows) > 0
        with tqdm(  # type: ignore[call-overload]  # OutputWrapper's raw stream
            total=len(parsed.rows),
            unit=_("rows"),
            disable=not show_progress,
            file=self.stderr._out,
        ) as bar:
            result = organisations_import(
                rows=parsed.rows,
                register=parsed.register,
                codes_in_file=parsed.codes_in_file,
                progress=bar.update,
            )
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Imported: %(created)s new, %(updated)s changed, "
                    "%(unchanged)s unchanged, %(skipped)s skipped."
                )
                % {
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                    "skipped": len(parsed.errors),
                }
            )
        )
        if result.deactivated or parsed.outside_region:
            self.stdout.write(
                _(
                    "Marked inactive (no longer in the register): %(deactivated)s; "
                    "rows outside the region: %(outside)s."
                )
                % {
                    "deactivated": result.deactivated,
                    "outside": parsed.outside_region,
                }
            )
