"""The fault-injection half of ``FakeOpenAI``'s public API (mixed into the server class).

Every method registers a :class:`~.faults.Fault` in the server's :class:`~.faults.FaultBook`
(or sets the outage window) and returns at once; the handler applies it to the next matching
request. Defaults target file creation (``POST /v1/files``); pass ``method``/``path`` to aim
elsewhere (``path`` is a prefix, ``*`` matches one segment, ``method=None`` matches any).
"""

from __future__ import annotations

from collections.abc import Iterable

from .faults import BAD_ANSWERS, DEFAULT_RANDOM_KINDS, Fault, FaultBook, FaultKind

FILES = "/v1/files"


class FaultControls:
    """Fault methods of ``FakeOpenAI``; the server provides the attributes declared here."""

    faults: FaultBook
    outage_message: str
    _outage_until: float | None

    @property
    def now(self) -> float:
        raise NotImplementedError

    def fail_status(
        self,
        code: int,
        *,
        times: int | None = 1,
        message: str | None = None,
        code_str: str | None = None,
        err_type: str | None = None,
        headers: dict[str, str] | None = None,
        method: str | None = "POST",
        path: str = FILES,
    ) -> Fault:
        """Answer the next ``times`` matching requests with ``code`` and OpenAI's error body."""
        fault = Fault(
            FaultKind.STATUS,
            method,
            path,
            times,
            status=code,
            message=message or "",
            code_str=code_str,
            err_type=err_type,
            headers=dict(headers or {}),
        )
        return self.faults.add(fault)

    def rate_limited(
        self,
        retry_after_s: float = 1.0,
        *,
        times: int | None = 1,
        method: str | None = "POST",
        path: str = FILES,
    ) -> Fault:
        """429 with ``retry-after`` (whole seconds, rounded up) and ``retry-after-ms``."""
        headers = {
            "retry-after": str(int(-(-retry_after_s // 1))),
            "retry-after-ms": str(int(retry_after_s * 1000)),
        }
        return self.fail_status(429, times=times, headers=headers, method=method, path=path)

    def expired(
        self,
        times: int | None = 1,
        *,
        status: int = 400,
        code_str: str = "file_expired",
        message: str = "The file has expired",
        method: str | None = "POST",
        path: str = FILES,
    ) -> Fault:
        """The "file has expired" 4xx the upload engine must recognise. OpenAI does not document
        its exact status or code; we answer 400 ``invalid_request_error`` with code
        ``file_expired`` (SDK: ``BadRequestError``), and ``status``/``code_str`` let tests vary
        it (e.g. ``status=404``). Aim it at retrieve with ``method="GET", path="/v1/files/"``."""
        return self.fail_status(
            status, times=times, message=message, code_str=code_str, method=method, path=path
        )

    def reset_before(
        self, times: int | None = 1, *, method: str | None = "POST", path: str = FILES
    ) -> Fault:
        """Drop the connection (RST) before reading the body: nothing is stored."""
        return self.faults.add(Fault(FaultKind.RESET_BEFORE, method, path, times))

    def reset_after_store(
        self, times: int | None = 1, *, method: str | None = "POST", path: str = FILES
    ) -> Fault:
        """Process the request (the file IS stored), then drop the connection unanswered."""
        return self.faults.add(Fault(FaultKind.RESET_AFTER, method, path, times))

    def delay(
        self,
        seconds: float,
        times: int | None = 1,
        *,
        method: str | None = "POST",
        path: str = FILES,
    ) -> Fault:
        """Read the body, wait ``seconds`` (cut short by ``stop()``), then process and answer."""
        return self.faults.add(Fault(FaultKind.DELAY, method, path, times, delay_s=seconds))

    def bad_answer_after_store(
        self, answer: str, times: int | None = 1, *, method: str | None = "POST", path: str = FILES
    ) -> Fault:
        """Carry the request out (the file IS stored), then answer something the client cannot
        use: ``truncated`` JSON, an ``html`` page or an ``empty`` body with 200, JSON of the
        ``wrong_shape``, or a gateway's ``502``/``504`` page (see ``faults.BAD_ANSWERS``)."""
        if answer not in BAD_ANSWERS:
            raise ValueError(f"unknown answer {answer!r}; known: {', '.join(BAD_ANSWERS)}")
        return self.faults.add(Fault(FaultKind.BAD_ANSWER, method, path, times, answer=answer))

    def hang_after_store(
        self, times: int | None = 1, *, method: str | None = "POST", path: str = FILES
    ) -> Fault:
        """Carry the request out, then never answer (the connection stays open until the
        client gives up or the server stops)."""
        return self.faults.add(Fault(FaultKind.HANG, method, path, times))

    def trickle_after_store(
        self,
        interval_s: float = 0.05,
        times: int | None = 1,
        *,
        method: str | None = "POST",
        path: str = FILES,
    ) -> Fault:
        """Carry the request out, then send an answer one byte every ``interval_s`` seconds;
        it announces megabytes of padding, so it never ends while the client keeps reading."""
        return self.faults.add(Fault(FaultKind.TRICKLE, method, path, times, delay_s=interval_s))

    def outage(self, duration_s: float, message: str | None = None) -> None:
        """Every ``/v1/`` request answers 503 until ``now + duration_s`` (server clock)."""
        if message:
            self.outage_message = message
        self._outage_until = self.now + duration_s

    def end_outage(self) -> None:
        self._outage_until = None

    def outage_active(self) -> bool:
        until = self._outage_until
        return until is not None and self.now < until

    def random_faults(
        self,
        rate: float,
        seed: int,
        kinds: Iterable[str] = DEFAULT_RANDOM_KINDS,
        *,
        method: str | None = "POST",
        path: str = FILES,
    ) -> None:
        """Fault a fraction ``rate`` of matching requests, drawing kinds with ``seed``."""
        self.faults.set_random(rate, seed, kinds, method, path)

    def clear_faults(self) -> None:
        """Remove every pending fault, random faults and the outage."""
        self.faults.clear()
        self.end_outage()

    @property
    def applied_faults(self) -> list[tuple[str, str, str]]:
        """``(kind, method, path)`` of each fault applied so far."""
        return list(self.faults.applied)
