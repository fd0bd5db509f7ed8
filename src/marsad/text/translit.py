"""Cross-script skeleton keys for names: one key for سليماني, Soleimani and Suleimani.

:func:`token_key` maps ONE word, written in Arabic (Persian letters included) or Latin
script, to a short key in a shared consonant alphabet; :func:`name_key` does the same for a
multi-word name. Two spellings of the same name word usually get the same key, and
otherwise a key one edit away, which :mod:`marsad.text.names` finds and scores.

Rules, in the order they apply:

1. **Not name-like → ""**: fewer than two letters, any digit (ASCII, Arabic-Indic,
   Persian) or longer than 64 characters.
2. **Arabic script**: harakat, tatweel, superscript alef, Quranic marks and format
   controls (ZWNJ, RLM, ...) are deleted; presentation forms are NFKC-folded; ی→ي, ک→ك.
   A leading article ال is stripped when two letters remain (الله → له), and so is the
   one inside a fused عبدال (عبدالقادر = عبد القادر). Proclitics
   و ب ف ل are *not* stripped: too many foreign names start with them (والتر, بالمر).
   A word-final ه is dropped like ة (ta marbuta), so حماه and حماة agree.
3. **Latin script**: lower-cased; accents removed (ḥ→h, é→e); other non-ASCII marks
   (ʿ ʾ ’) and apostrophes, hyphens are dropped. A leading article with a hyphen or
   apostrophe is stripped: al-/el-/ul-/il-, and the sun-letter forms ash-/ad-/an-/ar-/as-/
   at-/az-/... only when the next letter is that same consonant (ash-Shabab, ar-Rahman).
   Inner connectors go too (Hizb-ut-Tahrir, Abd-al-Rahman), and the article glued to
   ``abd`` (Abdul, Abdel, Abdur-) is dropped so Abdelkader = عبد القادر. A final ``h``
   after a vowel is dropped (-ah/-eh for ة: Hamzah = Hamza = حمزة). Then the
   ``spellings`` rules of ``resources/letters.yaml`` rewrite a few language-specific
   spellings, each kept only because it made more *train* pairs agree: initial wh = w
   (Whitney), Italian cch = k and cci/cce = tsh (Gucci = غوتشي), silent gh before t
   (Wright = رايت), German tsch = tsh.
4. **Shared alphabet** (``resources/letters.yaml``): vowels and long-vowel letters
   (a e i o u y w / ا و ي ى ة), hamza and its carriers, and ʿayn vanish. Consonants fold
   into classes: B (ب پ b p), T (ت ط ث t th), H (ح خ ه h kh), D (د ض d),
   Z (ذ ز ظ ژ z dh zh), R, S (س ص s), X (ش چ تش sh ch sch č ć), K (ق ك غ گ ج k q g
   gh c j), F (ف ڤ f v ph), L, M, N. Soft c (ce ci cy) is S; x is KS. ج is in K, not a
   class of its own: foreign names write a hard g with it and Egyptians say Gamal.
5. **Doubled letters collapse** (Hizballah → HZBL, Muhammad → MHMD).

Keys are upper-case ASCII (``SLMN``); an empty key means "nothing to match on".

**Alternative readings** (:func:`latin_variants`): a Latin spelling that one language
reads one way and another language another (w = و in English, ف in German; final t
silent in French, not in English; j = ج, ي or خ) is not folded; the ``variants`` rules of
``resources/letters.yaml`` give rewrites that :mod:`marsad.text.names` keys as extra
readings of a Latin name (scored a little below the main reading, and blocked on).

Multi-word names (:func:`name_key`, :func:`token_keys`) also: skip article words (``al``,
``el``, and sun-letter articles before the same consonant), fuse ``abd``-words with the
following word (عبد الرحمن = Abdulrahman = BDRHMN) and ``allah``-words with the previous
one (حزب الله = Hizb Allah = Hezbollah = HZBL). Particle lists live in
``resources/particles.yaml``.

Speed matters: the search index keys every word it stores. Everything here is
``str.translate``, ``str.replace`` and a few precompiled regular expressions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = [
    "MAX_TOKEN_CHARS",
    "article_flags",
    "fold_text",
    "is_arabic",
    "is_article",
    "latin_variants",
    "name_key",
    "split_words",
    "token_fine",
    "token_key",
    "token_keys",
    "token_rom",
]

MAX_TOKEN_CHARS = 64


@cache
def load_resource(name: str) -> Any:
    """Load one YAML file shipped in ``marsad/text/resources``.

    Args:
        name: File name, e.g. ``"letters.yaml"``.

    Returns:
        The parsed YAML document.
    """
    text = resources.files("marsad.text").joinpath("resources", name).read_text("utf-8")
    return yaml.safe_load(text)


# --- compiled tables -------------------------------------------------------------------

_DIGIT = "#"  # sentinel: any digit makes the token not name-like


def _arabic_clean_table() -> dict[int, str | None]:
    """Deletions and foldings applied to Arabic-script tokens before keying."""
    # Identity entries spare str.translate a failed lookup per kept letter.
    table: dict[int, str | None] = {cp: chr(cp) for cp in range(0x0600, 0x0700)}
    deleted = [0x0640, 0x0670, *range(0x064B, 0x0660), *range(0x0610, 0x061B)]
    deleted += [*range(0x06D6, 0x06EE), 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C]
    deleted += [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF, 0x00AD]
    for cp in deleted:
        table[cp] = None
    table.update({ord("ی"): "ي", ord("ک"): "ك", ord("ۀ"): "ة", ord("ە"): "ه"})
    for cp in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)):
        folded = unicodedata.normalize("NFKC", chr(cp))
        if folded != chr(cp):
            table[cp] = folded.replace(" ", "").translate(table) or None
    for cp in (*range(0x30, 0x3A), *range(0x0660, 0x066A), *range(0x06F0, 0x06FA)):
        table[cp] = _DIGIT
    return table


@dataclass(frozen=True)
class _Tables:
    """The letter classes of ``letters.yaml`` compiled for ``str.translate``."""

    arabic: dict[int, str | None]
    latin: dict[int, str | None]
    arabic_vowels: dict[int, str | None]
    latin_vowels: dict[int, str | None]
    h_digraphs: tuple[tuple[str, str], ...]
    other_digraphs: tuple[tuple[str, str], ...]
    spelling_rx: re.Pattern[str]
    spelling_out: dict[str, str]


def _compile_tables() -> _Tables:
    spec = load_resource("letters.yaml")
    arabic: dict[int, str | None] = {cp: None for cp in range(0x0600, 0x0700)}
    latin: dict[int, str | None] = {cp: chr(cp) for cp in range(ord("A"), ord("Z") + 1)}
    digraphs: list[tuple[str, str]] = []
    for cls, members in spec["classes"].items():
        for ch in members["arabic"]:
            arabic[ord(ch)] = cls
        for spelling in members["latin"]:
            if len(spelling) == 1:
                latin[ord(spelling)] = cls
            else:
                digraphs.append((spelling, cls))
    for ch in spec["drop"]["arabic"]:
        arabic[ord(ch)] = None
    for spelling in spec["drop"]["latin"]:
        latin[ord(spelling)] = None
    latin[ord("x")] = "KS"
    arabic_v, latin_v = dict(arabic), dict(latin)
    for cls, members in spec["vowels"].items():
        arabic_v.update({ord(ch): cls for ch in members["arabic"]})
        latin_v.update({ord(ch): cls for ch in members["latin"]})
    # Soft c before e/i/y is S; these run before the digraph "c" → K translation.
    soft_c = (("ce", "Se"), ("ci", "Si"), ("cy", "Sy"))
    ordered = sorted(digraphs, key=lambda d: -len(d[0]))
    rules = [(str(pattern), str(out)) for pattern, out in spec["spellings"]]
    spelling_rx = re.compile("|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(rules)))
    return _Tables(
        arabic=arabic,
        latin=latin,
        arabic_vowels=arabic_v,
        latin_vowels=latin_v,
        h_digraphs=tuple(d for d in ordered if "h" in d[0]),
        other_digraphs=tuple(d for d in ordered if "h" not in d[0]) + soft_c,
        spelling_rx=spelling_rx,
        spelling_out={f"r{i}": out for i, (_, out) in enumerate(rules)},
    )


_TABLES = _compile_tables()
_VARIANTS = tuple(
    (re.compile(str(pattern)), str(out))
    for pattern, out in load_resource("letters.yaml")["variants"]
)


def latin_variants(word: str) -> list[str]:
    """Alternative readings of a Latin word by the ``variants`` rules of ``letters.yaml``.

    Each rule that matches gives one lower-cased ASCII rewrite (all its matches
    rewritten): ``"Wolf"`` → ``["volf"]``. Arabic-script words have none.

    Args:
        word: One word.

    Returns:
        The distinct rewrites, in rule order; empty when no rule applies.
    """
    if is_arabic(word):
        return []
    low = word.lower() if word.isascii() else _ascii_fold(word)
    out: list[str] = []
    for rx, rep in _VARIANTS:
        if rx.search(low):
            alt = rx.sub(rep, low)
            if alt != low and alt not in out:
                out.append(alt)
    return out


# The fine alphabet of :func:`token_fine`: ج and Latin j/dj are J, Latin g (not gh) is G.
_ARABIC_FINE = {**_TABLES.arabic, ord("ج"): "J"}
_LATIN_FINE = {**_TABLES.latin, ord("j"): "J", ord("g"): "G"}
_AR_CLEAN = _arabic_clean_table()
# In an Arabic-script token, stray Latin letters (a mixed token) carry no key.
_AR_CLEAN_TOKEN = {**_AR_CLEAN, **{cp: None for cp in range(0x41, 0x7B) if chr(cp).isalpha()}}
# ASCII letters only survive; digits become the sentinel; everything else goes.
_ASCII_CLEAN: dict[int, str | None] = {
    cp: (chr(cp) if chr(cp).isalpha() else _DIGIT if chr(cp).isdigit() else None)
    for cp in range(128)
}
_ARABIC_CHAR = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefe]")
_LATIN_ARTICLE = re.compile(r"^(?:[aeiou]l|[aeiu](?P<sun>[sdtnrz])h?)[-'’‘`ʿʾ]+(?=[a-z])")
_LATIN_CONNECTOR = re.compile(r"-(?:[aeiou]l|[aeiou](?P<sun>[sdtnrz])h?)-(?=[a-z])")
_ABD_ARTICLE = re.compile(r"^abd[aeiou](?:l|(?P<sun>[sdtnrz])h?(?=(?P=sun)))-?(?=[a-z])")
_LATIN_SPECIAL = str.maketrans(
    {"č": "ch", "ć": "ch", "š": "sh", "ş": "sh", "ș": "sh", "ž": "zh", "ß": "ss", "þ": "th"}
    | {"ð": "dh", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "dj", "ı": "i"}
)
_DOUBLE = re.compile(r"(.)\1+")
_HAS_DOUBLE = re.compile(r"(.)\1")
_NOT_KEY = re.compile(r"[^A-Za-z]+")


# --- one token -------------------------------------------------------------------------


def token_key(token: str) -> str:
    """Return the cross-script skeleton key of one word.

    Args:
        token: One word in Arabic or Latin script (hyphenated forms such as
            ``al-Akhbar`` count as one word).

    Returns:
        The key in the shared consonant alphabet (``"SLMN"`` for Soleimani and
        سليماني), or ``""`` when the token is not name-like (digits, one letter, empty,
        longer than :data:`MAX_TOKEN_CHARS`).
    """
    if len(token) < 2 or len(token) > MAX_TOKEN_CHARS:
        return ""
    if token.isascii():
        return _latin_key(token.lower(), _TABLES.latin)
    if _ARABIC_CHAR.search(token):
        return _arabic_key(token, _TABLES.arabic)
    ascii_form = _ascii_fold(token)
    return _latin_key(ascii_form, _TABLES.latin) if ascii_form else ""


def _ascii_fold(token: str) -> str:
    """Lower-case ASCII form of a Latin token with accents (č → ch, ş → sh, é → e)."""
    token = token.lower().translate(_LATIN_SPECIAL)
    return unicodedata.normalize("NFKD", token).encode("ascii", "ignore").decode()


def token_rom(token: str) -> str:
    """Return the vowel-aware romanisation of one word: :func:`token_key` plus vowels.

    Consonants are the key's classes (upper case); vowels fold to ``a``, ``i`` (e, i, y,
    ي) and ``u`` (o, u, w, و). Arabic leaves short vowels unwritten, so compare an
    Arabic romanisation with a Latin one by how much of the Arabic one the Latin one
    covers in order (see :mod:`marsad.text.names`).

    Args:
        token: One word in Arabic or Latin script.

    Returns:
        E.g. ``"SuLiMaNi"`` for Soleimani, ``"SLiMaNi"`` for سليماني; ``""`` when the
        token is not name-like.
    """
    if len(token) < 2 or len(token) > MAX_TOKEN_CHARS:
        return ""
    if token.isascii():
        return _latin_key(token.lower(), _TABLES.latin_vowels)
    if _ARABIC_CHAR.search(token):
        return _arabic_key(token, _TABLES.arabic_vowels)
    ascii_form = _ascii_fold(token)
    return _latin_key(ascii_form, _TABLES.latin_vowels) if ascii_form else ""


def token_fine(token: str) -> str:
    """Return :func:`token_key` with the jim class split off the K class.

    ج and Latin j/dj become ``J``; a Latin g that is not gh becomes ``G``, which may be
    written ج (Gamal, Gemma) or غ/ك (Gordon): :mod:`marsad.text.names` reads ``G`` as
    either ``J`` or ``K``. Everything else is as in the key, so Jafri ≠ كافري here while
    their keys agree.

    Args:
        token: One word in Arabic or Latin script.

    Returns:
        E.g. ``"KMJ"`` for Kamaj, ``"GML"`` for Gamal, ``"JML"`` for جمال.
    """
    if len(token) < 2 or len(token) > MAX_TOKEN_CHARS:
        return ""
    if token.isascii():
        return _latin_key(token.lower().replace("dj", "j"), _LATIN_FINE)
    if _ARABIC_CHAR.search(token):
        return _arabic_key(token, _ARABIC_FINE)
    ascii_form = _ascii_fold(token).replace("dj", "j")
    return _latin_key(ascii_form, _LATIN_FINE) if ascii_form else ""


def is_arabic(text: str) -> bool:
    """Return whether ``text`` holds any Arabic-script character (Persian included)."""
    return not text.isascii() and _ARABIC_CHAR.search(text) is not None


def _latin_key(s: str, table: dict[int, str | None]) -> str:
    """Key a lower-cased ASCII token (see the module docstring, rules 3–5)."""
    m = _LATIN_ARTICLE.match(s)
    if m and (not m["sun"] or s[m.end()] == m["sun"]):
        s = s[m.end() :]
    if "-" in s:
        s = _LATIN_CONNECTOR.sub(_connector, s)
    s = s.translate(_ASCII_CLEAN)
    if len(s) < 2 or _DIGIT in s:
        return ""
    if s.startswith("abd"):
        s = _ABD_ARTICLE.sub("abd", s)
    if _TABLES.spelling_rx.search(s):
        s = _TABLES.spelling_rx.sub(_spelling, s)
    if s[-1] == "h" and len(s) > 2 and s[-2] in "aeiouy":
        s = s[:-1]
    if "h" in s:
        for digraph, cls in _TABLES.h_digraphs:
            if digraph in s:
                s = s.replace(digraph, cls)
    if "c" in s or "dj" in s:
        for digraph, cls in _TABLES.other_digraphs:
            if digraph in s:
                s = s.replace(digraph, cls)
    return _collapse(s.translate(table))


def _spelling(m: re.Match[str]) -> str:
    """The replacement of the ``spellings`` rule that matched (``letters.yaml``)."""
    return _TABLES.spelling_out[m.lastgroup or ""]


def _collapse(key: str) -> str:
    """Collapse runs of one letter (``HZBLL`` → ``HZBL``); cheap when there are none."""
    return _DOUBLE.sub(_first, key) if _HAS_DOUBLE.search(key) else key


def _first(m: re.Match[str]) -> str:
    return m[1]


def _connector(m: re.Match[str]) -> str:
    """Drop an inner article ``-al-``/``-ut-`` unless it is not really one."""
    end = m.string[m.end()] if m.end() < len(m.string) else ""
    return "" if not m["sun"] or end == m["sun"] else m.group(0)


def _arabic_key(token: str, table: dict[int, str | None]) -> str:
    """Key an Arabic-script token (see the module docstring, rules 2, 4, 5)."""
    s = token.translate(_AR_CLEAN_TOKEN)
    if len(s) < 2 or _DIGIT in s:
        return ""
    if s.startswith("ال") and len(s) >= 4:
        s = s[2:]
    elif s.startswith("عبدال") and len(s) >= 7:
        s = "عبد" + s[5:]
    if "تش" in s:
        s = s.replace("تش", "ش")
    if s[-1] == "ه":
        s = s[:-1] + "ة"
    key = s.translate(table)
    if not (key.isascii() and key.isalpha()):
        key = _NOT_KEY.sub("", key)
    return _collapse(key)


# --- several words ---------------------------------------------------------------------

_SPLIT = re.compile(r"[\s\-–—_/\\,.;:!?()\[\]{}<>\"«»“”،؛؟|+*=&]+")


@dataclass(frozen=True)
class _Particles:
    articles: frozenset[str]
    sun_articles: frozenset[str]
    abd_words: frozenset[str]
    allah_words: frozenset[str]


def _compile_particles() -> _Particles:
    spec = load_resource("particles.yaml")
    return _Particles(*(frozenset(str(w) for w in spec[k]) for k in _Particles.__annotations__))


_PARTICLES = _compile_particles()


def split_words(text: str) -> list[str]:
    """Split a name on white space, hyphens and punctuation (apostrophes stay inside).

    Args:
        text: A name or phrase.

    Returns:
        The non-empty words, in order.
    """
    return [w for w in _SPLIT.split(text) if w]


def _is_article(word: str, following: str | None) -> bool:
    low = word.lower()
    if low in _PARTICLES.articles:
        return True
    if low in _PARTICLES.sun_articles and following:
        return following[:1].lower() == low[1]
    return False


def token_keys(text: str, *, vowels: bool = False, fine: bool = False) -> list[str]:
    """Return the keys of the words of a multi-word name, particles handled.

    Article words are skipped, ``abd``-words fuse with the next word and ``allah``-words
    with the previous one, so ``حزب الله`` and ``Hezbollah`` both give ``["HZBL"]``.

    Args:
        text: A name or phrase in any mix of Arabic and Latin script.
        vowels: Give :func:`token_rom` romanisations instead of keys.
        fine: Give :func:`token_fine` keys (jim split off) instead of keys.

    Returns:
        The non-empty keys, in order.
    """
    keyer = token_rom if vowels else token_fine if fine else token_key
    words = split_words(text)
    keys: list[str] = []
    pending = ""  # key of an abd-word waiting for the word it governs
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else None
        if _is_article(word, following):
            continue
        low = word.lower()
        if low in _PARTICLES.abd_words:
            pending += keyer("عبد" if is_arabic(word) else "abd")
            continue
        key = keyer(word)
        if low in _PARTICLES.allah_words and keys and not pending:
            keys[-1] = _collapse(keys[-1] + key)
            continue
        if pending:
            key, pending = _collapse(pending + key), ""
        if key:
            keys.append(key)
    if pending:
        keys.append(pending)
    return keys


def is_article(word: str, following: str | None = None) -> bool:
    """Return whether ``word`` is a separate article (``al``, ``ال``; ``ash`` before Sh...).

    Args:
        word: One word.
        following: The next word, needed for the sun-letter forms.

    Returns:
        True when :func:`token_keys` ignores the word.
    """
    return _is_article(word, following)


def article_flags(words: list[str]) -> list[bool]:
    """For each word of a name, whether it is a separate article (:func:`is_article`,
    the next word deciding the sun-letter forms)."""
    return [
        _is_article(w, words[i + 1] if i + 1 < len(words) else None) for i, w in enumerate(words)
    ]


def name_key(text: str) -> str:
    """Return the key of a multi-word name: :func:`token_keys` joined by one space.

    Args:
        text: A name or phrase, e.g. ``"Abu Mahdi al-Muhandis"`` or ``"أبو مهدي المهندس"``.

    Returns:
        For both examples ``"B MHD MHNDS"``; ``""`` when nothing is name-like.
    """
    return " ".join(token_keys(text))


# --- same-script folding (transliteration off) ------------------------------------------

_AR_FOLD: dict[int, str | None] = {
    **_AR_CLEAN,
    **{ord(c): "ا" for c in "أإآٱ"},
    ord("ى"): "ي",
    ord("ة"): "ه",
    ord("ـ"): None,
}
_FOLD_SPLIT = re.compile(r"\W+")
_APOSTROPHES = {ord(c): None for c in "'’‘`ʿʾ"}


def fold_text(text: str) -> str:
    """Fold a name for same-script comparison, without transliterating it.

    Arabic: the Lucene normaliser's rules plus Persian ی/ک, harakat and controls
    removed, presentation forms folded. Latin: accents removed, lower-cased, apostrophes
    and ʿayn marks dropped. Punctuation and hyphens become word breaks; words are joined
    by one space.

    Args:
        text: A name in any script.

    Returns:
        The folded text (``"الاخبار"`` for ``"الأخبار"``, ``"al akhbar"`` for ``"Al-Akhbar"``).
    """
    text = text.translate(_AR_FOLD).translate(_APOSTROPHES)
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    return " ".join(w for w in _FOLD_SPLIT.split(text.casefold()) if w)
