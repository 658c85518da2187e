"""The coalition's paths, included in the app's ``urls.py`` (namespace
``kansrijkestart``): Dutch words, only UUIDs."""

from django.urls import URLPattern, path

from . import coalition_views as views

coalition_patterns: list[URLPattern] = [
    path("overleg/", views.meeting_list, name="meeting-list"),
    path("overleg/nieuw/", views.meeting_create, name="meeting-create"),
    path("overleg/<uuid:public_id>/", views.meeting_detail, name="meeting-detail"),
    path(
        "overleg/<uuid:public_id>/vastleggen/",
        views.meeting_record,
        name="meeting-record",
    ),
    path(
        "agendapunten/<uuid:public_id>/acties/nieuw/",
        views.action_add,
        name="action-add",
    ),
    path("acties/", views.my_actions, name="my-actions"),
    path("acties/<uuid:public_id>/", views.action_detail, name="action-detail"),
    path(
        "signalen/<uuid:public_id>/overleg/",
        views.agenda_add,
        name="agenda-add",
    ),
    path(
        "signalen/<uuid:public_id>/doorverwijzen/",
        views.referral_make,
        name="referral-make",
    ),
    path(
        "signalen/<uuid:public_id>/interventies/nieuw/",
        views.intervention_offer,
        name="intervention-offer",
    ),
    path(
        "signalen/<uuid:public_id>/interventies/<uuid:intervention_id>/",
        views.intervention_update,
        name="intervention-update",
    ),
]
