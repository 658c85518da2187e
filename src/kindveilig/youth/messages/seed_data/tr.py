"""The shared Turkish danger patterns: (pattern, category).

Written by the development team, NOT yet reviewed by a native speaker
(docs/youth-messages.md). Accents are removed before matching (ö → o, ş → s,
ğ → g, ı → i), so write "dovuyor" or "dövüyor", both work. Turkish glues endings
to words: prefer ``word*``.
"""

PATTERNS: list[tuple[str, str]] = [
    # Self-harm and suicide
    ("olmek istiyorum", "self_harm"),
    ("olmek .. istiyorum", "self_harm"),
    ("yasamak istemiyorum", "self_harm"),
    ("intihar*", "self_harm"),
    ("kendimi .. kes*|oldur*|as*|yarala*|yak*", "self_harm"),
    ("kendime zarar", "self_harm"),
    ("jilet*", "self_harm"),
    ("kimse .. ozlemez", "self_harm"),
    ("son vermek", "self_harm"),
    ("onune atla*", "self_harm"),
    ("catidan|kopruden|balkondan atla*", "self_harm"),
    ("butun|kutu|fazla .. hap*|ilac*", "self_harm"),
    ("yok olmak", "self_harm"),
    ("ben olmasam", "self_harm"),
    ("uyanmak istemiyorum", "self_harm"),
    ("yasamanin anlami yok", "self_harm"),
    # Violence
    (
        "dovuyor*|dovdu*|dovul*|dayak|tokat|tekmele*|yumrukla*|vuruyor*|vurdu"
        "|bogmaya|bogdu*|siddet",
        "violence",
    ),
    ("babam*|annem*|abim*|uvey* ... morluk*", "violence"),
    ("beni|bizi .. firlatti", "violence"),
    ("sigara* .. bastir*", "violence"),
    ("sacimi cek*", "violence"),
    # Sexual abuse
    ("dokunuyor*|dokundu*|tecavuz*|taciz*|istismar*", "sexual"),
    ("ciplak|cinsel|seks*", "sexual"),
    ("soyunma*", "sexual"),
    ("ozel yerlerim*", "sexual"),
    ("zorla op*", "sexual"),
    ("pantolonum*", "sexual"),
    ("yatagim* gel*", "sexual"),
    # Confinement
    ("kilitle*|kilitli*|hapsetti*|kacirildim|bagladilar", "confinement"),
    ("disari cikmama izin", "confinement"),
    ("disari birakmiyor*", "confinement"),
    ("hic disari", "confinement"),
    ("evden cikamiyorum", "confinement"),
    ("okula gondermiyor*", "confinement"),
    ("odama|odaya kapatti*", "confinement"),
    # Threats
    ("tehdit*", "threat"),
    (
        "oldurecek*|oldurecegi*|oldurecegim|oldurur*|oldurmesin*|oldurmekle"
        "|bicakla*|vuracag*|yakacag*|dovecek*",
        "threat",
    ),
    ("bicak|silah* var", "threat"),
    # Not daring to go home
    ("eve gitmeye korkuyorum", "unsafe_home"),
    ("eve gitmeye cesaret", "unsafe_home"),
    ("evde guvende degil*", "unsafe_home"),
    ("evden kac*", "unsafe_home"),
    ("babam*|annem*|uvey* .. korkuyorum", "unsafe_home"),
    ("sokakta yat*", "unsafe_home"),
    ("evden kovdu*", "unsafe_home"),
    ("evde korkuyorum", "unsafe_home"),
    ("eve donmek istemiyorum", "unsafe_home"),
    # Harmless phrases, cut out first
    ("oldur* haha|lol|saka", "harmless"),
    ("topa .. vurdu", "harmless"),
    ("siddet hakkinda", "harmless"),
    ("intihar hakkinda", "harmless"),
    ("televizyonda ... tecavuz*", "harmless"),
    ("ciplak kosuyor", "harmless"),
    ("cinsel egitim", "harmless"),
    ("kendimi kesmiyorum", "harmless"),
    ("kafeste kilitli", "harmless"),
    ("kacis odasinda kilitli", "harmless"),
    ("tehdit etmiyor", "harmless"),
    ("kimse beni dovmuyor", "harmless"),
]
