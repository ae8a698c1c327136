"""Upload targets in the settings file: the ``[[targets]]`` tables and the failover choices.

A target is a named place documents are uploaded to: ``openai`` (the public API or whatever
``[upload] base_url`` / ``OPENAI_BASE_URL`` names), ``azure`` (an Azure OpenAI resource: its
``endpoint`` and ``api_version``) or ``openai_compatible`` (a gateway at ``base_url``). The
``openai`` target always exists; a ``[[targets]]`` table named ``openai`` only changes it.

Checking never fails: a table that cannot be used is left out with one sentence naming it, and
the rest of the settings still load (see :mod:`desktop_app.settings`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The name of the target that always exists (today's single destination).
DEFAULT_TARGET = "openai"
TARGET_KINDS = ("openai", "azure", "openai_compatible")
FAILOVER_CHOICES = ("off", "ask", "auto")

_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass
class TargetSettings:
    """One ``[[targets]]`` table, as written by the user."""

    name: str = ""
    kind: str = "openai"
    base_url: str | None = None  # openai / openai_compatible
    endpoint: str | None = None  # azure: https://RESOURCE.openai.azure.com
    api_version: str | None = None  # azure: e.g. 2024-10-21
    purpose: str | None = None  # default purpose of uploads to this target
    api_key_env: str | None = None  # take the key from this environment variable
    status_url: str | None = None  # a Statuspage-style summary.json, or none

    @property
    def address(self) -> str | None:
        """Where the SDK sends requests: the Azure endpoint or the base URL."""
        url = self.endpoint if self.kind == "azure" else self.base_url
        return url.strip().rstrip("/") if url and url.strip() else None


def check_targets(targets: list[TargetSettings]) -> tuple[list[TargetSettings], list[str]]:
    """The usable tables, and one sentence per table left out (naming it)."""
    from desktop_app.settings import base_url_problem  # settings imports this module

    kept: list[TargetSettings] = []
    problems: list[str] = []
    for number, target in enumerate(targets, start=1):
        label = f"the {_ordinal(number)} [[targets]] table" + (
            f" ({target.name!r})" if target.name else ""
        )
        problem = _problem(target, {t.name for t in kept}, base_url_problem)
        if problem is None:
            kept.append(target)
        else:
            problems.append(f"{label}: {problem}; this target is left out")
    return kept, problems


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _problem(target: TargetSettings, taken: set[str], url_problem: object) -> str | None:
    assert callable(url_problem)
    if not _NAME.match(target.name):
        return "needs a name of lower-case letters, digits, '-' or '_' (at most 32)"
    if target.name in taken:
        return f"the name {target.name!r} is used twice"
    if target.kind not in TARGET_KINDS:
        return f"kind must be one of {', '.join(TARGET_KINDS)}, got {target.kind!r}"
    if target.name == DEFAULT_TARGET and target.kind != "openai":
        return "the target named 'openai' must be of kind openai"
    if target.kind == "azure":
        if not target.endpoint or not target.api_version:
            return "an azure target needs endpoint and api_version"
        where = ("endpoint", target.endpoint)
    elif target.kind == "openai_compatible":
        if not target.base_url:
            return "an openai_compatible target needs base_url"
        where = ("base_url", target.base_url)
    else:
        where = ("base_url", target.base_url or "https://api.openai.com/v1")
    problem = url_problem(where[1])
    if problem is not None:
        return f"its {where[0]} {problem}"
    if target.api_key_env is not None and not _ENV_NAME.match(target.api_key_env):
        return f"api_key_env must be an environment variable name, got {target.api_key_env!r}"
    if target.status_url is not None and url_problem(target.status_url) is not None:
        return f"its status_url {url_problem(target.status_url)}"
    return None
