"""`referatbot serve`: refuses unsafe start-ups; the real process answers /healthz."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from bot.cli import cli


def _run(args: list[str], tmp_path: Path, **env: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, args, env={
        "REFERATBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}",
        "MicrosoftAppId": "", "MicrosoftAppPassword": "", **env})
    return result.exit_code, result.output


def test_dev_mode_refuses_a_public_address(tmp_path: Path) -> None:
    code, out = _run(["serve", "--dev", "--host", "0.0.0.0"], tmp_path)
    assert code == 1 and "127.0.0.1" in out


def test_production_refuses_to_start_without_credentials(tmp_path: Path) -> None:
    code, out = _run(["serve", "--port", "0"], tmp_path)
    assert code == 1 and "MicrosoftAppId" in out and "--dev" in out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_real_process_serves_healthz_and_stops_on_sigterm(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "REFERATBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}",
           "MicrosoftAppPassword": "ikke-i-loggen"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--dev", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        body = b""
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                    body = r.read()
                    break
            except OSError:
                time.sleep(0.1)
        assert b'"database": true' in body
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=15)
    assert proc.returncode == 0, out
    assert "ikke-i-loggen" not in out
