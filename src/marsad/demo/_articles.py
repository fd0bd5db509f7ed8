"""Articles of the two illustrative outlets: an Arabic daily and an English news site.

Each article is a plain :class:`Article`; :mod:`marsad.demo._outlets` writes them as an
RSS 2.0 feed, an Atom feed and saved HTML pages. Every sentence was written for the demo.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from marsad.demo import _october as oc
from marsad.demo import _phrases as ph
from marsad.demo._tgexport import at


@dataclass(frozen=True)
class Article:
    """One news article."""

    url: str
    title: str
    paragraphs: tuple[str, ...]
    published: datetime
    author: str = ""


_AR_TITLES = (
    "البادية السورية: الحلفاء يقتربون من {place}",
    "معركة {place}: ماذا بعد {enemy}؟",
    "التنف في قلب المعركة: واشنطن تراقب {place}",
    "طريق {road}: شريان البادية تحت النار",
)
_AR_OPEN = (
    "تواصل قوات الجيش السوري وحلفاؤه عملياتها في {place}، وتقول مصادر ميدانية لـ«الأخبار» إن {enemy} خسروا في الأيام الأخيرة مواقع أساسية.",
    "لم تهدأ جبهة {place} منذ مطلع الأسبوع، إذ يتبادل الحلفاء و{enemy} القصف على أكثر من محور.",
    "يبدو المشهد في {place} مختلفاً عما كان عليه قبل شهر، بعدما تمكن الحلفاء من قطع خطوط الإمداد عن {enemy}.",
)
_AR_MIDDLE = (
    "وتشير المعطيات إلى أن غرفة عمليات حلفاء سوريا تولي أهمية خاصة لطريق {road}، الذي يربط جبهات البادية ببعضها.",
    "ويتحدث مطلعون عن دور متزايد لمقاتلين عراقيين، بينهم عناصر من كتائب حزب الله، في تأمين المناطق المستعادة.",
    "وتفيد معلومات «الأخبار» بأن القائد في قوة القدس قاسم سليماني زار الجبهة أكثر من مرة في الأسابيع الماضية.",
)
_AR_CLOSE = (
    "في المقابل، تراقب القوات الأمريكية المتمركزة في التنف هذا التقدم بقلق، وسط رسائل تحذير متبادلة.",
    "ويبقى السؤال عن الخطوة التالية مفتوحاً، في ظل حديث عن تعزيزات تصل تباعاً إلى الجبهة.",
    "ولم يصدر عن التحالف الذي تقوده واشنطن أي تعليق على هذه التطورات حتى ساعة إعداد هذا التقرير.",
)

_EN_TITLES = (
    "Pro-government forces push toward {place_en}",
    "Inside the fight for {place_en}",
    "Al-Tanf garrison watches the advance on {place_en}",
)
_EN_OPEN = (
    "Syrian government troops and allied militias pressed on around {place_en} this week, according to statements from the Allies of Syria Operations Room that could not be independently verified.",
    "Fighting around {place_en} intensified after {enemy_en} lost several positions, pro-government channels said.",
)
_EN_MIDDLE = (
    "Iraqi fighters, including members of Kataib Hezbollah, are playing a growing role, according to two people familiar with the deployments.",
    "Central Media, the outlet known in Arabic as al-Elam al-Harbi, published footage it said showed the advance; the Levant Ledger could not confirm where it was filmed.",
    "Qassem Suleimani, commander of Iran's Quds Force, has been photographed near the front more than once this year.",
)
_EN_CLOSE = (
    "The US-led coalition at al-Tanf declined to comment on the operations.",
    "Analysts expect the pace to slow as winter sets in across the desert.",
)


def _fill(rng: random.Random, bank: tuple[str, ...], slots: dict[str, str]) -> str:
    return rng.choice(bank).format(**slots)


def _fresh_slots(
    rng: random.Random, bank: tuple[str, ...], used: set[str]
) -> tuple[str, dict[str, str]]:
    """Slots and a headline from ``bank`` that this outlet has not used yet."""
    while True:
        slots = _slots(rng)
        title = _fill(rng, bank, slots)
        if title not in used:
            used.add(title)
            return title, slots


def _slots(rng: random.Random) -> dict[str, str]:
    place, place_en = rng.choice(ph.PLACES)
    enemy, enemy_en = rng.choice(ph.ENEMIES)
    road = rng.choice(ph.ROADS)
    return {
        "place": place,
        "place_en": place_en,
        "enemy": enemy,
        "enemy_en": enemy_en,
        "road": road,
    }


def _dates(rng: random.Random, count: int) -> list[datetime]:
    start = at("2017-02-01 09:00")
    return sorted(
        start + timedelta(days=rng.randrange(700), hours=rng.randrange(10)) for _ in range(count)
    )


def akhbar(rng: random.Random) -> list[Article]:
    """The Arabic daily: routine 2017-18 reports and the October 2021 coverage."""
    out = []
    used: set[str] = set()
    for i, when in enumerate(_dates(rng, 14)):
        title, s = _fresh_slots(rng, _AR_TITLES, used)
        paras = (_fill(rng, _AR_OPEN, s), _fill(rng, _AR_MIDDLE, s), _fill(rng, _AR_CLOSE, s))
        url = f"https://al-akhbar.example/politics/{when:%Y/%m/%d}/badia-{i}"
        out.append(Article(url, title, paras, when, "مراسل الأخبار"))
    return out + _akhbar_2021()


def _akhbar_2021() -> list[Article]:
    base = "https://al-akhbar.example/politics/2021/10"
    return [
        Article(
            f"{base}/13/palmyra-raid",
            "غارات على محيط تدمر: عدوان جديد من بوابة التنف",
            (
                "تعرضت مواقع قرب مدينة تدمر في ريف حمص الشرقي مساء أمس لغارات جوية، "
                "قالت مصادر ميدانية إنها جاءت من جهة الأجواء التي تسيطر عليها القوات الأمريكية.",
                "وأفادت المصادر بسقوط عدد من الضحايا، فيما لم يصدر أي تعليق رسمي حتى الآن.",
            ),
            at("2021-10-14 07:00"),
        ),
        Article(
            f"{base}/14/allies-room-returns",
            "غرفة عمليات حلفاء سوريا تعود بعد غياب: الرد آتٍ",
            (
                "بعد نحو عامين من الصمت، أصدرت غرفة عمليات حلفاء سوريا بياناً حمّلت فيه القوات "
                "الأمريكية في التنف مسؤولية الغارات على محيط تدمر.",
                "ويرى متابعون أن عودة الغرفة إلى الواجهة تعني أن الرد لن يكون بعيداً.",
            ),
            at("2021-10-14 18:00"),
        ),
        Article(
            oc.AKHBAR_URL,
            oc.AKHBAR_TITLE,
            oc.AKHBAR_PARAS,
            at("2021-10-21 08:00"),
            "مراسل الأخبار",
        ),
    ]


def ledger(rng: random.Random) -> list[Article]:
    """The English site: routine 2017-18 pieces and the October 2021 coverage."""
    out = []
    used: set[str] = set()
    for i, when in enumerate(_dates(rng, 10)):
        title, s = _fresh_slots(rng, _EN_TITLES, used)
        paras = (_fill(rng, _EN_OPEN, s), _fill(rng, _EN_MIDDLE, s), _fill(rng, _EN_CLOSE, s))
        url = f"https://levant-ledger.example/{when:%Y/%m}/badia-front-{i}"
        out.append(Article(url, title, paras, when, "Ledger staff"))
    return out + _ledger_2021()


def _ledger_2021() -> list[Article]:
    base = "https://levant-ledger.example/2021/10"
    return [
        Article(
            f"{base}/palmyra-strike",
            "Air strike hits positions near Palmyra",
            (
                "An air strike hit positions held by pro-government forces near Palmyra on Wednesday "
                "evening, channels close to the forces said.",
                "No government commented on the strike by the time of publication.",
            ),
            at("2021-10-13 23:30"),
            "Ledger staff",
        ),
        Article(
            f"{base}/allies-room-threat",
            "Iran-aligned operations room threatens 'very harsh' response",
            (
                "The Allies of Syria Operations Room, silent since 2019, blamed US forces at al-Tanf "
                "for the Palmyra strike and said a response had been decided.",
                "The room groups Iranian, Lebanese Hezbollah and Iraqi forces; Kataib Hezbollah is "
                "among the factions associated with it.",
            ),
            at("2021-10-14 17:00"),
            "Ledger staff",
        ),
        Article(
            f"{base}/tanf-attack",
            "Drones and rockets hit US garrison at al-Tanf",
            (
                "Drones and rockets struck the al-Tanf garrison near the Syrian-Iraqi-Jordanian border "
                "on Wednesday. US officials reported no casualties.",
                "Channels close to the Allies of Syria Operations Room called the attack the start of "
                "the response it promised last week.",
            ),
            at("2021-10-20 21:00"),
            "Ledger staff",
        ),
        Article(
            f"{base}/al-akhbar-iraqi-factions-tanf",
            "Lebanese daily al-Akhbar: Iraqi factions behind al-Tanf attack",
            (
                "Iraqi factions carried out Wednesday's attack on the US base at al-Tanf in coordination "
                "with the Allies of Syria Operations Room, the Beirut daily Al Akhbar reported, citing "
                "sources in the Iraqi 'resistance'.",
                "According to the paper, five explosive-laden drones took part alongside rocket fire, "
                "in response to last week's strikes near Palmyra.",
                "Hours later Central Media (al-Elam al-Harbi al-Markazi), an outlet close to Hezbollah, "
                "republished the report in full, which analysts read as tacit confirmation.",
            ),
            at("2021-10-21 16:00"),
            "Ledger staff",
        ),
    ]
