"""The demo corpus files: reproducible, small, illustrative, original, shaped as planned."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from marsad.core.errors import InputError
from marsad.demo.build_corpus import build, main
from marsad.demo.registry import DATA_DIR, read_registry
from tests.conftest import SHARED_DATA, unavailable
from tests.demo.corpus_files import all_texts, by_name, flat, posts_per_year

SEEDS = SHARED_DATA.parent / "seeds"


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_committed_data_is_what_the_generator_writes(tmp_path: Path) -> None:
    build(tmp_path)
    assert _files(tmp_path) == _files(DATA_DIR)


def test_corpus_is_small() -> None:
    total = sum(len(b) for b in _files(DATA_DIR).values())
    assert total < 2_000_000


def test_every_source_says_it_is_illustrative() -> None:
    entries = read_registry(DATA_DIR)
    assert {e.source_type for e in entries} >= {
        "official",
        "affiliated",
        "facade",
        "independent",
        "news",
    }
    for e in entries:
        assert "illustrative" in e.description.lower()
        assert e.inputs, e.handle
    for page in DATA_DIR.glob("html/*.html"):
        assert 'name="marsad:illustrative" content="true"' in page.read_text(encoding="utf-8")


def _seed_sentences() -> list[str]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        unavailable(f"no seed texts in {SEEDS}")
    sentences: list[str] = []
    for f in files:
        for s in re.split(r"(?<=[.!?؟])\s+|\n+", f.read_text(encoding="utf-8")):
            words = flat(s).split()
            if len(words) >= 8:
                sentences.append(" ".join(words))
    return sentences


def test_no_seed_sentence_appears_in_the_corpus() -> None:
    corpus = flat("\n".join(all_texts()))
    sentences = _seed_sentences()
    assert len(sentences) > 10  # the split found real sentences to check
    copied = [s for s in sentences if s in corpus]
    assert copied == []
    # nor any run of ten words, wherever the sentence boundaries fall
    words = " ".join(sentences).split()
    runs = {" ".join(words[i : i + 10]) for i in range(len(words) - 9)}
    assert [r for r in runs if r in corpus] == []


def test_official_channel_is_busy_then_quiet_then_back() -> None:
    years = posts_per_year(by_name("غرفة عمليات حلفاء سوريا"))
    busy = min(years[2017], years[2018])
    quiet = max(years[2019], years[2020])
    assert busy >= 50  # "a few per week"
    assert quiet <= 5  # "a handful of posts at most"
    assert years[2021] > years[2020]


@pytest.mark.parametrize(
    "variant",
    [
        "سليماني",
        "سلیمانی",
        "سُلَيْمانِي",
        "Soleimani",
        "Suleimani",
        "Soleymani",
        "كتائب حزب الله",
        "کتائب حزب الله",
        "Kata'ib Hizballah",
        "Kataib Hezbollah",
        "الإعلام الحربي",
        "الاعلام الحربي",
        "al-Elam al-Harbi",
        "الأخبار",
        "الاخبار",
        "al-Akhbar",
        "Al Akhbar",
        "عـاجـل",
        "٢٠٢١",
        "قاعده التنف",
    ],
)
def test_name_and_spelling_variants_are_present(variant: str) -> None:
    assert any(variant in t for t in all_texts())


def _copy_registry(tmp_path: Path, text: str) -> Path:
    shutil.copytree(DATA_DIR / "feeds", tmp_path / "feeds")
    (tmp_path / "sources.yaml").write_text(text, encoding="utf-8")
    return tmp_path


GOOD = """illustrative: true
sources:
- platform: web
  handle: levant-ledger.example
  name: Levant Ledger
  language: en
  type: news
  affiliation: illustrative
  reliability: B
  description: Illustrative.
  inputs:
  - {collector: feed, path: PATH}
"""


def test_registry_reads_a_well_formed_file(tmp_path: Path) -> None:
    entries = read_registry(
        _copy_registry(tmp_path, GOOD.replace("PATH", "feeds/levant-ledger.atom"))
    )
    assert [e.handle for e in entries] == ["levant-ledger.example"]
    assert entries[0].inputs[0].path == (tmp_path / "feeds/levant-ledger.atom").resolve()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace("PATH", "../feeds/levant-ledger.atom"), "inside the data folder"),
        (GOOD.replace("PATH", "/etc/passwd"), "inside the data folder"),
        (GOOD.replace("PATH", "feeds/missing.atom"), "no such input"),
        (GOOD.replace("illustrative: true", "illustrative: false"), "illustrative: true"),
        (GOOD.replace("reliability: B", "reliability: Z"), "A-F"),
        (GOOD.replace("type: news", "type: enemy"), "type must be one of"),
        (GOOD.replace("collector: feed", "collector: shell"), "collector must be one of"),
        ("sources: [", "not valid YAML"),
    ],
)
def test_registry_refuses_bad_entries_with_one_line(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(InputError) as info:
        read_registry(_copy_registry(tmp_path, text))
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_registry_refuses_a_symlink_out_of_the_data_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside.atom"
    outside.write_text("<feed/>", encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "link.atom").symlink_to(outside)
    (data / "sources.yaml").write_text(GOOD.replace("PATH", "link.atom"), encoding="utf-8")
    with pytest.raises(InputError, match="inside the data folder"):
        read_registry(data)


def test_generator_refuses_to_clear_a_folder_that_is_not_a_corpus(tmp_path: Path) -> None:
    (tmp_path / "telegram").mkdir()
    keep = tmp_path / "telegram" / "notes.txt"
    keep.write_text("mine", encoding="utf-8")
    assert main([str(tmp_path)]) == 2
    assert keep.read_text(encoding="utf-8") == "mine"
    build(tmp_path / "fresh")
    build(tmp_path / "fresh")  # a generated corpus may be regenerated in place
    assert (tmp_path / "fresh" / "sources.yaml").is_file()
