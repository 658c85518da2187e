"""The API, under /api/v1/: the meldcode (``api.meldcode``) and its description.
 Paths carry only UUIDs (public_id), never names or BSNs.

Path words follow the code's identifiers (English, with the Dutch terms of art),
since programs read them; the pages keep their Dutch paths.
"""

from django.urls import include, path

from . import schema
from .meldcode import views

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

urlpatterns = [
    path("trajectories/", views.trajectory_list, name="trajectory-list"),
    path("trajectories/<uuid:public_id>/", include(trajectory_urls)),
    path("schema/", schema.schema, name="schema"),
]
