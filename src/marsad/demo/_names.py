"""Names, handles and ids of the illustrative demo sources (generator side).

The handles are fictional (``demo_...`` on Telegram, ``.example`` hosts for the outlets)
so nobody mistakes the corpus for a capture of real channels. The generator writes
``sources.yaml`` from these definitions, so the registry and the exports agree.
"""

from __future__ import annotations

from dataclasses import dataclass

NOTE_AR = "قناة توضيحية كتبها فريق مرصد للعرض؛ ليست قناة حقيقية."
NOTE_EN = "Illustrative: written by the Marsad project for its demo, not a real channel or outlet."


@dataclass(frozen=True)
class SourceSpec:
    """One source of the demo registry."""

    key: str  # short name used by the generator and as the data folder name
    platform: str
    handle: str
    name: str
    aliases: tuple[str, ...]
    language: str
    source_type: str
    affiliation: str
    reliability: str
    channel_id: int = 0  # Telegram channel id in the export
    url: str = ""


OFFICIAL = SourceSpec(
    key="hulafa_oproom",
    platform="telegram",
    handle="@demo_hulafa_oproom",
    name="غرفة عمليات حلفاء سوريا",
    aliases=("Allies of Syria Operations Room", "غرفه عمليات حلفاء سوريا"),
    language="ar",
    source_type="official",
    affiliation="Official channel of the operations room (IRGC-QF-led coalition, illustrative).",
    reliability="D",
    channel_id=1900000101,
)
CENTRAL = SourceSpec(
    key="central_media",
    platform="telegram",
    handle="@demo_central_media",
    name="الإعلام الحربي المركزي",
    aliases=("Central Media", "al-Elam al-Harbi al-Markazi", "الإعلام الحربي", "al-Elam al-Harbi"),
    language="ar",
    source_type="affiliated",
    affiliation="Media outlet overseen by Lebanese Hezbollah (illustrative).",
    reliability="D",
    channel_id=1900000202,
)
MEHWAR = SourceSpec(
    key="mehwar_net",
    platform="telegram",
    handle="@demo_mehwar_net",
    name="شبكة المحور الإخبارية",
    aliases=("Mehwar News Network",),
    language="ar",
    source_type="affiliated",
    affiliation="Pro-axis aggregator that forwards the operations room and Central Media (illustrative).",
    reliability="E",
    channel_id=1900000303,
)
SADA = SourceSpec(
    key="sada_fasail",
    platform="telegram",
    handle="@demo_sada_fasail",
    name="صدى الفصائل",
    aliases=("Sada al-Fasail", "Echo of the Factions"),
    language="ar",
    source_type="affiliated",
    affiliation="Channel close to Iraqi factions such as Kata'ib Hizballah (illustrative).",
    reliability="E",
    channel_id=1900000404,
)
SARAYA = SourceSpec(
    key="saraya_badia",
    platform="telegram",
    handle="@demo_saraya_badia",
    name="سرايا البادية",
    aliases=("Saraya al-Badia", "Desert Companies"),
    language="ar",
    source_type="facade",
    affiliation="New name that appeared in October 2021; suspected facade of Iraqi factions (illustrative).",
    reliability="F",
    channel_id=1900000505,
)
MONITOR = SourceSpec(
    key="badia_monitor",
    platform="telegram",
    handle="@demo_badia_monitor",
    name="Badia Monitor",
    aliases=("بادية مونيتور",),
    language="en",
    source_type="independent",
    affiliation="Independent open-source monitoring channel (illustrative).",
    reliability="B",
    channel_id=1900000606,
)
AKHBAR = SourceSpec(
    key="al_akhbar",
    platform="web",
    handle="al-akhbar.example",
    name="الأخبار",
    aliases=("al-Akhbar", "Al Akhbar", "el-Akhbar"),
    language="ar",
    source_type="news",
    affiliation="Beirut daily close to Hezbollah (illustrative stand-in).",
    reliability="C",
    url="https://al-akhbar.example/",
)
LEDGER = SourceSpec(
    key="levant_ledger",
    platform="web",
    handle="levant-ledger.example",
    name="Levant Ledger",
    aliases=("ليفانت ليدجر",),
    language="en",
    source_type="news",
    affiliation="Independent English-language news site (illustrative).",
    reliability="B",
    url="https://levant-ledger.example/",
)

TELEGRAM = (OFFICIAL, CENTRAL, MEHWAR, SADA, SARAYA, MONITOR)
ALL = (*TELEGRAM, AKHBAR, LEDGER)
