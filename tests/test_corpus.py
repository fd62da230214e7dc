"""What papersum reads from real papers of several layouts (ISMIR, ReScience, JASA, a thesis):
title, first author, the start of the abstract, every top-level heading, and no references in
the text. The guard against regressions in extraction; `papersum extract PAPER.pdf` shows the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from papersum.extract import extract_paper
from papersum.pdflines import heading_key

from .conftest import EXAMPLES, ROOT

PAPERS = [*(EXAMPLES / "papers").glob("*.pdf"), *(ROOT / "tests" / "data" / "papers").glob("*.pdf")]

# file stem: (title, first author, abstract start, top-level headings, a phrase of the references)
EXPECTED = {
    "broman-rescience2020-essential-genes": (
        "[Rp] Reproducibility report: Identifying essential genes by mutagenesis",
        "Karl W. Broman",
        "As part of the ReScience Ten Years Reproducibility Challenge",
        ["Introduction", "Challenges", "Code modifications", "The R/negenes package", "Results", "Lessons"],
        "A post-genomic method for predicting essential genes",
    ),
    "choi-ismir2019-drummernet": (
        "Deep unsupervised drum transcription",
        "Keunwoo Choi",
        "We introduce DrummerNet, a drum transcription system",
        [
            "Introduction",
            "System Design Principles",
            "DrummerNet",
            "Experiments and Analysis",
            "Conclusion",
            "Acknowledgement",
        ],
        "Unsupervised analysis of polyphonic music by sparse coding",
    ),
    "hajic-ismir2016-omr-testbed": (
        "Further steps towards a standard testbed for optical music recognition",
        "Jan Hajič jr.",
        "Evaluating Optical Music Recognition (OMR) is notoriously difficult",
        [
            "INTRODUCTION",
            "RELATED WORK",
            "EVALUATING EVALUATION",
            "BENCHMARK DATASET PROTOTYPE",
            "CONCLUSIONS AND FUTURE WORK",
            "ACKNOWLEDGMENTS",
        ],
        "Optical Music Recognition: State-of-the-Art and Open Issues",
    ),
    "laroche-ismir2016-genre-dictionaries": (
        "Genre specific dictionaries for harmonic/percussive source separation",
        "Clément Laroche",
        "Blind source separation usually obtains limited performance",
        [
            "INTRODUCTION",
            "TOWARD GENRE SPECIFIC INFORMATION",
            "STRUCTURED PROJECTIVE NMF (SPNMF)",
            "CONSTRUCTION OF THE DICTIONARY",
            "RESULTS",
            "CONCLUSION",
            "APPENDIX: SPNMF WITH THE IS DIVERGENCE",
        ],
        "An algorithm for designing overcomplete",
    ),
    "lostanlen-ismir2016-pitch-spiral": (
        "Deep convolutional networks on the pitch spiral for musical instrument recognition",
        "Vincent Lostanlen",
        "Musical performance combines a wide range of pitches",
        [
            "INTRODUCTION",
            "RELATED WORK",
            "HOW INVARIANT IS THE MEL-FREQUENCY CEPSTRUM ?",
            "DEEP CONVOLUTIONAL NETWORKS",
            "IMPROVED WEIGHT SHARING STRATEGIES",
            "APPLICATIONS",
            "CONCLUSIONS",
        ],
        "Joint time-frequency scattering for audio classification",
    ),
    "nieto-ismir2019-harmonix-set": (
        "The harmonix set: beats, downbeats, and functional segment annotations of western popular music",
        "Oriol Nieto",
        "We introduce the Harmonix set: a collection of annotations",
        ["INTRODUCTION", "BACKGROUND", "THE HARMONIX SET", "RESULTS", "CONCLUSIONS", "ACKNOWLEDGMENTS"],
        "A new python audio and music signal processing library",
    ),
    "petchey-rescience2016-plankton-chaos": (
        "[Re] Chaos in a long-term experiment with a plankton community",
        "Owen Petchey",
        "The original paper describes analyses of fluctuations",  # no abstract: the first paragraph
        ["Introduction", "Methods", "Results", "Conclusion", "Acknowledgements"],
        "Coupled predator-prey oscillations in a chaotic food web",
    ),
    "sorcinelli-2015-thesis-containerized-webapps": (
        "Development, testing, and continuous integration of containerized web applications",
        "Michele Sorcinelli",  # not the supervisor ("Chiar.mo Prof. …") printed beside him
        "This work aims to cover the whole development process",
        [
            "Introduction",
            "Context",
            "Containers and containerized applications",
            "End-to-end testing",
            "Setup of the test environment",
            "Continuous Integration",
            "Conclusions",
            "Source Code",
            "Acknowledgments",
        ],
        "What is a Pull Request",
    ),
    "wierstorf-jasa2017-localization-sfs": (
        "Assessing localization accuracy in sound field synthesis",
        "Hagen Wierstorf",
        "Sound field synthesis methods like Wave Field Synthesis",
        [
            "INTRODUCTION",
            "METHODS",
            "RESULTS",
            "DISCUSSION",
            "CONCLUSION",
            "ACKNOWLEDGMENTS",
            "APPENDIX: DRIVING SIGNALS",
        ],
        "Perceptual assessment of sound field synthesis",  # its last reference: the list has no heading
    ),
}


def test_every_real_paper_has_its_expectations() -> None:
    assert sorted(p.stem for p in PAPERS) == sorted(EXPECTED)


@pytest.mark.parametrize("pdf", PAPERS, ids=lambda p: p.stem)
def test_what_is_read_from_a_real_paper(pdf: Path) -> None:
    title, first_author, abstract_start, top_level, a_reference = EXPECTED[pdf.stem]
    paper = extract_paper(pdf)
    assert paper.title == title
    assert paper.authors[0] == first_author
    assert paper.abstract.startswith(abstract_start)
    assert 200 <= len(paper.abstract) <= 3000
    found = [heading_key(s.heading) for s in paper.sections if s.level == 1]
    assert found == [heading_key(h) for h in top_level]  # every one, in order, and nothing else
    assert a_reference.lower() not in paper.full_text.lower()
    body = " ".join(s.text for s in paper.sections).lower()
    assert "licensed under a creative commons" not in body  # page 1's licence block is not text
    assert "electronic mail:" not in body and "this work is supported by" not in body  # nor its footnotes
    assert not any(heading_key(s.heading) in ("references", "bibliography") for s in paper.sections)
