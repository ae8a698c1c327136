"""The upload targets in force: names, kinds, addresses, keys.

A job records both its target's name and the address it is sent to (``upload_jobs.target``):
the gate, the breaker, dedupe and reconciliation work per address, which is per target, and a
file id only ever means something on the server that issued it. The ``openai`` target always
exists and comes first unless the settings list it elsewhere; its address is ``[upload]
base_url``, else ``OPENAI_BASE_URL``, else the public API (today's behaviour).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from desktop_app.core.credentials import resolve_base_url
from desktop_app.core.errors import ErrorKind, UploadError
from desktop_app.settings import UploadSettings
from desktop_app.targets import DEFAULT_TARGET, TargetSettings


@dataclass(frozen=True)
class Target:
    """One place uploads go to, resolved."""

    name: str
    kind: str  # openai | azure | openai_compatible
    address: str  # base URL, or the Azure endpoint
    api_version: str | None = None  # azure only
    purpose: str | None = None
    api_key_env: str | None = None
    status_url: str | None = None

    @property
    def label(self) -> str:
        """How the user sees it named: "Azure" for an azure target called "azure"."""
        return {"openai": "OpenAI", "azure": "Azure"}.get(self.name, self.name)


class Targets:
    """The targets in order (the first is the primary); look-up by name or address."""

    def __init__(self, targets: Sequence[Target]) -> None:
        self._list = list(targets)
        self._by_name = {t.name: t for t in self._list}
        self._by_address = {t.address: t for t in reversed(self._list)}

    def __iter__(self) -> Iterator[Target]:
        return iter(self._list)

    def __len__(self) -> int:
        return len(self._list)

    @property
    def names(self) -> list[str]:
        return [t.name for t in self._list]

    @property
    def primary(self) -> Target:
        return self._list[0]

    def get(self, name: str) -> Target:
        """The target called ``name``; an :class:`UploadError` naming the choices if none."""
        target = self._by_name.get(name)
        if target is None:
            raise UploadError(
                f"no upload target named {name!r}; the targets are {', '.join(self.names)}",
                kind=ErrorKind.INVALID,
            )
        return target

    def by_address(self, address: str) -> Target | None:
        return self._by_address.get(address)

    def secondary(self, preferred: str | None) -> Target | None:
        """Where the primary's documents fail over to: ``preferred``, else the next listed."""
        if preferred and preferred in self._by_name and preferred != self.primary.name:
            return self._by_name[preferred]
        return self._list[1] if len(self._list) > 1 else None


def resolve_targets(
    settings: UploadSettings, tables: Sequence[TargetSettings], base_url: str | None = None
) -> Targets:
    """The targets in force. ``base_url`` (given): the ``openai`` target's address."""
    found: list[Target] = []
    for table in tables:
        if table.name == DEFAULT_TARGET:
            address = base_url or resolve_base_url(settings.base_url or table.base_url)
        else:
            address = table.address or ""
        found.append(
            Target(
                name=table.name,
                kind=table.kind,
                address=address,
                api_version=table.api_version if table.kind == "azure" else None,
                purpose=table.purpose,
                api_key_env=table.api_key_env,
                status_url=table.status_url,
            )
        )
    if all(t.name != DEFAULT_TARGET for t in found):
        address = base_url or resolve_base_url(settings.base_url)
        found.insert(0, Target(name=DEFAULT_TARGET, kind="openai", address=address))
    return Targets(found)
