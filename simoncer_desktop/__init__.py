"""Simoncer Desktop: Sistem Monitoring Cerdas for Dinas Sosial."""

__version__ = "0.1.0"
APP_NAME = "Simoncer"
