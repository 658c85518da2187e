from django.urls import include, path

from .views import (
    deadlines,
    decisions,
    kindcheck,
    melding_document,
    meldplicht,
    steps,
    trajectories,
)

app_name = "meldcode"

trajectory_patterns = [
    path("", trajectories.trajectory_detail, name="trajectory-detail"),
    path(
        "chronologie/", trajectories.trajectory_chronology, name="trajectory-chronology"
    ),
    path("volgende-stap/", trajectories.step_advance, name="step-advance"),
    path("acuut/", trajectories.trajectory_acute, name="trajectory-acute"),
    path("overnemen/", trajectories.trajectory_take_over, name="trajectory-take-over"),
    path("afsluiten/", trajectories.trajectory_close, name="trajectory-close"),
    path("signalen/nieuw/", steps.observation_add, name="observation-add"),
    path("bijlagen/nieuw/", steps.attachment_add, name="attachment-add"),
    path(
        "bijlagen/<uuid:attachment_id>/",
        steps.attachment_download,
        name="attachment-download",
    ),
    path("overleg/nieuw/", steps.consultation_add, name="consultation-add"),
    path("gesprekken/nieuw/", steps.conversation_add, name="conversation-add"),
    path("gesprekken/niet-gevoerd/", steps.conversation_skip, name="conversation-skip"),
    path("afwegingskader/", steps.weighing, name="weighing"),
    path("besluit/", decisions.decision_propose, name="decision-propose"),
    path(
        "besluit/medeondertekenen/", decisions.decision_cosign, name="decision-cosign"
    ),
    path(
        "besluit/evaluatie/",
        decisions.evaluation_reschedule,
        name="evaluation-reschedule",
    ),
    path(
        "afsluiten/medeondertekenen/",
        decisions.closing_cosign,
        name="closing-cosign",
    ),
    path("melding/", decisions.melding_create, name="melding-create"),
    path("melding/overdracht/", decisions.melding_handover, name="melding-handover"),
    path("terugkoppeling/nieuw/", decisions.feedback_add, name="feedback-add"),
]

kindcheck_patterns = [
    path("", kindcheck.kindcheck_list, name="kindcheck-list"),
    path("nieuw/", kindcheck.kindcheck_new, name="kindcheck-record"),
    path("<uuid:public_id>/", kindcheck.kindcheck_detail, name="kindcheck-detail"),
]

urlpatterns = [
    path("", trajectories.trajectory_list, name="trajectory-list"),
    path("nieuw/", trajectories.trajectory_start, name="trajectory-start"),
    path("kindchecks/", include(kindcheck_patterns)),
    path("", include(meldplicht.urlpatterns)),
    path("<uuid:public_id>/", include(trajectory_patterns)),
    path("", include(melding_document.urlpatterns)),
    path("", include(deadlines.urlpatterns)),
]
