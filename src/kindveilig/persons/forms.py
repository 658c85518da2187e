from django import forms
from django.utils.translation import gettext_lazy as _

from kindveilig.core.forms import KindveiligForm


class PersonSearchForm(KindveiligForm):
    q = forms.CharField(
        label=_("Search by name or BSN"),
        max_length=100,
        help_text=_("Part of the given or family name, or the full BSN."),
        error_messages={"required": _("Type a name or a BSN.")},
    )

    def clean_q(self) -> str:
        value = " ".join(str(self.cleaned_data["q"]).split())
        if len(value) < 2:
            raise forms.ValidationError(_("Type at least two characters."))
        return value
