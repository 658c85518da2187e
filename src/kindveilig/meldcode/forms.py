from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from kindveilig.core.forms import KindveiligForm, required_when
from kindveilig.core.validators import (
    validate_birth_date,
    validate_bsn,
    validate_event_date,
    validate_no_hidden_characters,
    validate_planned_date,
)

from .afwegingskader import Answer
from .file_types import MAX_ATTACHMENT_BYTES
from .models.choices import (
    HAND_STARTED_ORIGINS,
    AnswerChoice,
    BodyRegion,
    BodySide,
    ConsultedParty,
    ConversationWith,
    FeedbackKind,
    FormOfViolence,
    HandoverChannel,
    OpenMeldenException,
    Origin,
    Outcome,
    Relation,
    SkipReason,
    Source,
)


def validate_upload_size(upload: UploadedFile[bytes]) -> None:
    """Refused on the size the upload handler counted, before anything is read."""
    if upload.size is not None and upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(_("The file is larger than 10 MB."), code="too_large")


def validate_upload_name(upload: UploadedFile[bytes]) -> None:
    validate_no_hidden_characters(upload.name)


DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXTAREA = forms.Textarea(attrs={"rows": 4})


class VersionedForm(KindveiligForm):
    """Carries the trajectory version the user saw (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class StartForm(KindveiligForm):
    colleague_suspicion = forms.TypedChoiceField(
        label=_(
            "Is the suspicion about a colleague, employee or volunteer of your organisation?"
        ),
        choices=[("no", _("No")), ("yes", _("Yes"))],
        initial="no",
        widget=forms.RadioSelect,
        help_text=_("Then the meldplicht applies instead of the meldcode."),
    )
    origin = forms.ChoiceField(
        label=_("How did this start?"),
        choices=HAND_STARTED_ORIGINS,
        initial=Origin.WORRY,
        widget=forms.RadioSelect,
    )
    worry = forms.CharField(
        label=_("Your worry in a few words"), widget=TEXTAREA, required=False
    )
    forms_of_violence = forms.MultipleChoiceField(
        label=_("Forms of violence you are worried about"),
        choices=FormOfViolence.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    kindcheck_notes = forms.CharField(
        label=_("Kindcheck"),
        help_text=_(
            "Only when you work with an adult client: what parental problems do you see, "
            "how many children (and how old), and is care shared?"
        ),
        widget=TEXTAREA,
        required=False,
    )


class ChildForm(KindveiligForm):
    given_name = forms.CharField(
        label=_("Given name of the child"),
        max_length=100,
        validators=[validate_no_hidden_characters],
    )
    family_name = forms.CharField(
        label=_("Family name"),
        max_length=150,
        validators=[validate_no_hidden_characters],
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        widget=DATE_WIDGET,
        required=False,
        validators=[validate_birth_date],
    )
    bsn = forms.CharField(
        label=_("BSN"), max_length=9, required=False, validators=[validate_bsn]
    )


class InvolvedForm(KindveiligForm):
    given_name = forms.CharField(
        label=_("Given name"),
        max_length=100,
        validators=[validate_no_hidden_characters],
    )
    family_name = forms.CharField(
        label=_("Family name"),
        max_length=150,
        validators=[validate_no_hidden_characters],
    )
    relation = forms.ChoiceField(
        label=_("Relation to the child"), choices=Relation.choices
    )
    has_gezag = forms.BooleanField(
        label=_("Holds parental authority (gezag)"), required=False
    )


# absolute_max: a POST that claims more rows is refused before a form is built for
# each (Django would otherwise build up to max_num + 1000 of them).
ChildFormSet = forms.formset_factory(
    ChildForm, extra=0, min_num=1, validate_min=True, max_num=8, absolute_max=8
)
InvolvedFormSet = forms.formset_factory(
    InvolvedForm, extra=0, max_num=8, absolute_max=8
)


class ObservationForm(KindveiligForm):
    observed_on = forms.DateField(
        label=_("Date"), widget=DATE_WIDGET, validators=[validate_event_date]
    )
    observed_by = forms.CharField(label=_("Seen or heard by"), max_length=200)
    source = forms.ChoiceField(
        label=_("Source"), choices=Source.choices, widget=forms.RadioSelect
    )
    source_name = forms.CharField(
        label=_("Name of the third party"),
        max_length=200,
        required=False,
        help_text=_("Information from a third party always names its source."),
    )
    facts = forms.CharField(
        label=_("Facts: what was seen or heard"),
        help_text=_(
            "Only what you saw or heard yourself, or what the source said. No conclusions."
        ),
        widget=TEXTAREA,
    )
    interpretation = forms.CharField(
        label=_("Interpretation"),
        help_text=_("What you think it means. It is shown apart from the facts."),
        widget=TEXTAREA,
        required=False,
    )
    interpretation_by = forms.CharField(
        label=_("Whose interpretation"), max_length=200, required=False
    )
    child_quote = forms.CharField(
        label=_("The child's own words"),
        help_text=_(
            "Write down literally what the child said, if the child said something."
        ),
        widget=TEXTAREA,
        required=False,
    )


class MarkForm(KindveiligForm):
    side = forms.ChoiceField(label=_("Side of the body"), choices=BodySide.choices)
    region = forms.ChoiceField(label=_("Body part"), choices=BodyRegion.choices)
    description = forms.CharField(
        label=_("Description of the injury"),
        help_text=_("Size, colour, shape: what a colleague needs to picture it."),
        max_length=500,
    )


MarkFormSet = forms.formset_factory(MarkForm, extra=0, max_num=20, absolute_max=20)


class AttachmentForm(KindveiligForm):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, JPEG, PNG or text, at most 10 MB."),
        validators=[validate_upload_size, validate_upload_name],
    )


class ConsultationForm(KindveiligForm):
    party = forms.ChoiceField(
        label=_("Whom did you consult?"),
        choices=ConsultedParty.choices,
        widget=forms.RadioSelect,
    )
    consulted_name = forms.CharField(
        label=_("Name of the person consulted"), max_length=200
    )
    consulted_on = forms.DateField(
        label=_("Date"), widget=DATE_WIDGET, validators=[validate_event_date]
    )
    anonymous = forms.BooleanField(
        label=_("Anonymous advies: I gave no names to Veilig Thuis"), required=False
    )
    question = forms.CharField(label=_("Your question"), widget=TEXTAREA)
    advice = forms.CharField(label=_("The advice"), widget=TEXTAREA)
    agreed_actions = forms.CharField(
        label=_("Agreed actions"), widget=TEXTAREA, required=False
    )


class ConversationForm(KindveiligForm):
    with_whom = forms.ChoiceField(
        label=_("Conversation with"),
        choices=ConversationWith.choices,
        widget=forms.RadioSelect,
    )
    child = required_when(
        forms.ChoiceField(label=_("Which child")),
        _("Needed when the conversation was with a child."),
    )
    held_on = forms.DateField(
        label=_("Date"), widget=DATE_WIDGET, validators=[validate_event_date]
    )
    preparation = forms.CharField(
        label=_("Preparation"), widget=TEXTAREA, required=False
    )
    what_was_said = forms.CharField(label=_("What was said"), widget=TEXTAREA)
    reaction = forms.CharField(label=_("Reaction"), widget=TEXTAREA, required=False)
    agreements = forms.CharField(label=_("Agreements"), widget=TEXTAREA, required=False)
    child_words = forms.CharField(
        label=_("What the child told, in the child's own words"),
        widget=TEXTAREA,
        required=False,
    )
    child_wishes = forms.CharField(
        label=_("What the child wants"), widget=TEXTAREA, required=False
    )
    child_wellbeing = forms.CharField(
        label=_("How the child is doing"), widget=TEXTAREA, required=False
    )
    child_told_next_steps = forms.BooleanField(
        label=_("I told the child what happens next"), required=False
    )

    def __init__(
        self, *args: Any, children: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["child"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "—"), *children]


class SkipForm(KindveiligForm):
    with_whom = forms.ChoiceField(
        label=_("Conversation with"),
        choices=ConversationWith.choices,
        widget=forms.RadioSelect,
    )
    child = required_when(
        forms.ChoiceField(label=_("Which child")),
        _("Needed when the conversation not held is the one with a child."),
    )
    reason = forms.ChoiceField(
        label=_("Why is there no conversation?"),
        choices=SkipReason.choices,
        widget=forms.RadioSelect,
    )
    explanation = forms.CharField(label=_("Explanation"), widget=TEXTAREA)

    def __init__(
        self, *args: Any, children: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["child"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "—"), *children]


class AnswerForm(KindveiligForm):
    question = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=5)
    answer = forms.ChoiceField(
        label=_("Your answer"), choices=AnswerChoice.choices, widget=forms.RadioSelect
    )
    rationale = forms.CharField(
        label=_("Rationale"),
        help_text=_(
            "Why this answer? Also explain it when the answer means not reporting."
        ),
        widget=TEXTAREA,
    )

    def clean_answer(self) -> Answer:
        return Answer(self.cleaned_data["answer"])


class DecisionForm(VersionedForm):
    melden = forms.TypedChoiceField(
        label=_("Decision 1: is melden to Veilig Thuis necessary?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    melden_rationale = forms.CharField(
        label=_("Rationale for (not) melden"), widget=TEXTAREA
    )
    help_possible = forms.TypedChoiceField(
        label=_("Decision 2: is help (also) possible?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    help_rationale = forms.CharField(label=_("Rationale about help"), widget=TEXTAREA)
    help_plan = required_when(
        forms.CharField(
            label=_("Help offered or organised, and by whom"), widget=TEXTAREA
        ),
        _("Needed when help is possible."),
    )
    evaluate_on = required_when(
        forms.DateField(
            label=_("Evaluate the help on"),
            widget=forms.DateInput(attrs={"type": "date"}),
            validators=[validate_planned_date],
            help_text=_(
                "Afweging 5 (did the help reach its result?) is answered at this "
                "evaluation: three months from today unless you say why not."
            ),
        ),
        _("Needed when help is possible."),
    )
    evaluation_reason = required_when(
        forms.CharField(label=_("Why another evaluation date"), widget=TEXTAREA),
        _("Needed when you choose a date other than three months from today."),
    )
    deviation_justification = required_when(
        forms.CharField(
            label=_("Why this decision departs from the afwegingskader's advice"),
            widget=TEXTAREA,
        ),
        _(
            "Needed when your decision departs from the advice; the "
            "aandachtsfunctionaris sees it before co-signing."
        ),
    )


class EvaluationForm(VersionedForm):
    evaluate_on = forms.DateField(
        label=_("New evaluation date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[validate_planned_date],
    )
    reason = forms.CharField(label=_("Why the evaluation moves"), widget=TEXTAREA)


class CosignForm(VersionedForm):
    action = forms.ChoiceField(
        label=_("Your judgement"),
        choices=[
            ("cosign", _("Co-sign the decision")),
            ("return", _("Return it with a comment")),
        ],
        widget=forms.RadioSelect,
    )
    comment = required_when(
        forms.CharField(label=_("Comment"), widget=TEXTAREA),
        _("Needed when you return the decision."),
    )


class ClosingCosignForm(CosignForm):
    action = forms.ChoiceField(
        label=_("Your judgement"),
        choices=[
            ("cosign", _("Co-sign closing the trajectory")),
            ("return", _("Return it with a comment")),
        ],
        widget=forms.RadioSelect,
    )


class MeldingForm(VersionedForm):
    melder_name = forms.CharField(
        label=_("Name of the melder"),
        max_length=200,
        validators=[validate_no_hidden_characters],
    )
    melder_function = forms.CharField(label=_("Function"), max_length=200)
    melder_phone = forms.CharField(label=_("Phone number"), max_length=30)
    melder_email = forms.EmailField(label=_("E-mail address"))
    discussed_with_parents = forms.BooleanField(
        label=_("I discussed the melding with the parents beforehand"), required=False
    )
    discussed_with_child = forms.BooleanField(
        label=_("I discussed the melding with the child beforehand"), required=False
    )
    not_discussed_reason = required_when(
        forms.ChoiceField(
            label=_("If not: which exception applies?"),
            choices=[("", "—"), *OpenMeldenException.choices],
        ),
        _("Needed when the melding was not discussed with the parents and the child."),
    )
    not_discussed_explanation = required_when(
        forms.CharField(label=_("Explanation"), widget=TEXTAREA),
        _("Needed when the melding was not discussed with the parents and the child."),
    )
    support_network = forms.CharField(
        label=_("Support network"), widget=TEXTAREA, required=False
    )
    other_information = forms.CharField(
        label=_("Other information"), widget=TEXTAREA, required=False
    )


class HandoverForm(KindveiligForm):
    handed_over_at = forms.DateTimeField(
        label=_("Handed over at"),
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
    )
    channel = forms.ChoiceField(
        label=_("How"), choices=HandoverChannel.choices, widget=forms.RadioSelect
    )
    reference = forms.CharField(
        label=_("Veilig Thuis reference"), max_length=50, required=False
    )


class FeedbackForm(KindveiligForm):
    kind = forms.ChoiceField(
        label=_("Kind of feedback"),
        choices=FeedbackKind.choices,
        widget=forms.RadioSelect,
    )
    received_on = forms.DateField(
        label=_("Received on"), widget=DATE_WIDGET, validators=[validate_event_date]
    )
    summary = forms.CharField(label=_("Summary"), widget=TEXTAREA)


class CloseForm(VersionedForm):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    agreements = required_when(
        forms.CharField(
            label=_("Agreements about following the child's safety in the future"),
            widget=TEXTAREA,
        ),
        _("Needed for every outcome except 'no suspicion'."),
    )
    reason = required_when(
        forms.CharField(label=_("Why the trajectory closes now"), widget=TEXTAREA),
        _(
            "Needed when closing before step 5 or with 'Other'; your "
            "aandachtsfunctionaris co-signs it."
        ),
    )


class AcuteForm(KindveiligForm):
    note = forms.CharField(label=_("What is the acute danger?"), widget=TEXTAREA)
