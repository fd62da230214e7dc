"""Settings read from the environment, and the choices that depend on them."""

from __future__ import annotations

import os
from collections.abc import Mapping

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
    if backend != "auto":
        return backend, None
    if env.get("OPENAI_API_KEY") or env.get("OPENAI_BASE_URL"):
        return "extractive", (
            "OPENAI_API_KEY/OPENAI_BASE_URL is set, but the openai backend is not in this "
            "version yet; using the offline extractive backend"
        )
    return "extractive", (
        "using the offline extractive backend (set OPENAI_API_KEY or OPENAI_BASE_URL to use a model)"
    )
