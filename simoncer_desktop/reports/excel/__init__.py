"""Excel workbooks: pure functions (plain data, path) → file, no database and no Qt."""
