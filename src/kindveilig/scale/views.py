"""The floor of the benchmark: the same middleware, login and base template as
every professional page, and nothing else. Served only by ``bench_urls``."""

from django.http import HttpResponse
from django.shortcuts import render

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import ALL_ROLES


@rule(*ALL_ROLES, relation="none: the benchmark floor shows no data")
def floor(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "scale/floor.html")
