"""The dashboard's filters: a GET form, so every view is a URL."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from kindveilig.organisations.models import Municipality, Sector

from .models import PeriodKind

__all__ = ["DashboardFilter", "period_label"]


def period_label(kind: str, start: dt.date) -> str:
    if kind == PeriodKind.YEAR:
        return f"{start:%Y}"
    if kind == PeriodKind.QUARTER:
        return f"{start:%Y} Q{(start.month - 1) // 3 + 1}"
    return f"{start:%Y-%m}"


class DashboardFilter(forms.Form):
    periode = forms.ChoiceField(label=_("Period"), required=False)
    gemeente = forms.ChoiceField(label=_("Municipality"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)

    def __init__(
        self,
        data: object,
        *,
        periods: list[tuple[str, dt.date]],
        municipalities: list[Municipality],
    ) -> None:
        super().__init__(data)  # type: ignore[arg-type]  # a QueryDict or None
        periode, gemeente, sector = (
            self.fields["periode"],
            self.fields["gemeente"],
            self.fields["sector"],
        )
        assert isinstance(periode, forms.ChoiceField)
        assert isinstance(gemeente, forms.ChoiceField)
        assert isinstance(sector, forms.ChoiceField)
        periode.choices = [
            (f"{kind}:{start:%Y-%m}", period_label(kind, start))
            for kind, start in periods
        ]
        gemeente.choices = [
            ("", _("The whole region")),
            *((str(m.pk), m.name) for m in municipalities),
        ]
        sector.choices = [("", _("All sectors")), *Sector.choices]

    def period(self) -> tuple[str, dt.date] | None:
        raw = self.cleaned_data.get("periode") or ""
        if ":" not in raw:
            return None
        kind, month = raw.split(":", 1)
        year, number = month.split("-")
        return kind, dt.date(int(year), int(number), 1)
