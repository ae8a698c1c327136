"""Fault injection for the fake OpenAI server: what to break, for which requests, how often.

A :class:`Fault` matches a method and a path *prefix* (``*`` inside the prefix matches one path
segment, e.g. ``/v1/uploads/*/parts``) and applies to the next ``times`` matching requests, or to
every matching request while it is registered when ``times`` is ``None``. The :class:`FaultBook`
is consulted once per request, under a lock, so concurrent requests never both consume the last
use of a fault. Random faults draw from a seeded ``random.Random`` in request arrival order, so a
seed fixes the *sequence* of outcomes (which request gets which depends on thread scheduling).
"""

from __future__ import annotations

import enum
import random
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field


class FaultKind(enum.Enum):
    """What the server does instead of (or around) answering normally."""

    STATUS = "status"  # answer with an error status and OpenAI's error body
    RESET_BEFORE = "reset_before"  # drop the connection (RST) before reading the body
    RESET_AFTER = "reset_after_store"  # process the request fully, then RST without a response
    DELAY = "delay"  # process normally, but wait ``delay_s`` before doing so
    BAD_ANSWER = "bad_answer_after_store"  # process fully, then answer ``answer`` (see BAD_ANSWERS)
    HANG = "hang_after_store"  # process fully, then never answer (until the server stops)
    TRICKLE = "trickle_after_store"  # process fully, then send the answer a byte per ``delay_s``


@dataclass
class Fault:
    """One registered fault (see module docstring for matching)."""

    kind: FaultKind
    method: str | None
    path: str
    times: int | None
    status: int = 0
    message: str = ""
    code_str: str | None = None
    err_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    answer: str = ""
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.method is not None:
            self.method = self.method.upper()
        parts = [re.escape(piece) for piece in self.path.split("*")]
        self._pattern = re.compile("[^/]*".join(parts))

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method != method:
            return False
        assert self._pattern is not None
        return self._pattern.match(path) is not None


#: Answers ``bad_answer_after_store`` can give once the request was carried out:
#: (status, content type, body). A body of None stands for the real answer cut in half.
BAD_ANSWERS: dict[str, tuple[int, str, bytes | None]] = {
    "truncated": (200, "application/json", None),
    "html": (200, "text/html", b"<html><body><h1>Service temporarily busy</h1></body></html>"),
    "empty": (200, "application/json", b""),
    "wrong_shape": (200, "application/json", b'{"object": "file", "status": "processed"}'),
    "502": (502, "text/html", b"<html><body><h1>502 Bad Gateway</h1></body></html>"),
    "504": (504, "text/html", b"<html><body><h1>504 Gateway Time-out</h1></body></html>"),
}

#: Names accepted by ``random_faults(kinds=...)`` (and what each does).
RANDOM_KINDS: dict[str, str] = {
    "500": "HTTP 500 server_error",
    "502": "HTTP 502 bad gateway",
    "503": "HTTP 503 overloaded",
    "429": "HTTP 429 with Retry-After: 0 and retry-after-ms: 0",
    "429-1s": "HTTP 429 with Retry-After: 1",
    "reset_before": "connection reset before the body is read (nothing stored)",
    "reset_after_store": "request processed (file stored), then connection reset, no response",
}
#: The kinds drawn when none are named (the bad answers below are opt-in).
DEFAULT_RANDOM_KINDS = tuple(RANDOM_KINDS)
RANDOM_KINDS.update(
    {
        f"answer:{name}": f"request processed (file stored), then a {name} answer"
        for name in BAD_ANSWERS
    }
)


@dataclass
class RandomFaults:
    """Inject a fault into a fraction ``rate`` of matching requests."""

    rate: float
    rng: random.Random
    kinds: tuple[str, ...]
    probe: Fault  # only its method/path are used for matching

    def draw(self) -> Fault | None:
        if self.rng.random() >= self.rate:
            return None
        name = self.rng.choice(self.kinds)
        return random_fault(name, self.probe.method, self.probe.path)


def random_fault(name: str, method: str | None, path: str) -> Fault:
    """The single-use fault a ``random_faults`` draw named ``name`` stands for."""
    if name in ("500", "502", "503"):
        return Fault(FaultKind.STATUS, method, path, 1, status=int(name))
    if name == "429":
        headers = {"retry-after": "0", "retry-after-ms": "0"}
        return Fault(FaultKind.STATUS, method, path, 1, status=429, headers=headers)
    if name == "429-1s":
        return Fault(FaultKind.STATUS, method, path, 1, status=429, headers={"retry-after": "1"})
    if name == "reset_before":
        return Fault(FaultKind.RESET_BEFORE, method, path, 1)
    if name == "reset_after_store":
        return Fault(FaultKind.RESET_AFTER, method, path, 1)
    if name.startswith("answer:") and name.removeprefix("answer:") in BAD_ANSWERS:
        return Fault(FaultKind.BAD_ANSWER, method, path, 1, answer=name.removeprefix("answer:"))
    raise ValueError(f"unknown random fault kind {name!r}; known: {', '.join(RANDOM_KINDS)}")


class FaultBook:
    """Thread-safe registry of faults; :meth:`take` picks the one for a request, if any."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._random: RandomFaults | None = None
        #: (kind name, method, path) of every fault actually applied, in order.
        self.applied: list[tuple[str, str, str]] = []

    def add(self, fault: Fault) -> Fault:
        if fault.times is not None and fault.times < 1:
            raise ValueError("times must be >= 1 (or None for 'while registered')")
        with self._lock:
            self._faults.append(fault)
        return fault

    def remove(self, fault: Fault) -> None:
        with self._lock:
            if fault in self._faults:
                self._faults.remove(fault)

    def set_random(
        self, rate: float, seed: int, kinds: Iterable[str], method: str | None, path: str
    ) -> None:
        names = tuple(kinds)
        if not 0.0 <= rate <= 1.0:
            raise ValueError("rate must be between 0 and 1")
        for name in names:
            random_fault(name, method, path)  # validates the name early
        probe = Fault(FaultKind.STATUS, method, path, None)
        with self._lock:
            self._random = RandomFaults(rate, random.Random(seed), names, probe)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
            self._random = None

    def pending(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def take(self, method: str, path: str) -> Fault | None:
        """The fault to apply to this request (consuming one use), or None."""
        with self._lock:
            for fault in self._faults:
                if not fault.matches(method, path):
                    continue
                if fault.times is not None:
                    fault.times -= 1
                    if fault.times == 0:
                        self._faults.remove(fault)
                self.applied.append((fault.kind.value, method, path))
                return fault
            if self._random is not None and self._random.probe.matches(method, path):
                drawn = self._random.draw()
                if drawn is not None:
                    name = drawn.kind.value if drawn.kind is not FaultKind.STATUS else "status"
                    self.applied.append((f"random:{name}:{drawn.status}", method, path))
                return drawn
        return None
