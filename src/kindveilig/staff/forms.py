from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kindveilig.access.roles import Role
from kindveilig.accounts.forms import MembershipChoiceField
from kindveilig.accounts.models import Membership
from kindveilig.core.forms import KindveiligForm


class InviteForm(KindveiligForm):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The invitation link is sent to this address."),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        error_messages={"required": _("Choose a role.")},
    )


class MembershipAddForm(KindveiligForm):
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        error_messages={"required": _("Choose a role.")},
    )


class MembershipEndForm(KindveiligForm):
    membership = MembershipChoiceField(
        label=_("Role to end"),
        queryset=Membership.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose the role to end.")},
    )

    def __init__(
        self, *args: Any, memberships: QuerySet[Membership], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["membership"]
        assert isinstance(field, MembershipChoiceField)
        field.queryset = memberships


class StepUpForm(KindveiligForm):
    token = forms.CharField(
        label=_("Your own code"),
        max_length=16,
        help_text=_(
            "To confirm, enter the 6-digit code from your own authenticator app."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def clean_token(self) -> str:
        return str(self.cleaned_data["token"]).strip().replace(" ", "").lower()


class InvitationPasswordForm(KindveiligForm):
    password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        help_text=_("At least 12 characters. Not a password you use elsewhere."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Repeat the new password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            raise ValidationError(
                {"password2": _("The two passwords are not the same.")}
            )
        return data
