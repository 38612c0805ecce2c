"""``marsad serve``: the web pages and the HTTP API over a store."""

from __future__ import annotations

import os

import click

from marsad.cli.options import db_option
from marsad.settings import load_settings

# SIGTERM: requests still running after this many seconds are cancelled, then the extraction workers killed
GRACEFUL_S = 3


@click.command("serve")
@db_option
@click.option("--host", default=None, help="Address to listen on (default from settings: 127.0.0.1).")
@click.option("--port", type=click.IntRange(0, 65535), default=None, help="Port (default from settings: 8000).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes (each holds its own read-only connections).")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info",
              show_default=True, help="Server log level.")
def serve_command(db_path: str | None, host: str | None, port: int | None, workers: int, log_level: str) -> None:
    """Serve the web pages and the HTTP API (OpenAPI spec at /openapi.json) over a store.

    The store is read-only for the app; POST /api/articles (ingest) works only when an API
    token is configured ([web] api_token or MARSAD_API_TOKEN) and sent as a Bearer token.
    An empty store is created when none exists yet.
    """
    import uvicorn

    from marsad.web.app import create_app

    settings = load_settings()
    app = create_app(settings, db_path)
    host = host or settings.web_host
    port = settings.web_port if port is None else port
    click.echo(f"Marsad on http://{host}:{port}/  (store {app.state.ctx.db_path})", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False,
                    timeout_graceful_shutdown=GRACEFUL_S)
        return
    os.environ["MARSAD_DB"] = str(app.state.ctx.db_path)  # read by app_from_env in each worker
    uvicorn.run("marsad.web.app:app_from_env", factory=True, workers=workers, host=host, port=port,
                log_level=log_level, server_header=False, timeout_graceful_shutdown=GRACEFUL_S)
