"""Marsad errors as HTTP responses: ``{"error": {"code": "E404", "message": ...}}``."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from marsad.errors import (
    ArticleIdConflictError,
    ArticleTimeoutError,
    ForbiddenError,
    InputError,
    InputTooLargeError,
    MarsadError,
    NotFoundError,
    ServerBusyError,
    StoreError,
    UsageError,
)


class ErrorBody(BaseModel):
    """The error itself."""

    code: str
    message: str


class ErrorResponse(BaseModel):
    """What every failed API call returns."""

    error: ErrorBody


def http_status(exc: MarsadError) -> int:
    """The HTTP status for a Marsad error."""
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, InputTooLargeError):
        return 413
    if isinstance(exc, ForbiddenError):
        return 403
    if isinstance(exc, ArticleIdConflictError):
        return 409
    if isinstance(exc, InputError | UsageError):
        return 400
    if isinstance(exc, StoreError | ServerBusyError):
        return 503
    if isinstance(exc, ArticleTimeoutError):
        return 504
    return 500


def error_body(code: str, message: str) -> dict[str, Any]:
    """The JSON body of an error response."""
    return {"error": {"code": code, "message": message}}


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the given error statuses."""
    text = {
        400: "Invalid input or query",
        401: "Missing or wrong bearer token",
        403: "Forbidden (ingest over HTTP is disabled)",
        404: "Not found",
        409: "The article id is stored with another text",
        413: "Request too large",
        422: "Invalid parameters",
        503: "The store is unavailable, or too many extractions are in flight (E207)",
        504: "The article took longer than the extraction deadline (E206)",
    }
    return {s: {"model": ErrorResponse, "description": text.get(s, "Error")} for s in statuses}
