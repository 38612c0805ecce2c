"""The knowledge base: actors, offices, organisations, places, nationalities and role nouns.

- ``curated/``: our own TSV files (see its README.md), each fact from a public source;
- :mod:`~marsad.kb.build`: compiles them with the data of installed packages into ``Resources``;
- :mod:`~marsad.kb.index`: the versioned cache on disk and ``load_resources`` (once per process);
- :mod:`~marsad.kb.records`: the record types (Actor, Office, Place, Role, Nationality, Resources);
- :mod:`~marsad.kb.lookup`: everything the knowledge base knows about a name (``marsad actors lookup``).

Entities, places, quotes and events read it; none of them builds it. It imports only ``marsad.text``.
"""
