"""The importer's warnings: stable codes, each with a JSON pointer into the document."""

from __future__ import annotations

from dataclasses import dataclass, field

CODES: dict[str, str] = {
    "W01": "server-sent events (streaming): the non-stream form is imported",
    "W02": "a literal query string in a path (`?beta=true`) is dropped from the path",
    "W03": "a request body that is not a JSON object or a multipart form is not imported",
    "W04": "an enum mixing kinds of values is imported as its base type",
    "W05": "an object with both `properties` and `additionalProperties`: the extra properties are dropped",
    "W06": "a parameter style the format cannot express (deepObject) is imported as a plain parameter",
    "W07": "an unresolvable or external `$ref` is imported as `type: any`",
    "W08": "two operations got one method name: the later one was renamed",
    "W09": "a schema construct the format cannot express (`not`, `$recursiveRef`, a bare `null`) is `any`",
    "W10": "an operation's security scheme is not a bearer key: the API key is used",
    "W11": "a path placeholder without a path parameter is declared as a string; a path parameter "
           "the path lacks is left out",
}


def escape(token: str) -> str:
    """One reference token of a JSON pointer (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def pointer(*tokens: str) -> str:
    return "#" + "".join("/" + escape(t) for t in tokens)


@dataclass(frozen=True, order=True)
class Note:
    """One lossy step: where it happened (a JSON pointer), its code and what was done."""

    location: str
    code: str
    message: str

    def render(self) -> str:
        return f"{self.location}: warning[{self.code}]: {self.message}"


@dataclass
class Notes:
    """The warnings of one import, each reported once."""

    items: list[Note] = field(default_factory=list)
    _seen: set[tuple[str, str]] = field(default_factory=set)

    def warn(self, code: str, location: str, message: str) -> None:
        assert code in CODES, code
        if (code, location) not in self._seen:
            self._seen.add((code, location))
            self.items.append(Note(location, code, message))
