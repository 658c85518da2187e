from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kindveilig.core.forms import KindveiligForm
from kindveilig.organisations.models import Municipality, OrganisationType

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class OrganisationForm(KindveiligForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    type = forms.ChoiceField(label=_("Type"), choices=OrganisationType.choices)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.none()
    )
    external_code = forms.CharField(
        label=_("External code"),
        max_length=32,
        required=False,
        help_text=_("BRIN number, LRK number or KvK number."),
    )
    address = forms.CharField(label=_("Address"), max_length=200, required=False)

    def __init__(
        self,
        data: Any = None,
        *,
        municipalities: QuerySet[Municipality],
        initial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(data, initial=initial)
        field = self.fields["municipality"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = municipalities


class ImportUploadForm(KindveiligForm):
    file = forms.FileField(
        label=_("Register file (CSV)"),
        help_text=_(
            "DUO's school locations, the LRK export or Kindveilig's own format; "
            "comma- or semicolon-separated, UTF-8 or Windows-1252."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB.")
                % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        return upload
