"""Both interface languages: same keys, every key used exists, Arabic UI is RTL."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from marsad.web import i18n
from tests.web.corpus import Corpus
from tests.web.dom import parse

WEB = Path(i18n.__file__).parent
KEY_USE = re.compile(r"""\bt\(\s*["']([a-z_]+\.[A-Za-z0-9_.]+)["']""")
DYNAMIC = re.compile(r"""\bt\(\s*["']([a-z_]+\.)["']\s*~""")


def test_catalogues_have_the_same_keys() -> None:
    en, ar = set(i18n.catalogue("en")), set(i18n.catalogue("ar"))
    assert en == ar, f"only in en: {sorted(en - ar)}; only in ar: {sorted(ar - en)}"
    assert all(i18n.catalogue("ar")[k].strip() for k in ar)


def test_every_key_used_in_code_exists() -> None:
    sources = [p.read_text() for p in WEB.rglob("*.html")] + [
        p.read_text() for p in WEB.rglob("*.py")
    ]
    used = {k for s in sources for k in KEY_USE.findall(s)}
    assert used, "no t('...') calls found"
    missing = used - set(i18n.catalogue("en"))
    assert not missing, f"keys used but not in the catalogues: {sorted(missing)}"
    for prefix in {p for s in sources for p in DYNAMIC.findall(s)}:
        assert any(k.startswith(prefix) for k in i18n.catalogue("en")), prefix


def test_catalogue_placeholders_agree() -> None:
    field = re.compile(r"{(\w+)}")
    en, ar = i18n.catalogue("en"), i18n.catalogue("ar")
    for key, value in en.items():
        assert set(field.findall(value)) == set(field.findall(ar[key])), key


def test_arabic_ui_by_query_then_cookie(client: TestClient, corpus: Corpus) -> None:
    r = client.get("/documents?lang=ar")
    html = parse(r.text)
    assert html.get("lang") == "ar" and html.get("dir") == "rtl"
    assert "الوثائق" in r.text and "marsad_lang=ar" in r.headers["set-cookie"]
    follow = parse(client.get(f"/sources/{corpus.origin}").text)  # cookie remembered
    assert follow.get("dir") == "rtl" and "سجل الموثوقية" in follow.text_content()
    back = parse(client.get("/sources?lang=en").text)
    assert back.get("lang") == "en" and back.get("dir") == "ltr"
    assert parse(client.get("/sources?lang=xx").text).get("lang") == "en"


def test_toggle_link_keeps_the_filters(client: TestClient) -> None:
    tree = parse(client.get("/documents?language=ar&page=1").text)
    toggle = tree.xpath("//div[@class='langswitch']/a")[0].get("href")
    assert toggle == "/documents?language=ar&page=1&lang=ar"


def test_toggle_link_never_leaves_the_site(client: TestClient) -> None:
    for path in ("//evil.example/x", "/%2F%2Fevil.example", '/"><b>x'):
        tree = parse(client.get(path).text)
        toggle = tree.xpath("//div[@class='langswitch']/a")[0].get("href")
        assert toggle.startswith("/") and not toggle.startswith("//"), toggle
        assert "<" not in toggle and '"' not in toggle
