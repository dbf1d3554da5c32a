"""Domain errors of the central service. Every message is Bahasa Indonesia: it reaches an operator,
either on the command line or through the desktop app, which shows the server's ``error`` text as is."""

from __future__ import annotations


class CentralError(Exception):
    """A problem the operator or the client can fix; ``http_status`` is what the API answers with."""

    http_status = 400


class InvalidInputError(CentralError):
    """A request or an argument that is malformed (bad scope, bad code shape, missing field)."""

    http_status = 400


class UnknownCodeError(CentralError):
    http_status = 404


class ExpiredCodeError(CentralError):
    """Expired and already used codes are both 410 Gone: the code existed but cannot be used any more."""

    http_status = 410


class UsedCodeError(CentralError):
    http_status = 410


class PayloadTooLargeError(CentralError):
    http_status = 413


class UnauthorizedError(CentralError):
    """Missing, unknown or revoked device token."""

    http_status = 401


class UnknownDeviceError(CentralError):
    http_status = 404


class SchemaTooNewError(CentralError):
    """The central database was migrated by a newer version of this service."""

    http_status = 500
