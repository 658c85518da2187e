from django.urls import include, path

from .views import cases, handovers, households, plan

app_name = "households"

household_patterns = [
    path("", households.household_detail, name="household-detail"),
    path("leden/nieuw/", households.member_add, name="member-add"),
    path(
        "leden/controle/<uuid:review_id>/",
        households.match_review,
        name="match-review",
    ),
    path(
        "leden/<uuid:person_id>/vertrokken/",
        households.member_leave,
        name="member-leave",
    ),
    path("leden/<uuid:person_id>/gezag/", households.gezag_edit, name="gezag-edit"),
    path("tijdlijn/", households.chronology, name="chronology"),
    path("casus/openen/", cases.case_open, name="case-open"),
    path("casus/afsluiten/", cases.case_close, name="case-close"),
    path("fase/", cases.phase_change, name="phase-change"),
    path("veiligheid/", cases.safety, name="safety"),
    path("veiligheid/taxatie/", cases.mapping_add, name="mapping-add"),
    path("partners/nieuw/", cases.partner_add, name="partner-add"),
    path(
        "partners/<uuid:partner_id>/beeindigen/", cases.partner_end, name="partner-end"
    ),
    path("overleggen/nieuw/", cases.meeting_add, name="meeting-add"),
    path("plan/", plan.plan_detail, name="plan"),
    path("plan/nieuwe-versie/", plan.plan_edit, name="plan-edit"),
    path("plan/<uuid:item_id>/status/", plan.plan_item_update, name="plan-item-update"),
    path("plan/afdrukken/", plan.plan_print, name="plan-print"),
    path("plan/voor-kinderen/", plan.plan_child, name="plan-child"),
    path("overdragen/", handovers.case_handover, name="case-handover"),
]

urlpatterns = [
    path("", households.household_list, name="household-list"),
    path("nieuw/", households.household_create, name="household-create"),
    path("noodtoegang/", households.emergency_access, name="emergency-access"),
    path("overdrachten/", handovers.handover_list, name="handover-list"),
    path(
        "overdrachten/<uuid:public_id>/",
        handovers.handover_detail,
        name="handover-detail",
    ),
    path(
        "overdrachten/<uuid:public_id>/intrekken/",
        handovers.handover_withdraw,
        name="handover-withdraw",
    ),
    path(
        "trajecten/<uuid:public_id>/overdragen/",
        handovers.trajectory_handover,
        name="trajectory-handover",
    ),
    path("<uuid:public_id>/", include(household_patterns)),
]
