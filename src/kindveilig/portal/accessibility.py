"""The accessibility statement's facts: the status and the automated results.

The statement follows the Dutch government's model (digitoegankelijk.nl): a
compliance status A-E, the research behind it, known problems, and where to
report one. Kindveilig cannot claim a status for an installation: a status A
or B needs a WCAG-EM audit of that installation by people. What the software
brings is the automated part: the browser tests run axe-core (WCAG 2.2 AA rules)
on the children's pages in every language and on the main professional pages;
``make accessibility-results`` records what they found in
``accessibility_results.json``, and the statement shows it page by page.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

__all__ = ["STATUSES", "AxePage", "AxeResults", "axe_results", "status"]

RESULTS_FILE = Path(__file__).with_name("accessibility_results.json")

# The compliance statuses of digitoegankelijk.nl, in short.
STATUSES = {
    "A": _("A - fully compliant"),
    "B": _("B - partially compliant"),
    "C": _("C - first measures taken"),
    "D": _("D - first measures not yet taken"),
    "E": _("E - no statement"),
}


@dataclass(frozen=True)
class AxePage:
    path: str
    language: str
    passed_rules: int
    violations: int


@dataclass(frozen=True)
class AxeResults:
    tested_on: str
    standard: str
    pages: tuple[AxePage, ...]

    @property
    def violations(self) -> int:
        return sum(page.violations for page in self.pages)


def axe_results(path: Path = RESULTS_FILE) -> AxeResults | None:
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return AxeResults(
        tested_on=data["tested_on"],
        standard=data["standard"],
        pages=tuple(
            AxePage(
                path=row["path"],
                language=row["language"],
                passed_rules=row["passed_rules"],
                violations=row["violations"],
            )
            for row in data["pages"]
        ),
    )


def status() -> tuple[str, str]:
    code = str(settings.KINDVEILIG_ACCESSIBILITY_STATUS).upper()
    if code not in STATUSES:
        code = "C"
    return code, str(STATUSES[code])
