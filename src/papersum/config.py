"""Settings read from the environment, and the choices that depend on them."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from papersum.errors import ConfigError
from papersum.summarize import BACKENDS


def choose_backend(flag: str | None, env: Mapping[str, str] = os.environ) -> tuple[str, str | None]:
    """The backend to use (``--backend``, else ``PAPERSUM_BACKEND``, else ``auto``) and a notice."""
    backend = (flag or env.get("PAPERSUM_BACKEND") or "auto").strip().lower()
    if backend not in BACKENDS:
        raise ConfigError(
            f"unknown backend {backend!r} (from --backend or PAPERSUM_BACKEND); "
            f"choose one of {', '.join(BACKENDS)}"
        )
    has_server = bool(env.get("OPENAI_API_KEY") or env.get("OPENAI_BASE_URL"))
    if backend == "openai" and not has_server:
        raise ConfigError(
            "the openai backend needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local "
            "OpenAI-compatible server such as Ollama); set one, or use --backend extractive"
        )
    if backend != "auto":
        return backend, None
    if has_server:
        return "openai", None
    return "extractive", (
        "using the offline extractive backend (set OPENAI_API_KEY or OPENAI_BASE_URL to use a model)"
    )


def model_name(flag: str | None, env: Mapping[str, str] = os.environ) -> str:
    """The model for the openai backend: ``--model``, else ``PAPERSUM_MODEL``, else the default."""
    from papersum.summarize.openai import DEFAULT_MODEL

    return (flag or env.get("PAPERSUM_MODEL") or DEFAULT_MODEL).strip()


def arxiv_endpoint(env: Mapping[str, str] = os.environ) -> str:
    """The arXiv API query endpoint: ``PAPERSUM_ARXIV_API``, else the real one."""
    from papersum.arxiv_api import DEFAULT_ENDPOINT

    return env.get("PAPERSUM_ARXIV_API", "").strip() or DEFAULT_ENDPOINT


def arxiv_delay(env: Mapping[str, str] = os.environ) -> float:
    """Seconds between arXiv API calls: ``PAPERSUM_ARXIV_DELAY``, else 3 as arXiv asks."""
    return _seconds(env, "PAPERSUM_ARXIV_DELAY", 3.0, most=600)


def lock_wait(env: Mapping[str, str] = os.environ) -> float:
    """Seconds to wait for another papersum on the list's folder: ``PAPERSUM_LOCK_WAIT`` (0 refuses
    at once), else 10."""
    return _seconds(env, "PAPERSUM_LOCK_WAIT", 10.0, most=3600)


def network_patience(env: Mapping[str, str] = os.environ) -> float:
    """Seconds a run waits, in all, on a service that does not answer before giving up on it:
    ``PAPERSUM_NETWORK_PATIENCE``, else 30."""
    from papersum.net import PATIENCE

    return _seconds(env, "PAPERSUM_NETWORK_PATIENCE", PATIENCE, most=3600)


def _seconds(env: Mapping[str, str], name: str, default: float, *, most: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= most:
        raise ConfigError(f"{name}={raw!r} is not a number of seconds (0-{most:g})")
    return seconds


def cache_dir(env: Mapping[str, str] = os.environ) -> Path:
    """Where downloaded PDFs go: ``PAPERSUM_CACHE_DIR``, else the platform's user cache dir."""
    raw = env.get("PAPERSUM_CACHE_DIR", "").strip()
    if raw:
        return Path(raw).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("papersum", appauthor=False))
