from django.urls import path

from . import views

app_name = "sso"

urlpatterns = [
    path("inloggen/", views.start, name="start"),
    path("terug/", views.callback, name="callback"),
]
