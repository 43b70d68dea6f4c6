"""The YAML mapping and list types of a loaded spec, each remembering where its parts were written."""

from __future__ import annotations

from generator.ir import Location

# Positions of keys, values and items are kept as (line, column) pairs and made Locations only when
# asked for: a big spec has hundreds of thousands of them, and the validator asks for few.
Position = tuple[int, int]


class YMap(dict):  # type: ignore[type-arg]
    """A YAML mapping with the location of itself, of each key and of each value."""

    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location
        self.owner_location = location  # the key this mapping is the value of, when it has one
        self.positions: dict[str, tuple[Position, Position]] = {}  # key -> (key position, value position)

    def key_at(self, key: str) -> Location:
        return self._at(key, 0)

    def value_at(self, key: str) -> Location:
        return self._at(key, 1)

    def _at(self, key: str, which: int) -> Location:
        found = self.positions.get(key)
        if found is None:
            return self.location
        line, col = found[which]
        return Location(self.location.file, line, col)


class YList(list):  # type: ignore[type-arg]
    """A YAML list with the location of itself and of each item."""

    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location
        self.item_positions: list[Position] = []

    def item_at(self, index: int) -> Location:
        if index >= len(self.item_positions):
            return self.location
        line, col = self.item_positions[index]
        return Location(self.location.file, line, col)
