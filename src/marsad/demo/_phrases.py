"""Phrase banks for the routine (2017-18) posts of the illustrative demo corpus.

Every sentence here was written for Marsad's demo. Nothing is quoted from a real channel,
outlet or report; names of places and of the operations room are real, events are not.
Slots in braces are filled by :mod:`marsad.demo._routine`.
"""

from __future__ import annotations

# (Arabic, English) place names along the 2017-18 desert fronts.
PLACES: tuple[tuple[str, str], ...] = (
    ("دير الزور", "Deir ez-Zor"),
    ("البوكمال", "al-Bukamal"),
    ("الميادين", "al-Mayadin"),
    ("تدمر", "Palmyra"),
    ("السخنة", "al-Sukhnah"),
    ("بادية حمص", "the Homs desert"),
    ("محيط التنف", "the al-Tanf area"),
    ("حميمة", "Humaymah"),
    ("حقل الشاعر", "the Shaer gas field"),
    ("جبل الثردة", "Jabal al-Thardah"),
    ("الحدود السورية العراقية", "the Syrian-Iraqi border"),
    ("محطة T2", "the T2 pumping station"),
    ("آرك", "Arak"),
    ("القريتين", "al-Qaryatayn"),
    ("حقل التيم", "the al-Taim field"),
    ("بادية الميادين", "the al-Mayadin desert"),
)

ENEMIES: tuple[tuple[str, str], ...] = (
    ("عناصر داعش", "ISIS fighters"),
    ("فلول تنظيم داعش", "ISIS remnants"),
    ("المجموعات الإرهابية", "terrorist groups"),
    ("مجموعات تدعمها القوات الأمريكية", "US-backed groups"),
    ("خلايا التنظيم", "ISIS cells"),
)

TARGETS: tuple[tuple[str, str], ...] = (
    ("تجمعاً للمسلحين", "a gathering of fighters"),
    ("آلية مزودة برشاش ثقيل", "a vehicle mounting a heavy machine gun"),
    ("نقطة محصنة", "a fortified position"),
    ("مستودعاً للذخيرة", "an ammunition depot"),
    ("خط إمداد", "a supply line"),
    ("مقراً قيادياً", "a command post"),
)

WEAPONS: tuple[tuple[str, str], ...] = (
    ("بقذائف المدفعية", "with artillery"),
    ("بصاروخ موجه", "with a guided missile"),
    ("بطائرة مسيرة", "with a drone"),
    ("بالرشاشات الثقيلة", "with heavy machine guns"),
    ("بصليات من راجمات الصواريخ", "with rocket salvoes"),
)

ROADS: tuple[str, ...] = (
    "تدمر - دير الزور",
    "السخنة - الشولا",
    "دمشق - بغداد",
    "الميادين - البوكمال",
    "حميمة - التنف",
)

# Official channel, Arabic. {place} {enemy} {li_enemy} {target} {weapon} {road} {n} are filled in.
OFFICIAL: tuple[str, ...] = (
    "بيان صادر عن غرفة عمليات حلفاء سوريا:\nاستهدفت وحداتنا {target} {li_enemy} في {place} {weapon}، وحققت إصابات مباشرة.",
    "تقدمت قوات الحلفاء بإسناد ناري كثيف في {place} وسيطرت على {n} تلال حاكمة بعد اشتباكات مع {enemy} دامت ساعات.",
    "غرفة عمليات حلفاء سوريا: رصد مراقبونا رتلاً {li_enemy} يتحرك باتجاه {place}، وجرى التعامل معه {weapon}.",
    "تحذير من غرفة عمليات حلفاء سوريا: التمدد الأمريكي حول {place} لن يمر دون رد، والقوات الأمريكية هناك قوات احتلال.",
    "فككت وحدات الهندسة لدى الحلفاء {n} عبوات ناسفة زرعها {enemy} على طريق {road}، وعادت حركة الآليات إلى طبيعتها.",
    "ننفي الأنباء التي بثتها وسائل إعلام معادية عن انسحاب قواتنا من {place}؛ المواقع كلها بيد مقاتلينا.",
    "مصدر في غرفة عمليات حلفاء سوريا: خسر {enemy} خلال الأسبوع الماضي في {place} ما لا يقل عن {n} آليات.",
    "بيان: تعرضت نقطة للحلفاء قرب {place} لقصف من طيران التحالف الأمريكي، ونحتفظ بحق الرد في المكان والزمان المناسبين.",
    "وصلت تعزيزات جديدة من قوات الحلفاء إلى {place} استعداداً للمرحلة المقبلة من العمليات في البادية.",
    "استعادت قوات الحلفاء السيطرة على {place} بعد معارك عنيفة، وتعمل الفرق المختصة على تأمين المنطقة وإزالة الألغام.",
    "نطلب من الأهالي في {place} الابتعاد عن مقرات {enemy} ومستودعاتهم خلال الساعات القادمة.",
    "ليلة هادئة على محاور {place}، والرصد مستمر على مدار الساعة.",
    "منذ ساعات الصباح تدك مدفعية الحلفاء مواقع {enemy} في {place}، وتصاعد الدخان من أكثر من نقطة.",
    "غرفة عمليات حلفاء سوريا: قطعنا طريق {road} أمام {enemy} بعد السيطرة على المرتفعات المشرفة عليه.",
    "أسقطت دفاعات الحلفاء طائرة مسيرة مجهولة حاولت الاقتراب من مواقعنا في {place}.",
    "للمرة الثالثة هذا الشهر يحاول {enemy} التسلل نحو {place}، وفي كل مرة يعود خائباً.",
)

OFFICIAL_PHOTO: tuple[str, ...] = (
    "بالصور | مقاتلو الحلفاء خلال عمليات التمشيط في {place}.",
    "بالصور | آليات غنمها الحلفاء من {enemy} في {place}.",
    "من الميدان | نقطة متقدمة للحلفاء على تخوم {place}.",
)

# Central Media outlet channel, Arabic.
CENTRAL: tuple[str, ...] = (
    "الإعلام الحربي المركزي | الجيش السوري والحلفاء يوسعون نطاق سيطرتهم في {place} ويطاردون {enemy}.",
    "مراسل الإعلام الحربي في {place}: اشتباكات متقطعة مع {enemy} وسط تقدم للحلفاء على عدة محاور.",
    "الإعلام الحربي المركزي | تدمير {target} {li_enemy} في {place} {weapon}.",
    "الإعلام الحربي | فرق الهندسة تواصل تفكيك العبوات على طريق {road}.",
    "خاص الإعلام الحربي المركزي: {enemy} يخلي مواقعه في {place} تحت ضغط الضربات.",
    "الإعلام الحربي المركزي | وصول قافلة إمداد إلى {place} بعد تأمين طريق {road}.",
    "متابعة الإعلام الحربي: ارتفاع عدد النقاط التي استعادها الحلفاء في {place} إلى {n}.",
)

# Affiliated and facade channels: their own (non-forwarded) posts.
AFFILIATED: tuple[str, ...] = (
    "عاجل | مصادر ميدانية: الحلفاء يتقدمون في {place} و{enemy} يتراجعون.",
    "صباح الانتصارات من {place}... أبطال المحور على العهد.",
    "ما يجري في {place} رسالة واضحة لمن يراهن على الوجود الأمريكي في البادية.",
    "مشاهد من {place} بعد دحر {enemy}.",
    "نشطاء: طيران مجهول يحلق فوق {place} منذ الفجر.",
    "{enemy} يفقدون خطوط إمدادهم على طريق {road}.",
)

# Independent English monitoring channel.
MONITOR: tuple[str, ...] = (
    "The Allies of Syria Operations Room claims it hit {target_en} belonging to {enemy_en} near {place_en} {weapon_en}. Claim only; no independent confirmation.",
    "New Operations Room statement: advances reported around {place_en}. We could not verify the {n} 'strategic hills' it mentions.",
    "Pro-government channels, led by Central Media (al-Elam al-Harbi), describe clashes with {enemy_en} around {place_en}. Casualty figures unverified.",
    "The Operations Room again calls US forces at al-Tanf 'occupiers' and warns against moves near {place_en}. Rhetoric is escalating this month.",
    "Road watch: the Operations Room says its engineers cleared {n} IEDs on the {road_en} road. Satellite imagery pending.",
    "Thread on today's claims from {place_en}: three channels carry the same wording within minutes, which points to a single origin.",
    "Quiet day on the Operations Room channel. Central Media posted photos from {place_en} instead.",
    "Correction: the video shared as 'today in {place_en}' is older footage. Treat re-uploads with care.",
    "Operations Room denies withdrawing from {place_en}. Local sources describe the positions as 'thinly held'.",
    "US-led coalition strike reported near {place_en}; the Operations Room promises a response 'at the right time'.",
)

ROADS_EN: dict[str, str] = {
    "تدمر - دير الزور": "Palmyra-Deir ez-Zor",
    "السخنة - الشولا": "al-Sukhnah-al-Shula",
    "دمشق - بغداد": "Damascus-Baghdad",
    "الميادين - البوكمال": "al-Mayadin-al-Bukamal",
    "حميمة - التنف": "Humaymah-al-Tanf",
}
