"""The melding document for Veilig Thuis: its content, and the PDF.

``melding_document_build`` turns a trajectory and its melding into a plain
dataclass in the structure Veilig Thuis asks for, one section each (1 Uitleg
melden, 2 Meldcode, 3 Melder gegevens, 4 Betrokkenen, 5 Melding,
6 Ondersteunend netwerk, 7 Overige informatie), each built by its own function,
at a fixed number of queries. The same context renders
as the HTML print view and, through WeasyPrint, as a PDF.

Access is not checked here: the caller has the trajectory from
``selectors.trajectory_get_for`` and records the PRINT or EXPORT audit records.
"""

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from weasyprint import HTML
from weasyprint.urls import URLFetcher

from kindveilig.persons.models import Person

from .models import (
    AfwegingAnswer,
    BodyMark,
    Consultation,
    Conversation,
    ConversationSkip,
    InvolvedPerson,
    Melding,
    Observation,
    Trajectory,
)
from .models.choices import ConversationWith, CosignStatus, FormOfViolence

__all__ = [
    "MeldingDocument",
    "child_person_ids",
    "melding_document_build",
    "melding_for",
    "render_melding_pdf",
]

PDF_TEMPLATE = "meldcode/melding_pdf.html"


@dataclass(frozen=True)
class ChildLine:
    name: str
    date_of_birth: dt.date | None
    age: str = ""  # on the day the document is made ("7 jaar", "5 maanden")


@dataclass(frozen=True)
class InvolvedLine:
    name: str
    relation: str
    child_name: str
    has_gezag: bool


@dataclass(frozen=True)
class MarkLine:
    region: str
    side: str
    description: str


@dataclass(frozen=True)
class SignalLine:
    observed_on: dt.date
    observed_by: str
    source: str
    source_name: str
    facts: str
    interpretation: str
    interpretation_by: str
    child_quote: str
    marks: tuple[MarkLine, ...]


@dataclass(frozen=True)
class ConsultationLine:
    consulted_on: dt.date
    party: str
    consulted_name: str
    anonymous: bool
    question: str
    advice: str
    agreed_actions: str


@dataclass(frozen=True)
class ConversationLine:
    held_on: dt.date
    with_whom: str
    child_name: str
    what_was_said: str
    reaction: str
    agreements: str
    child_wellbeing: str
    child_told_next_steps: bool
    is_with_child: bool


@dataclass(frozen=True)
class SkipLine:
    recorded_on: dt.date
    with_whom: str
    child_name: str
    reason: str
    explanation: str


@dataclass(frozen=True)
class AnswerLine:
    number: int
    label: str
    question: str
    answer: str
    rationale: str
    with_veilig_thuis: bool
    answered_on: dt.date


@dataclass(frozen=True)
class DecisionLine:
    melden: bool
    melden_rationale: str
    help_possible: bool
    help_rationale: str
    help_plan: str
    acute: bool
    proposed_by: str
    proposed_at: dt.datetime
    cosign_status: str
    cosigned_by: str
    cosigned_at: dt.datetime | None
    round: int = 1
    deviation_justification: str = ""


@dataclass(frozen=True)
class EarlierRoundLine:
    """An earlier decision round: what was decided, and the melding made then."""

    round: int
    decided_at: dt.datetime
    melden: bool
    help_plan: str
    melding_made_at: dt.datetime | None


@dataclass(frozen=True)
class ChildVoiceLine:
    """The child's own words, quoted as recorded, with where they were said."""

    on: dt.date
    child_name: str
    context: str
    text: str


@dataclass(frozen=True)
class AboutSection:
    """1 Uitleg melden: whether it was discussed beforehand, and the handover."""

    melding_made_at: dt.datetime
    discussed_with_parents: bool
    discussed_with_child: bool
    not_discussed_reason: str
    not_discussed_explanation: str
    handed_over_at: dt.datetime | None
    handed_over_channel: str
    veilig_thuis_reference: str


@dataclass(frozen=True)
class MeldcodeSection:
    """2 Meldcode: what was done in each of the five steps."""

    signal_dates: tuple[dt.date, ...]
    consultations: tuple[ConsultationLine, ...]
    conversations: tuple[ConversationLine, ...]
    skips: tuple[SkipLine, ...]
    framework_name: str
    answers: tuple[AnswerLine, ...]
    decision: DecisionLine
    earlier_rounds: tuple[EarlierRoundLine, ...] = ()


@dataclass(frozen=True)
class MelderSection:
    """3 Melder gegevens: who makes the melding and how to reach them."""

    name: str
    function: str
    organisation: str
    phone: str
    email: str


@dataclass(frozen=True)
class PeopleSection:
    """4 Betrokkenen: the children and the other people involved."""

    children: tuple[ChildLine, ...]
    involved: tuple[InvolvedLine, ...]


@dataclass(frozen=True)
class MeldingSection:
    """5 Melding: the worry, the signals and the child's own words."""

    worry: str
    is_acute: bool
    forms_of_violence: tuple[str, ...]
    signals: tuple[SignalLine, ...]
    child_voice: tuple[ChildVoiceLine, ...]


@dataclass(frozen=True)
class NetworkSection:
    """6 Ondersteunend netwerk."""

    support_network: str
    help_plan: str


@dataclass(frozen=True)
class OtherSection:
    """7 Overige informatie."""

    other_information: str
    kindcheck_notes: str


@dataclass(frozen=True)
class MeldingDocument:
    reference: str
    generated_at: dt.datetime
    organisation_name: str
    about: AboutSection
    meldcode: MeldcodeSection
    melder: MelderSection
    people: PeopleSection
    melding: MeldingSection
    network: NetworkSection
    other: OtherSection


def melding_for(trajectory: Trajectory) -> Melding | None:
    """The trajectory's melding with what the document shows of it (one query)."""
    return (
        Melding.objects.filter(trajectory=trajectory)
        .select_related("decision", "decision__created_by", "decision__cosigned_by")
        .order_by("-created_at", "-pk")
        .first()
    )


def _earlier_rounds(
    trajectory: Trajectory, current_round: int
) -> tuple[EarlierRoundLine, ...]:
    """A renewed melding tells Veilig Thuis what was decided and done before."""
    decisions = (
        trajectory.decisions.filter(round__lt=current_round)
        .exclude(cosign_status=CosignStatus.RETURNED)
        .select_related("melding")
        .order_by("round", "created_at")
    )
    lines = []
    for decision in decisions:
        melding = getattr(decision, "melding", None)
        lines.append(
            EarlierRoundLine(
                round=decision.round,
                decided_at=decision.created_at,
                melden=decision.melden,
                help_plan=decision.help_plan,
                melding_made_at=melding.created_at if melding else None,
            )
        )
    return tuple(lines)


def _language() -> str:
    language = (translation.get_language() or "nl").split("-")[0]
    return language if language in ("nl", "en") else "nl"


def _text(value: Any, language: str) -> str:
    """A framework text in the active language ({"nl": …, "en": …})."""
    if isinstance(value, dict):
        return str(value.get(language) or value.get("nl") or "")
    return str(value or "")


def _form_of_violence(value: str) -> str:
    if value in FormOfViolence.values:
        return str(FormOfViolence(value).label)
    return value


def _signals(trajectory: Trajectory) -> list[Observation]:
    return list(
        Observation.objects.filter(trajectory=trajectory)
        .prefetch_related(Prefetch("marks", queryset=BodyMark.objects.order_by("pk")))
        .order_by("observed_on", "created_at", "pk")
    )


def _conversations(trajectory: Trajectory) -> list[Conversation]:
    return list(
        Conversation.objects.filter(trajectory=trajectory)
        .select_related("child")
        .order_by("held_on", "created_at", "pk")
    )


# 1 Uitleg melden


def _about_section(melding: Melding) -> AboutSection:
    return AboutSection(
        melding_made_at=melding.created_at,
        discussed_with_parents=melding.discussed_with_parents,
        discussed_with_child=melding.discussed_with_child,
        not_discussed_reason=melding.get_not_discussed_reason_display()
        if melding.not_discussed_reason
        else "",
        not_discussed_explanation=melding.not_discussed_explanation,
        handed_over_at=melding.handed_over_at,
        handed_over_channel=melding.get_handed_over_channel_display()
        if melding.handed_over_channel
        else "",
        veilig_thuis_reference=melding.veilig_thuis_reference,
    )


# 2 Meldcode


def _consultations(trajectory: Trajectory) -> tuple[ConsultationLine, ...]:
    return tuple(
        ConsultationLine(
            consulted_on=c.consulted_on,
            party=c.get_party_display(),
            consulted_name=c.consulted_name,
            anonymous=c.anonymous,
            question=c.question,
            advice=c.advice,
            agreed_actions=c.agreed_actions,
        )
        for c in Consultation.objects.filter(trajectory=trajectory).order_by(
            "consulted_on", "created_at", "pk"
        )
    )


def _conversation_line(conversation: Conversation) -> ConversationLine:
    c = conversation
    return ConversationLine(
        held_on=c.held_on,
        with_whom=c.get_with_whom_display(),
        child_name=c.child.full_name if c.child else "",
        what_was_said=c.what_was_said,
        reaction=c.reaction,
        agreements=c.agreements,
        child_wellbeing=c.child_wellbeing,
        child_told_next_steps=c.child_told_next_steps,
        is_with_child=c.with_whom == ConversationWith.CHILD,
    )


def _skips(trajectory: Trajectory) -> tuple[SkipLine, ...]:
    return tuple(
        SkipLine(
            recorded_on=timezone.localdate(s.created_at),
            with_whom=s.get_with_whom_display(),
            child_name=s.child.full_name if s.child else "",
            reason=s.get_reason_display(),
            explanation=s.explanation,
        )
        for s in ConversationSkip.objects.filter(trajectory=trajectory)
        .select_related("child")
        .order_by("created_at", "pk")
    )


def _answers(trajectory: Trajectory, language: str) -> tuple[AnswerLine, ...]:
    """The answer that counts per question: a later one replaces an earlier one."""
    latest: dict[int, AfwegingAnswer] = {}
    for answer in AfwegingAnswer.objects.filter(trajectory=trajectory).order_by(
        "created_at", "pk"
    ):
        latest[answer.question] = answer
    lines = []
    for number in sorted(latest):
        answer = latest[number]
        try:
            question = trajectory.framework.question(number)
        except KeyError:
            question = {}
        lines.append(
            AnswerLine(
                number=number,
                label=_text(question.get("label"), language),
                question=_text(question.get("text"), language),
                answer=answer.get_answer_display(),
                rationale=answer.rationale,
                with_veilig_thuis=answer.with_veilig_thuis,
                answered_on=timezone.localdate(answer.created_at),
            )
        )
    return tuple(lines)


def _decision(melding: Melding) -> DecisionLine:
    decision = melding.decision
    return DecisionLine(
        melden=decision.melden,
        melden_rationale=decision.melden_rationale,
        help_possible=decision.help_possible,
        help_rationale=decision.help_rationale,
        help_plan=decision.help_plan,
        acute=decision.acute,
        proposed_by=decision.created_by.full_name,
        proposed_at=decision.created_at,
        cosign_status=decision.get_cosign_status_display(),
        cosigned_by=decision.cosigned_by.full_name if decision.cosigned_by else "",
        cosigned_at=decision.cosigned_at,
        round=decision.round,
        deviation_justification=decision.deviation_justification,
    )


def _meldcode_section(
    trajectory: Trajectory,
    observations: list[Observation],
    conversations: list[Conversation],
    decision: DecisionLine,
) -> MeldcodeSection:
    return MeldcodeSection(
        signal_dates=tuple(sorted({o.observed_on for o in observations})),
        consultations=_consultations(trajectory),
        conversations=tuple(_conversation_line(c) for c in conversations),
        skips=_skips(trajectory),
        framework_name=str(trajectory.framework),
        answers=_answers(trajectory, _language()),
        decision=decision,
        earlier_rounds=_earlier_rounds(trajectory, decision.round),
    )


# 3 Melder gegevens


def _melder_section(trajectory: Trajectory, melding: Melding) -> MelderSection:
    return MelderSection(
        name=melding.melder_name,
        function=melding.melder_function,
        organisation=trajectory.organisation.name,
        phone=melding.melder_phone,
        email=melding.melder_email,
    )


# 4 Betrokkenen


def _people_section(trajectory: Trajectory, children: list[Person]) -> PeopleSection:
    involved = (
        InvolvedPerson.objects.filter(trajectory=trajectory)
        .select_related("person", "child")
        .order_by("pk")
    )
    return PeopleSection(
        children=tuple(
            ChildLine(
                name=person.full_name,
                date_of_birth=person.date_of_birth,
                age=person.age_on(timezone.localdate()),
            )
            for person in children
        ),
        involved=tuple(
            InvolvedLine(
                name=item.person.full_name,
                relation=item.get_relation_display(),
                child_name=item.child.full_name,
                has_gezag=item.has_gezag,
            )
            for item in involved
        ),
    )


# 5 Melding


def _signal_line(observation: Observation) -> SignalLine:
    o = observation
    return SignalLine(
        observed_on=o.observed_on,
        observed_by=o.observed_by,
        source=o.get_source_display(),
        source_name=o.source_name,
        facts=o.facts,
        interpretation=o.interpretation,
        interpretation_by=o.interpretation_by,
        child_quote=o.child_quote,
        marks=tuple(
            MarkLine(
                region=m.get_region_display(),
                side=m.get_side_display(),
                description=m.description,
            )
            for m in o.marks.all()
        ),
    )


def _child_voice(
    observations: list[Observation],
    conversations: list[Conversation],
    children: list[Person],
) -> tuple[ChildVoiceLine, ...]:
    """The child's words from the signals and the conversations, by date."""
    lines: list[ChildVoiceLine] = []
    only_child = children[0].full_name if len(children) == 1 else ""
    for observation in observations:
        if observation.child_quote:
            lines.append(
                ChildVoiceLine(
                    on=observation.observed_on,
                    child_name=only_child,
                    context=_("Said when the signal was noticed"),
                    text=observation.child_quote,
                )
            )
    for conversation in conversations:
        name = conversation.child.full_name if conversation.child else only_child
        said = (
            (_("What the child told, in their own words"), conversation.child_words),
            (_("What the child wants"), conversation.child_wishes),
        )
        lines.extend(
            ChildVoiceLine(
                on=conversation.held_on, child_name=name, context=context, text=text
            )
            for context, text in said
            if text
        )
    return tuple(sorted(lines, key=lambda line: line.on))


def _melding_section(
    trajectory: Trajectory,
    observations: list[Observation],
    conversations: list[Conversation],
    children: list[Person],
    decision: DecisionLine,
) -> MeldingSection:
    return MeldingSection(
        worry=trajectory.worry,
        is_acute=trajectory.is_acute or decision.acute,
        forms_of_violence=tuple(
            _form_of_violence(str(value)) for value in trajectory.forms_of_violence
        ),
        signals=tuple(_signal_line(o) for o in observations),
        child_voice=_child_voice(observations, conversations, children),
    )


# 6 Ondersteunend netwerk and 7 Overige informatie


def _network_section(melding: Melding, decision: DecisionLine) -> NetworkSection:
    return NetworkSection(
        support_network=melding.support_network, help_plan=decision.help_plan
    )


def _other_section(trajectory: Trajectory, melding: Melding) -> OtherSection:
    return OtherSection(
        other_information=melding.other_information,
        kindcheck_notes=trajectory.kindcheck_notes,
    )


def melding_document_build(
    *, trajectory: Trajectory, melding: Melding
) -> MeldingDocument:
    """Everything the document shows, read in a fixed number of queries.

    ``trajectory`` comes from ``trajectory_get_for`` (organisation, framework
    and children already loaded); ``melding`` from ``melding_for``. The signals,
    conversations, children and decision are read once and shared by the
    sections that show them.
    """
    children = [link.person for link in trajectory.children.all()]
    observations = _signals(trajectory)
    conversations = _conversations(trajectory)
    decision = _decision(melding)
    return MeldingDocument(
        reference=str(trajectory.public_id)[:8],
        generated_at=timezone.now(),
        organisation_name=trajectory.organisation.name,
        about=_about_section(melding),
        meldcode=_meldcode_section(trajectory, observations, conversations, decision),
        melder=_melder_section(trajectory, melding),
        people=_people_section(trajectory, children),
        melding=_melding_section(
            trajectory, observations, conversations, children, decision
        ),
        network=_network_section(melding, decision),
        other=_other_section(trajectory, melding),
    )


class _OfflineURLFetcher(URLFetcher):  # type: ignore[misc]  # weasyprint is untyped
    """Lets WeasyPrint read ``data:`` URLs only: rendering never reaches a network
    or the file system, whatever the document contains."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("data",), allow_redirects=False)

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
        if not url.startswith("data:"):
            raise ValueError("Only data: URLs are allowed in the melding PDF.")
        return super().fetch(url, headers)


def render_melding_pdf(context: MeldingDocument) -> bytes:
    """The melding as an A4 PDF (WeasyPrint, CSS inline in the template)."""
    html = render_to_string(PDF_TEMPLATE, {"doc": context, "language": _language()})
    pdf = HTML(string=html, base_url=None, url_fetcher=_OfflineURLFetcher()).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf


def child_person_ids(trajectory: Trajectory) -> list[uuid.UUID]:
    """The public ids of the children concerned, for one audit record each."""
    return [link.person.public_id for link in trajectory.children.all()]
