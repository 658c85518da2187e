"""The meldplicht pages: start, the organisation's list, and the detail page on
which each step is recorded with its own form (posted to its own URL; on an
error the detail page comes back with what was typed and the Dutch message next
to the field)."""

import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from django_stubs_ext import StrPromise

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import CASE_ROLES, Role
from kindveilig.core.forms import apply_errors
from kindveilig.meldcode import services
from kindveilig.meldcode.forms import VersionedForm
from kindveilig.meldcode.meldplicht_forms import (
    AangifteForm,
    ConsultInspecteurForm,
    InformHouderForm,
    LinkTrajectoryForm,
    MeasuresForm,
    MeldplichtForm,
)
from kindveilig.meldcode.meldplicht_rules import can_link_trajectory, can_record
from kindveilig.meldcode.meldplicht_selectors import (
    meldplicht_case_get_for,
    meldplicht_case_list_for,
    meldplicht_linked_trajectory_for,
    meldplicht_trajectory_choices,
)
from kindveilig.meldcode.models import MeldplichtCase, MeldplichtStep

from .common import trajectory_rule

MELDPLICHT_RELATION = (
    "reporter, aandachtsfunctionaris, or houder/bevoegd gezag of the case's "
    "organisation (not the houder when the houder is the suspect)"
)
meldplicht_rule = rule(*CASE_ROLES, Role.BEVOEGD_GEZAG, relation=MELDPLICHT_RELATION)

# The step forms of the detail page, by the name they have in its context.
STEP_FORMS: dict[str, tuple[MeldplichtStep, type[forms.Form]]] = {
    "inform_form": (MeldplichtStep.HOUDER_INFORMED, InformHouderForm),
    "consult_form": (MeldplichtStep.INSPECTEUR_CONSULTED, ConsultInspecteurForm),
    "aangifte_form": (MeldplichtStep.AANGIFTE_DECIDED, AangifteForm),
    "measures_form": (MeldplichtStep.MEASURES, MeasuresForm),
    "close_form": (MeldplichtStep.CLOSE, VersionedForm),
}


def _to_detail(case: MeldplichtCase) -> HttpResponse:
    return HttpResponseRedirect(
        reverse("meldcode:meldplicht-detail", args=[case.public_id])
    )


@trajectory_rule
def meldplicht_start(request: AuthenticatedRequest) -> HttpResponse:
    form = MeldplichtForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.meldplicht_case_start(
                actor=request.actor,
                summary=form.cleaned_data["summary"],
                suspect_is_houder=form.cleaned_data["suspect_is_houder"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The meldplicht case is recorded."))
            return _to_detail(case)
    return render(request, "meldcode/meldplicht_start.html", {"form": form})


@meldplicht_rule
def meldplicht_list(request: AuthenticatedRequest) -> HttpResponse:
    rows = meldplicht_case_list_for(actor=request.actor)
    return render(
        request,
        "meldcode/meldplicht_list.html",
        {"rows": rows, "can_start": request.actor.role in CASE_ROLES},
    )


def _render_detail(
    request: AuthenticatedRequest,
    case: MeldplichtCase,
    bound: dict[str, forms.Form] | None = None,
) -> HttpResponse:
    """The detail page with a form for every step the actor may record now;
    ``bound`` replaces one of them by the form as it was posted."""
    initial = {"version": case.version}
    context: dict[str, Any] = {
        "case": case,
        "next_step": case.next_step,
        "steps": MeldplichtStep,
        "due": case.next_step_due,
        "overdue": case.is_overdue_on(timezone.localdate()),
        "inspecteur_phone": settings.VERTROUWENSINSPECTEUR_PHONE,
        "linked_trajectory": meldplicht_linked_trajectory_for(
            actor=request.actor, case=case
        ),
    }
    for name, (step, form_class) in STEP_FORMS.items():
        shown = can_record(request.actor, case, step) and (
            step == MeldplichtStep.MEASURES or step == case.next_step
        )
        context[name] = form_class(initial=initial, prefix=name) if shown else None
    if can_link_trajectory(request.actor, case):
        context["link_form"] = LinkTrajectoryForm(
            initial={**initial, "trajectory": case.trajectory.public_id}
            if case.trajectory
            else initial,
            prefix="link_form",
            choices=meldplicht_trajectory_choices(actor=request.actor, case=case),
        )
    context.update(bound or {})
    return render(request, "meldcode/meldplicht_detail.html", context)


@meldplicht_rule
def meldplicht_detail(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    case = meldplicht_case_get_for(actor=request.actor, public_id=public_id)
    return _render_detail(request, case)


Write = Callable[[AuthenticatedRequest, MeldplichtCase, dict[str, Any]], object]


def _step_view(
    name: str, write: Write, success: StrPromise
) -> Callable[..., HttpResponse]:
    """A POST-only view that records one step with the form ``name`` of the
    detail page, through the service called by ``write``."""

    @require_POST
    @meldplicht_rule
    def view(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
        case = meldplicht_case_get_for(actor=request.actor, public_id=public_id)
        if name == "link_form":
            form: forms.Form = LinkTrajectoryForm(
                request.POST,
                prefix=name,
                choices=meldplicht_trajectory_choices(actor=request.actor, case=case),
            )
        else:
            form = STEP_FORMS[name][1](request.POST, prefix=name)
        if form.is_valid():
            try:
                write(request, case, form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, str(success))
                return _to_detail(case)
        return _render_detail(request, case, {name: form})

    view.__name__ = view.__qualname__ = f"meldplicht_{name}"
    return view


inform_houder = _step_view(
    "inform_form",
    lambda request, case, data: services.meldplicht_case_inform_houder(
        actor=request.actor,
        case=case,
        on=data["on"],
        note=data["note"],
        expected_version=data["version"],
    ),
    gettext_lazy("Recorded: the houder or bevoegd gezag is informed."),
)
consult_inspecteur = _step_view(
    "consult_form",
    lambda request, case, data: services.meldplicht_case_consult_inspecteur(
        actor=request.actor,
        case=case,
        on=data["on"],
        note=data["note"],
        expected_version=data["version"],
    ),
    gettext_lazy("Recorded: the vertrouwensinspecteur is consulted."),
)
decide_aangifte = _step_view(
    "aangifte_form",
    lambda request, case, data: services.meldplicht_case_decide_aangifte(
        actor=request.actor,
        case=case,
        decision=data["decision"],
        on=data["on"],
        reason=data["reason"],
        expected_version=data["version"],
    ),
    gettext_lazy("Recorded: the decision on aangifte."),
)
record_measures = _step_view(
    "measures_form",
    lambda request, case, data: services.meldplicht_case_record_measures(
        actor=request.actor,
        case=case,
        measures=data["measures"],
        on=data["on"],
        expected_version=data["version"],
    ),
    gettext_lazy("Recorded: the measures taken."),
)
close = _step_view(
    "close_form",
    lambda request, case, data: services.meldplicht_case_close(
        actor=request.actor, case=case, expected_version=data["version"]
    ),
    gettext_lazy("The meldplicht case is closed."),
)
link_trajectory = _step_view(
    "link_form",
    lambda request, case, data: services.meldplicht_case_link_trajectory(
        actor=request.actor,
        case=case,
        trajectory_public_id=uuid.UUID(data["trajectory"])
        if data["trajectory"]
        else None,
        expected_version=data["version"],
    ),
    gettext_lazy("The link to the trajectory is saved."),
)

urlpatterns = [
    path("meldplicht/", meldplicht_list, name="meldplicht-list"),
    path("meldplicht/nieuw/", meldplicht_start, name="meldplicht-start"),
    path("meldplicht/<uuid:public_id>/", meldplicht_detail, name="meldplicht-detail"),
    path(
        "meldplicht/<uuid:public_id>/houder-geinformeerd/",
        inform_houder,
        name="meldplicht-inform-houder",
    ),
    path(
        "meldplicht/<uuid:public_id>/vertrouwensinspecteur/",
        consult_inspecteur,
        name="meldplicht-consult-inspecteur",
    ),
    path(
        "meldplicht/<uuid:public_id>/aangifte/",
        decide_aangifte,
        name="meldplicht-decide-aangifte",
    ),
    path(
        "meldplicht/<uuid:public_id>/maatregelen/",
        record_measures,
        name="meldplicht-record-measures",
    ),
    path("meldplicht/<uuid:public_id>/afsluiten/", close, name="meldplicht-close"),
    path(
        "meldplicht/<uuid:public_id>/traject/",
        link_trajectory,
        name="meldplicht-link-trajectory",
    ),
]
