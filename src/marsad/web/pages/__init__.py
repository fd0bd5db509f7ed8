"""HTML pages of the reading room, one module per page family."""
