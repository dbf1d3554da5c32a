"""Qt item models over service queries (tested without a window)."""
