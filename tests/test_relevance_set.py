"""The offline judgment on 60 real papers labelled for an audio-visual music researcher
(tests/data/relevance_set.toml): 20 relevant, 20 borderline, 20 irrelevant, vocabulary traps
among them. Titles and abstracts only, as the scorer sees a paper whose PDF has just these."""

from __future__ import annotations

import tomllib

import pytest

from papersum.models import PaperText
from papersum.prompts import load_prompts
from papersum.summarize.extractive import ExtractiveSummarizer

from .conftest import DATA

LABELLED = tomllib.loads((DATA / "relevance_set.toml").read_text("utf-8"))["paper"]


def auc(positives: list[int], negatives: list[int]) -> float:
    """The chance that a positive scores above a negative (ties count half)."""
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


@pytest.fixture(scope="module")
def judged() -> dict[str, list[tuple[int, str]]]:
    summarizer = ExtractiveSummarizer(load_prompts([]).profile)
    by_label: dict[str, list[tuple[int, str]]] = {"relevant": [], "borderline": [], "irrelevant": []}
    for paper in LABELLED:
        text = PaperText(
            title=paper["title"],
            abstract=paper["abstract"],
            page_count=1,
            full_text=paper["abstract"],
            sha256=paper["id"],
        )
        relevance = summarizer.summarize(text).summary.relevance
        by_label[paper["label"]].append((relevance.score, relevance.verdict))
    return by_label


def test_the_set_is_sixty_real_papers_in_three_classes() -> None:
    assert len(LABELLED) == 60
    assert {p["label"] for p in LABELLED} == {"relevant", "borderline", "irrelevant"}
    assert all(sum(p["label"] == label for p in LABELLED) == 20 for label in ("relevant", "borderline"))
    assert len({p["id"] for p in LABELLED}) == 60


def test_relevant_papers_rank_above_the_rest(judged: dict[str, list[tuple[int, str]]]) -> None:
    relevant = [s for s, _ in judged["relevant"]]
    borderline = [s for s, _ in judged["borderline"]]
    irrelevant = [s for s, _ in judged["irrelevant"]]
    assert auc(relevant, borderline + irrelevant) >= 0.95
    assert auc(relevant + borderline, irrelevant) >= 0.95


def test_verdicts_tick_the_right_papers(judged: dict[str, list[tuple[int, str]]]) -> None:
    assert sum(v == "relevant" for _, v in judged["relevant"]) >= 16
    others = judged["borderline"] + judged["irrelevant"]
    assert sum(v == "relevant" for _, v in others) <= 2  # at most 1 in 20
    assert all(v != "relevant" for _, v in judged["irrelevant"])
