import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import CASE_ROLES, Role
from kindveilig.core.forms import small_int
from kindveilig.meldcode.selectors import trajectory_get_for

from . import services
from .forms import (
    ActionForm,
    PickForm,
    ReflectionForm,
    SectorFilterForm,
    SessionForm,
    YearFilterForm,
    apply_errors,
)
from .models import LearningSession, SourceKind
from .selectors import (
    action_get_for,
    reflection_exists_for,
    reflection_pool_for,
    session_actions,
    session_get_for,
    session_list_for,
)
from .sources import meldcode_case_facts
from .theme_selectors import theme_overview_for

case_rule = rule(
    *CASE_ROLES,
    relation="owner, or aandachtsfunctionaris of the trajectory's organisation",
)
themes_rule = rule(
    Role.AANDACHTSFUNCTIONARIS,
    Role.GEMEENTE_ANALIST,
    relation="aggregates of the actor's region only, cells under 5 suppressed",
)
session_rule = rule(
    Role.AANDACHTSFUNCTIONARIS,
    Role.GEMEENTE_ANALIST,
    relation="learning sessions of the actor's organisation",
)


def _to_session(session: LearningSession, anchor: str = "") -> HttpResponse:
    url = reverse("learning:session-detail", args=[session.public_id])
    return HttpResponseRedirect(f"{url}#{anchor}" if anchor else url)


@case_rule
def reflection_start(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    """Offered right after closing a trajectory: answer, or skip."""
    trajectory = trajectory_get_for(
        actor=request.actor, public_id=public_id, reason="reflection after closing"
    )
    detail = reverse("meldcode:trajectory-detail", args=[trajectory.public_id])
    if not trajectory.is_closed:
        messages.error(request, _("Only a closed trajectory can be reflected on."))
        return HttpResponseRedirect(detail)
    if reflection_exists_for(
        source_kind=SourceKind.MELDCODE, source_id=trajectory.public_id
    ):
        messages.info(request, _("This trajectory already has a reflection."))
        return HttpResponseRedirect(detail)
    facts = meldcode_case_facts(trajectory)
    skip = request.method == "POST" and "skip" in request.POST
    form = ReflectionForm(
        request.POST if request.method == "POST" and not skip else None
    )
    if skip or (form.is_bound and form.is_valid()):
        try:
            services.reflection_record(
                actor=request.actor,
                source_kind=SourceKind.MELDCODE,
                source_id=trajectory.public_id,
                sector=facts.sector,
                organisation_type=facts.organisation_type,
                municipality=facts.municipality,
                closed_on=facts.closed_on,
                outcome=facts.outcome,
                answers=None if skip else form.answers(),
            )
        except ValidationError as error:
            if skip:
                for message in error.messages:
                    messages.error(request, message)
                return HttpResponseRedirect(detail)
            apply_errors(form, error)
        else:
            if skip:
                messages.info(request, _("You skipped the reflection."))
            else:
                messages.success(
                    request,
                    _("Thank you. Your reflection is saved, apart from the case."),
                )
            return HttpResponseRedirect(detail)
    return render(
        request,
        "learning/reflection_form.html",
        {"trajectory": trajectory, "form": form},
    )


def _year(value: str | None) -> int | None:
    return small_int(value)


@themes_rule
def themes(request: AuthenticatedRequest) -> HttpResponse:
    overview = theme_overview_for(
        actor=request.actor, year=_year(request.GET.get("jaar"))
    )
    form = YearFilterForm(initial={"jaar": overview.year}, years=overview.years)
    return render(request, "learning/themes.html", {"overview": overview, "form": form})


@session_rule
def session_list(request: AuthenticatedRequest) -> HttpResponse:
    rows = session_list_for(actor=request.actor)
    return render(request, "learning/session_list.html", {"rows": rows})


@session_rule
def session_create(request: AuthenticatedRequest) -> HttpResponse:
    form = SessionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_create(
                actor=request.actor,
                title=form.cleaned_data["title"],
                held_on=form.cleaned_data["held_on"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The learning session is planned."))
            return _to_session(session)
    return render(request, "learning/session_form.html", {"form": form})


@session_rule
def session_detail(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    session = session_get_for(actor=request.actor, public_id=public_id)
    return render(
        request,
        "learning/session_detail.html",
        {
            "session": session,
            "reflections": list(session.reflections.all()),
            "actions": session_actions(session),
        },
    )


@session_rule
def session_reflections(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    """Pick the anonymised reflections to discuss."""
    session = session_get_for(actor=request.actor, public_id=public_id)
    sector_form = SectorFilterForm(request.GET or None)
    sector = sector_form.cleaned_data["sector"] if sector_form.is_valid() else ""
    pool = reflection_pool_for(session=session, sector=sector)
    picked = [
        str(public_id)
        for public_id in session.reflections.values_list("public_id", flat=True)
    ]
    form = PickForm(
        request.POST if request.method == "POST" else None,
        initial={"reflections": picked},
        reflections=pool.reflections,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.session_reflections_set(
                actor=request.actor,
                session=session,
                reflection_ids=[
                    uuid.UUID(value) for value in form.cleaned_data["reflections"]
                ],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The reflections for this session are saved."))
            return _to_session(session, "reflecties")
    return render(
        request,
        "learning/session_reflections.html",
        {
            "session": session,
            "form": form,
            "sector_form": sector_form,
            "too_few": pool.too_few,
        },
    )


@session_rule
def action_add(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    session = session_get_for(actor=request.actor, public_id=public_id)
    form = ActionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_add(
                actor=request.actor,
                session=session,
                description=form.cleaned_data["description"],
                owner=form.cleaned_data["owner"],
                follow_up_on=form.cleaned_data["follow_up_on"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The improvement action is recorded."))
            return _to_session(session, "acties")
    return render(
        request, "learning/action_form.html", {"session": session, "form": form}
    )


@require_POST
@session_rule
def action_done(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    action = action_get_for(actor=request.actor, public_id=public_id)
    try:
        services.action_complete(actor=request.actor, action=action)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The improvement action is done."))
    return _to_session(action.session, "acties")
