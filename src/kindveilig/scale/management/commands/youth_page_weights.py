import dataclasses
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from kindveilig.scale.youth_weights import MAX_BYTES, measure_youth_pages


class Command(BaseCommand):
    help = (
        "Weigh every children's page in every language (HTML, CSS and script), "
        "in a transaction that is rolled back."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        weights = measure_youth_pages()
        options["out"].write_text(
            json.dumps([dataclasses.asdict(weight) for weight in weights])
        )
        over = [w for w in weights if w.total >= MAX_BYTES]
        self.stdout.write(
            _("Weighed %(count)s pages; %(over)s over the budget.")
            % {"count": len(weights), "over": len(over)}
        )
