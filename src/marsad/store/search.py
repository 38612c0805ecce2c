"""Full-text search: what goes into the FTS5 index, how a query is built, snippets.

The index (``articles_fts``) holds, per article, the normalised title and text
(``marsad.text.normalize``), the clitic stems of its words (so ``روسيا`` finds
``وروسيا`` and ``بروسيا``) and the English and Arabic names of its linked entities (so
``Putin`` finds an article that only says ``بوتين``). Snippets are cut from the
untouched source text: the match found in the normalised view is mapped back with
``NormText.to_source``.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from marsad.article import Article
from marsad.errors import InvalidQueryError
from marsad.store.db import Store, store_error
from marsad.text.normalize import NormText, normalize, normalize_string
from marsad.text.tokens import WORD_RE, clitic_variants

SNIPPET_CHARS = 100  # on each side of the match
MATCH_HEAD_CHARS = 400  # how much of an article's text is normalised first to find its first match


@dataclass(frozen=True, slots=True)
class FtsDoc:
    """What the search index holds for one article."""

    title: str
    body: str
    stems: str
    names: str


@dataclass(slots=True)
class SearchHit:
    """An article matching a search, with a snippet of its source text.

    Attributes:
        snippet: About 200 characters of the source text around the first match,
            the match between ``[`` and ``]``.
        match_start: Source offset of the first match, or None (matched by a name only).
        match_end: End of the first match.
        score: bm25 rank (lower is better).
    """

    article_id: str
    title: str | None
    source: str | None
    published: str | None
    url: str | None
    snippet: str
    score: float
    match_start: int | None = None
    match_end: int | None = None


def fts_doc(article: Article, fold_ta_marbuta: bool = True) -> FtsDoc:
    """The search index entry of an article."""
    from marsad.store.dedup import normalized

    body = normalized(article.text, fold_ta_marbuta)  # the same string as normalize(text).norm
    stems: set[str] = set()
    for word in set(WORD_RE.findall(body)):
        for _pre, stem in clitic_variants(word)[1:]:
            stems.add(stem)
    names: list[str] = []
    seen: set[str] = set()
    for ent in article.entities or ():
        link = ent.link
        if link is None or link.id in seen:
            continue
        seen.add(link.id)
        names.append(link.name_en.lower())
        names.append(normalize_string(link.name_ar, fold_ta_marbuta))
    title = normalize_string(article.meta.title or "", fold_ta_marbuta)
    return FtsDoc(title, body, " ".join(sorted(stems)), " ".join(n for n in names if n))


def query_terms(q: str, fold_ta_marbuta: bool = True) -> list[tuple[str, bool]]:
    """The normalised words of a query and whether each is a prefix (``word*``).

    Raises:
        InvalidQueryError: The query has no word.
    """
    norm = normalize_string(q, fold_ta_marbuta)
    terms: list[tuple[str, bool]] = []
    for m in re.finditer(rf"({WORD_RE.pattern})(\*?)", norm):
        terms.append((m.group(1), bool(m.group(2))))
    if not terms:
        raise InvalidQueryError(f"the search query {q!r} has no word to look for")
    return terms


def fts_query(terms: list[tuple[str, bool]]) -> str:
    """An FTS5 MATCH expression: every term in the text, its stems or the names."""
    parts = []
    for term, prefix in terms:
        phrase = '"' + term.replace('"', '""') + '"' + (" *" if prefix else "")
        parts.append("{title body stems names} : " + phrase)
    return " AND ".join(f"({p})" for p in parts)


def search_articles(store: Store, q: str, limit: int = 20) -> list[SearchHit]:
    """Articles matching ``q``, best first, with snippets (see ``queries.search``).

    Raises:
        InvalidQueryError: The query has no word.
    """
    fold = store.settings.fold_ta_marbuta
    terms = query_terms(q, fold)
    with store.snapshot():
        try:
            # The page of hits first (ids and scores only), then the article columns of that page: a sort carrying
            # a.text copied the text of every matching article.
            page = store.conn.execute(
                """SELECT f.article_id, bm25(articles_fts, 2.0, 1.0, 0.5, 1.0) AS score
                   FROM articles_fts f JOIN articles a ON a.id = f.article_id
                   WHERE articles_fts MATCH ? ORDER BY score LIMIT ?""",
                (fts_query(terms), int(limit)),
            ).fetchall()
            columns: dict[str, tuple[str | None, str | None, str | None, str | None, str]] = {}
            ids = list(dict.fromkeys(r[0] for r in page))
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT id, title, source, published, url, text FROM articles WHERE id IN ({marks})"
                for a in store.conn.execute(sql, chunk):
                    columns[a[0]] = a[1:]
        except sqlite3.Error as exc:
            raise store_error(exc, store.path) from exc
    rows = [(r[0], r[1], *columns[r[0]]) for r in page if r[0] in columns]
    hits: list[SearchHit] = []
    for r in rows:
        text: str = r[6]
        span = first_match(text, terms, fold) or _name_match(store, r[0], terms)
        snippet = _cut(text, 0, 0, with_marks=False) if span is None else _cut(text, *span, with_marks=True)
        hits.append(
            SearchHit(
                article_id=r[0], title=r[2], source=r[3], published=r[4], url=r[5], snippet=snippet,
                score=float(r[1]), match_start=span[0] if span else None, match_end=span[1] if span else None,
            )
        )
    return hits


def first_match(text: str, terms: list[tuple[str, bool]], fold_ta_marbuta: bool = True) -> tuple[int, int] | None:
    """``find_match(normalize(text), terms)``, normalising a growing head of the text until a whole word matches.

    Normalisation works character by character, so the head's view and offsets are the start of the whole
    text's; a word touching the end of the head may go on after it and is not taken.
    """
    size = MATCH_HEAD_CHARS
    while size < len(text):
        head = normalize(text[:size], fold_ta_marbuta)
        span = find_match(head, terms, before=len(head.norm))
        if span is not None:
            return span
        size *= 4
    return find_match(normalize(text, fold_ta_marbuta), terms)


def find_match(nt: NormText, terms: list[tuple[str, bool]], before: int | None = None) -> tuple[int, int] | None:
    """Source span of the first word of the text that matches a query term (bare or without clitics).

    Args:
        before: Only words ending before this offset of the normalised view count.
    """
    wanted = {t for t, _ in terms}
    prefixes = [t for t, p in terms if p]
    # A stem is the end of its word, or ``ال`` + the end of it: a word ending in none of these cannot match.
    endings = tuple(wanted | {t[2:] for t in wanted if t.startswith("ال")})
    for m in WORD_RE.finditer(nt.norm):
        if before is not None and m.end() >= before:
            return None
        word = m.group()
        if not prefixes and not word.endswith(endings):
            continue
        for _pre, stem in clitic_variants(word):
            if stem in wanted or any(stem.startswith(p) for p in prefixes):
                return nt.to_source(m.start(), m.end())
    return None


def _name_match(store: Store, article_id: str, terms: list[tuple[str, bool]]) -> tuple[int, int] | None:
    """Source span of the first mention whose linked entity's English name holds a query term."""
    for term, _prefix in terms:
        rows = store.query(
            """SELECT m.start, m."end" FROM mentions m JOIN entities en ON en.id = m.entity_id
               WHERE m.article_id = ? AND (' ' || lower(en.name_en) || ' ') LIKE ? ORDER BY m.start LIMIT 1""",
            (article_id, f"% {term}%"),
        )
        if rows:
            return int(rows[0][0]), int(rows[0][1])
    return None


def _cut(text: str, start: int, end: int, with_marks: bool) -> str:
    lo = max(0, start - SNIPPET_CHARS)
    hi = min(len(text), end + SNIPPET_CHARS)
    # Do not cut a word in two.
    while lo > 0 and not text[lo - 1].isspace() and start - lo < SNIPPET_CHARS + 20:
        lo -= 1
    while hi < len(text) and not text[hi].isspace() and hi - end < SNIPPET_CHARS + 20:
        hi += 1
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(text) else ""
    body = text[lo:hi] if not with_marks else text[lo:start] + "[" + text[start:end] + "]" + text[end:hi]
    return head + " ".join(body.split()) + tail
