"""Detail and edit dialogs."""
