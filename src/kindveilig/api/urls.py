"""The API, under /api/v1/: the meldcode (``api.meldcode``), the households
(``api.households``), the Verwijsindex (``api.verwijsindex``) and the public
OpenAPI document. Paths carry only UUIDs (public_id), never names or BSNs
(``tests/test_conformance.py`` checks every converter).

Path words follow the code's identifiers (English, with the Dutch terms of art),
since programs read them; the pages keep their Dutch paths.
"""

from django.urls import include, path

from . import schema
from .households import views as household_views
from .meldcode import views
from .verwijsindex import views as verwijsindex_views

app_name = "api"

trajectory_urls = [
    path("", views.trajectory_detail, name="trajectory-detail"),
    path("chronology/", views.trajectory_chronology, name="trajectory-chronology"),
    path("observations/", views.observation_add, name="observation-add"),
    path("consultations/", views.consultation_add, name="consultation-add"),
    path("conversations/", views.conversation_add, name="conversation-add"),
    path("conversation-skips/", views.conversation_skip, name="conversation-skip"),
    path("afweging-answers/", views.afweging_answer, name="afweging-answer"),
    path("step/", views.step_advance, name="step-advance"),
    path("decisions/", views.decision_propose, name="decision-propose"),
    path(
        "decisions/<uuid:decision_id>/cosign/",
        views.decision_cosign,
        name="decision-cosign",
    ),
    path(
        "decisions/<uuid:decision_id>/return/",
        views.decision_return,
        name="decision-return",
    ),
    path("melding/", views.melding_create, name="melding-create"),
    path("melding/handover/", views.melding_handover, name="melding-handover"),
    path("feedback/", views.feedback_add, name="feedback-add"),
    path("close/", views.trajectory_close, name="trajectory-close"),
    path("close/cosign/", views.closing_cosign, name="closing-cosign"),
    path("close/return/", views.closing_return, name="closing-return"),
    path("acute/", views.trajectory_acute, name="trajectory-acute"),
]

household_urls = [
    path("", household_views.household_detail, name="household-detail"),
    path("members/", household_views.member_add, name="household-member-add"),
    path("phase/", household_views.phase_change, name="household-phase-change"),
    path("close/", household_views.case_close, name="household-case-close"),
    path("handovers/", household_views.handover_offer, name="household-handover-offer"),
    path("plan/", household_views.plan, name="household-plan"),
]

handover_urls = [
    path("", household_views.handover_detail, name="handover-detail"),
    path("accept/", household_views.handover_accept, name="handover-accept"),
    path("reject/", household_views.handover_reject, name="handover-reject"),
    path("withdraw/", household_views.handover_withdraw, name="handover-withdraw"),
]

urlpatterns = [
    path("trajectories/", views.trajectory_list, name="trajectory-list"),
    path("trajectories/<uuid:public_id>/", include(trajectory_urls)),
    path("households/", household_views.household_list, name="household-list"),
    path("households/<uuid:public_id>/", include(household_urls)),
    path("handovers/", household_views.handover_list, name="handover-list"),
    path("handovers/<uuid:public_id>/", include(handover_urls)),
    path("signals/", verwijsindex_views.signal_list, name="signal-list"),
    path(
        "signals/<uuid:public_id>/end/",
        verwijsindex_views.signal_end,
        name="signal-end",
    ),
    path("matches/", verwijsindex_views.match_list, name="match-list"),
    # NLGov API Design Rules: the OpenAPI document, public, in JSON.
    path("openapi.json", schema.schema, name="openapi"),
    path("schema/", schema.schema_redirect, name="schema"),
]
