"""The figures the synthetic population is drawn from.

National counts come from /work/shared/domain.md section 9 (CBS, LRK, Veilig Thuis);
the shares of steps and outcomes are assumptions, written down with their reasoning
in docs/performance.md. Everything scales with ``children / NATIONAL_MINORS``.
"""

from kindveilig.organisations.models import OrganisationType

# CBS Jeugdmonitor 2024: about 3.3 million minors (0-17).
NATIONAL_MINORS = 3_300_000
# CBS: 342 municipalities (2024).
NATIONAL_MUNICIPALITIES = 342
# Meldcode trajectories per minor held over the retention period (assumption: about
# 50,000 new professional trajectories a year over 20 years, against ~130,000
# meldingen and ~170,000 adviezen a year at Veilig Thuis, most of them by police).
TRAJECTORIES_PER_MINOR = 0.3


# organisation type: (national count, users per organisation (professionals,
# aandachtsfunctionarissen), share of trajectories)
ORGANISATION_PROFILE: dict[OrganisationType, tuple[int, int, int, float]] = {
    # CBS 03753: 6,582 primary school institutions.
    OrganisationType.PRIMARY_SCHOOL: (6_582, 12, 1, 0.30),
    # ~1,438 secondary school locations (weak source, domain.md section 9).
    OrganisationType.SECONDARY_SCHOOL: (1_438, 40, 2, 0.15),
    # LRK Oct 2023: 9,256 day-care + 7,962 after-school locations.
    OrganisationType.KINDEROPVANG: (17_218, 6, 1, 0.15),
    # JGZ: about 40 organisations with some 200 locations (assumption).
    OrganisationType.JGZ: (200, 60, 4, 0.25),
    # Lokale teams / wijkteams: about three per municipality (assumption).
    OrganisationType.LOKAAL_TEAM: (1_000, 15, 1, 0.10),
    # Sport and culture clubs that follow the voluntary meldcode (assumption).
    OrganisationType.SPORT_CULTURE_CLUB: (2_000, 3, 1, 0.05),
}

# How skewed the work is between organisations of one type: each organisation gets
# a lognormal weight (sigma), so a few large schools carry many trajectories.
ORGANISATION_WEIGHT_SIGMA = 1.0

# Outcome of a trajectory that ran its course (assumption, see docs/performance.md):
# afweging 1 answered "no" (no suspicion), help offered, or a melding.
OUTCOME_SHARES = {"no_suspicion": 0.35, "help": 0.45, "melding": 0.20}
# 38% of Veilig Thuis meldingen are hermeldingen (domain.md section 9): the same
# share of trajectories concern a child the organisation had a trajectory for.
REPEAT_CHILD_SHARE = 0.38
ACUTE_SHARE = 0.02
# Children per trajectory: 1 (70%), 2 (22%), 3 (8%): siblings.
CHILDREN_PER_TRAJECTORY = ((1, 0.70), (2, 0.22), (3, 0.08))
# Meldcode step durations in days (docs/decisions.md, issue 3, item 1).
STEP_DAYS = (14, 7, 14, 7, 7)
# How long a trajectory stays open after step 5 before closing (help or follow-up).
FOLLOW_UP_DAYS = 120
# Audit records (READ) per trajectory over its life: the owner and the
# aandachtsfunctionaris open it at every step (assumption).
AUDIT_READS_PER_TRAJECTORY = 10

# Households (gen_households.py). A household case at the lokaal team for a share
# of the trajectories that ended in help or a melding: 0.35 of 65% is about one
# case per four trajectories (assumption).
HOUSEHOLD_SHARE = 0.35
# The lokaal team opens the case this many days after the decision (assumption).
HOUSEHOLD_OPENS_AFTER = (3.0, 30.0)
# Days in each Routekaart phase: immediate safety, stable safety, recovery
# (assumption: weeks to months, recovery until the case closes).
PHASE_DAYS = ((30, 90), (90, 270), (90, 270))
# Cases that lose safety once and go back to immediate safety (assumption).
SETBACK_SHARE = 0.10
# A second parent moves out during the case (assumption).
PARENT_LEAVES_SHARE = 0.10
# A chain partner outside Kindveilig (huisarts, GGZ, jeugdbescherming) next to
# the organisation that ran the meldcode; Veilig Thuis after a melding.
EXTERNAL_PARTNER_SHARE = 0.5
# Cases in recovery whose plan got a second version (items carried forward).
PLAN_REVISED_SHARE = 0.25
# Cases with a Signs of Safety mapping (two scores: professional and child).
MAPPING_SHARE = 0.3
# READ records per household by the regievoerder over the case's life.
HOUSEHOLD_AUDIT_READS = 2

# Praat erover (gen_youth.py): conversations per trajectory, all within the
# retention period (assumption: a modest volume, 1 per 20 trajectories).
YOUTH_CONVERSATIONS_PER_TRAJECTORY = 0.05
YOUTH_MESSAGES = (2, 6)
YOUTH_URGENT_SHARE = 0.10
YOUTH_CLOSED_SHARE = 0.30

# Kansrijke Start (gen_kansrijke.py): the first 1,000 days.
# CBS: about 165,000 births a year in the Netherlands (the figure; CBS
# StatLine "Geboorte"; 2023: about 164,000).
NATIONAL_BIRTHS_PER_YEAR = 165_000
# Share of births with a Kansrijke Start signal (a pregnancy or young family in a
# vulnerable situation, with the parent's consent or its refusal recorded): 10%.
# An assumption [UNVERIFIED], below the "about 14%" of children without a good
# start at birth (preterm or low birth weight; Kamerbrief Kansrijke Start, TK 32279
# nr. 124, 2018) and the "over 15%" (28,000 of 170,000) the GGD Zeeland and
# West-Brabant gives when socio-economic risk is added; not every such family is
# signalled by a professional (docs/performance.md).
KS_SIGNAL_SHARE = 0.10
# Organisations the generator adds for Kansrijke Start: (national count, staff).
# Assumptions [UNVERIFIED]: about 520 verloskundigenpraktijken, 150 kraamzorg
# organisations, 70 hospitals with obstetrics, and schuldhulpverlening in every
# municipality.
KS_ORGANISATIONS: dict[OrganisationType, tuple[int, int]] = {
    OrganisationType.VERLOSKUNDIGENPRAKTIJK: (520, 6),
    OrganisationType.KRAAMZORG: (150, 10),
    OrganisationType.ZIEKENHUIS: (70, 8),
    OrganisationType.SCHULDHULPVERLENING: (NATIONAL_MUNICIPALITIES, 4),
}
# Who signals (assumption): mostly the midwives, then the JGZ itself, the
# hospital's obstetrics, the lokaal team and kraamzorg.
KS_SOURCES: dict[OrganisationType, float] = {
    OrganisationType.VERLOSKUNDIGENPRAKTIJK: 0.45,
    OrganisationType.JGZ: 0.20,
    OrganisationType.ZIEKENHUIS: 0.15,
    OrganisationType.LOKAAL_TEAM: 0.10,
    OrganisationType.KRAAMZORG: 0.10,
}
# Each domain of concern on its own chance (a signal names one or more).
KS_DOMAINS: dict[str, float] = {
    "finances_debt": 0.35,
    "housing": 0.20,
    "psychosocial_stress": 0.45,
    "addiction": 0.08,
    "domestic_violence": 0.12,
    "limited_network": 0.25,
    "language_literacy": 0.20,
    "unplanned_pregnancy": 0.15,
    "other": 0.05,
}
KS_PREGNANCY_SHARE = 0.7  # signalled in pregnancy; the rest with a young child
KS_CONSENT_SHARE = 0.85  # the parent consents (assumption)
# The JGZ's first contact: consented signals 95%, refused ones 60% (the JGZ's
# regular offer still reaches most parents); days to it lognormal, median 10.
KS_FOLLOWED_UP = {"given": 0.95, "refused": 0.60}
KS_FIRST_CONTACT_MEDIAN_DAYS = 10.0
# Contacts after birth, in days from the birth (home visit, 4 and 8 weeks, then
# 3, 6 and 12 months); the follow-up closes 14 months after the birth.
KS_AFTER_BIRTH_DAYS = (10, 28, 56, 91, 182, 365)
KS_CLOSES_AFTER_BIRTH_DAYS = 425
KS_EXTRA_CONTACT_SHARE = 0.2
KS_DISCUSSED_SHARE = 0.30  # of the followed-up consented families: on an agenda
KS_INTERVENTION_SHARE = 0.35  # of the followed-up consented families
KS_INTERVENTIONS: dict[str, float] = {
    "voorzorg": 0.20,
    "stevig_ouderschap": 0.15,
    "parenting_support": 0.35,
    "debt_counselling": 0.15,
    "income_support": 0.10,
    "other": 0.05,
}
KS_REFERRAL_SHARE = 0.5  # of consented families with finances and debt
KS_AUDIT_READS = 2  # READs by the nurse per contact moment
