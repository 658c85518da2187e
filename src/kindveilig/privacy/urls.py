from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path(
        "personen/<uuid:public_id>/export/",
        views.inzage_export,
        name="inzage-export",
    ),
]
