"""The pydantic models that cross module boundaries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

RELEVANT_LABEL = re.compile(r"^relevant\s*\??$", re.IGNORECASE)

Verdict = Literal["relevant", "maybe", "not-relevant"]
Confidence = Literal["high", "medium", "low"]
OutcomeStatus = Literal["summarized", "skipped", "failed"]


class Link(BaseModel):
    """A link found in an entry's text."""

    model_config = ConfigDict(frozen=True)

    text: str
    url: str
    kind: Literal["markdown", "malformed", "bare", "wikilink"]


class ChildBox(BaseModel):
    """A nested checkbox under an entry, such as ``- [ ] Relevant?``."""

    model_config = ConfigDict(frozen=True)

    line: int
    indent: str
    checked: bool
    label: str

    @property
    def is_relevant_box(self) -> bool:
        """Whether this is the entry's ``Relevant?`` checkbox (any case, ``?`` optional)."""
        return bool(RELEVANT_LABEL.match(self.label.strip()))


class Entry(BaseModel):
    """One checklist item of the reading list."""

    model_config = ConfigDict(frozen=True)

    line: int = Field(description="1-based line number in the list file")
    indent: str
    checked: bool
    text: str = Field(description="the item's text after the checkbox")
    title: str
    links: tuple[Link, ...] = ()
    children: tuple[ChildBox, ...] = ()

    @property
    def unread(self) -> bool:
        """A top-level ``- [ ]`` item."""
        return not self.indent and not self.checked

    @property
    def relevant_box(self) -> ChildBox | None:
        """The entry's ``Relevant?`` child checkbox, if it has one."""
        return next((c for c in self.children if c.is_relevant_box), None)


class ArxivPaper(BaseModel):
    """A paper's metadata as the arXiv API gives it."""

    arxiv_id: str = Field(description="without version suffix, e.g. 2001.04758")
    title: str
    authors: list[str] = Field(default_factory=list)
    year: int | None = None
    pdf_url: str | None = None
    abstract: str = ""


RecordSource = Literal["arxiv", "openalex", "semantic-scholar", "landing-page"]


class PaperRecord(BaseModel):
    """A paper's metadata as one metadata service (or a landing page) describes it."""

    title: str
    authors: list[str] = Field(default_factory=list)
    year: int | None = None
    arxiv_id: str | None = Field(default=None, description="without version suffix")
    doi: str | None = Field(default=None, description="lower case, without https://doi.org/")
    pdf_url: str | None = Field(default=None, description="an open-access PDF, an arXiv copy first")
    url: str | None = Field(default=None, description="the paper's landing page")
    venue: str | None = None
    source: RecordSource
    abstract: str = Field(default="", description="as the service gives it (some give none)")

    @property
    def identity(self) -> str:
        """What makes two records the same paper: the arXiv id, else the DOI, else the title."""
        return (
            f"arxiv:{self.arxiv_id}"
            if self.arxiv_id
            else f"doi:{self.doi}"
            if self.doi
            else f"title:{self.title.casefold()}"
        )


def record_of(paper: ArxivPaper) -> PaperRecord:
    """An arXiv paper as a ``PaperRecord``."""
    return PaperRecord(
        title=paper.title,
        authors=paper.authors,
        year=paper.year,
        arxiv_id=paper.arxiv_id,
        pdf_url=paper.pdf_url,
        url=f"https://arxiv.org/abs/{paper.arxiv_id}",
        source="arxiv",
        abstract=paper.abstract,
    )


RefStatus = Literal["local", "resolved", "unresolved", "needs-network"]
RefSource = Literal[
    "link", "title-search", "local-file", "doi", "landing-page", "openalex", "semantic-scholar"
]


class PaperRef(BaseModel):
    """What an entry resolved to: where its PDF comes from, or why it has none."""

    status: RefStatus
    key: str = Field(description="file-system-safe identity: arXiv id or title slug")
    title: str = Field(description="the paper's title as arXiv gives it, else the entry's")
    pdf_path: Path | None = Field(default=None, description="a local or cached PDF")
    pdf_url: str | None = Field(default=None, description="where to download the PDF from")
    arxiv_id: str | None = None
    doi: str | None = None
    url: str | None = Field(
        default=None, description="the paper's page: the resolved record's, else the link the entry gives"
    )
    source: RefSource | None = None
    authors: list[str] = Field(default_factory=list, description="from the resolved record")
    year: int | None = Field(default=None, description="from the resolved record")
    venue: str | None = None
    abstract: str = Field(default="", description="from the resolved record, when it gives one")
    described: bool = Field(
        default=False,
        description="title, authors and year come from a "
        "metadata record (arXiv, OpenAlex, Semantic Scholar, a landing page)",
    )
    warnings: list[str] = Field(default_factory=list)
    reason: str | None = None


class Section(BaseModel):
    """A section of a paper: its heading, its depth (1 for "3 Method", 2 for "3.1 Data") and
    its text."""

    heading: str
    text: str
    level: int = 1


class PaperText(BaseModel):
    """The text extracted from one PDF."""

    title: str
    authors: list[str] = Field(default_factory=list)
    year: int | None = None
    abstract: str = ""
    sections: list[Section] = Field(default_factory=list)
    page_count: int
    full_text: str
    sha256: str = Field(description="hash of the PDF file")
    captions: list[str] = Field(default_factory=list)
    """Figure and table captions, kept out of the sections' reading flow."""
    tables: list[str] = Field(default_factory=list)
    """Tables read from page 1, one row a line, cells between " | "; out of the reading flow."""


class Relevance(BaseModel):
    """How relevant a paper is to the user's research profile, and why."""

    model_config = ConfigDict(extra="forbid")

    score: int = Field(ge=0, le=10, description="0 unrelated … 10 central to the research")
    verdict: Verdict
    rationale: str
    quotes: list[str] = Field(description="verbatim sentences from the paper backing the verdict")


class PaperSummary(BaseModel):
    """The structured summary every backend produces."""

    model_config = ConfigDict(extra="forbid")

    tldr: str
    problem: str
    method: str
    results: str
    limitations: str
    key_contributions: list[str]
    relevance: Relevance


class QuoteCheck(BaseModel):
    """A quote from a summary, and whether the paper really contains it."""

    quote: str
    found: bool
    score: float = Field(description="best alignment with the paper's text, 0-100")


class SummaryPage(BaseModel):
    """Everything one summary page shows: the paper, where it came from, and its summary."""

    key: str
    title: str
    authors: list[str]
    year: int | None
    arxiv: str | None
    url: str | None
    list_line: int
    doi: str | None = None
    pdf_url: str | None = None
    backend: str
    model: str | None
    generated: str
    summary: PaperSummary
    pdf_sha256: str = ""
    text_sha256: str = ""
    quote_checks: list[QuoteCheck] = Field(default_factory=list)
    confidence: Confidence = "high"
    warnings: list[str] = Field(default_factory=list)
    check: str | None = None
    """Why the relevance score needs a human look (the model and the offline judgment disagree)."""


class Outcome(BaseModel):
    """What happened to one unread entry in a run."""

    line: int
    title: str
    status: OutcomeStatus
    message: str = ""
    key: str | None = None
    verdict: Verdict | None = None
    score: int | None = None
    summary_path: Path | None = None


CountedBy = Literal["server", "estimate", "none"]


@dataclass(frozen=True)
class ModelCall:
    """One HTTP request to the model server, for the audit log."""

    paper: str
    model: str
    prompt_sha256: str
    kind: str
    input_tokens: int
    output_tokens: int
    seconds: float
    outcome: str
    cost_usd: float | None = None
    """Filled in by the ``Summarizer`` from the price table (0 for a local server)."""
    counted_by: CountedBy = "server"
    """``server``: its own usage counts; ``estimate``: papersum's; ``none``: it processed nothing."""
    server: str = ""
    local: bool = False
    """Whether the server runs on this machine or network (it costs nothing)."""


class Resolution(BaseModel):
    """One row of ``papersum resolve --json``, as CONTRACT.md defines it."""

    line: int
    title: str
    status: Literal["resolved", "local", "unresolved"]
    arxiv_id: str | None
    doi: str | None
    pdf_url: str | None
    source: RefSource | None
    warnings: list[str]


def resolution_of(entry: Entry, ref: PaperRef) -> Resolution:
    """The ``resolve`` row of an entry: ``needs-network`` shows as unresolved, saying why."""
    status = "unresolved" if ref.status == "needs-network" else ref.status
    warnings = [*ref.warnings, *([ref.reason] if ref.reason and status == "unresolved" else [])]
    pdf_url = ref.pdf_url or (ref.pdf_path.resolve().as_uri() if ref.pdf_path else None)
    return Resolution(
        line=entry.line,
        title=entry.title or ref.title,
        status=status,
        arxiv_id=ref.arxiv_id,
        doi=ref.doi,
        pdf_url=pdf_url,
        source=ref.source,
        warnings=warnings,
    )
