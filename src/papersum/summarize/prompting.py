"""The model's prompts, filled: the system prompt (with the schema when the server does not
enforce it), the templates with the paper between markers, and what they cost in tokens."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from papersum.models import PaperSummary, PaperText, Section
from papersum.prompts import PromptSet
from papersum.summarize.packing import estimate_tokens
from papersum.summarize.server import schema_text

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletionSystemMessageParam

    from papersum.store import Example


class PartNotes(BaseModel):
    """The map step's answer: notes on one part of a long paper."""

    model_config = ConfigDict(extra="forbid")

    notes: str
    quotes: list[str]


class Prompter:
    """Fills the prompt templates of a ``PromptSet``."""

    def __init__(self, prompts: PromptSet, examples: list[Example] | None = None) -> None:
        self.prompts = prompts
        self.judged = judged_block(examples or [])
        """The user's own judgments (``calibrate``), shown to the model after the profile."""

    def system(self, schema: type[BaseModel], with_schema: bool) -> ChatCompletionSystemMessageParam:
        """The system prompt; ``with_schema`` when the server will not enforce the schema."""
        text = self.prompts.texts["system.md"]
        if with_schema:
            text += schema_text(schema.model_json_schema())
        return {"role": "system", "content": text}

    def fill(self, template: str, **values: str) -> str:
        """A template with its ``{{placeholders}}`` filled."""
        text = self.prompts.texts[template]
        profile = self.prompts.profile + self.judged
        values = {"profile": profile, "rubric": self.prompts.texts["rubric.md"], **values}
        for name, value in values.items():
            text = text.replace("{{" + name + "}}", value)
        return text

    def overhead(self, template: str = "summary.md") -> int:
        """Tokens a request takes besides the paper."""
        prompt = self.prompts.texts["system.md"] + self.fill(template, paper="<paper-0000>\n\n</paper-0000>")
        schema = json.dumps(PaperSummary.model_json_schema())
        return estimate_tokens(prompt) + estimate_tokens(schema) + 350  # + framing, a repair message

    def paper_budget(self, budget: int, template: str = "summary.md") -> int:
        """Tokens left for the paper in a request of ``budget`` tokens."""
        return budget - self.overhead(template)


JUDGED_SHOWN = 4
"""Papers of each kind (relevant, not relevant) from the user's judgments shown to the model."""


def judged_block(examples: list[Example]) -> str:
    """A few papers the researcher judged, by title, to show the model their taste ('' if none)."""
    relevant = [e.title for e in examples if e.relevant][:JUDGED_SHOWN]
    not_relevant = [e.title for e in examples if not e.relevant][:JUDGED_SHOWN]
    if not relevant and not not_relevant:
        return ""
    lines = [f"- relevant: {t}" for t in relevant] + [f"- not relevant: {t}" for t in not_relevant]
    return "\n\n## Papers this researcher has already judged\n\n" + "\n".join(lines) + "\n"


def combined(paper: PaperText, notes: list[PartNotes]) -> str:
    parts = [f"# {paper.title}", f"## Abstract\n{paper.abstract}"]
    for i, part in enumerate(notes, start=1):
        quotes = "\n".join(f"- {q}" for q in part.quotes)
        parts.append(
            f"## Notes on part {i} of {len(notes)}\n{part.notes}\n\nQuotes from this part:\n{quotes}"
        )
    return "\n\n".join(parts)


def as_paper(paper: PaperText, text: str) -> PaperText:
    return paper.model_copy(update={"abstract": "", "sections": [Section(heading="Notes", text=text)]})
