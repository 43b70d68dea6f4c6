"""The shortcuts the targets take for speed give exactly what the general code gives.

Each fast path (one-line wrapping, ASCII-only escaping) is compared with the general computation
it skips, on text drawn to hit both sides of each shortcut's condition.
"""

from __future__ import annotations

import textwrap
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.targets.ruby import literals as ruby
from generator.targets.typescript import literals as typescript
from generator.targets.typescript import names as typescript_names
from generator.text.wrap import wrap

# Spaces, every kind of whitespace textwrap rewrites, controls, hyphens, non-ASCII letters and
# separators, and long words: what description text holds, and what sits at each shortcut's edge.
PIECES = st.sampled_from(["a", "b", " ", "  ", "-", "\t", "\n", "\r", "\x0b", "\x0c", "\x00", "\x1b", "\x7f",
                          "\x85", "é", "\u00a0", "\u2028", "\u200f", "\u3000", "'", '"', "\\", "*/", "@",
                          "word", "x" * 40])
TEXT = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=2000, deadline=None)
@given(TEXT, st.integers(1, 80), st.sampled_from(["", "  ", "@param name "]), st.sampled_from(["", "  "]))
def test_wrap_is_textwrap(text: str, width: int, initial: str, subsequent: str) -> None:
    assert wrap(text, width, initial, subsequent) == textwrap.wrap(
        text, width=width, initial_indent=initial, subsequent_indent=subsequent,
        break_long_words=False, break_on_hyphens=False)


def test_wrap_takes_the_shortcut_for_a_short_line_only() -> None:
    assert wrap("  fits, trailing spaces go   ", 40) == ["  fits, trailing spaces go"]
    assert wrap("   ", 40) == []
    assert wrap("two words", 5) == ["two", "words"]
    assert wrap("tab\there", 40) == ["tab     here"]  # textwrap expands the tab: not the shortcut


def _string_literal_per_character(text: str) -> str:
    quote = '"' if text.count("'") > text.count('"') else "'"
    escapes = {"\\": "\\\\", quote: "\\" + quote, "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return quote + "".join(escapes.get(ch) or (typescript.unicode_escape(ch) if typescript.invisible(ch) else ch)
                           for ch in text) + quote


@settings(max_examples=2000, deadline=None)
@given(TEXT)
def test_typescript_string_literal(text: str) -> None:
    assert typescript.string_literal(text) == _string_literal_per_character(text)


@settings(max_examples=2000, deadline=None)
@given(TEXT)
def test_typescript_jsdoc_escapes_each_invisible_character(text: str) -> None:
    expected = "".join(typescript.unicode_escape(c) if typescript.invisible(c) else c for c in text)
    assert typescript.escape_invisible(text) == expected


def _es5_identifier_by_category(name: str) -> bool:
    def start(c: str) -> bool:
        return c in "$_" or unicodedata.category(c) in typescript_names._ES5_START

    return bool(name) and start(name[0]) and all(
        start(c) or c in "\u200c\u200d" or unicodedata.category(c) in typescript_names._ES5_PART for c in name[1:])


@given(st.text(st.characters(max_codepoint=0x7F), max_size=8) | st.text(max_size=8))
def test_typescript_es5_identifier(name: str) -> None:
    assert typescript_names.es5_identifier(name) == _es5_identifier_by_category(name)


def test_every_ascii_character_is_an_identifier_part_as_unicode_says() -> None:
    for code in range(0x80):
        assert typescript_names.es5_identifier("a" + chr(code)) == _es5_identifier_by_category("a" + chr(code)), code
        assert typescript_names.es5_identifier(chr(code)) == _es5_identifier_by_category(chr(code)), code


@settings(max_examples=1000, deadline=None)
@given(TEXT)
def test_ruby_comment_shows_controls_and_line_separators_as_spaces(text: str) -> None:
    clean = "".join(c if ord(c) >= 0x20 or c == "\n" else " " for c in text.replace("\r\n", "\n"))
    clean = "".join(" " if c in "\r\x7f\u2028\u2029\x85" else c for c in clean)
    assert text.replace("\r\n", "\n").translate(ruby._COMMENT_BLANKS) == clean


def test_ruby_identifier_pattern_is_the_unicode_range_it_replaces() -> None:
    # ruby._ID spells [A-Za-z_\u0080-\U0010ffff][A-Za-z0-9_\u0080-\U0010ffff]* by what it excludes.
    import re

    spelled = re.compile(rf"(?:{ruby._ID})\Z")
    ranged = re.compile(r"[A-Za-z_\u0080-\U0010ffff][A-Za-z0-9_\u0080-\U0010ffff]*\Z")
    samples = [chr(c) for c in range(0x100)] + ["\u0080", "\uffff", "\U0010ffff", "\ud800", "é1", "1é", "_9", "a-b"]
    samples += [a + b for a in map(chr, range(0x80)) for b in ("a", "0", "_", "é", "-", "")]
    for text in samples:
        assert bool(spelled.match(text)) == bool(ranged.match(text)), repr(text)
