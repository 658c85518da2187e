"""The functioneel beheerder's pages for the helplines shown to children."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import Role
from kindveilig.youth.public.forms import (
    HelpServiceForm,
    NewHelpServiceForm,
    OpeningHoursFormSet,
    hours_of,
)
from kindveilig.youth.public.models import HelpService
from kindveilig.youth.public.selectors import (
    help_service_for_edit,
    help_services_for_staff,
    holidays_around,
    is_open_now,
)
from kindveilig.youth.public.services import help_service_save

STAFF_RELATION = "regional reference data"


@rule(Role.FUNCTIONEEL_BEHEERDER, relation=STAFF_RELATION)
def service_list(request: AuthenticatedRequest) -> HttpResponse:
    now = timezone.now()
    holidays = holidays_around(now)
    rows = [
        (service, is_open_now(service, now, holidays))
        for service in help_services_for_staff()
    ]
    return render(request, "youthstaff/helplines/service_list.html", {"rows": rows})


def _edit(request: AuthenticatedRequest, service: HelpService | None) -> HttpResponse:
    form_class = HelpServiceForm if service else NewHelpServiceForm
    initial_hours = (
        [
            {
                "channel": row.channel,
                "weekday": row.weekday,
                "opens": row.opens,
                "closes": row.closes,
            }
            for row in service.opening_hours.all()
        ]
        if service
        else []
    )
    if request.method == "POST":
        form = form_class(request.POST, instance=service)
        formset = OpeningHoursFormSet(
            request.POST, initial=initial_hours, prefix="hours"
        )
        if form.is_valid() and formset.is_valid():
            values = form.cleaned_data
            try:
                saved = help_service_save(
                    actor=request.actor,
                    service=service,
                    values=values,
                    hours=hours_of(formset),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("%(name)s has been saved.") % {"name": saved.name}
                )
                return redirect("youthstaff:service-list")
    else:
        form = form_class(instance=service)
        formset = OpeningHoursFormSet(initial=initial_hours, prefix="hours")
    return render(
        request,
        "youthstaff/helplines/service_edit.html",
        {"form": form, "formset": formset, "service": service},
    )


@rule(Role.FUNCTIONEEL_BEHEERDER, relation=STAFF_RELATION)
def service_edit(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    return _edit(request, help_service_for_edit(slug))


@rule(Role.FUNCTIONEEL_BEHEERDER, relation=STAFF_RELATION)
def service_create(request: AuthenticatedRequest) -> HttpResponse:
    return _edit(request, None)
