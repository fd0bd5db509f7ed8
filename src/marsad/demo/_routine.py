"""Generated routine posts: the busy years 2017-18 and the outlets' steady flow.

Posts are drawn from :mod:`marsad.demo._phrases` with a seeded random generator, so the
corpus is the same on every run. Spelling habits differ by channel as they do on real
channels: Persian letters and Arabic-Indic digits, tatweel, ه for ة, missing hamzas.
"""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta

from marsad.demo import _names as n
from marsad.demo import _phrases as ph
from marsad.demo._tgexport import Post, at

_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_KAF = str.maketrans({"ك": "ک"})
_FINAL_YA = re.compile(r"ي(?=[\s.،:|!]|$)")
_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})
_TA_END = re.compile(r"ة(?=[\s.،:|]|$)")


def indic_digits(text: str) -> str:
    """Write digits the Arabic-Indic way (٢٠٢١)."""
    return text.translate(_INDIC)


def persian_letters(text: str) -> str:
    """Type as on a Persian keyboard: ک for ك, ی for a word-final ي, Arabic-Indic digits."""
    return indic_digits(_FINAL_YA.sub("ی", text.translate(_KAF)))


def casual(text: str) -> str:
    """Drop hamzas from alefs and end words with ه instead of ة."""
    return _TA_END.sub("ه", text.translate(_HAMZA))


_NO_JOIN = frozenset("اأإآدذرزوؤةىء")  # letters that never join the next one


def stretch_first_word(text: str) -> str:
    """Stretch the first word with tatweel (عـاجـل), as flash headlines do.

    Tatweel goes only after letters that join to the left, as a keyboard user types it.
    """
    head, sep, rest = text.partition(" ")
    if len(head) < 3 or not all("\u0621" <= ch <= "\u064a" for ch in head):
        return text
    out = [ch + ("" if ch in _NO_JOIN else "ـ") for ch in head[:-1]]
    return "".join(out) + head[-1] + sep + rest


def with_li(noun: str) -> str:
    """Attach the preposition لـ: ل + المجموعات → للمجموعات, otherwise لـعناصر."""
    return "ل" + noun[1:] if noun.startswith("ال") else "لـ" + noun


def _slots(rng: random.Random) -> dict[str, str]:
    place, place_en = rng.choice(ph.PLACES)
    enemy, enemy_en = rng.choice(ph.ENEMIES)
    target, target_en = rng.choice(ph.TARGETS)
    weapon, weapon_en = rng.choice(ph.WEAPONS)
    road = rng.choice(ph.ROADS)
    return {
        "place": place,
        "place_en": place_en,
        "enemy": enemy,
        "li_enemy": with_li(enemy),
        "enemy_en": enemy_en,
        "target": target,
        "target_en": target_en,
        "weapon": weapon,
        "weapon_en": weapon_en,
        "road": road,
        "road_en": ph.ROADS_EN[road],
        "n": str(rng.randint(2, 9)),
    }


def _moment(rng: random.Random, start: datetime, days: int) -> datetime:
    return start + timedelta(days=rng.randrange(days), minutes=rng.randrange(7 * 60, 23 * 60))


def _weeks(first: str, last: str) -> list[datetime]:
    day, end = at(first), at(last)
    out = []
    while day <= end:
        out.append(day.replace(hour=0, minute=0))
        day += timedelta(days=7)
    return out


def official(rng: random.Random) -> list[Post]:
    """The operations room's busy years: one to three posts a week in 2017-18."""
    posts = [
        Post(at("2017-01-02 08:00"), action="create_channel"),
        Post(
            at("2017-01-02 08:30"),
            "القناة الرسمية لغرفة عمليات حلفاء سوريا. ننشر هنا بياناتنا وأخبار الميدان.",
            key="hello",
        ),
        Post(at("2017-01-02 08:31"), action="pin_message", pin_key="hello"),
        Post(
            at("2017-11-19 14:00"),
            "بالصور | الحاج قاسم سليماني بين المقاتلين على تخوم البوكمال.",
            photo_seed=1119,
        ),
        Post(
            at("2018-03-08 19:30"),
            "مشاهد من عمليات الحلفاء في بادية الميادين.",
            video_placeholder=True,
        ),
    ]
    for i, week in enumerate(_weeks("2017-01-09 00:00", "2018-12-24 00:00")):
        for j in range(rng.choice((1, 1, 2, 2, 2, 3))):
            photo = rng.random() < 0.12
            bank = ph.OFFICIAL_PHOTO if photo else ph.OFFICIAL
            text = rng.choice(bank).format(**_slots(rng))
            if rng.random() < 0.2:
                text = indic_digits(text)
            posts.append(
                Post(
                    _moment(rng, week, 7),
                    text,
                    photo_seed=(1000 + i * 4 + j) if photo else 0,
                    key=f"off-{i}-{j}",
                )
            )
    return posts


def statements(posts: list[Post]) -> list[Post]:
    """The routine official posts other channels pick up (every generated text post)."""
    return [p for p in posts if p.key.startswith("off-")]


def central(rng: random.Random, official_posts: list[Post]) -> list[Post]:
    """Central Media: weekly-ish reports 2017-18, monthly 2019 to September 2021, and copies."""
    posts: list[Post] = []
    for week in _weeks("2017-01-05 00:00", "2018-12-27 00:00"):
        if rng.random() < 0.7:
            posts.append(Post(_moment(rng, week, 7), rng.choice(ph.CENTRAL).format(**_slots(rng))))
    for month in _weeks("2019-01-03 00:00", "2021-09-23 00:00")[::4]:
        if rng.random() < 0.6:
            posts.append(
                Post(_moment(rng, month, 28), rng.choice(ph.CENTRAL).format(**_slots(rng)))
            )
    for src in rng.sample(statements(official_posts), 12):
        copy = "الإعلام الحربي المركزي | " + src.text
        posts.append(Post(src.when + timedelta(minutes=rng.randint(10, 40)), copy))
    return posts


def _forward(src: Post, origin: str, rng: random.Random) -> Post:
    return Post(
        src.when + timedelta(minutes=rng.randint(2, 90)),
        src.text,
        forwarded_from=origin,
        photo_seed=src.photo_seed,
    )


def mehwar(rng: random.Random, official_posts: list[Post], central_posts: list[Post]) -> list[Post]:
    """The aggregator: forwards of the room and of Central Media, plus its own flashes."""
    posts = [Post(at("2017-06-01 10:00"), action="create_channel")]
    late = [p for p in statements(official_posts) if p.when >= at("2017-06-02 00:00")]
    posts += [_forward(p, n.OFFICIAL.name, rng) for p in rng.sample(late, 20)]
    early_central = [
        p for p in central_posts if at("2017-06-02 00:00") <= p.when < at("2019-01-01 00:00")
    ]
    posts += [_forward(p, n.CENTRAL.name, rng) for p in rng.sample(early_central, 8)]
    for week in _weeks("2017-06-05 00:00", "2018-12-24 00:00")[::5]:
        text = casual(rng.choice(ph.AFFILIATED).format(**_slots(rng)))
        posts.append(Post(_moment(rng, week, 7), stretch_first_word(text)))
    return posts


def sada(rng: random.Random, official_posts: list[Post]) -> list[Post]:
    """The Iraqi-leaning channel in 2018: Persian keyboard, a few forwards of the room."""
    posts = [Post(at("2018-01-10 09:00"), action="create_channel")]
    in_2018 = [p for p in statements(official_posts) if p.when >= at("2018-01-11 00:00")]
    posts += [_forward(p, n.OFFICIAL.name, rng) for p in rng.sample(in_2018, 6)]
    for week in _weeks("2018-01-15 00:00", "2018-12-24 00:00")[::3]:
        text = rng.choice(ph.AFFILIATED).format(**_slots(rng))
        posts.append(Post(_moment(rng, week, 7), persian_letters(text)))
    posts.append(
        Post(
            at("2018-06-20 20:00"),
            persian_letters("کتائب حزب الله: مقاتلونا على الحدود منذ 2014 ولن نغادر."),
        )
    )
    return posts


def monitor(rng: random.Random, official_posts: list[Post]) -> list[Post]:
    """The English monitor: notes on the room's claims, hours after them, 2017-18."""
    posts = [Post(at("2017-02-01 12:00"), action="create_channel")]
    picked = [p for p in statements(official_posts) if p.when >= at("2017-02-02 00:00")]
    for src in sorted(rng.sample(picked, 55), key=lambda p: p.when):
        text = rng.choice(ph.MONITOR).format(**_slots(rng))
        posts.append(Post(src.when + timedelta(hours=rng.randint(1, 6)), text))
    posts.append(
        Post(
            at("2017-11-20 09:00"),
            "Photos on the Operations Room channel show Qassem Suleimani near al-Bukamal. "
            "Same set appears on Central Media minutes later. #Soleimani",
        )
    )
    return posts
