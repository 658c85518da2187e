"""Meldcode readiness pages of one organisation, for its aandachtsfunctionaris
and functioneel beheerder."""

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import Role

from . import services
from .forms import (
    QUALIFICATION_FORMS,
    VERTROUWENSINSPECTEUR_DEFAULT,
    BriefingForm,
    DesignationAddForm,
    DesignationEditForm,
    ReadinessForm,
    apply_errors,
)
from .models import QualificationKind
from .selectors import (
    aandachtsfunctionaris_get_for,
    member_choices_for,
    qualification_get_for,
    readiness_get_for,
    readiness_page_for,
)

OWN_ORGANISATION = "the actor's own organisation"
manager_rule = rule(
    Role.AANDACHTSFUNCTIONARIS, Role.FUNCTIONEEL_BEHEERDER, relation=OWN_ORGANISATION
)
# URL words for the kinds of qualification.
KIND_SLUGS = {
    "cursus": QualificationKind.COURSE,
    "register": QualificationKind.REGISTER,
    "vog": QualificationKind.VOG,
}


def _to_readiness(anchor: str = "") -> HttpResponse:
    url = reverse("readiness:readiness")
    return HttpResponseRedirect(f"{url}#{anchor}" if anchor else url)


def _form_page(
    request: AuthenticatedRequest,
    form: Any,
    *,
    title: str,
    intro: str = "",
    extra: dict[str, object] | None = None,
) -> HttpResponse:
    context = {"form": form, "title": title, "intro": intro, **(extra or {})}
    return render(request, "readiness/form.html", context)


@manager_rule
def readiness(request: AuthenticatedRequest) -> HttpResponse:
    page = readiness_page_for(actor=request.actor)
    return render(
        request,
        "readiness/readiness.html",
        {"page": page},
    )


@manager_rule
def readiness_edit(request: AuthenticatedRequest) -> HttpResponse:
    current = readiness_get_for(actor=request.actor)
    meldplicht = request.actor.organisation.sector in services.MELDPLICHT_SECTORS
    initial: dict[str, object] = {
        "vertrouwensinspecteur": VERTROUWENSINSPECTEUR_DEFAULT
    }
    if current is not None:
        initial = {
            "adopted_on": current.adopted_on,
            "meldcode_version": current.meldcode_version,
            "afwegingskader": current.afwegingskader_id,
            "meldplicht_contact": current.meldplicht_contact,
            "vertrouwensinspecteur": current.vertrouwensinspecteur
            or VERTROUWENSINSPECTEUR_DEFAULT,
        }
    form = ReadinessForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        meldplicht=meldplicht,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        framework = data["afwegingskader"]
        try:
            services.readiness_update(
                actor=request.actor,
                data=services.ReadinessInput(
                    adopted_on=data["adopted_on"],
                    meldcode_version=data["meldcode_version"],
                    afwegingskader_id=framework.pk if framework else None,
                    meldplicht_contact=data.get("meldplicht_contact", ""),
                    vertrouwensinspecteur=data.get("vertrouwensinspecteur", ""),
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return _to_readiness("meldcode")
    return _form_page(
        request,
        form,
        title=_("Meldcode and meldplicht route"),
        intro=_(
            "Record when your organisation adopted its meldcode and which "
            "afwegingskader it uses."
        ),
    )


@manager_rule
def briefing_add(request: AuthenticatedRequest) -> HttpResponse:
    form = BriefingForm(
        request.POST if request.method == "POST" else None,
        initial={"held_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.briefing_add(
                actor=request.actor,
                held_on=data["held_on"],
                kind=data["kind"],
                topic=data["topic"],
                participants=data["participants"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return _to_readiness("attention")
    return _form_page(
        request,
        form,
        title=_("The meldcode brought to staff's attention"),
        intro=_(
            "A training, a team meeting or an e-learning about the meldcode. Record "
            "each time; the municipality counts the last twelve months."
        ),
    )


@manager_rule
def aandachtsfunctionaris_add(request: AuthenticatedRequest) -> HttpResponse:
    form = DesignationAddForm(
        request.POST if request.method == "POST" else None,
        initial={"since": timezone.localdate(), "person": request.user.pk},
        members=member_choices_for(actor=request.actor),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            designation = services.aandachtsfunctionaris_add(
                actor=request.actor,
                person_id=data["person"],
                data=services.DesignationInput(
                    location=data["location"],
                    hours_per_week=data["hours_per_week"],
                    since=data["since"],
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return _to_readiness(f"af-{designation.public_id}")
    return _form_page(
        request,
        form,
        title=_("Add an aandachtsfunctionaris"),
        intro=_(
            "Choose a member of staff with an account in Kindveilig. Add their "
            "courses, register membership and VOG next."
        ),
    )


@manager_rule
def aandachtsfunctionaris_edit(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    designation = aandachtsfunctionaris_get_for(
        actor=request.actor, public_id=public_id
    )
    form = DesignationEditForm(
        request.POST if request.method == "POST" else None,
        initial={
            "location": designation.location,
            "hours_per_week": designation.hours_per_week,
            "since": designation.since,
            "until": designation.until,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.aandachtsfunctionaris_update(
                actor=request.actor,
                designation=designation,
                data=services.DesignationInput(
                    location=data["location"],
                    hours_per_week=data["hours_per_week"],
                    since=data["since"],
                    until=data["until"],
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return _to_readiness("aandachtsfunctionarissen")
    return _form_page(
        request,
        form,
        title=_("Aandachtsfunctionaris: %(name)s")
        % {"name": designation.person.full_name},
        intro=_("To end the designation, fill in the last day in the role."),
    )


QUALIFICATION_TITLES = {
    QualificationKind.COURSE: lambda: _("Add a course"),
    QualificationKind.REGISTER: lambda: _("Add a register membership"),
    QualificationKind.VOG: lambda: _("Add a VOG"),
}


@manager_rule
def qualification_add(
    request: AuthenticatedRequest, public_id: uuid.UUID, kind: str
) -> HttpResponse:
    if kind not in KIND_SLUGS:
        raise Http404
    qualification_kind = KIND_SLUGS[kind]
    designation = aandachtsfunctionaris_get_for(
        actor=request.actor, public_id=public_id
    )
    form = QUALIFICATION_FORMS[qualification_kind](
        request.POST if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.qualification_add(
                actor=request.actor,
                designation=designation,
                data=services.QualificationInput(
                    kind=qualification_kind,
                    obtained_on=data["obtained_on"],
                    name=data.get("name", ""),
                    provider=data.get("provider", ""),
                    certified=data.get("certified", False),
                    hours=data.get("hours"),
                    registration_number=data.get("registration_number", ""),
                    valid_until=data.get("valid_until"),
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return _to_readiness(f"af-{designation.public_id}")
    return _form_page(
        request,
        form,
        title=str(QUALIFICATION_TITLES[qualification_kind]()),
        intro=_("For %(name)s.") % {"name": designation.person.full_name},
    )


@manager_rule
def qualification_delete(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    qualification = qualification_get_for(actor=request.actor, public_id=public_id)
    if request.method == "POST":
        services.qualification_delete(actor=request.actor, qualification=qualification)
        messages.success(request, _("The qualification was removed."))
        return _to_readiness("aandachtsfunctionarissen")
    return render(
        request,
        "readiness/qualification_delete.html",
        {"qualification": qualification},
    )
