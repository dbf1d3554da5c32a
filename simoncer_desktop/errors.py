"""Domain exceptions and the process-wide handler for unexpected errors.

Messages meant for users are in Bahasa Indonesia and always say where the problem is (field, row). They
are translated for the screen (``simoncer_desktop.translation``); a ``Message`` also remembers its Bahasa
source, so a message kept in a plan and later written into a file (the import report) is written in Bahasa.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from simoncer_desktop.translation import translate

log = logging.getLogger(__name__)


class Message(str):
    """Screen text that can be made again in the language of the moment.

    Its value (as a ``str``) is the text translated when it was made, so the UI shows it as it is. ``render``
    makes it again: inside ``untranslated()`` that gives the Bahasa source — how a message kept in an import
    plan reaches the import report in Bahasa. Make one with ``Message.translate("ctx", "text")`` (lupdate
    extracts the literals) and fill placeholders with ``.format(name=value)``; values that are
    ``Message`` themselves (labels) are rendered again too.
    """

    _context: str
    _source: str
    _args: tuple[Any, ...] | None
    _kwargs: dict[str, Any]

    def __new__(
        cls,
        context: str,
        source: str,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> Message:
        kwargs = kwargs or {}
        made = super().__new__(cls, _render(context, source, args, kwargs))
        made._context, made._source, made._args, made._kwargs = context, source, args, kwargs
        return made

    @classmethod
    def translate(cls, context: str, source: str) -> Message:  # the name lupdate looks for
        return cls(context, source)

    def format(self, *args: Any, **kwargs: Any) -> Message:  # type: ignore[override]
        """The message with its placeholders filled (str.format rules; ``{{`` for a literal brace)."""
        return Message(self._context, self._source, args, kwargs)

    def render(self) -> str:
        """The text in the language of the moment (Bahasa inside ``untranslated()``)."""
        return _render(self._context, self._source, self._args, self._kwargs)

    @property
    def source(self) -> str:
        """The untranslated template (placeholders not filled)."""
        return self._source

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self._context, self._source, self._args, self._kwargs))


def _render(context: str, source: str, args: tuple[Any, ...] | None, kwargs: dict[str, Any]) -> str:
    text = translate(context, source) if context else source  # no context: a template that is not language
    if args is None:
        return text
    return text.format(*(_arg(a) for a in args), **{k: _arg(v) for k, v in kwargs.items()})


def _arg(value: object) -> object:
    return value.render() if isinstance(value, Message) else value


def render(text: object) -> str:
    """``text`` as a string in the language of the moment: a ``Message`` made again, anything else ``str()``."""
    return text.render() if isinstance(text, Message) else str(text)


@dataclass(frozen=True)
class FieldError:
    """One problem with one input: ``field`` is the form field or column, ``row`` the 1-based row if any."""

    field: str
    message: str
    row: int | None = None

    def __str__(self) -> str:
        if self.row is None:
            return render(self.message)
        return translate("errors", "Baris {row}: {message}").format(row=self.row, message=render(self.message))


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
                    translate("errors", "Terjadi kesalahan"),
                    translate("errors", "Terjadi kesalahan yang tidak terduga. Rincian sudah dicatat di log.")
                    + f"\n\n{exc_type.__name__}: {exc}",
                )
            except Exception:  # the reporter itself failed: the log line above is what remains
                log.exception("Could not show the error dialog")

    sys.excepthook = hook
