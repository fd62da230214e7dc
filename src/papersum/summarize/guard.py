"""A paper is data, never instructions: sentences that address a language model or its judgment
are taken out of the paper before any backend reads it (the offline scorer included), so they can
neither steer a model nor become a TL;DR, a contribution or a supporting quote. Each removal is
noted on the summary page. Pure: no I/O.

What counts as such a sentence: one telling the reader to ignore, disregard or override
instructions or prompts; one asking to rate, score or rank "this paper" (with a number or a
grade); one naming a language model, an LLM or an AI reviewer and telling it what it must do;
"you are now …", "new instructions:", "system prompt". A paper discussing prompt injection in the
abstract ("we study prompts that ask a model to ignore …") is not caught by the imperative forms.
"""

from __future__ import annotations

import re

from papersum.models import PaperText

MARK = "[papersum removed an instruction-like sentence]"
"""What stands where a removed sentence was (the model sees that something was taken out)."""

_INJECTION = re.compile(
    r"(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+|of\s+)*"
    r"(?:previous|prior|above|earlier|preceding|system|original|other)?\s*(?:instructions?|prompts?|rules)"
    r"|\b(?:rate|score|grade|rank|judge|mark|classify|label|consider|evaluate)\s+"
    r"(?:this|the\s+present|the\s+following)\s+(?:paper|article|work|submission|manuscript|document|study)"
    r"\s+(?:as\s+|an?\s+|at\s+|with\s+|to\s+be\s+)*(?:\d|highly|very|extremely|most|top|maximally|relevant|excellent)"
    r"|\b(?:language\s+models?|LLMs?|AI\s+(?:assistants?|models?|systems?|reviewers?|agents?)|chatbots?)\b"
    r"[^.!?\n]{0,80}\b(?:must|should|shall|need\s+to|have\s+to|are\s+(?:instructed|required|asked))\b"
    r"|\bif\s+you\s+are\s+an?\s+(?:AI|LLM|language\s+model|assistant|automated)"
    r"|\byou\s+are\s+now\b|\b(?:system|developer)\s+prompt\b|\bnew\s+instructions?\s*:",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]*[.!?\n]?")


def remove_instructions(text: str) -> tuple[str, list[str]]:
    """``text`` with every instruction-like sentence replaced by ``MARK`` (and its sentence end
    kept, so the text around it still splits into the same sentences), and those sentences."""
    removed: list[str] = []

    def replace(match: re.Match[str]) -> str:
        sentence = match.group(0)
        if sentence.strip() and _INJECTION.search(sentence):
            removed.append(" ".join(sentence.split()))
            lead = sentence[: len(sentence) - len(sentence.lstrip())]
            end = "\n" if sentence.endswith("\n") else ""
            return f"{lead}{MARK}{end}"
        return sentence

    return _SENTENCE.sub(replace, text), removed


def without_instructions(paper: PaperText) -> tuple[PaperText, list[str]]:
    """The paper with instruction-like sentences removed from its abstract and sections, and the
    sentences removed."""
    abstract, removed = remove_instructions(paper.abstract)
    sections = []
    for section in paper.sections:
        text, more = remove_instructions(section.text)
        sections.append(section.model_copy(update={"text": text}))
        removed += more
    if not removed:
        return paper, []
    full_text, _ = remove_instructions(paper.full_text)
    cleaned = paper.model_copy(update={"abstract": abstract, "sections": sections, "full_text": full_text})
    return cleaned, removed


def removal_notes(removed: list[str]) -> list[str]:
    """The page's note for each removed sentence."""
    return [f'removed an instruction-like sentence from the paper: "{s[:160]}"' for s in removed]
