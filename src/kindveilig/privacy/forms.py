from django import forms
from django.utils.translation import gettext_lazy as _

from kindveilig.core.forms import KindveiligForm


class InzageForm(KindveiligForm):
    reason = forms.CharField(
        label=_("Reason for the export"),
        min_length=10,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: request of the person (AVG art. 15) of 3 March."),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("pdf", "PDF"), ("json", "JSON")],
        initial="pdf",
    )
