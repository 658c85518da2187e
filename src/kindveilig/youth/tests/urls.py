"""The project's URLs plus the beheer pages, as src/kindveilig/urls.py will
include them (``beheer/hulplijnen/``, namespace "youthstaff")."""

from django.urls import include, path

from kindveilig.youth.urls import staff_urlpatterns

urlpatterns = [
    path("beheer/hulplijnen/", include((staff_urlpatterns, "youthstaff"))),
    path("", include("kindveilig.urls")),
]
