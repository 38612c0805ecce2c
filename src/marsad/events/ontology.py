"""The PLOVER ontology (event types, modes, contexts, quad classes) and the CAMEO→PLOVER table.

PLOVER follows the manual shipped in ``../shared/reference/plover`` (draft of
2021, the one that replaced CAMEO's DEMAND/DISAPPROVE/INVESTIGATE by REQUEST and
ACCUSE and dropped CRIME). The CAMEO table is read from the committed
``data/cameo.tsv`` that :mod:`marsad.events.build_cameo` parses from the
reference file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from marsad.errors import ResourceError

VERSION = "plover-2021.09+cameo-1.1b3"


@dataclass(frozen=True, slots=True)
class EventType:
    """One PLOVER event type.

    Attributes:
        name: Upper-case name (``CONSULT``).
        quad: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
        modes: The type's modes, in the manual's order.
        requires_recipient: Whether the manual requires a recipient.
        score: The type's PLOVER conflict/cooperation score.
        cue: The CAMEO cue category used when no finer code applies.
    """

    name: str
    quad: int
    modes: tuple[str, ...]
    requires_recipient: bool
    score: float
    cue: str


EVENT_TYPES: tuple[EventType, ...] = (
    EventType("AGREE", 1, (), False, 2.5, "03"),
    EventType("CONSULT", 1, ("visit", "third-party", "multilateral", "phone"), False, 2.5, "04"),
    EventType("SUPPORT", 1, (), False, 5.0, "05"),
    EventType("CONCEDE", 1, (), False, 4.5, "08"),
    EventType("COOPERATE", 2, (), True, 9.5, "06"),
    EventType("AID", 2, (), True, 10.0, "07"),
    EventType("RETREAT", 2, ("withdraw", "release", "disarm", "ceasefire", "access", "resign"), False, 6.5, "084"),
    EventType("REQUEST", 3, ("assist", "change", "yield", "meet"), False, 0.0, "10"),
    EventType("ACCUSE", 3, ("disapprove", "investigate", "allege"), False, 3.0, "11"),
    EventType("REJECT", 3, ("assist", "change", "yield", "meet"), False, -2.0, "12"),
    EventType("THREATEN", 3, ("restrict", "arrest", "relations", "expel", "territory", "violence"), False, -3.5, "13"),
    EventType(
        "PROTEST", 4, ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"), False, -5.0, "14"
    ),
    EventType("SANCTION", 3, ("convict", "expel", "withdraw", "discontinue"), True, -6.0, "16"),
    EventType("MOBILIZE", 4, ("troops", "weapons", "police", "militia"), False, -5.5, "15"),
    EventType(
        "COERCE",
        4,
        ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold", "misinformation",
         "cyber"),
        False,
        -7.0,
        "17",
    ),
    EventType(
        "ASSAULT",
        4,
        ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
         "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"),
        False,
        -9.0,
        "18",
    ),
)

QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

# Auxiliary modes (manual §"Auxiliary modes"; the manual's "negation" is Marsad's ``negated``).
AUX_MODES = ("historical", "future", "hypothetical", "negated")

CONTEXTS = (
    "military", "intelligence", "executive", "legislative", "election", "political_institutions", "pro_democracy",
    "pro_autocracy", "economic", "legal", "reparations", "human_rights", "rights_freedoms", "repression",
    "human_security", "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory", "peacekeeping",
    "health", "asylum", "migration", "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn",
    "cyber", "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
)

SECTORS = (
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL", "EDU",
    "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
)

NON_STATE = {
    "IGO": "International Governmental Organization",
    "UNO": "United Nations",
    "EUR": "European Union",
    "NGO": "Non-governmental Organization",
    "ISM": "International Social Movement",
    "IMG": "Transnational Militarized Group",
    "MNC": "Multi-national Corporation",
}

# What a coded future cooperative event becomes (manual: AGREE "Cooperative actions of types CONSULT, SUPPORT,
# COOPERATE, and AID reported in future tense ... should be coded as AGREE"; RETREAT: "Announcements of future
# retreats should be coded as CONCEDE"), with the CAMEO code of the intent.
FUTURE_TYPE = {
    "CONSULT": ("AGREE", "036"),
    "SUPPORT": ("AGREE", "032"),
    "COOPERATE": ("AGREE", "031"),
    "AID": ("AGREE", "033"),
    "RETREAT": ("CONCEDE", "080"),
}

# Types that need a political actor (a state, armed group, official ...): material conflict and SANCTION.
MATERIAL_CONFLICT = frozenset({"PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "SANCTION"})


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One row of the CAMEO→PLOVER table."""

    code: str
    type: str
    mode: str
    contexts: tuple[str, ...]
    description: str


@cache
def event_types() -> dict[str, EventType]:
    """PLOVER event types by name."""
    return {t.name: t for t in EVENT_TYPES}


def event_type(name: str) -> EventType:
    """One event type by name.

    Raises:
        ResourceError: No PLOVER type has that name.
    """
    try:
        return event_types()[name]
    except KeyError:
        raise ResourceError(f"unknown PLOVER event type {name!r}") from None


def is_mode(type_name: str, mode: str | None) -> bool:
    """Whether ``mode`` is allowed for the type (None is always allowed)."""
    return mode is None or mode in event_type(type_name).modes


def quad_class(type_name: str) -> int:
    """Quad class number (1-4) of a type."""
    return event_type(type_name).quad


@cache
def cameo_table() -> dict[str, CameoCode]:
    """The committed CAMEO→PLOVER table, by CAMEO code.

    Raises:
        ResourceError: The table file is missing or malformed.
    """
    try:
        text = resources.files("marsad.events").joinpath("data/cameo.tsv").read_text("utf-8")
    except OSError as exc:  # pragma: no cover - packaging error
        raise ResourceError(f"the CAMEO table cannot be read: {exc}") from exc
    out: dict[str, CameoCode] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#") or line.startswith("code\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 5:
            raise ResourceError(f"cameo.tsv line {n}: expected 5 fields, got {len(parts)}")
        code, ptype, mode, ctx, desc = parts
        out[code] = CameoCode(code, ptype, mode, tuple(c for c in ctx.split(";") if c), desc)
    return out


def cameo(code: str) -> CameoCode:
    """One CAMEO code.

    Raises:
        ResourceError: The code is not in the table.
    """
    try:
        return cameo_table()[code]
    except KeyError:
        raise ResourceError(f"unknown CAMEO code {code!r}") from None


def cameo_type(code: str) -> str:
    """The PLOVER type of a CAMEO code through its cue category (``163`` → SANCTION, ``0874`` → RETREAT)."""
    if code[:2] == "08":
        return "CONCEDE" if code[:3] in ("080", "081", "082", "083") and code[:4] not in ("0813", "0814") else "RETREAT"
    row = cameo_table().get(code[:2])
    return row.type if row else ""
