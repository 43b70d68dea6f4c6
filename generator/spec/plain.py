"""The fast path of loading: the tree of a plain spec, built straight from the parser's events."""

from __future__ import annotations

from typing import Any

import yaml  # type: ignore[import-untyped]  # no stubs: types-PyYAML is not a dependency

from generator.ir import Location
from generator.spec import parsing
from generator.spec.nodes import Position, YList, YMap
from generator.spec.parsing import MAX_DEPTH, STR_TAG


class _NotPlain(Exception):
    """The spec uses something only the general path (compose, then Converter) handles."""


class PlainBuilder:
    """The tree of a plain spec, built straight from the parser's events: no nodes, no recursion.

    "Plain" is what specs are: one document whose top level is a mapping, no anchors, aliases, merge
    keys or explicit tags, no duplicate keys, no key that is a collection, no nesting past MAX_DEPTH,
    and every value YAML can read. Anything else, any error of the parser included, gives None, and
    the general path (composed.py) reads the spec again and reports exactly what it always reported.
    For a plain spec both paths build the same tree (tests/test_loader_positions.py compares them);
    this one takes about two thirds of the time of composing nodes and converting them (s1000: 0.26 s,
    0.39 s).
    """

    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self) -> YMap | None:
        try:
            # The parser is looked up on its module at each load, so that one swap there (the tests
            # swap in the pure-Python parser) reaches both paths. Its reader checks the characters here.
            loader = parsing.SpecLoader(self.text)
        except Exception:
            return None
        try:
            return self.document(loader)
        except Exception:  # _NotPlain, or any error of the parser or of a value: the general path reports it
            return None
        finally:
            loader.dispose()

    def document(self, loader: Any) -> YMap:
        get = loader.get_event
        if not isinstance(get(), yaml.StreamStartEvent) or not isinstance(get(), yaml.DocumentStartEvent):
            raise _NotPlain
        event = get()
        if event.__class__ is not yaml.MappingStartEvent or event.anchor is not None or event.tag is not None:
            raise _NotPlain
        root = YMap(Location(self.name, event.start_mark.line + 1, event.start_mark.column + 1))
        self.collections(get, root, loader.resolve)
        if not isinstance(get(), yaml.DocumentEndEvent) or not isinstance(get(), yaml.StreamEndEvent):
            raise _NotPlain
        return root

    def collections(self, get: Any, root: YMap, resolve: Any) -> None:
        """Events up to the end of `root`, into it. One loop for every level: specs are wide, not deep."""
        name = self.name
        outer: list[tuple[YMap | YList, str | None, Position | None]] = []
        current: YMap | YList = root
        key: str | None = None  # the key whose value comes next, when `current` is a mapping
        key_position: Position | None = None
        while True:
            event = get()
            kind = event.__class__
            if kind is yaml.ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    raise _NotPlain
                mark = event.start_mark
                position = (mark.line + 1, mark.column + 1)
                if current.__class__ is YMap and key is None:
                    key = event.value  # a key is kept as written (see Converter.key)
                    if key == "<<" or key in current:  # a merge, or a duplicate
                        raise _NotPlain
                    key_position = position
                    continue
                value = self.scalar(event, resolve)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                depth = len(outer) + 1  # the top level is 0
                if event.anchor is not None or event.tag is not None or depth > MAX_DEPTH \
                        or (current.__class__ is YMap and key is None):  # a collection as a key
                    raise _NotPlain
                mark = event.start_mark
                position = (mark.line + 1, mark.column + 1)
                location = Location(name, *position)
                value = YMap(location) if kind is yaml.MappingStartEvent else YList(location)
                if value.__class__ is YMap and current.__class__ is YMap:
                    value.owner_location = Location(name, *key_position)  # type: ignore[misc]
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                if not outer:
                    return
                current, key, key_position = outer.pop()
                continue
            else:  # an alias, or a document or stream event out of place
                raise _NotPlain
            if current.__class__ is YMap:
                current.positions[key] = (key_position, position)  # type: ignore[index,assignment]
                current[key] = value
                key = None
            else:
                current.item_positions.append(position)  # type: ignore[union-attr]
                current.append(value)  # type: ignore[union-attr]
            if value.__class__ is YMap or value.__class__ is YList:
                outer.append((current, None, None))
                current, key, key_position = value, None, None

    def scalar(self, event: Any, resolve: Any) -> Any:
        tag = resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == STR_TAG:
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        return self.constructor.construct_object(node, deep=True)
