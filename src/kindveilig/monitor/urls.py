from django.urls import path

from . import views

app_name = "monitor"

urlpatterns = [
    path("", views.coverage, name="coverage"),
]
