from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kindveilig.core.forms import KindveiligForm

from .models import Membership


class LoginForm(KindveiligForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class TokenForm(KindveiligForm):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_(
            "The 6-digit code from your authenticator app, or one of your recovery codes."
        ),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "text",
                "autofocus": True,
            }
        ),
    )

    def clean_token(self) -> str:
        return str(self.cleaned_data["token"]).strip().replace(" ", "").lower()


class EnrolForm(KindveiligForm):
    token = forms.CharField(
        label=_("Code from your app"),
        max_length=8,
        help_text=_("Enter the 6-digit code your authenticator app shows now."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
            }
        ),
    )


class MembershipChoiceField(forms.ModelChoiceField[Membership]):
    def label_from_instance(self, obj: Membership) -> str:
        return f"{obj.organisation.name} – {obj.get_role_display()}"


class ChooseOrganisationForm(KindveiligForm):
    membership = MembershipChoiceField(
        label=_("Organisation and role"),
        queryset=Membership.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose the organisation and role to work in.")},
    )

    def __init__(
        self, *args: Any, memberships: QuerySet[Membership], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["membership"]
        assert isinstance(field, MembershipChoiceField)
        field.queryset = memberships
