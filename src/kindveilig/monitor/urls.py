from django.urls import path

from . import views

app_name = "monitor"

urlpatterns = [
    path("", views.coverage, name="coverage"),
    path("cijfers/", views.dashboard, name="dashboard"),
    path("cijfers/csv/", views.dashboard_csv, name="dashboard-csv"),
]
