"""Highlighted snippets: the matched words, in the author's own spelling, in context.

The original text is tokenised with offsets, each token is tested against the query's
words (normalised form, stem, and cross-script key when transliteration is on), and a
window around the first match is cut. The plain snippet comes with ``(start, end)``
spans; the HTML one is built by escaping every piece *first* and only then wrapping
matches in ``<mark>``, so nothing from a post can become markup. Bidi overrides and
isolates (U+202A–U+202E, U+2066–U+2069) are replaced by a zero-width space so a post
cannot reorder the page around it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from marsad.search.analyze import compounds, key_of, phrase_keys, stem_of
from marsad.search.query import And, Node, Or, Phrase, Query, Term
from marsad.text.tokenize import tokenize

__all__ = ["Matcher", "Snippet", "make_snippet"]

WIDTH = 240
_LEAD = 70
_BIDI = str.maketrans({cp: "\u200b" for cp in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]})
_SPACE = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


class Matcher:
    """Tests normalised tokens against a query's positive words."""

    def __init__(self, query: Query) -> None:
        words = query.positive_words()
        self.words = set(words)
        self.stems = {stem_of(w) for w in words}
        self.keys = {k for w in words if (k := key_of(w))} if query.translit else set()
        if query.translit:
            for phrase in _phrases(query.root):
                self.keys.update(v for c, v in phrase_keys(phrase.words) if c == "k")
        self.prefixes = tuple(_prefixes(query))

    def __call__(self, norm: str) -> bool:
        if norm in self.words or stem_of(norm) in self.stems:
            return True
        if self.prefixes and norm.startswith(self.prefixes):
            return True
        return bool(self.keys) and key_of(norm) in self.keys


def _phrases(node: Node) -> list[Phrase]:
    if isinstance(node, Phrase):
        return [node]
    if isinstance(node, And | Or):
        return [p for child in node.children for p in _phrases(child)]
    return []


def _prefixes(query: Query) -> list[str]:
    out: list[str] = []

    def walk(node: Node) -> None:
        if isinstance(node, Term) and node.prefix:
            out.append(node.norm)
        elif isinstance(node, And | Or):
            for child in node.children:
                walk(child)

    walk(query.root)
    return out


@dataclass(frozen=True)
class Snippet:
    """A window of text with its matches marked.

    Attributes:
        text: Plain text of the window ("…" marks a cut).
        spans: ``(start, end)`` of each match inside ``text``.
        html: ``text`` escaped, with each span wrapped in ``<mark>``.
    """

    text: str
    spans: list[tuple[int, int]]
    html: str


def make_snippet(source: str, match: Matcher, width: int = WIDTH) -> Snippet:
    """Cut and highlight a snippet of ``source`` around its first match."""
    tokens = tokenize(source[: 20 * width] if len(source) > 40 * width else source)
    hits = [(tok.start, tok.end) for tok in tokens if match(tok.norm)]
    if match.keys:
        for a, b, k in compounds([tok.norm for tok in tokens]):
            if k in match.keys:
                hits.append((tokens[a].start, tokens[b].end))
        hits = _merge(hits)
    first = hits[0][0] if hits else 0
    start = max(0, first - _LEAD)
    if start:
        space = source.rfind(" ", start - 20, start)
        start = space + 1 if space > 0 else start
    end = min(len(source), start + width)
    if end < len(source):
        space = source.find(" ", end, end + 20)
        end = space if space > 0 else end
    head = "…" if start else ""
    body = source[start:end].translate(_BIDI).translate(_SPACE)
    text = head + body + ("…" if end < len(source) else "")
    shift = len(head) - start
    spans = [(s + shift, min(e, end) + shift) for s, e in hits if s >= start and s < end]
    return Snippet(text, spans, _html(text, spans))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _html(text: str, spans: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for s, e in spans:
        out.append(html.escape(text[pos:s]))
        out.append("<mark>" + html.escape(text[s:e]) + "</mark>")
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)
