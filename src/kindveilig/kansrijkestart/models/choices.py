from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    PREGNANCY = "pregnancy", _("Pregnancy")
    YOUNG_CHILD = "young_child", _("Young child (0 to 2 years)")


class VulnerabilityDomain(models.TextChoices):
    """In the spirit of the vulnerability domains of Dutch birth care."""

    FINANCES_DEBT = "finances_debt", _("Financial insecurity and debt")
    HOUSING = "housing", _("Housing")
    PSYCHOSOCIAL_STRESS = "psychosocial_stress", _("Psychosocial problems and stress")
    ADDICTION = "addiction", _("Addiction")
    DOMESTIC_VIOLENCE = "domestic_violence", _("Domestic violence, in the past or now")
    LIMITED_NETWORK = "limited_network", _("A limited network")
    LANGUAGE_LITERACY = "language_literacy", _("Language or literacy")
    UNPLANNED_PREGNANCY = "unplanned_pregnancy", _("An unplanned or unwanted pregnancy")
    OTHER = "other", _("Other")


class ConsentStatus(models.TextChoices):
    GIVEN = "given", _("The parent consents")
    REFUSED = "refused", _("The parent does not consent")
    # Given first, withdrawn later (AVG art. 7(3)): recorded by the JGZ
    # (consent_services.signal_consent_withdraw), never chosen at the signal.
    WITHDRAWN = "withdrawn", _("The parent withdrew consent")


# What a signal records when it is made: given or refused.
CONSENT_AT_SIGNAL: tuple[str, ...] = (ConsentStatus.GIVEN, ConsentStatus.REFUSED)


class SignalStatus(models.TextChoices):
    OPEN = "open", _("Waiting for a first contact")
    IN_FOLLOW_UP = "in_follow_up", _("In follow-up")
    CLOSED = "closed", _("Closed")


class ContactKind(models.TextChoices):
    PRENATAL_HOME_VISIT = "prenatal_home_visit", _("Prenatal home visit")
    HOME_VISIT_AFTER_BIRTH = "home_visit_after_birth", _("Home visit after birth")
    CONSULTATION_4_WEEKS = "consultation_4_weeks", _("Consultation at 4 weeks")
    CONSULTATION_8_WEEKS = "consultation_8_weeks", _("Consultation at 8 weeks")
    CONSULTATION_LATER = "consultation_later", _("A later consultation")
    EXTRA_CONTACT = "extra_contact", _("Extra contact")


# Contact moments that need a born child.
AFTER_BIRTH_KINDS: frozenset[str] = frozenset(
    {
        ContactKind.HOME_VISIT_AFTER_BIRTH,
        ContactKind.CONSULTATION_4_WEEKS,
        ContactKind.CONSULTATION_8_WEEKS,
        ContactKind.CONSULTATION_LATER,
    }
)


class ContactAnswer(models.TextChoices):
    """The answer to the routine question about violence at home."""

    NO_VIOLENCE = "no_violence", _("No violence at home")
    VIOLENCE_NOW = "violence_now", _("Violence at home now")
    VIOLENCE_PAST = "violence_past", _("Violence at home in the past")
    DECLINED = "declined", _("The parent did not want to answer")


class RiskFactor(models.TextChoices):
    FINANCIAL_STRESS = "financial_stress", _("Financial stress or debt")
    HOUSING_PROBLEMS = "housing_problems", _("Housing problems")
    PARENTAL_MENTAL_HEALTH = "parental_mental_health", _("A parent's mental health")
    SUBSTANCE_USE = "substance_use", _("Alcohol or drug use")
    DOMESTIC_VIOLENCE = "domestic_violence", _("Violence between the parents")
    ISOLATION = "isolation", _("Social isolation")
    YOUNG_PARENT = "young_parent", _("A very young parent")
    BONDING_CONCERNS = "bonding_concerns", _("Concerns about bonding")
    CARE_OF_CHILD = "care_of_child", _("Concerns about the care of the child")
    OTHER = "other", _("Other")


class ProtectiveFactor(models.TextChoices):
    SUPPORTIVE_PARTNER = "supportive_partner", _("A supportive partner")
    SUPPORTIVE_NETWORK = "supportive_network", _("A supportive network")
    GOOD_BONDING = "good_bonding", _("Good bonding with the child")
    ACCEPTS_HELP = "accepts_help", _("The parent accepts help")
    STABLE_HOUSING = "stable_housing", _("Stable housing")
    STABLE_INCOME = "stable_income", _("A stable income")
    PRENATAL_CARE = "prenatal_care", _("Regular prenatal care")
    OTHER = "other", _("Other")


class NextStep(models.TextChoices):
    REGULAR_SCHEDULE = "regular_schedule", _("The regular schedule of contacts")
    EXTRA_CONTACT = "extra_contact", _("An extra contact")
    DISCUSS_IN_COALITION = "discuss_in_coalition", _("Discuss in the coalition")
    REFERRAL = "referral", _("A referral")
    MELDCODE = "meldcode", _("Start the meldcode")
    HOUSEHOLD_CASE = "household_case", _("A household case with the lokaal team")
