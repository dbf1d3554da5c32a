"""Qt only: application, background tasks, main window, pages, table models and dialogs.

Widgets never query the database: they call ``simoncer_desktop.services`` with a session from
``Database.read()`` (reads) or ``Database.transaction()`` (one user action = one transaction).
"""
