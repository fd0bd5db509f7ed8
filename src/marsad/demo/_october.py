"""Hand-written posts: the quiet years 2019-21 and the October 2021 sequence.

The sequence follows what was publicly reported (strike near Palmyra on 13 October 2021,
the operations room's threat on 14 October, drones and rockets on al-Tanf on 20 October,
a newspaper report on 21 October republished the same day by Central Media). Every
sentence was written for this demo; none is quoted from a real source.
"""

from __future__ import annotations

from marsad.demo import _names as n
from marsad.demo._tgexport import Post, at

STATEMENT_14 = (
    "بيان صادر عن غرفة عمليات حلفاء سوريا\n\n"
    "مساء الأربعاء ١٣ تشرين الأول ٢٠٢١ أغار طيران معادٍ على مواقع لقواتنا في محيط تدمر، "
    "وقد عبرت طائراته من الأجواء التي تتحكم بها القوات الأمريكية في منطقة التنف.\n\n"
    "إن غرفة عمليات حلفاء سوريا تحمّل الأمريكيين المسؤولية الكاملة عن هذا العدوان، "
    "وتؤكد أن قرار الرد قد اتُّخذ، وأنه سيكون قاسياً جداً، في الزمان والمكان اللذين نختارهما.\n\n"
    "#غرفة_عمليات_حلفاء_سوريا"
)

FLASH_13 = (
    "عاجل | عدوان جوي يستهدف نقاطاً لقوات الحلفاء في محيط مدينة تدمر، "
    "والمعلومات الأولية تتحدث عن شهداء وجرحى. التفاصيل لاحقاً."
)

TANF_20_EARLY = "عاجل | قاعدة الاحتلال الأمريكي في التنف تحت النار."
TANF_20 = (
    TANF_20_EARLY + "\nطائرات مسيّرة ورشقات صاروخية أصابت أهدافها داخل القاعدة، "
    "وهذا أول الرد على عدوان تدمر. #التنف"
)

AKHBAR_URL = "https://al-akhbar.example/politics/2021/10/21/tanf-iraqi-factions"
AKHBAR_TITLE = "فصائل عراقية وراء هجوم التنف: «رسالة أولى» إلى واشنطن"
AKHBAR_PARAS: tuple[str, ...] = (
    "علمت «الأخبار» من مصادر في فصائل المقاومة العراقية أن الهجوم الذي استهدف قاعدة التنف "
    "الأمريكية أمس نفذته مجموعات عراقية بالتنسيق مع غرفة عمليات حلفاء سوريا، رداً على الغارات "
    "التي طاولت مواقع قرب تدمر الأسبوع الماضي.",
    "وبحسب المصادر نفسها، شاركت في الهجوم خمس طائرات مسيّرة محمّلة بالمتفجرات، ترافقت مع رشقات "
    "صاروخية، وأصابت منشآت داخل القاعدة من دون أن تتضح حصيلة الخسائر حتى الآن.",
    "وتضيف المصادر أن محور المقاومة يسعى إلى تثبيت قواعد اشتباك جديدة في البادية السورية، تجعل "
    "كل اعتداء على مواقعه مكلفاً للقوات الأمريكية المنتشرة عند المثلث الحدودي بين سوريا والعراق والأردن.",
    "وكانت غرفة عمليات حلفاء سوريا، التي غابت بياناتها منذ عام ٢٠١٩ تقريباً، قد توعدت يوم الخميس "
    "الماضي بردٍّ «قاسٍ جداً»، محمّلة القوات الأمريكية في التنف مسؤولية ما جرى.",
    "ولم تعلن وزارة الدفاع الأمريكية حتى مساء أمس عن إصابات بين جنودها، واكتفت بالقول إن القاعدة "
    "تعرضت لهجوم وإن التحقيق جارٍ.",
)
AKHBAR_BODY = "\n\n".join(AKHBAR_PARAS)
REPUBLISHED_21 = (
    "نقلاً عن صحيفة الأخبار اللبنانية:\n\n" + AKHBAR_BODY + "\n\n#الإعلام_الحربي_المركزي"
)


def official() -> list[Post]:
    """The operations room: near silence 2019-21, then the October 2021 sequence."""
    return [
        Post(
            at("2019-03-17 18:20"),
            "غرفة عمليات حلفاء سوريا: نجدد التأكيد أن الوجود الأمريكي في التنف غير شرعي، "
            "وأن صبرنا على هذا الاحتلال له حدود.",
        ),
        Post(
            at("2019-07-02 12:00"),
            "توضيح: لا علاقة لغرفة العمليات بما تنشره بعض الصفحات باسمها في الأيام الأخيرة. "
            "هذه القناة وحدها تنطق باسمنا.",
        ),
        Post(
            at("2019-12-30 10:15"),
            "نقف إلى جانب إخوتنا في كتائب حزب الله بعد الاعتداء الأمريكي على مواقعهم في القائم "
            "وعلى الحدود قرب البوكمال.",
        ),
        Post(
            at("2020-01-03 09:40"),
            "ننعى القائد الحاج قاسم سليماني والحاج أبو مهدي المهندس ورفاقهما. "
            "الطريق الذي بدأوه في البادية لن يتوقف.",
        ),
        Post(at("2021-10-13 21:40"), FLASH_13, key="flash13"),
        Post(at("2021-10-14 13:05"), STATEMENT_14, key="statement14", photo_seed=1414),
        Post(at("2021-10-14 13:06"), action="pin_message", pin_key="statement14"),
        Post(
            at("2021-10-20 16:30"),
            TANF_20,
            earlier_text=TANF_20_EARLY,
            edited=at("2021-10-20 18:10"),
            key="tanf20",
        ),
        Post(
            at("2021-10-21 11:20"),
            "ما نشرته صحيفة الأخبار صباح اليوم عن عملية التنف يستحق القراءة.",
            link=("الأخبار: فصائل عراقية وراء هجوم التنف", AKHBAR_URL),
        ),
        Post(
            at("2021-10-21 19:00"),
            "للتوضيح: لم تُستهدف أي منطقة مدنية في محيط التنف، والأهداف كانت عسكرية حصراً.",
            reply_key="tanf20",
        ),
        Post(
            at("2021-10-24 20:30"),
            "شكراً لكل من وقف معنا في الأيام الماضية. المعادلة تغيرت: من يعتدي سيدفع الثمن.",
            key="thanks24",
        ),
    ]


def central() -> list[Post]:
    """Central Media in October 2021: reports, a copy of the statement, a republication."""
    return [
        Post(
            at("2021-10-13 21:55"),
            "الإعلام الحربي المركزي | عدوان جوي على نقاط قرب مدينة تدمر في ريف حمص الشرقي، "
            "ومعلومات عن أضرار مادية وإصابات.",
        ),
        Post(
            at("2021-10-14 13:20"),
            "الإعلام الحربي المركزي | غرفة عمليات حلفاء سوريا تصدر بياناً حول عدوان تدمر:\n\n"
            + STATEMENT_14,
        ),
        Post(
            at("2021-10-20 16:45"),
            "عاجل | انفجارات داخل قاعدة التنف الأمريكية عند المثلث الحدودي، "
            "ومصادر تتحدث عن هجوم بطائرات مسيّرة وصواريخ.",
            video_placeholder=True,
        ),
        Post(at("2021-10-21 13:10"), REPUBLISHED_21, key="republished21"),
    ]


def forwards_of_official(offsets: dict[str, str]) -> list[Post]:
    """Forwards (same text, name-only origin) of the October posts, at given local times."""
    texts = {"flash13": FLASH_13, "statement14": STATEMENT_14}
    return [
        Post(at(when), texts[key], forwarded_from=n.OFFICIAL.name) for key, when in offsets.items()
    ]


def saraya() -> list[Post]:
    """A new facade name: channel created mid-October 2021, harakat in its own posts."""
    return [
        Post(at("2021-10-15 08:00"), action="create_channel"),
        *forwards_of_official({"statement14": "2021-10-15 08:05"}),
        Post(
            at("2021-10-15 21:00"),
            "سَرايا البادِيَة: قَنَاتُنا الرَّسْمِيَّة. نَحْنُ أَبْناءُ هذِهِ الأَرْض، ولَنْ نَقْبَلَ بِقَواعِدَ أَمْرِيكِيَّةٍ فِيها.",
        ),
        Post(
            at("2021-10-20 17:30"),
            "سرايا البادية تعلن مسؤوليتها عن استهداف قاعدة التنف بالطائرات المسيّرة، "
            "وتتوعد بالمزيد إذا تكرر العدوان. #التنف",
            photo_seed=2020,
        ),
        Post(
            at("2021-10-21 09:00"),
            "رسالتنا وصلت. التنف ليست بعيدة عن أيدينا، ومن أطلق طائراته على تدمر يعرف ذلك.",
        ),
        Post(
            at("2021-10-23 22:10"),
            "على خُطى القائد سُلَيْمانِي والمُهَنْدِس... البادية لأهلها.",
        ),
    ]


def sada() -> list[Post]:
    """The Iraqi-leaning channel in the quiet years and October 2021 (Persian letters, digits)."""
    return [
        Post(
            at("2019-12-29 23:50"),
            "عاجل | غارات امریکیة على مواقع کتائب حزب الله في القائم وعلى الحدود. "
            "الحصیلة الاولیة ٢٥ شهیداً.",
        ),
        Post(
            at("2020-01-03 04:30"), "إنا لله وإنا إلیه راجعون. استشهاد الحاج قاسم سلیمانی والمهندس."
        ),
        Post(
            at("2021-01-03 12:00"),
            "في الذکری الاولی: ٣ کانون الثاني ٢٠٢١... سلیمانی والمهندس في القلوب.",
        ),
        *forwards_of_official({"flash13": "2021-10-13 22:02", "statement14": "2021-10-14 13:40"}),
        Post(
            at("2021-10-20 17:05"),
            "مصادرنا: الفصائل العراقیة شارکت في ضربة التنف ٢٠/١٠/٢٠٢١. #التنف",
        ),
        Post(
            at("2021-10-21 14:00"),
            "صحیفة الاخبار تؤکد ما قلناه امس: ید الفصائل وصلت الی التنف.",
            link=("الاخبار", AKHBAR_URL),
        ),
    ]


def mehwar() -> list[Post]:
    """The aggregator's October 2021: forwards plus tatweel-heavy flashes."""
    return [
        *forwards_of_official({"flash13": "2021-10-13 21:47", "statement14": "2021-10-14 13:12"}),
        Post(at("2021-10-20 16:40"), "عـــاجـــل | دوي انفجارات في قاعده التنف الامريكيه."),
        Post(
            at("2021-10-21 13:30"),
            "الاعلام الحربي المركزي ينشر تقرير صحيفه الاخبار عن هجوم التنف... اقرأوا التفاصيل.",
        ),
    ]


def monitor() -> list[Post]:
    """The independent English channel: 2019-21 notes and the October 2021 reading."""
    return [
        Post(
            at("2019-07-05 10:00"),
            "The Allies of Syria Operations Room disowns pages posting in its name. "
            "Another sign of the internal rift reported this summer.",
        ),
        Post(
            at("2019-12-30 08:30"),
            "US strikes hit Kata'ib Hizballah positions at al-Qaim and across the border near "
            "al-Bukamal. Watch for reactions from the Syria-based rooms. #Iraq #Syria",
        ),
        Post(
            at("2020-01-03 07:15"),
            "Qassem Soleimani and Abu Mahdi al-Muhandis killed in a US strike at Baghdad airport. "
            "Soleymani, as Iranian outlets spell it, ran the Syria file for years.",
        ),
        Post(
            at("2020-09-12 16:00"),
            "Roundup: no statements from the Operations Room for over a year; Kataib Hezbollah "
            "channels now carry most of the anti-US messaging in the Badia.",
        ),
        Post(
            at("2021-10-13 22:30"),
            "Reports of an air strike on positions near Palmyra tonight. Pro-government channels "
            "speak of casualties. #Palmyra",
        ),
        Post(
            at("2021-10-14 15:00"),
            "First statement from the Allies of Syria Operations Room in about two years: it blames "
            "US forces at al-Tanf for the Palmyra strike and promises a 'very harsh' response.",
            key="reemerge",
        ),
        Post(
            at("2021-10-20 18:30"),
            "Drones and rockets reported hitting the al-Tanf garrison. The Operations Room channel "
            "edited its first flash to call it the start of its response. #alTanf",
        ),
        Post(
            at("2021-10-21 15:10"),
            "Al Akhbar (pro-Hezbollah daily) says Iraqi factions carried out the al-Tanf attack with "
            "the Operations Room. Central Media (al-Elam al-Harbi al-Markazi) reposted the whole "
            "article within two hours: an affiliated outlet republishing it reads as confirmation.",
            reply_key="reemerge",
            link=("al-Akhbar report", AKHBAR_URL),
        ),
        Post(
            at("2021-10-22 09:00"),
            "New name to watch: 'Saraya al-Badia' claimed the al-Tanf strike from a channel opened "
            "on 15 October. Likely a facade; Suleimani imagery all over it.",
        ),
    ]
