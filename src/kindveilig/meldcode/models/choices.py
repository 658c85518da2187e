from django.db import models
from django.utils.translation import gettext_lazy as _

from django_stubs_ext import StrPromise


class Step(models.IntegerChoices):
    SIGNALEN = 1, _("Step 1: map the signals")
    OVERLEGGEN = 2, _("Step 2: consult")
    GESPREK = 3, _("Step 3: talk with those involved")
    WEGEN = 4, _("Step 4: weigh (afwegingskader)")
    BESLISSEN = 5, _("Step 5: decide")


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    HELPING = "helping", _("Help offered or organised")
    AFTER_MELDING = "after_melding", _("Melding made, follow-up")
    CLOSED = "closed", _("Closed")


class Origin(models.TextChoices):
    WORRY = "worry", _("A worry about a child")
    KINDCHECK = "kindcheck", _("Kindcheck: a client who cares for children")
    KANSRIJKE_START = "kansrijke_start", _("A contact moment in Kansrijke Start")


# What a user picks when starting a trajectory by hand (the form, the API): a
# Kansrijke Start trajectory starts from a contact moment only, with what was
# recorded there (kansrijkestart.services.contact_moment_start_trajectory).
HAND_STARTED_ORIGINS: list[tuple[str, StrPromise]] = [
    (origin.value, origin.label)
    for origin in Origin
    if origin != Origin.KANSRIJKE_START
]


class FormOfViolence(models.TextChoices):
    PHYSICAL = "physical", _("Physical abuse")
    PSYCHOLOGICAL = "psychological", _("Psychological abuse")
    SEXUAL = "sexual", _("Sexual abuse")
    NEGLECT_PHYSICAL = "neglect_physical", _("Physical neglect")
    NEGLECT_EMOTIONAL = "neglect_emotional", _("Emotional neglect")
    NEGLECT_EDUCATIONAL = "neglect_educational", _("Educational neglect")
    WITNESSING = "witnessing", _("Witnessing partner violence")
    HONOUR = "honour", _("Honour-related violence")
    FGM = "fgm", _("Female genital mutilation")
    FORCED_MARRIAGE = "forced_marriage", _("Forced marriage")
    EXPLOITATION = "exploitation", _("Exploitation")
    ELDER_ABUSE = "elder_abuse", _("Elder abuse")


class Relation(models.TextChoices):
    MOTHER = "mother", _("Mother")
    FATHER = "father", _("Father")
    STEP_PARENT = "step_parent", _("Step-parent or partner of a parent")
    CARER = "carer", _("Foster parent or carer")
    SIBLING = "sibling", _("Brother or sister")
    OTHER_FAMILY = "other_family", _("Other family member")
    OTHER = "other", _("Other")


class Source(models.TextChoices):
    OWN = "own", _("Own observation")
    CHILD = "child", _("The child")
    PARENT = "parent", _("A parent or carer")
    THIRD_PARTY = "third_party", _("A third party")


class ConsultedParty(models.TextChoices):
    COLLEAGUE = "colleague", _("A colleague")
    AANDACHTSFUNCTIONARIS = "aandachtsfunctionaris", _("The aandachtsfunctionaris")
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis (advies)")
    LETSELDUIDING = "letselduiding", _("A letselduiding expert")


class ConversationWith(models.TextChoices):
    PARENTS = "parents", _("Parents or carers")
    CHILD = "child", _("The child")


class SkipReason(models.TextChoices):
    TOO_YOUNG = "too_young", _("The child is too young")
    DANGER_CHILD = "danger_child", _("It would endanger the child")
    DANGER_OTHER = "danger_other", _("It would endanger someone else")
    DANGER_PROFESSIONAL = "danger_professional", _("It would endanger the professional")
    NOT_REACHABLE = "not_reachable", _("The person cannot be reached")
    OTHER = "other", _("Another reason")


class AnswerChoice(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    DOUBT = "doubt", _("Doubt")


class CosignStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the aandachtsfunctionaris")
    COSIGNED = "cosigned", _("Co-signed")
    RETURNED = "returned", _("Returned with a comment")
    NO_COSIGNER = (
        "no_cosigner",
        _("Not co-signed: no aandachtsfunctionaris was available"),
    )


class OpenMeldenException(models.TextChoices):
    TOO_YOUNG = (
        "too_young",
        _("The child is too young or not able to understand it"),
    )
    DANGER_CHILD = "danger_child", _("Danger to the child or family members")
    DANGER_PROFESSIONAL = "danger_professional", _("Danger to the professional")
    TRUST = "trust", _("A serious breach of the relationship of trust")


class HandoverChannel(models.TextChoices):
    PHONE = "phone", _("By phone")
    SECURE_FORM = "secure_form", _("Veilig Thuis's secure form")
    SECURE_MAIL = "secure_mail", _("Secure e-mail")
    OTHER = "other", _("Otherwise")


class FeedbackKind(models.TextChoices):
    VEILIGHEIDSBEOORDELING = "veiligheidsbeoordeling", _("Veiligheidsbeoordeling")
    ONDERZOEK = "onderzoek", _("Outcome of the onderzoek")
    OTHER = "other", _("Other feedback")


class BodySide(models.TextChoices):
    FRONT = "front", _("Front")
    BACK = "back", _("Back")


class BodyRegion(models.TextChoices):
    HEAD = "head", _("Head")
    FACE = "face", _("Face")
    NECK = "neck", _("Neck")
    CHEST = "chest", _("Chest")
    BELLY = "belly", _("Belly")
    UPPER_BACK = "upper_back", _("Upper back")
    LOWER_BACK = "lower_back", _("Lower back")
    LEFT_ARM = "left_arm", _("Left arm")
    RIGHT_ARM = "right_arm", _("Right arm")
    LEFT_HAND = "left_hand", _("Left hand")
    RIGHT_HAND = "right_hand", _("Right hand")
    BUTTOCKS = "buttocks", _("Buttocks")
    LEFT_LEG = "left_leg", _("Left leg")
    RIGHT_LEG = "right_leg", _("Right leg")
    LEFT_FOOT = "left_foot", _("Left foot")
    RIGHT_FOOT = "right_foot", _("Right foot")


class Outcome(models.TextChoices):
    NO_SUSPICION = "no_suspicion", _("No suspicion (afweging 1)")
    HELP_SUCCEEDED = "help_succeeded", _("Help reached the needed result")
    AFTER_MELDING = "after_melding", _("Closed after melding and feedback")
    MELDPLICHT = "meldplicht", _("Handled through the meldplicht route")
    OTHER = "other", _("Other")


class EventKind(models.TextChoices):
    """What happened to a trajectory, as its chronology tells it. The stored value
    is the code; the label is the sentence a reader sees."""

    STARTED = "started", _("Trajectory started")
    STEP_ADVANCED = "step_advanced", _("Moved on to this step")
    ADDED_TO_EARLIER_STEP = "added_to_earlier_step", _("Added to an earlier step")
    ACUTE = "acute", _("Acute danger reported")
    TAKEN_OVER = "taken_over", _("Taken over by the aandachtsfunctionaris")
    DECISION_PROPOSED = "decision_proposed", _("Decision proposed")
    DECISION_COSIGNED = "decision_cosigned", _("Decision co-signed")
    DECISION_RETURNED = "decision_returned", _("Decision returned for changes")
    DECISION_WITHOUT_COSIGNER = (
        "decision_without_cosigner",
        _("No aandachtsfunctionaris could co-sign: recorded without co-sign"),
    )
    EVALUATION_RESCHEDULED = (
        "evaluation_rescheduled",
        _("Evaluation of the help moved to another date"),
    )
    NEW_DECISION_ROUND = (
        "new_decision_round",
        _("Help did not reach its result: a new decision round"),
    )
    CLOSING_PROPOSED = "closing_proposed", _("Closing proposed")
    CLOSING_RETURNED = "closing_returned", _("Closing returned for changes")
    MELDING_MADE = "melding_made", _("Melding made")
    MELDING_HANDED_OVER = (
        "melding_handed_over",
        _("Melding handed over to Veilig Thuis"),
    )
    CLOSED = "closed", _("Trajectory closed")
