from django.urls import URLPattern, URLResolver

app_name = "chain"

urlpatterns: list[URLPattern | URLResolver] = []
