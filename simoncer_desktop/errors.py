"""Domain exceptions and the process-wide handler for unexpected errors.

Messages meant for users are in Bahasa Indonesia and always say where the problem is (field, row).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FieldError:
    """One problem with one input: ``field`` is the form field or column, ``row`` the 1-based row if any."""

    field: str
    message: str
    row: int | None = None

    def __str__(self) -> str:
        return f"Baris {self.row}: {self.message}" if self.row is not None else self.message


class SimoncerError(Exception):
    """Base of the errors a user is meant to read."""


class ValidationError(SimoncerError):
    """Input that cannot be stored; nothing was written."""

    def __init__(self, errors: list[FieldError] | FieldError | str, field: str = "") -> None:
        if isinstance(errors, str):
            errors = [FieldError(field, errors)]
        elif isinstance(errors, FieldError):
            errors = [errors]
        self.errors: list[FieldError] = list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))

    def by_field(self) -> dict[str, str]:
        """The first message per field, for showing under form fields."""
        out: dict[str, str] = {}
        for err in self.errors:
            out.setdefault(err.field, err.message)
        return out


class NotFoundError(SimoncerError):
    """A record asked for by id does not exist (or was deleted)."""


class DuplicateError(ValidationError):
    """The value is already used by another live record (e.g. the same NIK in another family)."""


class AuthError(SimoncerError):
    """A login, password or account operation was refused (wrong password, locked, weak password)."""


class PermissionDeniedError(SimoncerError):
    """The logged-in user's role or scope does not allow the action; nothing was written."""


ErrorReporter = Callable[[str, str], None]


def install_excepthook(report: ErrorReporter | None = None) -> None:
    """Log every uncaught exception; ``report(title, text)`` shows it to the user (the UI passes a dialog)."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("Unexpected error", exc_info=(exc_type, exc, tb))
        if report is not None:
            try:
                report(
                    "Terjadi kesalahan",
                    "Terjadi kesalahan yang tidak terduga. Rincian sudah dicatat di log.\n\n"
                    f"{exc_type.__name__}: {exc}",
                )
            except Exception:  # the reporter itself failed: the log line above is what remains
                log.exception("Could not show the error dialog")

    sys.excepthook = hook
