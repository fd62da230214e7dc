"""Summary → Markdown page, and the index of all summaries. Pure: no I/O.

Pages are Obsidian-friendly: YAML front matter (JSON-quoted scalars are valid YAML), plain
``##`` sections and relative links. The front matter carries a ``checksum`` of the page, so a page
the user has edited by hand is recognised and not overwritten.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from papersum.models import SummaryPage, Verdict

_CHECKSUM_LINE = re.compile(r"^checksum: ([0-9a-f]{64})\n", re.MULTILINE)
_VERDICT_LABEL = {"relevant": "relevant", "maybe": "maybe", "not-relevant": "not-relevant"}
"""Verdicts as the front matter, the status table and --json spell them, everywhere."""


@dataclass(frozen=True)
class IndexRow:
    """One summarized paper in the index."""

    key: str
    title: str
    score: int
    verdict: Verdict
    list_line: int
    suggestion: str = "—"
    """``accepted``, ``rejected``, ``pending`` (a ``Relevant?`` tick awaits review) or ``—``."""


def render_summary(page: SummaryPage) -> str:
    """The Markdown page for one paper, with its checksum in the front matter."""
    s = page.summary
    r = s.relevance
    front = {
        "title": page.title,
        "authors": page.authors,
        "year": page.year,
        "arxiv": page.arxiv,
        "doi": page.doi,
        "url": page.url,
        "list_line": page.list_line,
        "relevance_score": r.score,
        "verdict": r.verdict,
        "backend": page.backend,
        "model": page.model,
        "generated": page.generated,
        "confidence": page.confidence,
        "quotes_found": sum(c.found for c in page.quote_checks),
        "quotes_total": len(page.quote_checks),
        "check": page.check is not None,
        "tags": ["papersum", f"verdict/{r.verdict}", *(["papersum/check"] if page.check else [])],
    }
    lines = ["---", *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items())]
    lines += ["---", "", f"# {page.title}", "", _byline(page), ""]
    if page.warnings:
        lines += ["> [!warning] papersum noticed", *(f"> - {w}" for w in page.warnings), ""]
    lines += _section("TL;DR", s.tldr)
    lines += _section("Problem", s.problem)
    lines += _section("Method", s.method)
    lines += _section("Results", s.results)
    lines += _section("Limitations", s.limitations)
    lines += ["## Key contributions", "", *(f"- {c}" for c in s.key_contributions), ""]
    lines += [
        "## Relevance",
        "",
        f"**{r.score}/10 — {_VERDICT_LABEL[r.verdict]}.** {r.rationale}",
        "",
        *([f"> [!caution] {page.check}", ""] if page.check else []),
        *_quotes(page),
    ]
    return _with_checksum("\n".join(lines))


def _quotes(page: SummaryPage) -> list[str]:
    """The supporting quotes, each marked found (✓) or not found (⚠) in the paper's text."""
    checks = page.quote_checks
    if not checks:
        quotes = page.summary.relevance.quotes
        return [line for q in quotes for line in (f"> {q}", "")] or ["_No supporting quotes._", ""]
    found = sum(c.found for c in checks)
    lines = [
        f"Supporting quotes — {found} of {len(checks)} found in the paper (confidence: {page.confidence}):",
        "",
    ]
    for check in checks:
        mark = "✓" if check.found else "⚠ **not found in the paper** —"
        lines += [f"> {mark} “{check.quote}”", ""]
    return lines


def _byline(page: SummaryPage) -> str:
    parts = [", ".join(page.authors) or "Unknown authors"]
    if page.year:
        parts.append(str(page.year))
    if page.arxiv:
        parts.append(f"[arXiv:{page.arxiv}](https://arxiv.org/abs/{page.arxiv})")
    if page.doi:
        parts.append(f"[doi:{page.doi}](https://doi.org/{page.doi})")
    if page.pdf_url or page.url:
        parts.append(f"[PDF](<{page.pdf_url or page.url}>)")
    parts.append(f"reading list line {page.list_line}")
    return " · ".join(parts)


def _section(heading: str, text: str) -> list[str]:
    return [f"## {heading}", "", text or "_Not found in the paper._", ""]


def _with_checksum(text: str) -> str:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return text.replace("\n---\n", f"\nchecksum: {digest}\n---\n", 1)


def is_hand_edited(text: str) -> bool:
    """Whether a page differs from what papersum wrote (or was not written by papersum)."""
    match = _CHECKSUM_LINE.search(text)
    if not match:
        return True
    original = text[: match.start()] + text[match.end() :]
    return hashlib.sha256(original.encode()).hexdigest() != match.group(1)


def render_index(rows: list[IndexRow]) -> str:
    """The index page: every summary, most relevant first."""
    ordered = sorted(rows, key=lambda r: (-r.score, r.title.lower()))
    lines = [
        "# Reading list summaries",
        "",
        "Most relevant first. Written by papersum; it is rewritten on every run.",
        "",
        "| Score | Verdict | Paper | List line | Relevant? tick |",
        "|---:|---|---|---:|---|",
    ]
    for row in ordered:
        title = row.title.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")
        link = f"[{title}](<{row.key}.md>)"
        lines.append(
            f"| {row.score} | {_VERDICT_LABEL[row.verdict]} | {link} | {row.list_line} | {row.suggestion} |"
        )
    if not ordered:
        lines.append("| | | _no summaries yet_ | | |")
    return "\n".join(lines) + "\n"


def page_sections(text: str) -> dict[str, str]:
    """A summary page's ``##`` sections by heading (the inverse of ``render_summary``'s body)."""
    sections: dict[str, str] = {}
    for block in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        heading, _, body = block.partition("\n")
        sections[heading.strip()] = body.strip()
    return sections
