"""The prompt templates: bundled with papersum, overridable from a folder.

Later folders win file by file: the bundled templates, then ``prompts/`` beside the reading list,
then the folder given with ``--prompts``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from papersum.errors import ConfigError

PROFILE = "profile.md"
PRICES = "prices.toml"
_KINDS = (".md", ".toml")


@dataclass(frozen=True)
class PromptSet:
    """The prompt texts by file name, and where each came from."""

    texts: dict[str, str]
    sources: dict[str, str]

    @property
    def profile(self) -> str:
        """The research profile that relevance is judged against."""
        return self.texts[PROFILE]

    @property
    def sha256(self) -> str:
        """A hash of every prompt text (not the price table): part of every cache key."""
        digest = hashlib.sha256()
        for name in sorted(n for n in self.texts if n.endswith(".md")):
            digest.update(f"{name}\0{self.texts[name]}\0".encode())
        return digest.hexdigest()

    def price_of(self, model: str, input_tokens: int, output_tokens: int) -> float | None:
        """The estimated cost in US dollars from ``prices.toml``, or None for an unknown model."""
        import tomllib

        try:
            prices = tomllib.loads(self.texts.get(PRICES, "")).get("models", {}).get(model)
            if prices is None:
                return None
            return (input_tokens * float(prices["input"]) + output_tokens * float(prices["output"])) / 1e6
        except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ConfigError(
                f"{self.sources.get(PRICES, PRICES)} is not a valid price table ({exc}); fix it"
            ) from exc


def load_prompts(override_dirs: list[Path]) -> PromptSet:
    """Bundled prompts, overridden file by file by each existing folder in ``override_dirs``."""
    texts: dict[str, str] = {}
    sources: dict[str, str] = {}
    bundled = resources.files("papersum.bundled_prompts")
    for item in bundled.iterdir():
        if item.name.endswith(_KINDS):
            texts[item.name] = item.read_text(encoding="utf-8")
            sources[item.name] = "bundled"
    for folder in override_dirs:
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.iterdir() if p.name.endswith(_KINDS)):
            texts[path.name] = _read(path)
            sources[path.name] = str(path)
    if PROFILE not in texts:
        raise ConfigError(f"no {PROFILE} among the prompts; reinstall papersum")
    return PromptSet(texts=texts, sources=sources)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the prompt file {path} ({exc}); fix or remove it") from exc
