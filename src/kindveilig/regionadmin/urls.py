from django.urls import path

from . import views

app_name = "regionadmin"

urlpatterns = [
    path("", views.organisation_list, name="organisation-list"),
    path("nieuw/", views.organisation_create, name="organisation-create"),
    path("import/", views.import_upload, name="import-upload"),
    path("import/<uuid:public_id>/", views.import_detail, name="import-detail"),
    path(
        "import/<uuid:public_id>/bevestigen/",
        views.import_confirm,
        name="import-confirm",
    ),
    path("<uuid:public_id>/", views.organisation_edit, name="organisation-edit"),
    path(
        "<uuid:public_id>/actief/",
        views.organisation_active,
        name="organisation-active",
    ),
]
