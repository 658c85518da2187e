from django.urls import include, path

from .views import deadlines, melding_document

app_name = "meldcode"

urlpatterns = [
    path("", include(melding_document.urlpatterns)),
    path("", include(deadlines.urlpatterns)),
]
