"""The columns the generator COPYs, per model, in the order of its row tuples."""

from django.db import models

from kindveilig.audit.models import AuditEvent
from kindveilig.households.models import (
    CasePartner,
    Gezag,
    Household,
    HouseholdMember,
    Mapping,
    Meeting,
    PhaseChange,
    PlanItem,
    PlanVersion,
    SafetyCase,
    SafetyScore,
)
from kindveilig.meldcode.models import (
    AfwegingAnswer,
    BodyMark,
    Consultation,
    Conversation,
    ConversationSkip,
    Decision,
    InvolvedPerson,
    Melding,
    Observation,
    Share,
    Trajectory,
    TrajectoryChild,
    TrajectoryEvent,
    VeiligThuisFeedback,
)
from kindveilig.persons.models import Person
from kindveilig.verwijsindex.models import Match, MatchNotice, Signal
from kindveilig.youth.messages.models import (
    PublicChannel,
    YouthConversation,
    YouthMessage,
)

__all__ = ["COLUMNS"]

_ENTRY = ["public_id", "trajectory", "created_at", "created_by"]

# fmt: off
COLUMNS: dict[type[models.Model], list[str]] = {
    Person: ["id", "public_id", "given_name", "family_name", "date_of_birth", "bsn",
             "bsn_index", "registered_by", "created_at", "updated_at"],
    Trajectory: ["id", "public_id", "organisation", "owner", "aandachtsfunctionaris",
                 "framework", "origin", "forms_of_violence", "worry",
                 "kindcheck_notes", "step", "status", "is_acute", "acute_at",
                 "step_started_at", "outcome", "closing_agreements", "closed_at",
                 "version", "created_at", "updated_at"],
    TrajectoryChild: ["trajectory", "person"],
    InvolvedPerson: ["trajectory", "person", "child", "relation", "has_gezag"],
    TrajectoryEvent: ["trajectory", "at", "actor", "kind", "step", "note"],
    Observation: ["id", *_ENTRY, "observed_on", "observed_by", "source",
                  "source_name", "facts", "interpretation", "interpretation_by",
                  "child_quote"],
    BodyMark: ["observation", "side", "region", "description"],
    Consultation: [*_ENTRY, "party", "consulted_name", "consulted_on", "anonymous",
                   "question", "advice", "agreed_actions"],
    Conversation: [*_ENTRY, "with_whom", "child", "held_on", "preparation",
                   "what_was_said", "reaction", "agreements", "child_words",
                   "child_wishes", "child_wellbeing", "child_told_next_steps"],
    ConversationSkip: [*_ENTRY, "with_whom", "child", "reason", "explanation"],
    AfwegingAnswer: [*_ENTRY, "question", "answer", "rationale", "with_veilig_thuis"],
    Decision: ["id", *_ENTRY, "melden", "melden_rationale", "help_possible",
               "help_rationale", "help_plan", "cosign_status", "cosigned_by",
               "cosigned_at", "cosign_comment", "acute"],
    Melding: [*_ENTRY, "decision", "melder_name", "melder_function", "melder_phone",
              "melder_email", "discussed_with_parents", "discussed_with_child",
              "not_discussed_reason", "not_discussed_explanation", "support_network",
              "other_information", "handed_over_at", "handed_over_channel",
              "veilig_thuis_reference"],
    VeiligThuisFeedback: [*_ENTRY, "kind", "received_on", "summary"],
    AuditEvent: ["seq", "occurred_at", "actor_user", "actor_organisation",
                 "actor_role", "action", "person_id", "object_type", "object_id",
                 "request_id", "reason", "prev_hash", "hash"],
    # Households (gen_households.py)
    Household: ["id", "public_id", "created_at", "updated_at", "label", "municipality",
                "registered_by", "created_by"],
    HouseholdMember: ["household", "person", "role", "has_gezag", "joined_on",
                      "left_on"],
    Gezag: ["child", "holder", "recorded_by", "recorded_at"],
    Share: ["public_id", "created_at", "updated_at", "trajectory", "from_organisation",
            "shared_by", "to_organisation", "to_user", "legal_basis",
            "consent_given_by", "consent_given_on", "reason"],
    SafetyCase: ["id", "public_id", "created_at", "updated_at", "household",
                 "responsible_organisation", "regievoerder", "phase", "phase_since",
                 "status", "closed_at", "closing_reason", "version"],
    PhaseChange: ["id", "case", "from_phase", "to_phase", "at", "by", "reason",
                  "safety_score", "children_said"],
    CasePartner: ["id", "public_id", "case", "kind", "organisation",
                  "organisation_name", "contact_name", "contact_phone",
                  "contact_email", "contact_user", "takes_on", "created_at",
                  "ended_at"],
    PlanVersion: ["id", "case", "number", "note", "created_by", "created_at"],
    PlanItem: ["public_id", "version", "lineage", "kind", "what", "child_text", "who",
               "partner", "due_on", "how_checked", "set_by", "status", "evidence",
               "status_changed_at", "lock_version"],
    Meeting: ["public_id", "case", "kind", "held_on", "participants", "decisions",
              "created_by", "created_at"],
    Mapping: ["id", "public_id", "case", "assessed_on", "harm", "danger", "strengths",
              "existing_safety", "next_steps", "complicating", "created_by",
              "created_at"],
    SafetyScore: ["mapping", "perspective", "person", "professional_name", "score",
                  "words"],
    # The Verwijsindex (gen_signals.py)
    Signal: ["id", "public_id", "created_at", "updated_at", "person", "bsn_index",
             "organisation", "contact_user", "contact_phone", "source_type",
             "source_id", "is_regie", "parents_informed", "status", "active_until",
             "archived_at", "delete_after"],
    Match: ["id", "first", "second", "created_at"],
    MatchNotice: ["public_id", "match", "user", "own_signal", "other_signal",
                  "created_at", "seen_at", "emailed_at"],
    # Praat erover (gen_youth.py)
    PublicChannel: ["id", "created_at", "updated_at", "organisation", "public_code",
                    "display_name", "enabled", "misuse_count"],
    YouthConversation: ["id", "public_id", "created_at", "updated_at", "organisation",
                        "code_hash", "status", "is_urgent", "danger_categories",
                        "waiting_since", "last_activity_at", "first_name", "contact",
                        "is_misuse", "misuse_reason"],
    YouthMessage: ["created_at", "updated_at", "conversation", "sender", "body",
                   "author", "is_urgent", "danger_categories"],
}
# fmt: on
