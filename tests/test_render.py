"""Summary pages and the index: exact Markdown, and hand-edit detection."""

from __future__ import annotations

import json

from papersum.models import PaperSummary, QuoteCheck, Relevance, SummaryPage
from papersum.render import IndexRow, is_hand_edited, render_index, render_summary

PAGE = SummaryPage(
    key="2206.06488",
    title="A Paper: With | Pipes",
    authors=["Ada Lovelace", "Alan Turing"],
    year=2022,
    arxiv="2206.06488",
    url="https://arxiv.org/pdf/2206.06488",
    list_line=7,
    backend="extractive",
    model=None,
    generated="2026-11-24T12:00:00Z",
    summary=PaperSummary(
        tldr="We do a thing.",
        problem="Things are hard.",
        method="We use a method.",
        results="It works 10% better.",
        limitations="",
        key_contributions=["A thing.", "A set."],
        relevance=Relevance(
            score=8,
            verdict="relevant",
            rationale="Music and video.",
            quotes=["Music is seen and heard.", "Video helps."],
        ),
    ),
    quote_checks=[
        QuoteCheck(quote="Music is seen and heard.", found=True, score=100.0),
        QuoteCheck(quote="Video helps.", found=False, score=41.0),
    ],
    confidence="medium",
    warnings=['mismatch: the link points to arXiv 2004.09476 "X", not to "Y"'],
)


def test_front_matter_has_every_contract_field() -> None:
    text = render_summary(PAGE)
    front = text.split("---\n")[1]
    fields = dict(line.split(": ", 1) for line in front.splitlines())
    assert {k: json.loads(v) for k, v in fields.items() if k != "checksum"} == {
        "title": "A Paper: With | Pipes",
        "authors": ["Ada Lovelace", "Alan Turing"],
        "year": 2022,
        "arxiv": "2206.06488",
        "doi": None,
        "url": "https://arxiv.org/pdf/2206.06488",
        "list_line": 7,
        "relevance_score": 8,
        "verdict": "relevant",
        "backend": "extractive",
        "model": None,
        "generated": "2026-11-24T12:00:00Z",
        "confidence": "medium",
        "quotes_found": 1,
        "quotes_total": 2,
        "check": False,
        "tags": ["papersum", "verdict/relevant"],
    }


def test_body_sections_in_order() -> None:
    text = render_summary(PAGE)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## TL;DR",
        "## Problem",
        "## Method",
        "## Results",
        "## Limitations",
        "## Key contributions",
        "## Relevance",
    ]
    assert "## Limitations\n\n_Not found in the paper._\n" in text
    assert text.endswith(
        "**8/10 — relevant.** Music and video.\n\n"
        "Supporting quotes — 1 of 2 found in the paper (confidence: medium):\n\n"
        "> ✓ “Music is seen and heard.”\n\n"
        "> ⚠ **not found in the paper** — “Video helps.”\n"
    )


def test_warnings_show_as_an_obsidian_callout() -> None:
    assert (
        "\n> [!warning] papersum noticed\n> - mismatch: the link points to arXiv 2004.09476"
        in render_summary(PAGE)
    )


def test_hand_edits_are_detected() -> None:
    text = render_summary(PAGE)
    assert not is_hand_edited(text)
    assert is_hand_edited(text.replace("We do a thing.", "We do a thing. My note."))
    assert is_hand_edited(text.replace('tags: ["papersum"', 'tags: ["mine", "papersum"'))
    assert is_hand_edited("# A note I wrote myself\n")


def test_index_is_most_relevant_first() -> None:
    rows = [
        IndexRow("b", "B paper", 3, "not-relevant", 9),
        IndexRow("a", "A [draft] | paper", 9, "relevant", 4, "pending"),
        IndexRow("c", "C paper", 5, "maybe", 2, "rejected"),
    ]
    table = render_index(rows).splitlines()[-5:]
    assert table == [
        "| Score | Verdict | Paper | List line | Relevant? tick |",
        "|---:|---|---|---:|---|",
        "| 9 | relevant | [A \\[draft\\] \\| paper](<a.md>) | 4 | pending |",
        "| 5 | maybe | [C paper](<c.md>) | 2 | rejected |",
        "| 3 | not-relevant | [B paper](<b.md>) | 9 | — |",
    ]
