from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from kindveilig.organisations.models import Sector


class AfwegingskaderVersion(models.Model):
    """One sector's wording of the five questions, versioned.

    ``questions`` holds a list of five dicts: ``number``, ``label`` (short),
    ``text`` (the question) and ``guidance``, each text as {"nl": …, "en": …}.
    The decision logic is the same for every sector (see afwegingskader.py).
    """

    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    version = models.CharField(_("version"), max_length=20)
    valid_from = models.DateField(_("valid from"))
    voluntary = models.BooleanField(
        _("voluntary"),
        default=False,
        help_text=_("Sport and culture clubs fall outside the Wet meldcode."),
    )
    questions = models.JSONField(_("questions"))

    class Meta:
        verbose_name = _("afwegingskader version")
        verbose_name_plural = _("afwegingskader versions")
        ordering = ["sector", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["sector", "version"], name="unique_framework_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_sector_display()} {self.version}"

    def question(self, number: int) -> dict[str, Any]:
        for question in self.questions:
            if question["number"] == number:
                assert isinstance(question, dict)
                return question
        raise KeyError(number)
