"""The kennisbank (articles, search, suggestions, health) and trends in incoming messages."""
