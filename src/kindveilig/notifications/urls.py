from django.urls import URLPattern, path

from . import views

app_name = "notifications"

urlpatterns: list[URLPattern] = [
    path("", views.notification_list, name="list"),
    path("alles-gelezen/", views.notification_read_all, name="notification-read-all"),
    path(
        "<uuid:public_id>/gelezen/",
        views.notification_read,
        name="notification-read",
    ),
]
