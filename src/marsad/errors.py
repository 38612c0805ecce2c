"""Every error Marsad raises, each with a stable code.

The library raises these typed exceptions; only the CLI and the HTTP API turn
them into messages and exit codes. Codes never change meaning once released.
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base class: an error with a stable code and a human message.

    Attributes:
        code: Stable identifier such as ``E101``.
        message: Human-readable explanation, without the code.
        component: The pipeline component that raised it, when known.
    """

    code = "E000"
    exit_code = 1

    def __init__(self, message: str, component: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.component = component

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


# --- input (E1xx) -----------------------------------------------------------


class InputError(MarsadError):
    """Input that Marsad cannot read as an article."""

    code = "E100"
    exit_code = 2


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class EncodingError(InputError):
    code = "E103"


class InputTooLargeError(InputError):
    code = "E104"


class MalformedHTMLError(InputError):
    code = "E105"


class MalformedJSONError(InputError):
    code = "E106"


class MissingFieldError(InputError):
    code = "E107"


class MalformedFeedError(InputError):
    code = "E108"


class InvalidDateError(InputError):
    code = "E109"


class MalformedWARCError(InputError):
    code = "E110"


class InputNotFoundError(InputError):
    code = "E111"


class MalformedGoldError(InputError):
    code = "E112"


class FetchError(InputError):
    """A URL (a feed) could not be fetched: network error, HTTP error or timeout."""

    code = "E113"


# --- pipeline and model (E2xx) ---------------------------------------------


class PipelineError(MarsadError):
    code = "E200"


class MissingRequirementError(PipelineError):
    code = "E201"


class UnknownComponentError(PipelineError):
    code = "E202"


class ComponentError(PipelineError):
    """A component failed on one article (wraps the underlying error)."""

    code = "E203"


class SchemaVersionError(PipelineError):
    code = "E204"


class OffsetError(PipelineError):
    code = "E205"


class ArticleTimeoutError(PipelineError):
    """One article took longer than ``[pipeline] article_timeout`` seconds."""

    code = "E206"


class ServerBusyError(PipelineError):
    """The web app has ``[web] extract_processes + extract_queue`` extractions in flight already."""

    code = "E207"


# --- resources and models (E3xx) ---------------------------------------------


class ResourceError(MarsadError):
    code = "E300"


class ModelNotFoundError(ResourceError):
    code = "E301"


class TrainingDataError(ResourceError):
    code = "E302"


class ResourceFormatError(ResourceError):
    """A curated resource file (``src/marsad/kb/curated/*.tsv``) has a malformed line."""

    code = "E330"


class UnknownActorError(ResourceError):
    """No actor, organisation or place in the resources matches a query."""

    code = "E331"


# --- store (E4xx) ----------------------------------------------------------


class StoreError(MarsadError):
    code = "E400"
    exit_code = 3


class StoreReadOnlyError(StoreError):
    code = "E401"


class StoreFullError(StoreError):
    code = "E402"


class StoreCorruptError(StoreError):
    code = "E403"


class NotFoundError(StoreError):
    code = "E404"


class MigrationError(StoreError):
    code = "E405"


class ArticleIdConflictError(StoreError):
    """An article id is already stored with a different text."""

    code = "E406"
    exit_code = 1


# --- usage (E5xx) ------------------------------------------------------------


class UsageError(MarsadError):
    code = "E500"
    exit_code = 2


class OptionalDependencyError(MarsadError):
    """A feature needs an extra that is not installed (e.g. ``marsad[spark]``)."""

    code = "E501"


class ForbiddenError(UsageError):
    """An HTTP request needs a permission the server does not grant (ingest without a token)."""

    code = "E510"


class InvalidRequestError(UsageError):
    """An HTTP request is malformed (a parameter of the wrong type or out of range)."""

    code = "E511"


class InvalidQueryError(UsageError):
    """A search query that cannot be run (no word to look for); HTTP 400, never a server fault."""

    code = "E512"


class MalformedParquetError(InputError):
    """A Parquet table directory (``marsad import-parquet``) is missing, unreadable or has other columns."""

    code = "E121"


class SparkJobError(PipelineError):
    """A Spark job (``marsad spark``) failed: the cluster or JVM reported an error."""

    code = "E221"
