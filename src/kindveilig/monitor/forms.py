"""The dashboard's filters: a GET form, so every view is a URL."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from kindveilig.core.forms import KindveiligForm
from kindveilig.organisations.models import Municipality, Sector

from .models import PeriodKind

__all__ = ["DashboardFilter", "LetterRequestForm", "LetterTextsForm", "period_label"]


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


class LetterRequestForm(KindveiligForm):
    """Ask for a raadsinformatiebrief: a published period and a municipality of
    the region (or the whole region)."""

    periode = forms.ChoiceField(label=_("Period"))
    gemeente = forms.ChoiceField(label=_("Municipality"), required=False)

    def __init__(
        self,
        data: object = None,
        *,
        periods: list[tuple[str, dt.date]],
        municipalities: list[Municipality],
    ) -> None:
        super().__init__(data)  # type: ignore[arg-type]  # a QueryDict or None
        self.municipalities = {str(m.pk): m for m in municipalities}
        periode, gemeente = self.fields["periode"], self.fields["gemeente"]
        assert isinstance(periode, forms.ChoiceField)
        assert isinstance(gemeente, forms.ChoiceField)
        periode.choices = [
            (f"{kind}:{start:%Y-%m}", period_label(kind, start))
            for kind, start in periods
        ]
        gemeente.choices = [
            ("", _("The whole region")),
            *((key, m.name) for key, m in self.municipalities.items()),
        ]

    def period(self) -> tuple[str, dt.date]:
        kind, month = self.cleaned_data["periode"].split(":", 1)
        year, number = month.split("-")
        return kind, dt.date(int(year), int(number), 1)

    def municipality(self) -> Municipality | None:
        return self.municipalities.get(self.cleaned_data.get("gemeente") or "")


class LetterTextsForm(KindveiligForm):
    introduction = forms.CharField(
        label=_("Introduction"), widget=forms.Textarea, max_length=4000
    )
    context = forms.CharField(
        label=_("Context"),
        widget=forms.Textarea,
        max_length=4000,
        help_text=_("Shown after the key figures."),
    )
    next_steps = forms.CharField(
        label=_("Next steps"), widget=forms.Textarea, max_length=4000
    )
