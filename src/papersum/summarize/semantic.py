"""How close a paper is in meaning to the research profile's prose, offline: WordLlama, a small
static embedding model whose weights (16 MB) and tokenizer ship inside its PyPI wheel. It is
loaded from the installed package with downloads disabled — never a network request — on first
use (the run's warm-up thread loads it while the list resolves): ~0.2 s, then ~1 ms a paper.

The profile's prose (``prompts/profile.md`` before its ``## Terms``) is what a paper is compared
with, so describing the research in the profile is the one place to change what counts.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from papersum.store import Example

EXAMPLE_WEIGHT = 2.0
"""At most this many points up or down from the user's own judged papers (``calibrate``)."""
NEAR = 0.6
"""A judged paper this similar to the paper or more is a neighbour; fewer, and nothing moves."""
NEIGHBOURS = 5
FULL = 0.85
"""From this similarity of the nearest judged paper on, the nudge counts in full."""
ONE_SENTENCE = 0.2
"""How far above the rest of the title and abstract one sentence can lift the similarity."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_MARKUP = re.compile(r"[#*_`>]|\[|\]\([^)]*\)")


def profile_prose(profile: str) -> str:
    """The profile's description of the research: its text before ``## Terms``, without markup."""
    prose = re.split(r"^##\s+Terms\b", profile, maxsplit=1, flags=re.MULTILINE)[0]
    return " ".join(_MARKUP.sub(" ", prose).split())


def _import_wordllama() -> Any:
    """wordllama, imported without the ``logging.basicConfig(level=INFO)`` its package runs on
    import, which would print every INFO record of the process on stderr ("INFO:papersum.runner:
    line 10: read 8 pages …", even under ``-q``): the root logger holds a handler that drops
    everything while the import runs (``basicConfig`` leaves a root with a handler alone; a
    record other threads log meanwhile goes nowhere, as it would have), then is put back as it
    was."""
    import logging

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    if not handlers:
        root.addHandler(logging.NullHandler())
    try:
        import wordllama
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    return wordllama


class Meaning:
    """The embedding model, loaded once per process (thread-safe), and the profile's vector."""

    def __init__(self, profile: str) -> None:
        self.prose = profile_prose(profile)
        self._lock = threading.Lock()
        self._model: Any = None
        self._profile: np.ndarray | None = None
        self._examples: tuple[tuple[str, ...], np.ndarray] | None = None
        self.unavailable: str | None = None
        """Why the model could not be loaded (the scorer then uses the profile's terms alone)."""

    def load(self) -> bool:
        """Load the model now (False, with ``unavailable`` set, if it cannot be)."""
        with self._lock:
            if self._model is None and self.unavailable is None:
                try:
                    wordllama = _import_wordllama()
                    here = Path(wordllama.__file__).parent  # weights and tokenizer are in the wheel
                    self._model = wordllama.WordLlama.load(cache_dir=here, disable_download=True)
                    self._profile = self._model.embed([self.prose], norm=True)[0]
                except (ImportError, OSError, ValueError) as exc:
                    self.unavailable = f"the embedding model could not be loaded ({exc})"
            return self._model is not None

    def closeness(self, title: str, abstract: str) -> float | None:
        """Cosine similarity of the title and abstract to the profile's prose (None: no model).

        One sentence cannot carry a paper: the similarity is at most ``ONE_SENTENCE`` above that
        of the text without its closest sentence (a line of stuffed keywords, repeated or not,
        leaves a chemistry paper far from the profile)."""
        if not self.load() or self._profile is None:
            return None
        import numpy as np

        whole = float(self._model.embed([f"{title}. {abstract}"], norm=True)[0] @ self._profile)
        sentences = list(dict.fromkeys(s for s in [title, *_SENTENCE_END.split(abstract)] if s.strip()))
        if len(sentences) < 3:
            return whole
        vectors = self._model.embed(sentences, norm=True)
        rest = np.delete(vectors, int(np.argmax(vectors @ self._profile)), axis=0).mean(axis=0)
        without_best = float(rest @ self._profile / (np.linalg.norm(rest) or 1.0))
        return min(whole, without_best + ONE_SENTENCE)

    def nudge(self, title: str, abstract: str, examples: list[Example]) -> tuple[float, str] | None:
        """Points to move a paper's score toward the user's judgments of the papers nearest in
        meaning (at most ``NEIGHBOURS``, each at least ``NEAR`` similar): their similarity-
        weighted vote (+1 relevant, -1 not) times ``EXAMPLE_WEIGHT``, scaled down as the
        nearest one is less similar. None when no judged paper is near (or no model)."""
        if not examples or not self.load():
            return None
        import numpy as np

        keys = tuple(e.key for e in examples)
        if self._examples is None or self._examples[0] != keys:
            self._examples = (keys, self._model.embed([e.text for e in examples], norm=True))
        paper = self._model.embed([f"{title}. {abstract}"], norm=True)[0]
        similarity = self._examples[1] @ paper
        near = [int(i) for i in np.argsort(-similarity)[:NEIGHBOURS] if similarity[i] >= NEAR]
        if not near:
            return None
        weights = [float(similarity[i]) for i in near]
        signs = [1 if examples[i].relevant else -1 for i in near]
        vote = sum(w * sign for w, sign in zip(weights, signs, strict=True)) / sum(weights)
        strength = min(1.0, (weights[0] - NEAR) / (FULL - NEAR))
        points = EXAMPLE_WEIGHT * vote * strength
        closest = examples[near[0]]
        marked = "relevant" if closest.relevant else "not relevant"
        return points, (
            f"{points:+.1f} from {len(near)} paper(s) you judged that are close in meaning "
            f"(closest: \u201c{closest.title[:70]}\u201d, which you marked {marked})"
        )
