"""The shared Arabic danger patterns: (pattern, category).

Written by the development team, NOT yet reviewed by a native speaker
(docs/youth-messages.md). Vowel marks and hamza seats are dropped before matching
(أ إ آ → ا, ؤ → و, ئ → ي), ة becomes ه and ى becomes ي: write the plain letters.
Arabic glues "and" (و) and other particles to the front of a word, which ``*``
cannot reach: list such forms (وتضربني) beside the plain one.
"""

PATTERNS: list[tuple[str, str]] = [
    # Self-harm and suicide
    ("اريد ان اموت", "self_harm"),
    ("بدي موت|اموت", "self_harm"),
    ("لا اريد ان اعيش", "self_harm"),
    ("الانتحار|انتحار|انتحر", "self_harm"),
    ("اجرح|جرحت نفسي|يدي", "self_harm"),
    ("بشفره|شفره", "self_harm"),
    ("لن يفتقدني", "self_harm"),
    ("انهي كل شيء", "self_harm"),
    ("اقتل|اشنق|ارمي|سارمي نفسي", "self_harm"),
    ("كل .. حبوب|الحبوب", "self_harm"),
    ("علبه .. الحبوب|حبوب", "self_harm"),
    ("اختفي", "self_harm"),
    ("افضل بدوني", "self_harm"),
    ("لا|ولا استيقظ", "self_harm"),
    ("اقفز|ساقفز من", "self_harm"),
    ("ليس لها معني", "self_harm"),
    # Violence
    (
        "يضرب*|بيضرب*|تضرب*|وتضرب*|ضربني|ضربوني|ضربنا|صفع*|رماني|خنق*|ركل*"
        "|عنف|حرقني|لكمني",
        "violence",
    ),
    ("كدمات من", "violence"),
    ("تشد شعري", "violence"),
    # Sexual abuse
    ("يلمس*|لمس*|اغتصب*|اغتصاب*|يتحرش|تحرش*|الجنس|جنسي", "sexual"),
    ("بدون ملابس", "sexual"),
    ("عاريه|العاريه", "sexual"),
    ("خلع ملابسي", "sexual"),
    ("الي سريري", "sexual"),
    # Confinement
    ("يحبسون*|تحبس*|محبوس*|حبسو*|مقفله|ربطوني|خطفي|خطفوني", "confinement"),
    ("اقفلوا|واقفلوا الباب", "confinement"),
    ("لا يسمحون لي بالخروج", "confinement"),
    ("لا يسمح لي بالذهاب الي المدرسه", "confinement"),
    ("لا يتركونني", "confinement"),
    # Threats
    ("يهدد*|هدد*|مهدد*", "threat"),
    ("سيقتل*|ستقتل*|ساقتلك|يقتلني|بقتل|سيطعن*|سيحرق", "threat"),
    ("سيطلق النار", "threat"),
    # Not daring to go home
    ("اخاف|واخاف ان اعود", "unsafe_home"),
    ("لا اجرو", "unsafe_home"),
    ("لست بامان", "unsafe_home"),
    ("هربت من البيت", "unsafe_home"),
    ("اخاف .. من ابي|زوج", "unsafe_home"),
    ("انام|سانام في الشارع", "unsafe_home"),
    ("طردوني", "unsafe_home"),
    ("اخاف في البيت", "unsafe_home"),
    ("لا اريد الرجوع", "unsafe_home"),
    # Harmless phrases, cut out first
    ("سيقتلني|ستقتلني|ساقتلك ... ههه|لول|امزح", "harmless"),
    ("الواجب سيقتلني", "harmless"),
    ("لا احد يضربني|يهددني", "harmless"),
    ("التلفاز ... للاغتصاب", "harmless"),
    ("تكلمنا عن الانتحار", "harmless"),
    ("لا اريد ان اموت", "harmless"),
    ("لم اعد اجرح نفسي", "harmless"),
    ("محبوس في القفص", "harmless"),
    ("غرفه الهروب حبسونا", "harmless"),
]
