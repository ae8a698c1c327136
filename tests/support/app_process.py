"""The tray app as a real subprocess (for e2e tests and the app benchmark)."""

from __future__ import annotations

import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop_app.paths import AppPaths
from support.desktop_session import DesktopSession


@dataclass
class RunningApp:
    process: subprocess.Popen[bytes]
    env: dict[str, str]
    paths: AppPaths
    output: Path

    def cli(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """``attachguard ARGS`` as a separate process, as a user or a file manager runs it."""
        return subprocess.run(
            [sys.executable, "-m", "desktop_app", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def log_text(self) -> str:
        try:
            return self.paths.log_file.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def has_failed_upload(self) -> bool:
        """Whether an upload of this app's queue has failed for good (read from its store)."""
        from desktop_app.core.service import Service

        service = Service(self.paths)
        try:
            return any(str(job.state) == "failed" for job in service.uploads.jobs())
        finally:
            service.close()

    def output_text(self) -> str:
        return self.output.read_text(encoding="utf-8", errors="replace")

    def quit(self, timeout: float = 60) -> int:
        """SIGTERM (what a session logout sends) and wait for a clean exit."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise


def app_env(
    session: DesktopSession, home: Path, extra: dict[str, str] | None = None
) -> dict[str, str]:
    env = session.env()
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        env.pop(name, None)
    env["ATTACHGUARD_HOME"] = str(home)
    # No keyring lookups on a D-Bus the test does not own, unless the caller provides one.
    env.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    env.update(extra or {})
    return env


def launch(env: dict[str, str], home: Path, output: Path, *args: str) -> RunningApp:
    """Start ``attachguard -v ARGS`` with its stdout and stderr going to ``output``."""
    with output.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "-v", *args],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return RunningApp(process, env, AppPaths.under(home), output)
