from django.urls import path

from . import views

app_name = "monitor"

urlpatterns = [
    path("", views.coverage, name="coverage"),
    path("cijfers/", views.dashboard, name="dashboard"),
    path("cijfers/csv/", views.dashboard_csv, name="dashboard-csv"),
    path("brieven/", views.letters, name="letters"),
    path("brieven/teksten/", views.letter_texts, name="letter-texts"),
    path("brieven/<uuid:public_id>/", views.letter_html, name="letter"),
    path("brieven/<uuid:public_id>/pdf/", views.letter_pdf, name="letter-pdf"),
]
