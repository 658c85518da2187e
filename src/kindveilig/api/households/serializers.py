"""The household API's JSON shapes: what the household pages show, to whom they
show it (``access.full`` for the reasons of a phase change and of closing, as
``household_detail.html``), and the input shapes of the services. Input
serializers check the shape only; the services give the Dutch refusals. A BSN
can be sent with a new member, never read back."""

from collections.abc import Mapping
from typing import Any

from rest_framework import serializers

from kindveilig.api.pagination import page_serializer
from kindveilig.core.validators import validate_birth_date, validate_planned_date
from kindveilig.households.models import (
    CasePartner,
    Handover,
    Household,
    HouseholdMember,
    ItemKind,
    MemberRole,
    Phase,
    PhaseChange,
    PlanItem,
    PlanVersion,
    SafetyCase,
)
from kindveilig.households.selectors import HouseholdAccess, PlanView


def text(**kwargs: Any) -> serializers.CharField:
    """Free text: optional and untrimmed here, checked by the service."""
    return serializers.CharField(
        required=False, allow_blank=True, default="", trim_whitespace=False, **kwargs
    )


def _full(context: Mapping[str, Any]) -> bool:
    access = context.get("access")
    return isinstance(access, HouseholdAccess) and access.full


# ---- Output -------------------------------------------------------------------


class CaseSerializer(serializers.ModelSerializer[SafetyCase]):
    regievoerder_name = serializers.CharField(source="regievoerder.full_name")
    responsible_organisation_name = serializers.CharField(
        source="responsible_organisation.name"
    )
    closing_reason = serializers.SerializerMethodField()

    class Meta:
        model = SafetyCase
        fields = [
            "public_id",
            "phase",
            "phase_since",
            "status",
            "version",
            "regievoerder_name",
            "responsible_organisation_name",
            "closed_at",
            "closing_reason",
        ]
        read_only_fields = fields

    def get_closing_reason(self, case: SafetyCase) -> str | None:
        """Only with regie or break-the-glass, as on the page."""
        return case.closing_reason if _full(self.context) else None


class HouseholdListSerializer(serializers.ModelSerializer[Household]):
    """One row of the list, from what household_page_for loads (no queries)."""

    level = serializers.ChoiceField(
        choices=["regie", "partner", "emergency"],
        read_only=True,
        help_text="The actor's relation to the household.",
    )
    case = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = Household
        fields = ["public_id", "label", "level", "case", "overdue", "created_at"]
        read_only_fields = fields

    def get_case(self, household: Household) -> dict[str, Any] | None:
        case = getattr(household, "current_case", None)
        if case is None:
            return None
        return {
            "public_id": str(case.public_id),
            "phase": case.phase,
            "status": case.status,
            "regievoerder_name": case.regievoerder.full_name,
        }

    def get_overdue(self, household: Household) -> int:
        """Overdue agreements; shown to the regie only, as on the page."""
        if getattr(household, "level", None) != "regie":
            return 0
        return int(getattr(household, "overdue", 0))


class MemberSerializer(serializers.ModelSerializer[HouseholdMember]):
    public_id = serializers.UUIDField(source="person.public_id")
    given_name = serializers.CharField(source="person.given_name")
    family_name = serializers.CharField(source="person.family_name")
    date_of_birth = serializers.DateField(
        source="person.date_of_birth", allow_null=True
    )
    gezag_holders = serializers.SerializerMethodField()

    class Meta:
        model = HouseholdMember
        fields = [
            "public_id",
            "given_name",
            "family_name",
            "date_of_birth",
            "role",
            "has_gezag",
            "gezag_holders",
            "joined_on",
            "left_on",
        ]
        read_only_fields = fields

    def get_gezag_holders(self, member: HouseholdMember) -> list[str]:
        """Who holds gezag over this member (names, from household_overview)."""
        return list(getattr(member, "gezag_holders", []))


class PartnerSerializer(serializers.ModelSerializer[CasePartner]):
    name = serializers.CharField(source="display_name")

    class Meta:
        model = CasePartner
        fields = [
            "public_id",
            "kind",
            "name",
            "contact_name",
            "contact_phone",
            "contact_email",
            "takes_on",
        ]
        read_only_fields = fields


class PhaseChangeSerializer(serializers.ModelSerializer[PhaseChange]):
    """The reason, the score and what the children said: only with regie or
    break-the-glass (``access.full``), as on the page."""

    from_phase = serializers.ChoiceField(
        choices=Phase.choices,
        allow_blank=True,
        read_only=True,
        help_text="Empty for the opening of the case.",
    )
    by_name = serializers.SerializerMethodField()
    reason = serializers.SerializerMethodField()
    safety_score = serializers.SerializerMethodField()
    children_said = serializers.SerializerMethodField()

    class Meta:
        model = PhaseChange
        fields = [
            "from_phase",
            "to_phase",
            "at",
            "by_name",
            "reason",
            "safety_score",
            "children_said",
        ]
        read_only_fields = fields

    def get_by_name(self, change: PhaseChange) -> str | None:
        return change.by.full_name if _full(self.context) and change.by else None

    def get_reason(self, change: PhaseChange) -> str | None:
        return change.reason if _full(self.context) else None

    def get_safety_score(self, change: PhaseChange) -> int | None:
        return change.safety_score if _full(self.context) else None

    def get_children_said(self, change: PhaseChange) -> str | None:
        return change.children_said if _full(self.context) else None


class HouseholdDetailSerializer(serializers.Serializer[dict[str, Any]]):
    """The overview page: the household, the actor's relation, the case and its
    phases, the current members (former ones apart), the chain partners."""

    public_id = serializers.UUIDField(source="household.public_id")
    label = serializers.CharField(source="household.label")  # type: ignore[assignment]  # DRF pops declared fields off the class
    level = serializers.CharField(source="access.level")
    can_edit = serializers.BooleanField(source="access.can_edit")
    case = CaseSerializer(source="access.case", allow_null=True)
    members = MemberSerializer(source="overview.members", many=True)
    former_members = MemberSerializer(source="overview.former", many=True)
    partners = PartnerSerializer(source="overview.partners", many=True)
    phase_changes = PhaseChangeSerializer(source="overview.phase_changes", many=True)
    plan_version = serializers.IntegerField(
        source="overview.plan.number", allow_null=True, default=None
    )
    pending_handover = serializers.UUIDField(
        source="overview.pending_handover.public_id", allow_null=True, default=None
    )


HouseholdPageSerializer = page_serializer(HouseholdListSerializer, "HouseholdPage")


class PlanItemSerializer(serializers.ModelSerializer[PlanItem]):
    partner = serializers.UUIDField(source="partner.public_id", allow_null=True)

    class Meta:
        model = PlanItem
        fields = [
            "public_id",
            "lineage",
            "kind",
            "what",
            "child_text",
            "who",
            "partner",
            "due_on",
            "how_checked",
            "set_by",
            "status",
            "evidence",
            "lock_version",
        ]
        read_only_fields = fields


class PlanVersionSerializer(serializers.ModelSerializer[PlanVersion]):
    created_by_name = serializers.CharField(source="created_by.full_name")

    class Meta:
        model = PlanVersion
        fields = ["number", "note", "created_at", "created_by_name"]
        read_only_fields = fields


class PlanSerializer(serializers.Serializer[PlanView]):
    """A version of the veiligheidsplan (the current one unless ``version`` is
    asked). A chain partner sees the safety conditions and its own agreements
    (``partial``)."""

    version = PlanVersionSerializer(allow_null=True)
    items = PlanItemSerializer(many=True)
    versions = serializers.SerializerMethodField()
    partial = serializers.BooleanField()  # type: ignore[assignment]  # DRF pops declared fields off the class

    def get_versions(self, plan: PlanView) -> list[int]:
        return [version.number for version in plan.versions]


class HandoverSerializer(serializers.ModelSerializer[Handover]):
    """What the receiver sees to decide (the note); content comes with accepting."""

    household = serializers.SerializerMethodField()
    trajectory = serializers.UUIDField(
        source="trajectory.public_id", allow_null=True, default=None
    )
    from_organisation = serializers.UUIDField(source="from_organisation.public_id")
    from_organisation_name = serializers.CharField(source="from_organisation.name")
    from_user_name = serializers.CharField(source="from_user.full_name")
    to_organisation = serializers.UUIDField(source="to_organisation.public_id")
    to_organisation_name = serializers.CharField(source="to_organisation.name")

    class Meta:
        model = Handover
        fields = [
            "public_id",
            "household",
            "trajectory",
            "from_organisation",
            "from_organisation_name",
            "from_user_name",
            "to_organisation",
            "to_organisation_name",
            "note",
            "status",
            "created_at",
            "decided_at",
        ]
        read_only_fields = fields

    def get_household(self, handover: Handover) -> str | None:
        return str(handover.case.household.public_id) if handover.case else None


class HandoverListsSerializer(serializers.Serializer[Any]):
    """Waiting handovers to and from the actor's organisation, and the actor's
    20 most recent decided ones (as the page: bounded lists, no pages)."""

    incoming = HandoverSerializer(many=True)
    outgoing = HandoverSerializer(many=True)
    recent = HandoverSerializer(many=True)


# ---- Input --------------------------------------------------------------------


class HouseholdCreateSerializer(serializers.Serializer[dict[str, Any]]):
    label = text(max_length=150, help_text="A name the team recognises.")  # type: ignore[assignment]  # DRF pops declared fields off the class


class MemberInputSerializer(serializers.Serializer[dict[str, Any]]):
    given_name = text(max_length=100)
    family_name = text(max_length=150)
    date_of_birth = serializers.DateField(
        required=False, allow_null=True, default=None, validators=[validate_birth_date]
    )
    bsn = text(max_length=9, help_text="Never returned.")
    role = serializers.ChoiceField(choices=MemberRole.choices)
    gezag_over = serializers.ListField(
        child=serializers.UUIDField(),
        required=False,
        default=list,
        help_text="The children (public_id) this person holds gezag over.",
    )


class MemberAddedSerializer(serializers.Serializer[Any]):
    """``member`` when added; ``review`` (its public_id) when Kindveilig may
    already know the person: the regievoerder checks it on the page."""

    member = MemberSerializer(allow_null=True)
    review = serializers.UUIDField(allow_null=True)
    linked_existing = serializers.BooleanField()
    message = serializers.CharField()


class PhaseChangeInputSerializer(serializers.Serializer[dict[str, Any]]):
    to_phase = serializers.ChoiceField(choices=Phase.choices)
    reason = text()
    safety_score = serializers.IntegerField(
        required=False, allow_null=True, default=None
    )
    children_said = text()
    expected_version = serializers.IntegerField(
        min_value=1,
        help_text="The case's `version` this change was based on; another version "
        "gives 409 Conflict.",
    )


class PlanItemInputSerializer(serializers.Serializer[dict[str, Any]]):
    kind = serializers.ChoiceField(choices=ItemKind.choices)
    what = text()
    who = text(max_length=200)
    due_on = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        validators=[validate_planned_date],
    )
    how_checked = text()
    child_text = text()
    set_by = text(max_length=200)
    partner = serializers.UUIDField(required=False, allow_null=True, default=None)
    lineage = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text="An item of the previous version that continues (keeps its "
        "status and evidence).",
    )


class PlanVersionInputSerializer(serializers.Serializer[dict[str, Any]]):
    based_on = serializers.IntegerField(
        min_value=0,
        help_text="The number of the version this one was based on (0 for the "
        "first); a newer version gives 409 Conflict.",
    )
    note = text(help_text="What changed (needed from the second version).")
    items = PlanItemInputSerializer(many=True)


class HandoverDecisionInputSerializer(serializers.Serializer[dict[str, Any]]):
    note = text(help_text="Needed when rejecting.")


class CaseCloseInputSerializer(serializers.Serializer[dict[str, Any]]):
    reason = text()
    expected_version = serializers.IntegerField(
        min_value=1,
        help_text="The case's `version` this was based on; another version gives "
        "409 Conflict.",
    )


class HandoverOfferInputSerializer(serializers.Serializer[dict[str, Any]]):
    to_organisation = serializers.UUIDField(
        help_text="The receiving organisation's `public_id` (as in a handover's "
        "`from_organisation` / `to_organisation`)."
    )
    note = text(help_text="What you hand over and what the receiver must know.")
