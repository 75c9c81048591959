"""One exception family for govkg; the CLI turns each into a one-line message."""


class GovKGError(Exception):
    """Base class of every error govkg raises on purpose."""


class InputError(GovKGError):
    """A report file is missing, unreadable or not a report of the genre."""


class ExtractionError(GovKGError):
    """The extraction pipeline could not be built or run."""


class StoreError(GovKGError):
    """A graph store (Neo4j, RDF file) could not be reached or written."""


class OutputError(StoreError):
    """An output file or folder cannot be written (a folder where a file should go, no permission, disk full)."""


class QueryError(GovKGError):
    """A canned or ad-hoc query is unknown, malformed or failed."""


class StoreUnavailable(StoreError):
    """The store cannot be reached or refused the credentials: no further write can succeed."""
