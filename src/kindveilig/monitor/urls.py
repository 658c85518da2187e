from django.urls import URLPattern, URLResolver

app_name = "monitor"

urlpatterns: list[URLPattern | URLResolver] = []
