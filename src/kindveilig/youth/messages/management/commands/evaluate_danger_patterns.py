from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from kindveilig.youth.messages.evaluation import (
    evaluate,
    figures_section,
    figures_table,
    gate_failures,
    heldout_section,
    replace_figures,
    replace_heldout_figures,
    seeded_patterns,
)

DOCUMENT = Path(settings.BASE_DIR) / "docs" / "youth-messages.md"


class Command(BaseCommand):
    help = (
        "Measure the shared danger patterns against the corpus and the held-out "
        "corpus: recall and precision per category and language, written into "
        "docs/youth-messages.md. Only the corpus is held to the bar."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; fail when the document is out of date.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        patterns = seeded_patterns()
        results = evaluate(patterns)
        heldout = evaluate(patterns, heldout=True)
        self.stdout.write(figures_table(results))
        self.stdout.write("")
        self.stdout.write("held-out (reported, not gating):")
        self.stdout.write(figures_table(heldout))
        document = DOCUMENT.read_text(encoding="utf-8")
        updated = replace_figures(document, figures_section(results))
        updated = replace_heldout_figures(updated, heldout_section(heldout))
        if options["check"]:
            if updated != document:
                raise CommandError(
                    _("The figures in %(path)s are out of date.")
                    % {"path": DOCUMENT.name}
                )
        elif updated != document:
            DOCUMENT.write_text(updated, encoding="utf-8")
            self.stdout.write(_("Updated %(path)s.") % {"path": DOCUMENT.name})
        for failure in gate_failures(results):
            self.stdout.write(self.style.ERROR(failure))
