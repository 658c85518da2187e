"""A whole trajectory through the API, from the worry to closing after the melding."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

import pytest
from conftest import Persona
from rest_framework.test import APIClient

from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import Trajectory

from .conftest import fields_of, url

pytestmark = [pytest.mark.django_db]
TokenClient = Callable[[Persona], APIClient]
TODAY = timezone.localdate

RATIONALE = "Onderbouwing op basis van de signalen en de gesprekken."
Detail = dict[str, Any]


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.json()
    return response.json()


@dataclass(frozen=True)
class Walk:
    """One trajectory walked through the API by a professional (``me``) and the
    aandachtsfunctionaris (``af``)."""

    me: APIClient
    af: APIClient
    pid: str
    child: str

    def version(self, client: APIClient | None = None) -> int:
        detail = ok((client or self.me).get(url("trajectory-detail", self.pid)))
        return int(detail["version"])

    def advance(self, to_step: int, version: int) -> Detail:
        detail: Detail = ok(
            self.me.post(
                url("step-advance", self.pid),
                {"to_step": to_step, "expected_version": version},
            )
        )
        return detail


def start_with_a_worry(me: APIClient, af: APIClient) -> Walk:
    detail = ok(
        me.post(
            url("trajectory-list"),
            {
                "worry": "Sam heeft blauwe plekken.",
                "forms_of_violence": ["physical"],
                "children": [{"given_name": "Sam (demo)", "family_name": "Test"}],
            },
        ),
        201,
    )
    assert detail["next_step_missing"]
    return Walk(
        me=me,
        af=af,
        pid=detail["public_id"],
        child=detail["children"][0]["public_id"],
    )


def map_signals_and_consult(walk: Walk) -> Detail:
    """Steps 1 and 2; returns the trajectory at step 3."""
    ok(
        walk.me.post(
            url("observation-add", walk.pid),
            {
                "observed_on": TODAY().isoformat(),
                "observed_by": "Juf Test",
                "source": "own",
                "facts": "Blauwe plekken op de arm.",
            },
        ),
        201,
    )
    detail = walk.advance(2, walk.version())
    assert detail["step"] == 2
    ok(
        walk.me.post(
            url("consultation-add", walk.pid),
            {
                "party": "aandachtsfunctionaris",
                "consulted_name": "AF Test",
                "consulted_on": TODAY().isoformat(),
                "question": "Hoe ernstig?",
                "advice": "Ga in gesprek.",
            },
        ),
        201,
    )
    return walk.advance(3, detail["version"])


def talk_with_parents_and_child(walk: Walk, detail: Detail) -> Detail:
    """Step 3; returns the trajectory at step 4."""
    ok(
        walk.me.post(
            url("conversation-add", walk.pid),
            {
                "with_whom": "parents",
                "held_on": TODAY().isoformat(),
                "what_was_said": "Vader zegt dat Sam viel.",
            },
        ),
        201,
    )
    conversation = ok(
        walk.me.post(
            url("conversation-add", walk.pid),
            {
                "with_whom": "child",
                "child": walk.child,
                "held_on": TODAY().isoformat(),
                "what_was_said": "Rustig gesprek.",
                "child_words": scenarios.CHILD_WORDS,
                "child_wishes": "Dat het thuis rustig is.",
            },
        ),
        201,
    )
    assert conversation["child"] == walk.child
    return walk.advance(4, detail["version"])


def weigh_to_melden(walk: Walk) -> Detail:
    """Step 4: both afwegingen yes, so the advice is melden; returns the
    trajectory at step 5."""
    for number in (1, 2):
        answer = ok(
            walk.me.post(
                url("afweging-answer", walk.pid),
                {"question": number, "answer": "yes", "rationale": RATIONALE},
            ),
            201,
        )
        assert answer["question"] == number
    detail = ok(walk.me.get(url("trajectory-detail", walk.pid)))
    assert detail["advice"]["outcome"] == "melden"
    assert detail["next_step_missing"] == []
    return walk.advance(5, detail["version"])


def propose(walk: Walk, version: int, **data: object) -> Detail:
    decision: Detail = ok(
        walk.me.post(
            url("decision-propose", walk.pid),
            {
                "melden": True,
                "melden_rationale": "Structurele onveiligheid thuis.",
                **data,
                "expected_version": version,
            },
        ),
        201,
    )
    return decision


def decide_after_a_return(walk: Walk, detail: Detail, cosigner_name: str) -> Detail:
    """Step 5: the aandachtsfunctionaris returns the first proposal and co-signs
    the second; returns the co-signed decision."""
    decision = propose(
        walk,
        detail["version"],
        help_possible=False,
        help_rationale="Hulp van school alleen is niet genoeg.",
    )
    assert decision["cosign_status"] == "pending"
    returned = ok(
        walk.af.post(
            url("decision-return", walk.pid, decision["public_id"]),
            {
                "comment": "Noem ook de school als steun.",
                "expected_version": walk.version(walk.af),
            },
        )
    )
    assert returned["cosign_status"] == "returned"
    decision = propose(
        walk,
        walk.version(),
        help_possible=True,
        help_rationale="School blijft steunen met een vertrouwenspersoon.",
        help_plan="Wekelijks gesprek met de intern begeleider.",
    )
    cosigned = ok(
        walk.af.post(
            url("decision-cosign", walk.pid, decision["public_id"]),
            {"expected_version": walk.version(walk.af)},
        )
    )
    assert cosigned["cosign_status"] == "cosigned"
    assert cosigned["cosigned_by_name"] == cosigner_name
    return decision


def meld_and_hand_over(walk: Walk, decision: Detail) -> None:
    melding = ok(
        walk.me.post(
            url("melding-create", walk.pid),
            {
                "melder_name": "Juf Test",
                "melder_function": "Leerkracht",
                "melder_phone": "070-0000000",
                "melder_email": "juf@test.kindveilig.invalid",
                "discussed_with_parents": True,
                "discussed_with_child": True,
                "expected_version": walk.version(),
            },
        ),
        201,
    )
    assert melding["decision"] == decision["public_id"]
    handed_over = ok(
        walk.me.post(
            url("melding-handover", walk.pid),
            {
                "handed_over_at": timezone.now().isoformat(),
                "channel": "phone",
                "reference": "VT-0001",
            },
        )
    )
    assert handed_over["veilig_thuis_reference"] == "VT-0001"


def close_after_feedback(walk: Walk) -> None:
    ok(
        walk.me.post(
            url("feedback-add", walk.pid),
            {
                "kind": "veiligheidsbeoordeling",
                "received_on": TODAY().isoformat(),
                "summary": "Veilig Thuis draagt over aan het lokaal team.",
            },
        ),
        201,
    )
    closed = ok(
        walk.me.post(
            url("trajectory-close", walk.pid),
            {
                "outcome": "after_melding",
                "agreements": "School volgt Sam; lokaal team is betrokken.",
                "expected_version": walk.version(),
            },
        )
    )
    assert closed["status"] == "closed"
    assert closed["outcome"] == "after_melding"


def assert_chronology_in_order(walk: Walk) -> None:
    chronology = ok(walk.me.get(url("trajectory-chronology", walk.pid)))
    kinds = {item["kind"] for item in chronology}
    assert {
        "observation",
        "consultation",
        "conversation",
        "answer",
        "decision",
        "melding",
        "feedback",
        "event",
    } <= kinds
    assert [item["at"] for item in chronology] == sorted(
        item["at"] for item in chronology
    )


def test_a_trajectory_from_worry_to_closing(
    professional: Persona,
    aandachtsfunctionaris: Persona,
    token_client: TokenClient,
) -> None:
    walk = start_with_a_worry(
        token_client(professional), token_client(aandachtsfunctionaris)
    )
    detail = map_signals_and_consult(walk)
    detail = talk_with_parents_and_child(walk, detail)
    detail = weigh_to_melden(walk)
    decision = decide_after_a_return(walk, detail, aandachtsfunctionaris.user.full_name)
    meld_and_hand_over(walk, decision)
    close_after_feedback(walk)
    assert_chronology_in_order(walk)
    trajectory = Trajectory.objects.get(public_id=walk.pid)
    assert trajectory.status == "closed"


def test_acute_danger_is_reported_through_the_api(
    professional: Persona, token_client: TokenClient
) -> None:
    trajectory = scenarios.start(professional.actor)
    client = token_client(professional)
    refused = client.post(url("trajectory-acute", trajectory.public_id), {"note": " "})
    assert refused.status_code == 400
    assert fields_of(refused.json()) == {"note"}
    detail = ok(
        client.post(
            url("trajectory-acute", trajectory.public_id),
            {"note": "Kind durft niet naar huis."},
        )
    )
    assert detail["is_acute"] is True
    assert detail["version"] == trajectory.version + 1


def test_a_skip_reason_is_recorded_through_the_api(
    professional: Persona, token_client: TokenClient
) -> None:
    trajectory = scenarios.at_step_3(professional.actor)
    child = trajectory.children.get().person.public_id
    client = token_client(professional)
    skip = ok(
        client.post(
            url("conversation-skip", trajectory.public_id),
            {
                "with_whom": "child",
                "child": str(child),
                "reason": "too_young",
                "explanation": "Het kind is twee jaar oud.",
            },
        ),
        201,
    )
    assert skip["child"] == str(child)
    assert skip["reason"] == "too_young"


def test_the_handover_of_a_missing_melding_is_404(
    professional: Persona, token_client: TokenClient
) -> None:
    trajectory = scenarios.start(professional.actor)
    response = token_client(professional).post(
        url("melding-handover", trajectory.public_id),
        {"handed_over_at": timezone.now().isoformat(), "channel": "phone"},
    )
    assert response.status_code == 404


def test_a_decision_of_another_trajectory_is_404(
    professional: Persona,
    aandachtsfunctionaris: Persona,
    token_client: TokenClient,
) -> None:
    decision = scenarios.decided_melden(professional.actor, aandachtsfunctionaris.actor)
    other = scenarios.start(professional.actor)
    response = token_client(aandachtsfunctionaris).post(
        url("decision-return", other.public_id, decision.public_id),
        {"comment": "Anders.", "expected_version": 1},
    )
    assert response.status_code == 404
