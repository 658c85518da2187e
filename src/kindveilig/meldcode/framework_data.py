"""The afwegingskader texts per sector, version 2019.1 (domain brief §2).

Append-only: a new wording is a new VERSION constant and data, never an edit of
an old one, because trajectories point at the version they were weighed with.
The seed migration reads this module, as does framework lookup after a test
database flush.
"""

import datetime
from typing import Any

Q: list[dict[str, Any]] = [
    {
        "number": 1,
        "label": {"nl": "Vermoeden", "en": "Suspicion"},
        "text": {
            "nl": "Heb ik op basis van de stappen 1 tot en met 4 van de meldcode een vermoeden van (dreiging van) huiselijk geweld en/of kindermishandeling?",
            "en": "Based on steps 1 to 4 of the meldcode, do I suspect (a threat of) domestic violence and/or child abuse?",
        },
    },
    {
        "number": 2,
        "label": {"nl": "Veiligheid", "en": "Safety"},
        "text": {
            "nl": "Schat ik op basis van de stappen 1 tot en met 4 van de meldcode in dat er sprake is van acute onveiligheid en/of structurele onveiligheid?",
            "en": "Based on steps 1 to 4 of the meldcode, do I judge that there is acute and/or structural unsafety?",
        },
    },
    {
        "number": 3,
        "label": {"nl": "Hulp", "en": "Help"},
        "text": {
            "nl": "Ben ik in staat effectieve hulp te bieden of organiseren om dreiging van (toekomstig) huiselijk geweld en/of kindermishandeling af te wenden?",
            "en": "Am I able to provide or organise effective help to avert the threat of (future) domestic violence and/or child abuse?",
        },
    },
    {
        "number": 4,
        "label": {"nl": "Acceptatie", "en": "Acceptance"},
        "text": {
            "nl": "Aanvaarden de betrokkenen hulp om dreiging van (toekomstig) huiselijk geweld en/of kindermishandeling af te wenden en zijn zij bereid zich hiervoor in te zetten?",
            "en": "Do those involved accept help to avert the threat of (future) domestic violence and/or child abuse, and are they willing to work on it?",
        },
    },
    {
        "number": 5,
        "label": {"nl": "Resultaat", "en": "Result"},
        "text": {
            "nl": "Leidt de hulp binnen de gewenste termijn tot de noodzakelijke resultaten ten aanzien van de veiligheid en/of het welzijn (herstel) van alle betrokkenen?",
            "en": "Does the help lead, within the desired time, to the necessary results for the safety and/or well-being (recovery) of everyone involved?",
        },
    },
]

GUIDANCE = {
    1: {
        "nl": "Nee: sluit het traject af en leg vast waarom. Twijfel: vraag eerst advies aan Veilig Thuis.",
        "en": "No: close the trajectory and record why. Doubt: ask Veilig Thuis for advice first.",
    },
    2: {
        "nl": "Ja: melden bij Veilig Thuis is de norm. Afweging 3 tot en met 5 beantwoordt u dan samen met Veilig Thuis. Acute onveiligheid: direct fysiek gevaar in de komende uren of dagen. Structurele onveiligheid: onveilige situaties die zich herhalen of voortduren.",
        "en": "Yes: melden to Veilig Thuis is the norm. You then answer questions 3 to 5 together with Veilig Thuis. Acute unsafety: direct physical danger in the coming hours or days. Structural unsafety: unsafe situations that repeat or continue.",
    },
    3: {
        "nl": "Nee: melden bij Veilig Thuis. Denk aan uw deskundigheid, verantwoordelijkheid en professionele grenzen.",
        "en": "No: melden to Veilig Thuis. Consider your expertise, responsibilities and professional limits.",
    },
    4: {
        "nl": "Nee: melden bij Veilig Thuis. Ja: bied of organiseer hulp en beantwoord later afweging 5.",
        "en": "No: melden to Veilig Thuis. Yes: provide or organise help and answer question 5 later.",
    },
    5: {
        "nl": "Nee: (opnieuw) melden bij Veilig Thuis. Ja: sluit de hulp af met afspraken over het volgen van toekomstige (on)veiligheid.",
        "en": "No: melden (again) to Veilig Thuis. Yes: close the help with agreements on following future (un)safety.",
    },
}

SECTOR_NOTES = {
    "onderwijs": {
        "nl": "Onderwijs en leerplicht. Gaat het om een vermoeden tegen een medewerker? Dan geldt de meldplicht, niet de meldcode.",
        "en": "Education and leerplicht. A suspicion against a staff member? Then the meldplicht applies, not the meldcode.",
    },
    "kinderopvang": {
        "nl": "Kinderopvang. Gaat het om een vermoeden tegen een medewerker of gastouder? Dan geldt de meldplicht, niet de meldcode.",
        "en": "Childcare. A suspicion against a staff member or childminder? Then the meldplicht applies, not the meldcode.",
    },
    "jgz": {
        "nl": "Jeugdgezondheidszorg. Leg bronnen en interpretaties vast zoals de JGZ-richtlijn vraagt.",
        "en": "Youth health care. Record sources and interpretations as the JGZ guideline asks.",
    },
    "sociaal_domein": {
        "nl": "Sociaal domein en lokale teams.",
        "en": "Social domain and local teams.",
    },
    "zorg": {
        "nl": "Zorg (KNMG): artsen raadplegen in stap 2 altijd ook Veilig Thuis.",
        "en": "Health care (KNMG): physicians always also consult Veilig Thuis in step 2.",
    },
    "sport_cultuur": {
        "nl": "Vrijwillige variant voor sport- en cultuurverenigingen: de Wet meldcode geldt niet, maar dezelfde afwegingen helpen. Sportbonden bij NOC*NSF: Centrum Veilige Sport Nederland.",
        "en": "Voluntary variant for sport and culture clubs: the Wet meldcode does not apply, but the same questions help. Sport federations in NOC*NSF: Centrum Veilige Sport Nederland.",
    },
}


def questions_for(sector: str) -> list[dict[str, Any]]:
    result = []
    for question in Q:
        guidance = dict(GUIDANCE[question["number"]])
        if question["number"] == 1:
            note = SECTOR_NOTES[sector]
            guidance = {lang: f"{guidance[lang]} {note[lang]}" for lang in ("nl", "en")}
        result.append({**question, "guidance": guidance})
    return result


VERSION = "2019.1"
VALID_FROM = datetime.date(2019, 1, 1)
VOLUNTARY_SECTORS = {"sport_cultuur"}


def seed_versions(version_model: Any) -> None:
    """Create the 2019.1 version of every sector's afwegingskader, if missing."""
    for sector in SECTOR_NOTES:
        version_model.objects.get_or_create(
            sector=sector,
            version=VERSION,
            defaults={
                "valid_from": VALID_FROM,
                "voluntary": sector in VOLUNTARY_SECTORS,
                "questions": questions_for(sector),
            },
        )
