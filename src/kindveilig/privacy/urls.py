from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path(
        "personen/<uuid:public_id>/export/",
        views.inzage_export,
        name="inzage-export",
    ),
    path(
        "personen/<uuid:public_id>/corrigeren/",
        views.person_correct,
        name="person-correct",
    ),
    path(
        "personen/<uuid:public_id>/bewaren/",
        views.legal_hold_place_person,
        name="legal-hold-place",
    ),
    path("bewaarblokkades/", views.legal_hold_list, name="legal-hold-list"),
    path(
        "bewaarblokkades/<int:hold_id>/opheffen/",
        views.legal_hold_lift,
        name="legal-hold-lift",
    ),
]
