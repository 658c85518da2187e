import uuid

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import CASE_ROLES, Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.selectors import AccessLogRow, access_log_rows
from kindveilig.audit.services import audit_record

from .forms import PersonSearchForm
from .selectors import person_get_for, person_page_for, person_search_for


@rule(
    *CASE_ROLES,
    Role.FUNCTIONEEL_BEHEERDER,
    relation="persons registered by the actor's organisation",
)
def person_list(request: AuthenticatedRequest) -> HttpResponse:
    """The list, and a search by name or BSN sent as POST so it never enters a URL."""
    form = PersonSearchForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        results = person_search_for(actor=request.actor, query=form.cleaned_data["q"])
        return render(
            request,
            "persons/person_list.html",
            {"form": form, "results": results, "searched": True},
        )
    page = person_page_for(actor=request.actor, page_number=request.GET.get("pagina"))
    return render(request, "persons/person_list.html", {"page": page, "form": form})


@rule(*CASE_ROLES, relation="person registered by the actor's organisation")
def person_detail(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    person = person_get_for(actor=request.actor, public_id=public_id)
    return render(request, "persons/person_detail.html", {"person": person})


ACCESS_LOG_ROW = (
    '<tr class="utrecht-table__row">'
    '<td class="utrecht-table__cell">{}</td>'
    '<td class="utrecht-table__cell">{}</td>'
    '<td class="utrecht-table__cell">{}{}</td>'
    '<td class="utrecht-table__cell">{}</td>'
    '<td class="utrecht-table__cell">{}</td>'
    '<td class="utrecht-table__cell">{}</td>'
    "</tr>"
)


def _access_log_table_rows(events: list[AccessLogRow]) -> SafeString:
    """The table's rows, escaped by format_html: up to 500 of them, where a
    template loop would spend most of the page's time (issue 17)."""
    return format_html_join(
        "\n",
        ACCESS_LOG_ROW,
        (
            (
                event.when,
                event.who,
                event.organisation,
                f" ({event.actor_role})" if event.actor_role else "",
                event.action_label,
                event.object_type,
                event.reason,
            )
            for event in events
        ),
    )


@rule(
    Role.AANDACHTSFUNCTIONARIS,
    Role.FUNCTIONEEL_BEHEERDER,
    relation="person registered by the actor's organisation",
)
def person_access_log(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    person = person_get_for(
        actor=request.actor, public_id=public_id, purpose="access log review"
    )
    events = access_log_rows(person_id=person.public_id)
    audit_record(
        actor=request.actor,
        action=AuditAction.READ,
        object_type="audit.accesslog",
        object_id=str(person.public_id),
        person_id=person.public_id,
    )
    return render(
        request,
        "persons/person_access_log.html",
        {"person": person, "rows": _access_log_table_rows(events)},
    )
