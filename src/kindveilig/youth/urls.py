"""Praat erover. Paths are neutral on purpose: nothing in a URL (which stays in
the browser history) says what a child was looking for.

``urlpatterns`` are mounted at ``settings.KINDVEILIG_YOUTH_PATH`` (namespace
"youth"); ``staff_urlpatterns`` at ``beheer/hulplijnen/`` (namespace
"youthstaff").
"""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "youth"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.start, name="start"),
    path("hulp/", views.hulpwijzer, name="hulpwijzer"),
    path("hulplijnen/", views.help_list, name="help-list"),
    path("privacy/", views.privacy, name="privacy"),
    path("weg/", views.quick_exit, name="quick-exit"),
]

staff_urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.service_list, name="service-list"),
    path("nieuw/", views.service_create, name="service-create"),
    path("<slug:slug>/", views.service_edit, name="service-edit"),
]
