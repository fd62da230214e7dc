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


class PartNotes(BaseModel):
    """The map step's answer: notes on one part of a long paper."""

    model_config = ConfigDict(extra="forbid")

    notes: str
    quotes: list[str]


class Prompter:
    """Fills the prompt templates of a ``PromptSet``."""

    def __init__(self, prompts: PromptSet) -> None:
        self.prompts = prompts

    def system(self, schema: type[BaseModel], with_schema: bool) -> ChatCompletionSystemMessageParam:
        """The system prompt; ``with_schema`` when the server will not enforce the schema."""
        text = self.prompts.texts["system.md"]
        if with_schema:
            text += schema_text(schema.model_json_schema())
        return {"role": "system", "content": text}

    def fill(self, template: str, **values: str) -> str:
        """A template with its ``{{placeholders}}`` filled."""
        text = self.prompts.texts[template]
        values = {"profile": self.prompts.profile, "rubric": self.prompts.texts["rubric.md"], **values}
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
