"""``marsad extract``: read articles, run the pipeline, print the layers."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from itertools import chain
from pathlib import Path

import click

from marsad import errors
from marsad.article import Article
from marsad.cli.options import published_option, workers_option
from marsad.errors import MarsadError, UsageError
from marsad.ingest.readers import (
    KINDS,
    FieldMapping,
    ReadFailure,
    parse_published,
    read_path,
    read_stream,
    resolve_kind,
)
from marsad.pipeline import COMPONENTS, Pipeline, available_components, make_component
from marsad.settings import Settings, load_settings


def resolve_components(names: list[str] | None, settings: Settings) -> list[str]:
    """The components to run, in pipeline order, with what they require added.

    ``None`` means every component in ``settings.components`` whose module exists.

    Raises:
        UnknownComponentError: A name is not registered.
        UsageError: A named component is not installed in this build.
    """
    available = available_components()
    order = [n for n in settings.components if n in available]
    order += [n for n in available if n not in order]
    comps = {n: make_component(n, settings) for n in order}
    if names is None:
        # every configured component that is installed and whose requirements an earlier one assigns
        have: set[str] = set()
        chosen = []
        for n in settings.components:
            if n in comps and set(comps[n].requires) <= have:
                chosen.append(n)
                have.update(comps[n].assigns)
        return chosen
    for n in names:
        if n not in COMPONENTS:
            raise errors.UnknownComponentError(f"unknown component {n!r}; known: {', '.join(COMPONENTS)}")
        if n not in available:
            raise UsageError(f"component {n!r} is not available in this installation")
    wanted = set(names)
    changed = True
    while changed:
        changed = False
        for n in list(wanted):
            for req in comps[n].requires:
                if any(req in comps[w].assigns for w in wanted):
                    continue
                provider = next((p for p in order if req in comps[p].assigns), None)
                if provider is not None:
                    wanted.add(provider)
                    changed = True
    return [n for n in order if n in wanted]


def _exit_code(code: str) -> int:
    stack: list[type[MarsadError]] = [MarsadError]
    while stack:
        cls = stack.pop()
        if cls.code == code:
            return cls.exit_code
        stack.extend(cls.__subclasses__())
    return 1


def _drop_prefix(message: str, source: str) -> str:
    """Messages name their source; the ``skipped SOURCE:`` line already does."""
    return message[len(source) + 2 :] if message.startswith(source + ": ") else message


def _source(art: Article) -> str:
    return art.meta.extra.get("record") or art.meta.extra.get("path") or art.id


@click.command("extract")
@click.argument("source", metavar="PATH|-")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default="json", show_default=True,
    help="json: Article.to_dict() indented (a list for several articles); jsonl: one article a line; text: readable.",
)
@published_option
@click.option("--input", "kind", type=click.Choice(KINDS), default="auto", show_default=True,
              help="Input kind; auto looks at the file name, then at the content.")
@click.option("--explain", is_flag=True, help="With --format text: show each event's pattern and bound spans.")
@click.option("--components", default=None, metavar="LIST",
              help="Comma-separated components to run (their requirements are added); default: all available.")
@click.option("--field", "fields", multiple=True, metavar="PART=FIELD",
              help="JSON lines field mapping, e.g. --field content=body --field published=date (repeatable).")
@workers_option
@click.pass_context
def extract(
    ctx: click.Context,
    source: str,
    fmt: str,
    published: str | None,
    kind: str,
    explain: bool,
    components: str | None,
    fields: tuple[str, ...],
    workers: int,
) -> None:
    """Extract the layers of one article or of many (a directory, a JSON lines file, or - for stdin).

    A single text or HTML file that cannot be read stops with its error code. In a
    directory or a JSON lines file a bad item is reported on stderr (``skipped SOURCE:
    [CODE] message``) and the others go on; the exit status is 0 when at least one
    article came through.
    """
    try:
        status = _run(source, fmt, published, kind, explain, components, fields, workers)
    except MarsadError as exc:
        click.echo(f"error: {exc}", err=True)
        ctx.exit(exc.exit_code)
    ctx.exit(status)


def _run(
    source: str,
    fmt: str,
    published: str | None,
    kind: str,
    explain: bool,
    components: str | None,
    fields: tuple[str, ...],
    workers: int,
) -> int:
    settings = load_settings()
    pub: date | None = parse_published(published) if published is not None else None
    mapping = FieldMapping.parse(fields)
    names = None if components is None else [c.strip() for c in components.split(",") if c.strip()]
    pipe = Pipeline.from_names(resolve_components(names, settings), settings)

    if source == "-":
        items = read_stream(sys.stdin.buffer, "-", kind, settings, mapping, pub)
        batch = kind == "jsonl"
    else:
        path = Path(source)
        items = read_path(path, kind, settings, mapping, pub)
        batch = path.is_dir() or (path.is_file() and resolve_kind(path, kind) not in ("text", "html"))
    first = next(items, None)
    if first is None:
        raise errors.EmptyInputError(f"{source}: no articles found")
    # single text and HTML inputs raise their error; only batches yield failures
    batch = batch or isinstance(first, ReadFailure) or first.meta.format == "jsonl"
    if batch or not isinstance(first, Article):
        return _run_batch(pipe, chain([first], items), fmt, explain, workers)
    _emit_one(pipe(first), fmt, explain, only=True)
    return 0



def _run_batch(
    pipe: Pipeline, stream: Iterator[Article | ReadFailure], fmt: str, explain: bool, workers: int
) -> int:
    failures: list[ReadFailure] = []
    ok = 0
    last_code = "E100"

    def articles() -> Iterator[Article]:
        for item in stream:
            if isinstance(item, ReadFailure):
                failures.append(item)
                click.echo(f"skipped {item.source}: [{item.code}] {_drop_prefix(item.message, item.source)}", err=True)
            else:
                yield item

    if fmt == "json":
        click.echo("[", nl=False)
    for result in pipe.pipe(articles(), workers=workers, batch_size=pipe.settings.batch_size):
        if result.failure is not None:
            f = result.failure
            last_code = f.code
            src = _source(result.article)
            click.echo(f"skipped {src}: [{f.code}] {_drop_prefix(f.message, src)}", err=True)
            continue
        _emit_one(result.article, fmt, explain, only=False, first=ok == 0)
        ok += 1
    if fmt == "json":
        click.echo("\n]")
    if ok:
        return 0
    if failures:
        last_code = failures[-1].code
    return _exit_code(last_code)


def _emit_one(art: Article, fmt: str, explain: bool, only: bool, first: bool = True) -> None:
    if fmt == "text":
        from marsad.render import render_text

        if not first:
            click.echo("")
        click.echo(render_text(art, explain=explain), nl=False)
    elif fmt == "jsonl":
        click.echo(json.dumps(art.to_dict(), ensure_ascii=False))
    else:
        body = json.dumps(art.to_dict(), ensure_ascii=False, indent=2)
        if only:
            click.echo(body)
        else:
            click.echo(("\n" if first else ",\n") + "\n".join("  " + ln for ln in body.splitlines()), nl=False)

