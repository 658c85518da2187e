"""The shared Ukrainian danger patterns: (pattern, category).

Written by the development team, NOT yet reviewed by a native speaker
(docs/youth-messages.md). Apostrophes are dropped before matching (б'є → бє), й
becomes и and ї becomes і. Russian-style spellings children use (бье) are listed
beside the Ukrainian ones.
"""

PATTERNS: list[tuple[str, str]] = [
    # Self-harm and suicide
    ("хочу померти", "self_harm"),
    ("не хочу жити", "self_harm"),
    ("самогубств*", "self_harm"),
    ("ріжу себе", "self_harm"),
    ("порізала|порізав руки", "self_harm"),
    ("лезом", "self_harm"),
    ("не сумуватиме", "self_harm"),
    ("покінчити", "self_harm"),
    ("вбити себе", "self_harm"),
    ("під поізд", "self_harm"),
    ("всі|цілу|багато .. таблет*", "self_harm"),
    ("зникнути", "self_harm"),
    ("краще без мене", "self_harm"),
    ("не прокинутися", "self_harm"),
    ("стрибну з", "self_harm"),
    ("повіситися", "self_harm"),
    ("життя не має сенсу", "self_harm"),
    # Violence
    (
        "бє|бье|бють|бються|бив|била|побили|побив|вдарив*|вдарила|душив*|ляпас*"
        "|штовхнув*|насильств*|припік*|кулаком",
        "violence",
    ),
    ("синці від тата|мами|вітчима|нього", "violence"),
    ("кинув мене", "violence"),
    ("за волосся", "violence"),
    # Sexual abuse
    ("торка*|зґвалт*|згвалт*|домагав*|сексом|сексуальн*|пеніс*|голі", "sexual"),
    ("без одягу", "sexual"),
    ("під одяг", "sexual"),
    ("роздягну*", "sexual"),
    # Confinement
    ("замика*|замкну*|замкнен*|зачинен*|привязали|викрали", "confinement"),
    ("не дозволяють виходити", "confinement"),
    ("не пускає мене", "confinement"),
    ("не випускають", "confinement"),
    ("тримають вдома", "confinement"),
    # Threats
    ("погрож*", "threat"),
    ("вбє|вбю|поріже|поріжу|застрелить|спалить", "threat"),
    # Not daring to go home
    ("боюся йти додому", "unsafe_home"),
    ("не наважуюсь повернутися", "unsafe_home"),
    ("не в безпеці", "unsafe_home"),
    ("втекла|втік з дому", "unsafe_home"),
    ("боюся тата|вітчима|мами", "unsafe_home"),
    ("дуже боюся тата|вітчима|мами", "unsafe_home"),
    ("сплю на вулиці", "unsafe_home"),
    ("вигнали з дому", "unsafe_home"),
    ("боюся вдома", "unsafe_home"),
    ("не хочу повертатися додому", "unsafe_home"),
    # Harmless phrases, cut out first
    ("вбє|вбю ... хаха|лол|жартую", "harmless"),
    ("домашка мене вбє", "harmless"),
    ("відьма вбиває", "harmless"),
    ("не бє", "harmless"),
    ("вдарив по мячу", "harmless"),
    ("про домашнє насильство", "harmless"),
    ("телевізору ... зґвалт*|згвалт*", "harmless"),
    ("не ріжу", "harmless"),
    ("говорили про самогубство", "harmless"),
    ("кролик замкнений", "harmless"),
    ("квест ... замкнули", "harmless"),
    ("ніхто не погрожує", "harmless"),
]
