"""The Verwijsindex API's JSON shapes. A signal says that the actor is involved
with a child, never why; registering one answers what the page says, and
nothing about a match: matches reach both contacts as notices (``matches/``)."""

from typing import Any

from rest_framework import serializers

from kindveilig.api.pagination import page_serializer
from kindveilig.core.validators import (
    validate_birth_date,
    validate_bsn,
    validate_no_hidden_characters,
)
from kindveilig.verwijsindex.models import MatchNotice, Signal


class SignalSerializer(serializers.ModelSerializer[Signal]):
    child_given_name = serializers.CharField(source="person.given_name")
    child_family_name = serializers.CharField(source="person.family_name")
    child_date_of_birth = serializers.DateField(
        source="person.date_of_birth", allow_null=True
    )
    matchable = serializers.SerializerMethodField()

    class Meta:
        model = Signal
        fields = [
            "public_id",
            "child_given_name",
            "child_family_name",
            "child_date_of_birth",
            "matchable",
            "is_regie",
            "parents_informed",
            "contact_phone",
            "status",
            "active_until",
            "created_at",
        ]
        read_only_fields = fields

    def get_matchable(self, signal: Signal) -> bool:
        """False without a BSN: such a signal cannot be matched."""
        return bool(signal.bsn_index)


SignalPageSerializer = page_serializer(SignalSerializer, "SignalPage")


class SignalRegisteredSerializer(serializers.Serializer[Any]):
    signal = SignalSerializer()
    message = serializers.CharField(
        help_text="The page's own words; whether another organisation is "
        "involved is never part of this answer."
    )


class MatchNoticeSerializer(serializers.ModelSerializer[MatchNotice]):
    """As the matches page: the child from the actor's own record, who else is
    involved and how to reach them. Never what about."""

    own_signal = serializers.UUIDField(source="own_signal.public_id")
    child_given_name = serializers.CharField(source="own_signal.person.given_name")
    child_family_name = serializers.CharField(source="own_signal.person.family_name")
    other_contact_name = serializers.CharField(
        source="other_signal.contact_user.full_name"
    )
    other_contact_email = serializers.EmailField(
        source="other_signal.contact_user.email"
    )
    other_contact_phone = serializers.CharField(source="other_signal.contact_phone")
    other_is_regie = serializers.BooleanField(source="other_signal.is_regie")
    other_organisation_name = serializers.CharField(
        source="other_signal.organisation.name"
    )

    class Meta:
        model = MatchNotice
        fields = [
            "public_id",
            "own_signal",
            "child_given_name",
            "child_family_name",
            "other_contact_name",
            "other_contact_email",
            "other_contact_phone",
            "other_is_regie",
            "other_organisation_name",
            "created_at",
            "seen_at",
        ]
        read_only_fields = fields


MatchNoticePageSerializer = page_serializer(MatchNoticeSerializer, "MatchNoticePage")


class SignalInputSerializer(serializers.Serializer[dict[str, Any]]):
    """The page's form (``SignalForm``): the same fields and checks."""

    given_name = serializers.CharField(
        max_length=100, validators=[validate_no_hidden_characters]
    )
    family_name = serializers.CharField(
        max_length=150, validators=[validate_no_hidden_characters]
    )
    date_of_birth = serializers.DateField(
        required=False, allow_null=True, default=None, validators=[validate_birth_date]
    )
    bsn = serializers.CharField(
        max_length=9,
        validators=[validate_bsn],
        help_text="Signals are matched on the BSN only. Never returned.",
    )
    contact_phone = serializers.CharField(
        max_length=30, required=False, allow_blank=True, default=""
    )
    parents_informed = serializers.BooleanField(required=False, default=False)
