"""Build ``static/world.json``, the world outline the map page draws, from a Natural Earth shapefile.

Natural Earth (naturalearthdata.com) is public domain. The 1:110m "admin 0 countries" layer ships,
for instance, inside the ``geopandas`` 0.14 wheel as ``geopandas/datasets/naturalearth_lowres``;
this module reads that shapefile with the standard library only (``.shp`` polygons, ``.dbf``
attributes) and writes one compact SVG path per country in an equirectangular projection
(``x = lon + 180``, ``y = 90 - lat``, a 360 x 180 view box), rounded to 0.1 degree.

Run once by a developer (the output is committed)::

    python -m marsad.web.build_world path/to/naturalearth_lowres.shp src/marsad/web/static/world.json
"""

from __future__ import annotations

import json
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import InputError

# Natural Earth's 110m layer leaves iso_a3 empty (-99) for a few countries.
_ISO_FIX = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}


@dataclass(slots=True)
class Country:
    """One country outline: ISO alpha-3, English name and an SVG path in the 360 x 180 box."""

    iso: str
    name: str
    d: str


def read_dbf(path: Path) -> list[dict[str, str]]:
    """Read the records of a dBASE III file as strings.

    Raises:
        InputError: The file is not a dBASE table.
    """
    data = path.read_bytes()
    if len(data) < 32:
        raise InputError(f"{path}: not a dBASE file")
    n_rec, header_len, rec_len = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, int]] = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos : pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    out = []
    for i in range(n_rec):
        rec = data[header_len + i * rec_len : header_len + (i + 1) * rec_len]
        off = 1  # deletion flag
        row = {}
        for name, size in fields:
            row[name] = rec[off : off + size].decode("latin-1").strip()
            off += size
        out.append(row)
    return out


def read_polygons(path: Path) -> list[list[list[tuple[float, float]]]]:
    """Read the rings of every (multi)polygon record of a shapefile, as (lon, lat) points.

    Raises:
        InputError: A record is not a polygon.
    """
    data = path.read_bytes()
    pos = 100
    shapes: list[list[list[tuple[float, float]]]] = []
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">i", data[pos + 4 : pos + 8])
        body = data[pos + 8 : pos + 8 + 2 * length]
        pos += 8 + 2 * length
        (shape_type,) = struct.unpack("<i", body[:4])
        if shape_type == 0:
            shapes.append([])
            continue
        if shape_type != 5:
            raise InputError(f"{path}: shape type {shape_type} is not a polygon")
        n_parts, n_points = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", body[44 : 44 + 4 * n_parts]))
        pts_off = 44 + 4 * n_parts
        coords = struct.unpack(f"<{2 * n_points}d", body[pts_off : pts_off + 16 * n_points])
        points = [(coords[2 * k], coords[2 * k + 1]) for k in range(n_points)]
        bounds = [*parts, n_points]
        shapes.append([points[bounds[k] : bounds[k + 1]] for k in range(n_parts)])
    return shapes


def ring_path(ring: list[tuple[float, float]]) -> str:
    """One closed SVG sub-path, rounded to 0.1 degree, with repeated points dropped."""
    out: list[str] = []
    last: tuple[float, float] | None = None
    for lon, lat in ring:
        pt = (round(lon + 180, 1), round(90 - lat, 1))
        if pt == last:
            continue
        out.append(f"{pt[0]:g},{pt[1]:g}")
        last = pt
    if len(out) < 3:
        return ""
    return "M" + "L".join(out) + "Z"


def build(shp: Path) -> list[Country]:
    """Countries from a Natural Earth admin-0 shapefile (the ``.dbf`` lies beside it)."""
    records = read_dbf(shp.with_suffix(".dbf"))
    shapes = read_polygons(shp)
    out = []
    for rec, rings in zip(records, shapes, strict=True):
        name = rec.get("name", "")
        iso = rec.get("iso_a3", "")
        if not iso or iso == "-99":
            iso = _ISO_FIX.get(name, "")
        d = "".join(ring_path(r) for r in rings)
        if d:
            out.append(Country(iso, name, d))
    return out


def main(argv: list[str]) -> int:
    """Command-line entry: ``build_world SHP OUT``."""
    if len(argv) != 2:
        sys.stderr.write("usage: python -m marsad.web.build_world NATURALEARTH.shp OUT.json\n")
        return 2
    countries = build(Path(argv[0]))
    doc = {
        "source": "Natural Earth 1:110m admin 0 countries (public domain), equirectangular, 0.1 degree",
        "viewBox": [0, 0, 360, 180],
        "countries": [{"iso": c.iso, "name": c.name, "d": c.d} for c in countries],
    }
    Path(argv[1]).write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
