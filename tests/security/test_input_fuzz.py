"""Hostile input against every form, every page that posts one, and every POST of
the API: long and control-character strings, HTML and SQL fragments, wrong types,
out-of-range dates and invalid BSNs (strategies.py). The answer is a form error
or a clear 4xx, never a 500; and a refused request stores nothing, not half.
Derandomized, so a run is repeatable. See docs/security.md, "Tests that try to
break in"."""

import datetime as dt
import importlib
import pkgutil
import types
import uuid
from collections.abc import Callable, Iterator
from typing import Any

from django import forms
from django.core.cache import cache
from django.db import transaction
from django.forms.formsets import BaseFormSet
from django.http import QueryDict
from django.http.response import HttpResponseBase
from django.test import Client
from django.test.utils import ContextList
from django.urls import reverse

import pytest
from conftest import login_as
from hypothesis import HealthCheck, example, given, note, settings
from hypothesis import strategies as st

import kindveilig
from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership
from kindveilig.api.services import api_token_create
from kindveilig.households.models import MemberRole
from kindveilig.organisations.models import Municipality

from . import strategies as hostile
from .matrix import KWARGS, Route, all_routes
from .rows import row_counts
from .world import World, build_world

FUZZ = settings(
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)

# ---- every form class ------------------------------------------------------------

# Base classes, not forms a user fills in.
BASES = {
    "kindveilig.core.forms.KindveiligForm",
    "kindveilig.core.forms.KindveiligModelForm",
    "kindveilig.core.forms.NLDSFormMixin",
}


def _qualname(cls: type) -> str:
    return f"{cls.__module__}.{cls.__name__}"


def form_modules() -> list[str]:
    """Every ``forms`` or ``*_forms`` module of the product, tests aside."""
    found = []
    for info in pkgutil.walk_packages(kindveilig.__path__, "kindveilig."):
        last = info.name.rsplit(".", 1)[-1]
        if ".tests" in info.name or ".demo" in info.name or ".scale" in info.name:
            continue
        if last == "forms" or last.endswith("_forms"):
            found.append(info.name)
    return sorted(found)


def form_classes() -> list[type[forms.BaseForm]]:
    classes: dict[str, type[forms.BaseForm]] = {}
    for name in form_modules():
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, forms.BaseForm)
                and value.__module__ == name
                and _qualname(value) not in BASES
            ):
                classes[_qualname(value)] = value
    return [classes[key] for key in sorted(classes)]


def _member(role: str) -> Any:
    """A household member as the forms read it (no database row needed)."""
    person = types.SimpleNamespace(
        public_id=uuid.uuid4(), given_name="Kind", full_name="Kind Test"
    )
    return types.SimpleNamespace(person=person, role=role)


CHILDREN = [(str(uuid.UUID(int=1)), "Kind Test")]

# Forms whose constructor needs more than data: how to build one for the fuzz.
FACTORIES: dict[str, Callable[[Any], forms.BaseForm]] = {}


def _factory(name: str, **kwargs: Any) -> None:
    def build(data: Any) -> forms.BaseForm:
        module, cls = name.rsplit(".", 1)
        form_class = getattr(importlib.import_module(module), cls)
        form: forms.BaseForm = form_class(data, **kwargs)
        return form

    FACTORIES[name] = build


def _register_factories() -> None:
    children = [_member(MemberRole.CHILD), _member(MemberRole.SIBLING)]
    everyone = [*children, _member(MemberRole.PARENT)]
    m, h = "kindveilig.meldcode.", "kindveilig.households.forms."
    _factory("kindveilig.accounts.forms.ChooseOrganisationForm", memberships=None)
    _factory("kindveilig.staff.forms.MembershipEndForm", memberships=None)
    _factory(h + "MemberForm", children=children)
    _factory(h + "GezagForm", children=children)
    _factory(h + "MatchReviewForm", candidates=CHILDREN)
    _factory(h + "MappingForm", members=everyone)
    _factory(h + "PartnerForm", exclude_id=0)
    _factory(h + "CaseHandoverForm", exclude_id=0)
    _factory(h + "TrajectoryHandoverForm", exclude_organisation_id=0)
    _factory("kindveilig.verwijsindex.forms.ShareForm", exclude_organisation_id=0)
    _factory("kindveilig.learning.forms.PickForm", reflections=[])
    _factory("kindveilig.learning.forms.YearFilterForm", years=[2025, 2026])
    _factory(m + "forms.ConversationForm", children=CHILDREN)
    _factory(m + "forms.SkipForm", children=CHILDREN)
    _factory(m + "meldplicht_forms.LinkTrajectoryForm", choices=CHILDREN)
    _factory("kindveilig.readiness.forms.ReadinessForm", meldplicht=True)
    _factory("kindveilig.readiness.forms.DesignationAddForm", members=[(1, "Test")])
    _factory("kindveilig.youth.messages.forms.AnswerForm", templates=[])
    _factory(
        "kindveilig.regionadmin.forms.OrganisationForm",
        municipalities=Municipality.objects.all(),
    )
    ks = "kindveilig.kansrijkestart.coalition_forms."
    _factory(ks + "MeetingForm", memberships=[])
    _factory(ks + "RecordForm", memberships=[], items=[])
    _factory(ks + "AgendaForm", meetings=[])
    _factory(ks + "ActionForm", owners=[])
    _factory(ks + "ReferralForm", owners=[])
    _factory(ks + "CompleteForm", outcomes=["help_started", "withdrawn"])
    _factory(ks + "InterventionEndForm", started=False)
    periods = [("month", dt.date(2026, 3, 1)), ("year", dt.date(2026, 1, 1))]
    for name in ("DashboardFilter", "LetterRequestForm"):
        _factory(f"kindveilig.monitor.forms.{name}", periods=periods, municipalities=[])


_register_factories()


def build_form(cls: type[forms.BaseForm], data: Any) -> forms.BaseForm:
    name = _qualname(cls)
    if name in FACTORIES:
        form = FACTORIES[name](data)
        if name in (
            "kindveilig.accounts.forms.ChooseOrganisationForm",
            "kindveilig.staff.forms.MembershipEndForm",
        ):
            field = form.fields["membership"]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = Membership.objects.all()
        return form
    return cls(data)


def shown(data: Any) -> str:
    """The example, with long strings cut, for Hypothesis's report."""
    text = repr(data)
    return text if len(text) < 1500 else f"{text[:1500]}… ({len(text)} characters)"


def as_post(data: dict[str, Any]) -> QueryDict:
    """What a form gets from a request: a QueryDict, several values per key."""
    post = QueryDict(mutable=True)
    for key, value in data.items():
        post.setlist(key, value if isinstance(value, list) else [value])
    return post


def test_every_form_is_found_and_can_be_built() -> None:
    """A form that needs constructor arguments and has no factory would be skipped
    silently: this fails instead, naming it."""
    classes = form_classes()
    assert len(classes) > 60, [c.__name__ for c in classes]
    unbuildable = []
    for cls in classes:
        try:
            build_form(cls, {})
        except TypeError as error:
            unbuildable.append(f"{_qualname(cls)}: {error}")
    assert not unbuildable, "add these forms to FACTORIES:\n" + "\n".join(unbuildable)
    unknown = sorted(FACTORIES.keys() - {_qualname(c) for c in classes})
    assert not unknown, f"FACTORIES names forms that do not exist: {unknown}"


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", form_classes(), ids=_qualname)
def test_a_form_refuses_hostile_input_with_errors_by_field(
    form_class: type[forms.BaseForm],
) -> None:
    fields = build_form(form_class, {}).fields

    @settings(FUZZ, max_examples=10)
    @given(data=hostile.form_data(fields))
    def check(data: dict[str, Any]) -> None:
        note(shown(data))
        form = build_form(form_class, as_post(data))
        if not form.is_valid():
            stray = set(form.errors) - {*form.fields, forms.forms.NON_FIELD_ERRORS}
            assert not stray, f"errors keyed to no field: {stray}"
            return
        for name, value in form.cleaned_data.items():
            if isinstance(value, str):
                assert "\x00" not in value, f"{name} accepted a NUL character"
                limit = getattr(form.fields[name], "max_length", None)
                assert limit is None or len(value) <= limit, f"{name} too long"

    for data in hostile.explicit_examples(fields):
        check = example(data=data)(check)
    check()


# ---- pages that post a form -------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: object) -> Iterator[World]:
    """Built once for the module, rolled back at its end."""
    unblock = django_db_blocker.unblock  # type: ignore[attr-defined]  # pytest-django
    with unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


# Who tries first: the first role whose GET shows a form is the one that posts.
ROLE_ORDER = (
    Role.PROFESSIONAL,
    Role.AANDACHTSFUNCTIONARIS,
    Role.LOKAAL_TEAM_MEDEWERKER,
    Role.GEMEENTE_ANALIST,
    Role.FUNCTIONEEL_BEHEERDER,
    Role.BEVOEGD_GEZAG,
)
# Not posted to: they change the session the fuzz runs in, not data.
NOT_FUZZED = {"accounts:logout", "accounts:choose-organisation", "set_language"}
# Namespaces whose pages post no form (the API has its own test below).
# regionadmin: its pages are for the beheerder of a gemeente organisation, and
# the world's beheerder is a school's (403); its forms are fuzzed as forms above.
# sso: its two URLs redirect to and from the provider (404 unless configured).
NO_FORMS = {"api", "notifications", "portal", "organisations", "regionadmin", "sso", ""}
CHANNEL = "EIGEN"  # the own side's public channel (world.py)


def forms_in(response: HttpResponseBase) -> list[forms.BaseForm]:
    """The forms a page rendered, those of its formsets (and their management
    forms) included."""
    context = getattr(response, "context", None)
    if context is None:
        return []
    contexts = context if isinstance(context, ContextList) else [context]
    found: dict[int, forms.BaseForm] = {}
    for one in contexts:
        flat = one.flatten() if hasattr(one, "flatten") else dict(one)
        for value in flat.values():
            if isinstance(value, forms.BaseForm):
                found[id(value)] = value
            elif isinstance(value, BaseFormSet):
                for form in [value.management_form, *value.forms]:
                    found[id(form)] = form
    return list(found.values())


def fields_of(found: list[forms.BaseForm]) -> dict[str, forms.Field]:
    """The fields by the names they have in a POST (with a formset's prefix)."""
    return {
        form.add_prefix(name): field
        for form in found
        for name, field in form.fields.items()
    }


def refused(response: HttpResponseBase) -> bool:
    """A 4xx, or the page again with errors in a form."""
    if response.status_code >= 400:
        return True
    return response.status_code == 200 and any(f.errors for f in forms_in(response))


def namespace_of(route: Route) -> str:
    return route.name.split(":")[0] if ":" in route.name else ""


NAMESPACES = sorted({namespace_of(route) for route in all_routes()})


def _targets(
    world: World, namespace: str
) -> Iterator[tuple[str, Client, str, dict[str, forms.Field], dict[str, str]]]:
    """(name, client, url, fields, fixed data) of each page of the namespace whose
    GET shows a form to one of the own side's roles."""
    clients = {role: login_as(Client(), world.own.personas[role]) for role in ROLES}
    for route in all_routes():
        if namespace_of(route) != namespace or route.name in NOT_FUZZED:
            continue
        if route.rule is None or route.rule.kind != "role":
            continue
        for role in ROLE_ORDER:
            if role not in route.rule.roles:
                continue
            url = reverse(route.name, kwargs=KWARGS[route.name](world.own, role))
            response = clients[role].get(url)
            found = forms_in(response)
            if found:
                yield route.name, clients[role], url, fields_of(found), {}
            if response.status_code not in (403, 404):
                break  # this role sees the page: no other role is tried
    if namespace == "youth":
        yield from _youth_targets()
    if namespace == "accounts":
        url = reverse("accounts:login")
        yield (
            "accounts:login",
            Client(),
            url,
            fields_of(forms_in(Client().get(url))),
            {},
        )


def _youth_targets() -> Iterator[
    tuple[str, Client, str, dict[str, forms.Field], dict[str, str]]
]:
    """The children's pages: anonymous, the write page reached by the code."""
    client = Client()
    for name in ["youth:message-start", "youth:message-read", "youth:hulpwijzer"]:
        url = reverse(name)
        fields = fields_of(forms_in(client.get(url)))
        yield name, client, url, fields, {}
    write = client.post(reverse("youth:message-start"), {"q": CHANNEL})
    fields = fields_of(forms_in(write))
    yield (
        "youth:message-write",
        client,
        reverse("youth:message-write"),
        fields,
        {"channel": CHANNEL},
    )


ROLES = tuple(Role)


@pytest.mark.django_db
@pytest.mark.parametrize("namespace", NAMESPACES)
def test_a_page_answers_hostile_posts_without_500_and_stores_nothing_half(
    world: World, namespace: str
) -> None:
    fuzzed = []
    for name, client, url, fields, fixed in _targets(world, namespace):
        fuzzed.append(name)
        _fuzz_page(name, client, url, fields, fixed)
    if namespace in NO_FORMS:
        assert not fuzzed, f"{namespace} posts forms now: remove it from NO_FORMS"
    else:
        assert fuzzed, f"no page of {namespace} shows a form: add it to NO_FORMS"


def _fuzz_page(
    name: str,
    client: Client,
    url: str,
    fields: dict[str, forms.Field],
    fixed: dict[str, str],
) -> None:
    @settings(FUZZ, max_examples=8)
    @given(data=hostile.form_data(fields))
    def check(data: dict[str, Any]) -> None:
        note(f"POST {name} {url} {shown(data)}")
        post_and_check(client, url, {**data, **fixed})

    for data in hostile.explicit_examples(fields):
        check = example(data=data)(check)
    check()


def post_and_check(
    client: Client, url: str, data: Any, **extra: Any
) -> HttpResponseBase:
    """Post in a savepoint that is rolled back: each example starts from the same
    world. A refused post must leave every table as it was."""
    cache.clear()  # the children's rate limits count per hour
    with transaction.atomic():
        before = row_counts()
        response = client.post(url, data, **extra)
        assert response.status_code < 500, response.status_code
        if refused(response):
            after = row_counts()
            changed = {
                t: (before[t], after[t]) for t in before if before[t] != after[t]
            }
            assert not changed, (
                f"refused ({response.status_code}), yet stored {changed}"
            )
        transaction.set_rollback(True)
    return response


# ---- the API ----------------------------------------------------------------------


def _api_schema() -> dict[str, Any]:
    from drf_spectacular.generators import SchemaGenerator

    generated = SchemaGenerator(patterns=None).get_schema(request=None, public=True)
    assert isinstance(generated, dict)
    return generated


API = _api_schema()


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = API["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def api_posts() -> list[str]:
    return sorted(path for path, ops in API["paths"].items() if "post" in ops)


def request_properties(path: str) -> dict[str, dict[str, Any]]:
    request_body = API["paths"][path]["post"].get("requestBody")
    if request_body is None:  # an action without a body (ending a signal)
        return {}
    body = request_body["content"]["application/json"]
    properties: dict[str, dict[str, Any]] = _resolve(body["schema"]).get(
        "properties", {}
    )
    return {name: _resolve(schema) for name, schema in properties.items()}


def plausible_json(schema: dict[str, Any]) -> list[Any]:
    for option in schema.get("oneOf", schema.get("allOf", [])):
        if "enum" in _resolve(option):
            schema = _resolve(option)
    if "enum" in schema:
        return [v for v in schema["enum"] if v not in ("", None)][:6]
    kind, fmt = schema.get("type"), schema.get("format")
    if fmt == "date":
        return ["2026-01-05"]
    if fmt == "uuid":
        return [str(uuid.UUID(int=1))]
    plain: dict[str, list[Any]] = {
        "boolean": [True, False],
        "integer": [1, 2],
        "number": [1],
        "array": [[]],
        "object": [{}],
    }
    return plain.get(str(kind), ["Tekst (test)", "111222333"])


@st.composite
def api_body(draw: st.DrawFn, path: str) -> Any:
    """A JSON body: mostly an object with one or more hostile properties, now and
    then something that is no object at all."""
    if not draw(st.integers(0, 14)):
        return draw(hostile.wrong_json_types())
    properties = request_properties(path)
    names = sorted(properties)
    attacked = draw(st.sets(st.sampled_from(names), min_size=1)) if names else set()
    body: dict[str, Any] = {}
    for name in names:
        if name in attacked:
            if draw(st.integers(0, 9)):
                body[name] = draw(hostile.hostile_json_value())
            continue
        plausible = plausible_json(properties[name])
        if plausible:
            body[name] = draw(st.sampled_from(plausible))
    return body


# No closing of the world's trajectory waits for a co-sign: 404 whatever the body.
NOTHING_PENDING = {
    "/api/v1/trajectories/{public_id}/close/cosign/",
    "/api/v1/trajectories/{public_id}/close/return/",
}


# Actions that read no body: nothing to refuse, so only "no 5xx, nothing half".
BODYLESS = {"/api/v1/signals/{public_id}/end/"}
# The world's handover was offered to the lokaal team, whose role acts on it here:
# withdrawing is the sender's, so every body is refused by the service (403).
SENDER_ONLY = {"/api/v1/handovers/{public_id}/withdraw/"}
# The world's object of each collection, and who may act on it: the lokaal team
# directs the household and receives the handover; the school's
# aandachtsfunctionaris owns the trajectories' organisation and its signals.
API_OBJECTS = {
    "households": ("household", Role.LOKAAL_TEAM_MEDEWERKER),
    "handovers": ("handover", Role.LOKAAL_TEAM_MEDEWERKER),
    "signals": ("signal", Role.AANDACHTSFUNCTIONARIS),
}


def api_collection(path: str) -> str:
    return path.removeprefix("/api/v1/").split("/")[0]


def api_role(path: str) -> Role:
    return API_OBJECTS.get(api_collection(path), ("", Role.AANDACHTSFUNCTIONARIS))[1]


def api_url(world: World, path: str) -> str:
    ids = world.own.ids
    key = API_OBJECTS.get(api_collection(path), ("trajectory", Role.PROFESSIONAL))[0]
    if "decision_id" in path:
        key = "pending_trajectory"
    return path.replace("{public_id}", str(ids[key])).replace(
        "{decision_id}", str(ids["decision"])
    )


@pytest.mark.django_db
@pytest.mark.parametrize("path", api_posts())
def test_the_api_answers_hostile_json_with_4xx_and_stores_nothing_half(
    world: World, path: str
) -> None:
    membership = world.own.personas[api_role(path)].membership
    _, token = api_token_create(membership=membership, name="fuzz")
    client = Client(HTTP_AUTHORIZATION=f"Token {token}")
    url = api_url(world, path)
    statuses: set[int] = set()

    @settings(FUZZ, max_examples=15)
    @given(body=api_body(path))
    def check(body: Any) -> None:
        note(f"POST {url} {shown(body)}")
        response = post_and_check(client, url, body, content_type="application/json")
        statuses.add(response.status_code)

    check()
    if path in NOTHING_PENDING:
        assert statuses == {404}, statuses
    elif path in BODYLESS:
        assert statuses <= {200}, statuses
    elif path in SENDER_ONLY:
        assert statuses == {403}, statuses
    else:
        assert statuses & {400, 409, 422}, f"never refused anything: {statuses}"
