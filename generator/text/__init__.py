"""Text shared by every language: case conversion, word lists, wrapping, Markdown and HTML escaping."""
