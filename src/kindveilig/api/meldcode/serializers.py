"""The API's JSON shapes.

Input serializers check the shape only (types, choices, dates); every rule with a
Dutch message lives in the meldcode services, so free-text fields are optional
here and an empty one reaches the service, which says what is missing — the same
refusal the page gives. Output serializers are read-only and never show a BSN.
"""

import datetime as dt
from typing import Any

from django.utils import timezone

from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from kindveilig.api.pagination import page_serializer
from kindveilig.core.validators import (
    validate_birth_date,
    validate_event_date,
    validate_planned_date,
)
from kindveilig.meldcode import afwegingskader
from kindveilig.meldcode.models import (
    AfwegingAnswer,
    Attachment,
    BodyMark,
    Consultation,
    Conversation,
    ConversationSkip,
    Decision,
    InvolvedPerson,
    Melding,
    Observation,
    Trajectory,
    TrajectoryChild,
    TrajectoryEvent,
    VeiligThuisFeedback,
)
from kindveilig.meldcode.models.choices import (
    HAND_STARTED_ORIGINS,
    AnswerChoice,
    BodyRegion,
    BodySide,
    ConsultedParty,
    ConversationWith,
    FeedbackKind,
    FormOfViolence,
    HandoverChannel,
    OpenMeldenException,
    Origin,
    Outcome,
    Relation,
    SkipReason,
    Source,
    Status,
    Step,
)
from kindveilig.meldcode.selectors import ChronologyItem
from kindveilig.meldcode.services import weighing
from kindveilig.meldcode.services.trajectories import step_gate


def text(**kwargs: Any) -> serializers.CharField:
    """Free text: optional and untrimmed here, checked by the service."""
    return serializers.CharField(
        required=False, allow_blank=True, default="", trim_whitespace=False, **kwargs
    )


def expected_version() -> serializers.IntegerField:
    return serializers.IntegerField(
        min_value=1,
        help_text="The trajectory's `version` this change was based on; "
        "another version gives 409 Conflict.",
    )


# ---- Output: trajectories --------------------------------------------------


class ChildSerializer(serializers.ModelSerializer[TrajectoryChild]):
    public_id = serializers.UUIDField(source="person.public_id", read_only=True)
    given_name = serializers.CharField(source="person.given_name", read_only=True)
    family_name = serializers.CharField(source="person.family_name", read_only=True)
    date_of_birth = serializers.DateField(
        source="person.date_of_birth", read_only=True, allow_null=True
    )

    class Meta:
        model = TrajectoryChild
        fields = ["public_id", "given_name", "family_name", "date_of_birth"]
        read_only_fields = fields


INVOLVED_COLUMNS = (
    "trajectory",
    "relation",
    "has_gezag",
    "person",
    "person__public_id",
    "person__given_name",
    "person__family_name",
    "child",
    "child__public_id",
)


class InvolvedSerializer(serializers.ModelSerializer[InvolvedPerson]):
    public_id = serializers.UUIDField(source="person.public_id", read_only=True)
    given_name = serializers.CharField(source="person.given_name", read_only=True)
    family_name = serializers.CharField(source="person.family_name", read_only=True)
    child = serializers.UUIDField(source="child.public_id", read_only=True)

    class Meta:
        model = InvolvedPerson
        fields = [
            "public_id",
            "given_name",
            "family_name",
            "relation",
            "has_gezag",
            "child",
        ]
        read_only_fields = fields


class AdviceSerializer(serializers.Serializer[afwegingskader.Advice]):
    outcome = serializers.ChoiceField(
        choices=[o.value for o in afwegingskader.Outcome], read_only=True
    )
    question = serializers.IntegerField(read_only=True, allow_null=True)
    together_with_veilig_thuis = serializers.BooleanField(read_only=True)
    melden = serializers.BooleanField(read_only=True)


class TrajectoryListSerializer(serializers.ModelSerializer[Trajectory]):
    """One row of the list: no queries beyond what trajectory_page_for loads."""

    owner_name = serializers.CharField(source="owner.full_name", read_only=True)
    children = ChildSerializer(many=True, read_only=True)

    class Meta:
        model = Trajectory
        fields = [
            "public_id",
            "origin",
            "step",
            "status",
            "is_acute",
            "version",
            "owner_name",
            "children",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def to_representation(self, instance: Trajectory) -> dict[str, Any]:
        """The same dict as DRF's generic walk over the fields (a test holds
        them equal), written out: the walk cost about 9 ms of a page of 50
        (docs/decisions.md, "The API list: rows written out, nothing unshown")."""
        zone = timezone.get_current_timezone()
        return {
            "public_id": str(instance.public_id),
            "origin": instance.origin,
            "step": instance.step,
            "status": instance.status,
            "is_acute": instance.is_acute,
            "version": instance.version,
            "owner_name": instance.owner.full_name,
            "children": [_child(link) for link in instance.children.all()],
            "created_at": _datetime(instance.created_at, zone),
            "updated_at": _datetime(instance.updated_at, zone),
        }


def _datetime(value: dt.datetime, zone: dt.tzinfo) -> str:
    """``DateTimeField``'s ISO 8601 text: in the current time zone, UTC as "Z"."""
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _child(link: TrajectoryChild) -> dict[str, Any]:
    """``ChildSerializer``'s dict, written out."""
    person = link.person
    born = person.date_of_birth
    return {
        "public_id": str(person.public_id),
        "given_name": person.given_name,
        "family_name": person.family_name,
        "date_of_birth": born.isoformat() if born is not None else None,
    }


TrajectoryPageSerializer = page_serializer(TrajectoryListSerializer, "TrajectoryPage")


class DecisionSerializer(serializers.ModelSerializer[Decision]):
    created_by_name = serializers.CharField(source="created_by.full_name")
    cosigned_by_name = serializers.CharField(
        source="cosigned_by.full_name", allow_null=True, default=None
    )

    class Meta:
        model = Decision
        fields = [
            "public_id",
            "created_at",
            "created_by_name",
            "melden",
            "melden_rationale",
            "help_possible",
            "help_rationale",
            "help_plan",
            "round",
            "evaluate_on",
            "advice",
            "is_deviation",
            "deviation_justification",
            "acute",
            "cosign_status",
            "cosigned_by_name",
            "cosigned_at",
            "cosign_comment",
        ]
        read_only_fields = fields


class TrajectoryDetailSerializer(serializers.ModelSerializer[Trajectory]):
    organisation_name = serializers.CharField(
        source="organisation.name", read_only=True
    )
    owner_name = serializers.CharField(source="owner.full_name", read_only=True)
    aandachtsfunctionaris_name = serializers.CharField(
        source="aandachtsfunctionaris.full_name",
        read_only=True,
        allow_null=True,
        default=None,
    )
    framework = serializers.CharField(read_only=True)
    forms_of_violence = serializers.ListField(
        child=serializers.ChoiceField(choices=FormOfViolence.choices), read_only=True
    )
    # Empty while the trajectory is open: the schema must say so (found by the
    # Schemathesis test, tests/security/test_api_schema_fuzz.py).
    outcome = serializers.ChoiceField(
        choices=Outcome.choices, allow_blank=True, read_only=True
    )
    children = ChildSerializer(many=True, read_only=True)
    involved = serializers.SerializerMethodField()
    decisions = serializers.SerializerMethodField()
    advice = serializers.SerializerMethodField()
    next_step_missing = serializers.SerializerMethodField(
        help_text="What is missing before the next step (empty when it may be taken)."
    )

    class Meta:
        model = Trajectory
        fields = [
            "public_id",
            "organisation_name",
            "owner_name",
            "aandachtsfunctionaris_name",
            "framework",
            "origin",
            "forms_of_violence",
            "worry",
            "kindcheck_notes",
            "step",
            "step_started_at",
            "status",
            "is_acute",
            "acute_at",
            "outcome",
            "closing_agreements",
            "closed_at",
            "version",
            "created_at",
            "updated_at",
            "children",
            "involved",
            "decisions",
            "advice",
            "next_step_missing",
        ]
        read_only_fields = fields

    @extend_schema_field(InvolvedSerializer(many=True))
    def get_involved(self, trajectory: Trajectory) -> Any:
        # Only the columns shown: the rest of both persons (a child's name, date
        # of birth, BSN) would be decrypted for nothing.
        involved = (
            trajectory.involved.select_related("person", "child")
            .only(*INVOLVED_COLUMNS)
            .order_by("pk")
        )
        return InvolvedSerializer(involved, many=True).data

    @extend_schema_field(DecisionSerializer(many=True))
    def get_decisions(self, trajectory: Trajectory) -> Any:
        decisions = trajectory.decisions.select_related("created_by", "cosigned_by")
        return DecisionSerializer(decisions, many=True).data

    @extend_schema_field(AdviceSerializer)
    def get_advice(self, trajectory: Trajectory) -> Any:
        """The afwegingskader's advice on the answers in force."""
        advice = afwegingskader.advise(weighing.current_answers(trajectory))
        return AdviceSerializer(advice).data

    def get_next_step_missing(self, trajectory: Trajectory) -> list[str]:
        if trajectory.status == Status.CLOSED or trajectory.step >= Step.BESLISSEN:
            return []
        return step_gate(trajectory, Step(trajectory.step + 1))


# ---- Output: the entries of the steps ---------------------------------------


class EntrySerializer[M: Any](serializers.ModelSerializer[M]):
    created_by_name = serializers.CharField(source="created_by.full_name")

    ENTRY_FIELDS = ["public_id", "created_at", "created_by_name"]


class BodyMarkSerializer(serializers.ModelSerializer[BodyMark]):
    class Meta:
        model = BodyMark
        fields = ["side", "region", "description"]
        read_only_fields = fields


class ObservationSerializer(EntrySerializer[Observation]):
    marks = BodyMarkSerializer(many=True, read_only=True)

    class Meta:
        model = Observation
        fields = [
            *EntrySerializer.ENTRY_FIELDS,
            "observed_on",
            "observed_by",
            "source",
            "source_name",
            "facts",
            "interpretation",
            "interpretation_by",
            "child_quote",
            "marks",
        ]
        read_only_fields = fields


class AttachmentSerializer(EntrySerializer[Attachment]):
    class Meta:
        model = Attachment
        fields = [
            *EntrySerializer.ENTRY_FIELDS,
            "file_name",
            "content_type",
            "size",
            "sha256",
        ]
        read_only_fields = fields


class ConsultationSerializer(EntrySerializer[Consultation]):
    class Meta:
        model = Consultation
        fields = [
            *EntrySerializer.ENTRY_FIELDS,
            "party",
            "consulted_name",
            "consulted_on",
            "anonymous",
            "question",
            "advice",
            "agreed_actions",
        ]
        read_only_fields = fields


class ConversationSerializer(EntrySerializer[Conversation]):
    child = serializers.UUIDField(
        source="child.public_id", allow_null=True, default=None
    )

    class Meta:
        model = Conversation
        fields = [
            *EntrySerializer.ENTRY_FIELDS,
            "with_whom",
            "child",
            "held_on",
            "preparation",
            "what_was_said",
            "reaction",
            "agreements",
            "child_words",
            "child_wishes",
            "child_wellbeing",
            "child_told_next_steps",
        ]
        read_only_fields = fields


class ConversationSkipSerializer(EntrySerializer[ConversationSkip]):
    child = serializers.UUIDField(
        source="child.public_id", allow_null=True, default=None
    )

    class Meta:
        model = ConversationSkip
        fields = [
            *EntrySerializer.ENTRY_FIELDS,
            "with_whom",
            "child",
            "reason",
            "explanation",
        ]
        read_only_fields = fields


class AfwegingAnswerSerializer(EntrySerializer[AfwegingAnswer]):
    class Meta:
        model = AfwegingAnswer
        fields = [
            *EntrySerializer.ENTRY_FIELDS,
            "question",
            "answer",
            "rationale",
            "with_veilig_thuis",
        ]
        read_only_fields = fields


class MeldingSerializer(EntrySerializer[Melding]):
    decision = serializers.UUIDField(source="decision.public_id")

    class Meta:
        model = Melding
        fields = [
            *EntrySerializer.ENTRY_FIELDS,
            "decision",
            "melder_name",
            "melder_function",
            "melder_phone",
            "melder_email",
            "discussed_with_parents",
            "discussed_with_child",
            "not_discussed_reason",
            "not_discussed_explanation",
            "support_network",
            "other_information",
            "handed_over_at",
            "handed_over_channel",
            "veilig_thuis_reference",
        ]
        read_only_fields = fields


class FeedbackSerializer(EntrySerializer[VeiligThuisFeedback]):
    class Meta:
        model = VeiligThuisFeedback
        fields = [*EntrySerializer.ENTRY_FIELDS, "kind", "received_on", "summary"]
        read_only_fields = fields


class TrajectoryEventSerializer(serializers.ModelSerializer[TrajectoryEvent]):
    actor_name = serializers.CharField(
        source="actor.full_name", allow_null=True, default=None
    )

    class Meta:
        model = TrajectoryEvent
        fields = ["at", "actor_name", "kind", "step", "note"]
        read_only_fields = fields


CHRONOLOGY_SERIALIZERS: dict[str, type[serializers.ModelSerializer[Any]]] = {
    "observation": ObservationSerializer,
    "attachment": AttachmentSerializer,
    "consultation": ConsultationSerializer,
    "conversation": ConversationSerializer,
    "skip": ConversationSkipSerializer,
    "answer": AfwegingAnswerSerializer,
    "decision": DecisionSerializer,
    "melding": MeldingSerializer,
    "feedback": FeedbackSerializer,
    "event": TrajectoryEventSerializer,
}
CHRONOLOGY_KINDS = tuple(CHRONOLOGY_SERIALIZERS)


class ChronologyItemSerializer(serializers.Serializer[ChronologyItem]):
    at = serializers.DateTimeField()
    kind = serializers.ChoiceField(choices=CHRONOLOGY_KINDS)
    step = serializers.IntegerField(allow_null=True)
    entry = serializers.SerializerMethodField(
        help_text="The entry itself; its shape follows `kind`."
    )

    @extend_schema_field(
        PolymorphicProxySerializer(
            component_name="ChronologyEntry",
            serializers=list(CHRONOLOGY_SERIALIZERS.values()),
            resource_type_field_name=None,
        )
    )
    def get_entry(self, item: ChronologyItem) -> Any:
        return CHRONOLOGY_SERIALIZERS[item.kind](item.obj).data


# ---- Input ------------------------------------------------------------------


class ChildInputSerializer(serializers.Serializer[dict[str, Any]]):
    given_name = text(max_length=100)
    family_name = text(max_length=150)
    date_of_birth = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        validators=[validate_birth_date],
    )
    bsn = text(max_length=9, help_text="Optional; stored encrypted, never shown.")


class InvolvedInputSerializer(serializers.Serializer[dict[str, Any]]):
    given_name = text(max_length=100)
    family_name = text(max_length=150)
    relation = serializers.ChoiceField(choices=Relation.choices)
    child_index = serializers.IntegerField(
        min_value=0,
        default=0,
        help_text="Which child in `children` this person relates to (0 = the first).",
    )
    has_gezag = serializers.BooleanField(default=False)
    date_of_birth = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        validators=[validate_birth_date],
    )


class TrajectoryStartSerializer(serializers.Serializer[dict[str, Any]]):
    origin = serializers.ChoiceField(choices=HAND_STARTED_ORIGINS, default=Origin.WORRY)
    worry = text()
    forms_of_violence = serializers.ListField(
        child=serializers.ChoiceField(choices=FormOfViolence.choices), default=list
    )
    children = ChildInputSerializer(many=True, default=list)
    involved = InvolvedInputSerializer(many=True, default=list)
    kindcheck_notes = text()


class MarkInputSerializer(serializers.Serializer[dict[str, Any]]):
    side = serializers.ChoiceField(choices=BodySide.choices)
    region = serializers.ChoiceField(choices=BodyRegion.choices)
    description = text()


class ObservationInputSerializer(serializers.Serializer[dict[str, Any]]):
    observed_on = serializers.DateField(validators=[validate_event_date])
    observed_by = text(max_length=200)
    # DRF's metaclass moves declared fields off the class; mypy sees Field.source.
    source = serializers.ChoiceField(choices=Source.choices)  # type: ignore[assignment]
    source_name = text(max_length=200)
    facts = text()
    interpretation = text()
    interpretation_by = text(max_length=200)
    child_quote = text()
    marks = MarkInputSerializer(many=True, default=list)


class ConsultationInputSerializer(serializers.Serializer[dict[str, Any]]):
    party = serializers.ChoiceField(choices=ConsultedParty.choices)
    consulted_name = text(max_length=200)
    consulted_on = serializers.DateField(validators=[validate_event_date])
    question = text()
    advice = text()
    agreed_actions = text()
    anonymous = serializers.BooleanField(default=False)


class ConversationInputSerializer(serializers.Serializer[dict[str, Any]]):
    with_whom = serializers.ChoiceField(choices=ConversationWith.choices)
    held_on = serializers.DateField(validators=[validate_event_date])
    what_was_said = text()
    child = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text="The child's `public_id`, for a conversation with a child.",
    )
    preparation = text()
    reaction = text()
    agreements = text()
    child_words = text()
    child_wishes = text()
    child_wellbeing = text()
    child_told_next_steps = serializers.BooleanField(default=False)


class ConversationSkipInputSerializer(serializers.Serializer[dict[str, Any]]):
    with_whom = serializers.ChoiceField(choices=ConversationWith.choices)
    reason = serializers.ChoiceField(choices=SkipReason.choices)
    explanation = text()
    child = serializers.UUIDField(required=False, allow_null=True, default=None)


class AfwegingAnswerInputSerializer(serializers.Serializer[dict[str, Any]]):
    question = serializers.IntegerField()
    answer = serializers.ChoiceField(choices=AnswerChoice.choices)
    rationale = text()


class StepAdvanceInputSerializer(serializers.Serializer[dict[str, Any]]):
    to_step = serializers.ChoiceField(choices=Step.choices)
    expected_version = expected_version()


class DecisionInputSerializer(serializers.Serializer[dict[str, Any]]):
    melden = serializers.BooleanField()
    melden_rationale = text()
    help_possible = serializers.BooleanField()
    help_rationale = text()
    help_plan = text()
    deviation_justification = text()
    evaluate_on = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        validators=[validate_planned_date],
    )
    evaluation_reason = text()
    expected_version = expected_version()


class DecisionCosignInputSerializer(serializers.Serializer[dict[str, Any]]):
    expected_version = expected_version()


class DecisionReturnInputSerializer(serializers.Serializer[dict[str, Any]]):
    comment = text()
    expected_version = expected_version()


class MeldingInputSerializer(serializers.Serializer[dict[str, Any]]):
    melder_name = text(max_length=200)
    melder_function = text(max_length=200)
    melder_phone = text(max_length=30)
    melder_email = text(max_length=254)
    discussed_with_parents = serializers.BooleanField(default=False)
    discussed_with_child = serializers.BooleanField(default=False)
    not_discussed_reason = serializers.ChoiceField(
        choices=OpenMeldenException.choices, allow_blank=True, default=""
    )
    not_discussed_explanation = text()
    support_network = text()
    other_information = text()
    expected_version = expected_version()


class MeldingHandoverInputSerializer(serializers.Serializer[dict[str, Any]]):
    handed_over_at = serializers.DateTimeField()
    channel = serializers.ChoiceField(choices=HandoverChannel.choices)
    reference = text(max_length=50)


class FeedbackInputSerializer(serializers.Serializer[dict[str, Any]]):
    kind = serializers.ChoiceField(choices=FeedbackKind.choices)
    received_on = serializers.DateField(validators=[validate_event_date])
    summary = text()


class CloseInputSerializer(serializers.Serializer[dict[str, Any]]):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    agreements = text()
    reason = text()
    expected_version = expected_version()


class AcuteInputSerializer(serializers.Serializer[dict[str, Any]]):
    note = text()
