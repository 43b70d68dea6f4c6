"""Every scenario of scenarios.yaml through every driver of drivers/, against the mock server.

A driver is a module of the drivers package with `NAME` and `command(tmp_dir) -> argv`; its process
reads one scenario input as JSON on stdin and prints one outcome as JSON. The outcome and the
requests the mock server recorded are compared with the scenario's `expect` (format: README.md).
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
from concurrent.futures import Future, ThreadPoolExecutor
from urllib.parse import parse_qsl, urlsplit
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from conformance import drivers as drivers_package
from conformance.mock_server import MockServer, RecordedRequest, multipart_parts

HERE = Path(__file__).resolve().parent
API_KEY = "sk-test-conformance"
DRIVER_TIMEOUT = 60  # seconds; the slowest scenario takes about 1.5 s
#: Scenarios run side by side: enough to overlap waits, few enough to keep retry timing measurable.
WORKERS = 4


def load_scenarios() -> list[dict[str, Any]]:
    return yaml.safe_load((HERE / "scenarios.yaml").read_text(encoding="utf-8"))["scenarios"]


def load_drivers() -> list[ModuleType]:
    found = []
    for info in sorted(pkgutil.iter_modules(drivers_package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{drivers_package.__name__}.{info.name}")
        if hasattr(module, "NAME") and hasattr(module, "command"):
            found.append(module)
    return found


SCENARIOS = load_scenarios()
DRIVERS = load_drivers()


def run_scenario(argv: list[str], scenario: dict[str, Any]) -> tuple[dict[str, Any], list[RecordedRequest]]:
    """One scenario through one driver process, with its own mock server."""
    with MockServer() as server:
        server.play(scenario["responses"])
        outcome = run_driver(
            argv,
            {
                "base_url": f"{server.url}/v1",
                "api_key": API_KEY,
                "client": scenario.get("client") or {},
                "call": scenario["call"],
            },
        )
        return outcome, server.requests


def run_driver(argv: list[str], scenario_input: dict[str, Any]) -> dict[str, Any]:
    result = subprocess.run(
        argv, input=json.dumps(scenario_input), capture_output=True, text=True, timeout=DRIVER_TIMEOUT
    )
    assert result.returncode == 0, f"driver exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    lines = result.stdout.strip().splitlines()
    assert lines, f"driver printed nothing; stderr:\n{result.stderr}"
    return json.loads(lines[-1])


@pytest.fixture(scope="session")
def outcomes(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], Future[Any]]:
    """Runs every selected (scenario, driver) pair up front, a few at a time.

    Most of a scenario's time is process start-up and the waits it scripts (delays, retry-after), so
    running them side by side keeps the suite fast; each test then checks its own pair. Each pair
    has its own mock server, so requests never mix.
    """
    selected = {
        (item.callspec.params["scenario"]["name"], item.callspec.params["driver"])
        for item in request.session.items
        if item.originalname == "test_scenario" and hasattr(item, "callspec")
    }
    commands: dict[str, Future[list[str]]] = {}
    for driver in DRIVERS:
        if any(name == driver.NAME for _, name in selected):
            # A driver may compile its SDK: once per session; a failure fails that driver's tests.
            commands[driver.NAME] = _call(driver.command, tmp_path_factory.mktemp(f"driver-{driver.NAME}"))
    by_name = {s["name"]: s for s in SCENARIOS}
    pool = ThreadPoolExecutor(max_workers=WORKERS)
    request.addfinalizer(lambda: pool.shutdown(wait=True))
    futures: dict[tuple[str, str], Future[Any]] = {}
    for scenario_name, driver_name in sorted(selected):
        if driver_name in by_name[scenario_name].get("except_drivers", ()):
            continue  # test_scenario skips it
        command = commands[driver_name]
        if command.exception() is not None:
            futures[(scenario_name, driver_name)] = command
        else:
            futures[(scenario_name, driver_name)] = pool.submit(
                run_scenario, command.result(), by_name[scenario_name]
            )
    return futures


def _call(function: Any, *args: Any) -> Future[Any]:
    future: Future[Any] = Future()
    try:
        future.set_result(function(*args))
    except Exception as err:  # reported by every test of that driver
        future.set_exception(err)
    return future


# ---------------------------------------------------------------- comparing with `expect`


def check_outcome(expect: dict[str, Any], outcome: dict[str, Any]) -> None:
    if "error" in expect:
        assert outcome["ok"] is False, f"expected {expect['error']['class']}, got a result: {outcome}"
        actual = outcome["error"]
        for key, wanted in expect["error"].items():
            if key == "message":
                # Languages word messages differently; the API's own message must be in there.
                assert wanted in actual["message"], f"message {actual['message']!r} lacks {wanted!r}"
            else:
                assert (
                    actual.get(key) == wanted
                ), f"error {key}: {actual.get(key)!r} != {wanted!r} in {actual}"
    else:
        assert outcome["ok"] is True, f"expected a result, got {outcome}"
        assert outcome["result"] == expect["result"]
        if "request_id" in expect:
            assert outcome["request_id"] == expect["request_id"]


def check_requests(expect: dict[str, Any], recorded: list[RecordedRequest]) -> None:
    wanted = expect.get("requests") or {}
    if "count" in wanted:
        assert len(recorded) == wanted["count"], [f"{r.method} {r.path}" for r in recorded]
    every = wanted.get("all") or {}
    for request in recorded:
        if "method" in every:
            assert request.method == every["method"]
        if "path" in every:
            assert request.path == every["path"]
        for name, value in (every.get("headers") or {}).items():
            assert request.headers.get(name.lower()) == value, f"header {name}: {request.headers}"
        for name in every.get("absent") or []:
            assert name.lower() not in request.headers, f"header {name} should be absent: {request.headers}"
    for index, each in enumerate(wanted.get("each") or []):
        check_request(each, recorded[index], index)
    for index, (low, high) in enumerate(wanted.get("gaps") or []):
        gap = recorded[index + 1].time - recorded[index].time
        assert low <= gap <= high, f"wait before retry {index + 1} was {gap:.3f} s, expected {low}..{high} s"


def check_request(wanted: dict[str, Any], request: RecordedRequest, index: int) -> None:
    """Request `index` against one entry of `requests.each`: path, query, JSON body, multipart parts."""
    target = urlsplit(request.path)
    if "path" in wanted:
        assert target.path == wanted["path"], f"request {index}: {request.path}"
    if "query" in wanted:
        assert dict(parse_qsl(target.query)) == wanted["query"], f"request {index}: {request.path}"
    if "json" in wanted:
        assert request.headers.get("content-type", "").startswith("application/json"), request.headers
        assert request.json() == wanted["json"], f"request {index} body: {request.body!r}"
    if "form" in wanted:
        assert multipart_parts(request) == wanted["form"], f"request {index} body: {request.body!r}"


@pytest.mark.parametrize("driver", [d.NAME for d in DRIVERS])
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_scenario(
    scenario: dict[str, Any], driver: str, outcomes: dict[tuple[str, str], Future[Any]]
) -> None:
    if driver in scenario.get("except_drivers", ()):
        pytest.skip(f"{driver}: {scenario.get('except_reason', 'another behaviour, tested on its own')}")
    outcome, recorded = outcomes[(scenario["name"], driver)].result()
    check_outcome(scenario["expect"], outcome)
    check_requests(scenario["expect"], recorded)


def test_suite_covers_the_required_behaviours() -> None:
    names = {s["name"] for s in SCENARIOS}
    assert len(names) == len(SCENARIOS) >= 20
    statuses = {r.get("status") for s in SCENARIOS for r in s["responses"]}
    assert {400, 401, 403, 404, 409, 422, 429, 500} <= statuses
    assert {"python", "python_async"} <= {d.NAME for d in DRIVERS}
