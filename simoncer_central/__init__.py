"""Simoncer Central: the Dinsos office's sync service that kecamatan laptops enroll with and sync through.

No Qt here: the service runs on a server (``simoncer-central serve``). It ships in the same distribution
as the desktop app, so it carries the same version."""

from simoncer_desktop import __version__

__all__ = ["__version__"]
