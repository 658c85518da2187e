"""The project's URLs plus the benchmark floor. Only ``bench_settings`` uses it,
so the floor never exists in a deployment."""

from django.urls import URLPattern, URLResolver, path

from kindveilig import urls as project_urls

from .views import floor

urlpatterns: list[URLPattern | URLResolver] = [
    path("bench/floor/", floor, name="bench-floor"),
]
for pattern in project_urls.urlpatterns:
    assert isinstance(pattern, URLPattern | URLResolver)
    urlpatterns.append(pattern)
