"""The columns the generator COPYs, per model, in the order of its row tuples."""

from django.db import models

from kindveilig.audit.models import AuditEvent
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
    Trajectory,
    TrajectoryChild,
    TrajectoryEvent,
    VeiligThuisFeedback,
)
from kindveilig.persons.models import Person

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
}
# fmt: on
