"""Encryption at rest and sign-in (issue 7; no Qt here).

- ``engine``: the SQLCipher-encrypted database file (engine, raw connections, converting plain files).
- ``keystore``: the key file beside the database holding the data key wrapped per user and for the
  recovery key, with the login lockout.
- ``signin``: creating a database, signing in, recovery and the account operations that keep the
  database and the key file together.

Nothing is imported here so that ``migrate``/``store`` can use ``security.engine`` without cycles.
"""
