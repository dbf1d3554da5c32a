"""PDF reports (reportlab): pure functions (plain data, path) → file, with an embedded TTF font."""
