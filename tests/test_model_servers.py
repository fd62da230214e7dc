"""The model servers researchers run (llama.cpp, Ollama, LM Studio, OpenAI itself), each played by
a local stand-in that behaves as that server's source and docs say (``openai_server.py``), run as a
user runs papersum: ``OPENAI_BASE_URL`` set, local PDFs, the real openai client."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .arxiv_server import ArxivStandIn
from .conftest import RunCli, make_pdf
from .openai_server import FakeOpenAI, Reply, summary, tokens_of
from .papers import MUSIC_VIDEO


def serve(family: str, **options: Any) -> Iterator[FakeOpenAI]:
    server = FakeOpenAI(family=family, **options).start()
    yield server
    server.stop()


@pytest.fixture
def llama_cpp_python() -> Iterator[FakeOpenAI]:
    """``python -m llama_cpp.server`` as it behaves."""
    yield from serve("llama-cpp-python")


def run(papersum: RunCli, server: FakeOpenAI, *args: str | Path, **env: str) -> Any:
    return papersum(
        "run", *args, env={"OPENAI_BASE_URL": server.base_url, "PAPERSUM_MODEL": "test-model", **env}
    )


def flat(table: str) -> str:
    """A printed table's text with its borders gone and wrapped cells joined again."""
    return " ".join(table.replace("│", " ").split())


def summarized(listing: Path) -> set[str]:
    return {p.name for p in (listing.parent / "summaries").glob("*.md")} - {"index.md"}


def test_llama_cpp_python_gets_the_schema_its_way_and_a_token_cap(
    papersum: RunCli, llama_cpp_python: FakeOpenAI, listing: Path
) -> None:
    result = run(papersum, llama_cpp_python, listing)
    assert result.returncode == 0, result.stdout + result.stderr
    assert llama_cpp_python.statuses == [200, 200]  # the first request is accepted
    for request in llama_cpp_python.requests:
        fmt = request["response_format"]
        assert fmt["type"] == "json_object" and fmt["schema"]["additionalProperties"] is False
        assert request["max_tokens"] == 2000 and "max_completion_tokens" not in request
        assert request["stream"] is True
    # it sends no token counts when streaming: papersum's estimate is labelled as one, and free
    assert "test-model: 2 requests, " in result.stdout
    assert "tokens in estimated by papersum: the server sent no counts), $0" in result.stdout


def test_an_unrecognised_server_that_fails_json_schema_with_500_is_asked_differently_once(
    papersum: RunCli, llama_cpp_python: FakeOpenAI, listing: Path
) -> None:
    llama_cpp_python.hide_models = True  # e.g. behind a proxy: only its answers tell what it is
    result = run(papersum, llama_cpp_python, listing)
    assert result.returncode == 0, result.stdout + result.stderr
    assert llama_cpp_python.statuses == [500, 200, 200]  # no back-off, no identical re-send
    kinds = [r["response_format"]["type"] for r in llama_cpp_python.requests]
    assert kinds == ["json_schema", "json_object", "json_object"]
    assert "test-model: 2 requests, " in result.stdout  # the rejected one is not priced:
    assert "; 1 more refused or unanswered (no tokens, no cost)" in result.stdout


def test_ollama_gets_json_schema_and_its_own_token_counts_are_reported(
    papersum: RunCli, listing: Path
) -> None:
    for server in serve("ollama"):
        result = run(papersum, server, listing)
        assert result.returncode == 0, result.stdout + result.stderr
        assert [r["response_format"]["type"] for r in server.requests] == ["json_schema"] * 2
        assert all(r["max_tokens"] == 2000 for r in server.requests)
        assert all(r["stream_options"] == {"include_usage": True} for r in server.requests)
        prompt = sum(tokens_of(json.dumps(r["messages"])) for r in server.requests)
        assert f"test-model: 2 requests, {prompt:,} tokens in" in result.stdout  # the server's counts
        assert "estimated" not in result.stdout


def test_lm_studio_takes_only_json_schema(papersum: RunCli, listing: Path) -> None:
    for server in serve("lm-studio"):
        result = run(papersum, server, listing, "--match", "musicians")
        assert result.returncode == 0, result.stdout + result.stderr
        assert server.statuses == [200]
        assert server.requests[0]["response_format"]["type"] == "json_schema"


def test_openai_reads_max_completion_tokens_and_a_pinned_format_is_kept(
    papersum: RunCli, listing: Path
) -> None:
    for server in serve("openai"):
        result = run(papersum, server, listing, "--match", "musicians")
        assert result.returncode == 0, result.stdout + result.stderr
        request = server.requests[0]
        assert request["max_completion_tokens"] == 8000 and "max_tokens" not in request
        assert request["response_format"]["json_schema"]["strict"] is True

        pinned = run(papersum, server, listing, "--match", "coupled", PAPERSUM_STRUCTURED="json_object")
        assert pinned.returncode == 0, pinned.stdout
        request = server.requests[-1]
        assert request["response_format"]["type"] == "json_object"
        assert '"title": "PaperSummary"' in request["messages"][0]["content"]  # the schema, in the prompt


def test_a_pinned_format_the_server_rejects_says_so(
    papersum: RunCli, llama_cpp_python: FakeOpenAI, listing: Path
) -> None:
    result = run(
        papersum, llama_cpp_python, listing, "--match", "musicians", PAPERSUM_STRUCTURED="json_schema"
    )
    assert result.returncode == 1
    assert llama_cpp_python.statuses == [500]  # a capability answer is not retried
    assert "Input should be 'text' or 'json_object'" in result.stdout  # the server's own words
    assert "PAPERSUM_STRUCTURED pins json_schema" in result.stdout


def test_a_bad_structured_setting_is_a_usage_error(
    papersum: RunCli, llama_cpp_python: FakeOpenAI, listing: Path
) -> None:
    result = run(papersum, llama_cpp_python, listing, PAPERSUM_STRUCTURED="yaml")
    assert result.returncode == 2 and llama_cpp_python.requests == []
    assert (
        "PAPERSUM_STRUCTURED='yaml' is not one of json_schema, json_object, schema-in-prompt" in result.stderr
    )


def test_the_servers_own_output_limit_is_named_as_the_servers(papersum: RunCli, listing: Path) -> None:
    for server in serve("ollama"):
        server.queue(Reply('{"tldr": "The model', finish_reason="length", completion_tokens=512))
        result = run(papersum, server, listing, "--match", "musicians")
        assert result.returncode == 1
        assert (
            "the model server stopped the answer at 512 tokens, below papersum's cap of 2,000: its own limit"
        ) in result.stdout
        assert len(server.requests) == 1


def test_papersums_own_cap_is_named_with_how_the_answer_ended(papersum: RunCli, listing: Path) -> None:
    for server in serve("ollama"):
        server.queue(Reply('{"tldr": "and so on and so on', finish_reason="length", completion_tokens=2000))
        result = run(papersum, server, listing, "--match", "musicians")
        assert result.returncode == 1
        assert "cut off at papersum's cap of 2,000 output tokens" in result.stdout
        assert 'it ended: …{"tldr": "and so on and so on' in flat(result.stdout)


def test_a_silent_server_times_out_once_per_paper_and_is_never_asked_twice(
    papersum: RunCli, listing: Path
) -> None:
    for server in serve("ollama", latency=4.0):
        started = time.monotonic()
        result = run(papersum, server, listing, PAPERSUM_MODEL_TIMEOUT="1")
        elapsed = time.monotonic() - started
        assert result.returncode == 1
        assert result.stdout.count("the model server sent nothing for 1 s") == 2
        assert len(server.requests) == 2  # one per paper: nothing re-sent to a busy server
        assert elapsed < 4.0 * 2  # neither paper waited for its whole answer


def test_a_slow_but_steady_server_is_waited_for(papersum: RunCli, listing: Path) -> None:
    for server in serve("ollama", token_delay=0.03):
        started = time.monotonic()
        result = run(papersum, server, listing, "--match", "musicians", PAPERSUM_MODEL_TIMEOUT="1")
        assert result.returncode == 0, result.stdout
        assert time.monotonic() - started > 1.5  # longer than the timeout in all, never silent for it


def test_a_local_server_gets_one_request_at_a_time_unless_told(papersum: RunCli, listing: Path) -> None:
    for server in serve("ollama", latency=0.5):
        assert run(papersum, server, listing).returncode == 0
        assert server.most_in_flight == 1 and len(server.requests) == 2
        server.most_in_flight = 0
        again = run(papersum, server, listing, "--force", "--jobs", "2", PAPERSUM_MODEL="another-model")
        assert again.returncode == 0  # (another model: the first one's answers are cached)
        assert server.most_in_flight == 2


def test_server_errors_are_retried_and_quoted_when_they_persist(papersum: RunCli, listing: Path) -> None:
    for server in serve("ollama"):
        server.queue(*[Reply(status=503, error={"message": "model is loading"})] * 4)
        result = run(papersum, server, listing, "--match", "musicians")
        assert result.returncode == 1
        assert "the model server kept failing (HTTP 503: model is loading); try again later" in result.stdout
        assert len(server.requests) == 4


def test_ctrl_c_cancels_the_request_in_flight(tmp_path: Path, listing: Path, interruptible: None) -> None:
    for server in serve("ollama", latency=30.0):
        env = {
            **os.environ,
            "COLUMNS": "200",
            "PAPERSUM_CACHE_DIR": str(tmp_path / "cache"),
            "OPENAI_BASE_URL": server.base_url,
            "PAPERSUM_MODEL": "test-model",
        }
        command = [sys.executable, "-m", "papersum", "run", str(listing)]
        with subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        ) as proc:
            deadline = time.monotonic() + 30
            while not server.requests and time.monotonic() < deadline:
                time.sleep(0.05)
            assert server.requests, "papersum never asked the model"
            sent = time.monotonic()
            proc.send_signal(signal.SIGINT)
            _, stderr = proc.communicate(timeout=25)
            stopped = time.monotonic() - sent
        assert proc.returncode == 130
        assert stopped < 10  # not the 30 s the server would take
        assert "cancelled 1 model request(s) in flight" in stderr
        assert "Traceback" not in stderr
        assert len(server.requests) == 1


def test_summary_pages_from_every_family_look_the_same(papersum: RunCli, listing: Path) -> None:
    pages = {}
    for family in ("llama-cpp-python", "ollama", "lm-studio", "openai"):
        for server in serve(family):
            server.queue(summary(8, ()), summary(1, (), "not-relevant"))
            assert run(papersum, server, listing, "--force", "--jobs", "1").returncode == 0
            pages[family] = summarized(listing)
    assert len({frozenset(p) for p in pages.values()}) == 1 and len(pages["ollama"]) == 2


def test_cold_runs_with_many_workers_all_finish(papersum: RunCli, tmp_path: Path) -> None:
    """Workers used to import httpx and the model client themselves, and one could meet a module
    another had half imported (issue 14): each cold process here starts 16 workers at once."""
    for server in serve("ollama"):
        for run_number in range(3):
            folder = tmp_path / f"run{run_number}"
            folder.mkdir()
            lines = []
            for n in range(12):
                title = f"Study {n} of Gesture and Timbre in Ensemble Performance"
                make_pdf(folder / f"p{n}.pdf", title, [*MUSIC_VIDEO, (f"{n + 5}. Case", f"Case {n}. " * 40)])
                lines.append(f"- [ ] **{title}** [pdf](p{n}.pdf)\n")
            (folder / "list.md").write_text("".join(lines))
            result = run(
                papersum, server, folder / "list.md", "--jobs", "16", PAPERSUM_CACHE_DIR=str(folder / "cache")
            )
            assert result.returncode == 0, result.stderr[-2000:]
            assert "12 summarized, 0 skipped, 0 failed" in result.stdout


def test_the_next_paper_is_ready_when_the_model_answers(
    papersum: RunCli, arxiv: ArxivStandIn, tmp_path: Path
) -> None:
    """A local server answers one request at a time; meanwhile the next paper is downloaded and
    extracted, so its request follows the previous answer at once instead of after a download."""
    papers = list(arxiv.papers.values())[:3]
    listing = tmp_path / "reading-list.md"
    listing.write_text(
        "".join(f"- [ ] **{p.title}** [Link](https://arxiv.org/abs/{p.arxiv_id})\n" for p in papers)
    )
    for server in serve("ollama", latency=1.0):
        assert run(papersum, server, listing, PAPERSUM_ARXIV_API=arxiv.api).returncode == 0
        assert server.most_in_flight == 1 and len(server.requests) == 3
        first_answered = server.times[0] + 1.0
        downloads = sorted(r.at for r in arxiv.requests if r.path.startswith("/pdf/"))
        assert len(downloads) == 3 and downloads[1] < first_answered
