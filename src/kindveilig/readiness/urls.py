from django.urls import path

from . import views

app_name = "readiness"

urlpatterns = [
    path("", views.readiness, name="readiness"),
    path("meldcode/", views.readiness_edit, name="readiness-edit"),
    path("onder-de-aandacht/nieuw/", views.briefing_add, name="briefing-add"),
    path(
        "aandachtsfunctionarissen/nieuw/",
        views.aandachtsfunctionaris_add,
        name="aandachtsfunctionaris-add",
    ),
    path(
        "aandachtsfunctionarissen/<uuid:public_id>/",
        views.aandachtsfunctionaris_edit,
        name="aandachtsfunctionaris-edit",
    ),
    path(
        "aandachtsfunctionarissen/<uuid:public_id>/kwalificaties/<slug:kind>/nieuw/",
        views.qualification_add,
        name="qualification-add",
    ),
    path(
        "kwalificaties/<uuid:public_id>/verwijderen/",
        views.qualification_delete,
        name="qualification-delete",
    ),
]
