"""Quotes checked against the paper's text, whatever extraction and models did to them."""

from __future__ import annotations

from papersum.models import PaperText, QuoteCheck
from papersum.summarize.grounding import check_quotes, confidence_of

PAPER = PaperText(
    title="Seeing Music",
    abstract="We align the audiovisual recordings of string quartets.",
    full_text="Our ﬁrst result: the model separates violin and cello with 12.3 dB SDR, "
    "outperforming the audio-only baseline by 2 dB. Future work will address orchestras.",
    page_count=1,
    sha256="0",
)


def found(*quotes: str) -> list[bool]:
    return [c.found for c in check_quotes(list(quotes), PAPER)]


def test_verbatim_quotes_are_found_despite_extraction_artefacts() -> None:
    assert found(
        "Our first result: the model separates violin and cello with 12.3 dB SDR",  # ﬁ ligature
        "We align the audio-visual recordings of string quartets.",  # hyphen joined by extraction
        "“outperforming the audio‑only baseline by 2 dB”",  # curly quotes, non-breaking hyphen
        "FUTURE WORK WILL ADDRESS ORCHESTRAS",
    ) == [True, True, True, True]


def test_a_small_slip_is_tolerated_but_a_fabrication_is_not() -> None:
    assert found("the model separates violins and cello with 12.3 dB SDR") == [True]
    assert found("the model separates piano and drums with 20 dB SDR, beating every baseline") == [False]
    assert found("Our method is the first to use video for music.") == [False]
    assert found("dB SDR") == [False]  # too short to mean anything


def test_confidence_falls_with_unfound_quotes() -> None:
    def checks(*flags: bool) -> list[QuoteCheck]:
        return [QuoteCheck(quote="q", found=f, score=100.0 if f else 0.0) for f in flags]

    assert [
        confidence_of(checks(True, True)),
        confidence_of(checks(True, False)),
        confidence_of(checks(True, False, False)),
        confidence_of([]),
    ] == ["high", "medium", "low", "low"]
