"""The country of a news outlet (``curated/sources.tsv``): by its source name or its URL's domain.

A prior for what an article leaves unsaid — "the ministry", "an official source", an ambiguous place name —
never a fact about any one mention.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


@cache
def source_countries() -> dict[str, str]:
    """Source name or web domain (lower case) → ISO 3166 alpha-3, from ``kb/curated/sources.tsv``."""
    out: dict[str, str] = {}
    text = resources.files("marsad").joinpath("kb", "curated", "sources.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            for key in (parts[0], *parts[2].split("|")):
                if key.strip():
                    out[key.strip().lower()] = parts[1].strip()
    return out


def article_country(source: str | None, url: str | None) -> str | None:
    """The country of the outlet an article comes from (by its source name or its URL's domain)."""
    table = source_countries()
    if source and source.lower() in table:
        return table[source.lower()]
    if url:
        m = re.match(r"(?i)^[a-z]+://([^/:]+)", url)
        host = m.group(1).lower() if m else ""
        while host:
            if host in table:
                return table[host]
            host = host.partition(".")[2]
    return None
