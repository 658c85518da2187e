from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "learning"

reflection_patterns = [
    path(
        "reflectie/<uuid:public_id>/",
        views.reflection_start,
        name="reflection-start",
    ),
]

session_patterns = [
    path("sessies/", views.session_list, name="session-list"),
    path("sessies/nieuw/", views.session_create, name="session-create"),
    path("sessies/<uuid:public_id>/", views.session_detail, name="session-detail"),
    path(
        "sessies/<uuid:public_id>/reflecties/",
        views.session_reflections,
        name="session-reflections",
    ),
    path(
        "sessies/<uuid:public_id>/acties/nieuw/",
        views.action_add,
        name="action-add",
    ),
    path("acties/<uuid:public_id>/afgerond/", views.action_done, name="action-done"),
]

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.themes, name="themes"),
    *reflection_patterns,
    *session_patterns,
]
