"""The failures of the sync client (``sync.client``), each with a message for the operator.

Kept apart from the HTTP code so that the engine, the CLI and the UI can name them without the client."""

from __future__ import annotations

from simoncer_desktop.errors import SimoncerError


class SyncError(SimoncerError):
    """A sync request that did not succeed; the message is for the operator (Bahasa)."""


class OfflineError(SyncError):
    """The server could not be reached (no network, refused, timed out) after the retries."""


class TlsError(SyncError):
    """The server's certificate could not be verified (not retried: waiting does not fix it)."""


class ServerError(SyncError):
    """A 5xx answer after the retries, or an answer that is not the protocol's."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class RequestRefusedError(SyncError):
    """A 4xx answer other than 401/413/426: the server's own message."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class UnauthorizedError(RequestRefusedError):
    """401: the device token is unknown or the device was revoked."""


class PayloadTooLargeError(RequestRefusedError):
    """413: the batch is larger than the server accepts."""


class SchemaTooOldError(RequestRefusedError):
    """426: this app's schema is older than the server accepts; ``min_schema`` is the oldest it takes."""

    def __init__(self, message: str, status: int, min_schema: str | None) -> None:
        super().__init__(message, status)
        self.min_schema = min_schema
