"""What papersum reads from real papers of several layouts (ISMIR, ReScience, JASA, a thesis):
title, first author, the start of the abstract, every top-level heading, and no references in
the text. The guard against regressions in extraction; `papersum extract PAPER.pdf` shows the same."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from papersum.extract import extract_paper
from papersum.pdfcovers import (
    InnerRuler,
    inner_ruler,
    is_arxiv_stamp,
    line_number_margins,
    without_ruler_numbers,
)
from papersum.pdfheadings import heading_key
from papersum.pdflines import Line

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
        "Deep Unsupervised Drum Transcription",  # as its licence block quotes it
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
        "Further Steps towards a Standard Testbed for Optical Music Recognition",
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
        "The HARMONIX Set: Beats, Downbeats, and Functional Segment Annotations of Western Popular Music",
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


def test_every_author_of_a_long_list_under_the_title_is_found() -> None:
    # six names a line each, then their affiliations ("2 INESC TEC, Porto, Portugal"): the
    # sixth name is the eleventh line under the title, and an institute's acronym is no name
    nieto = extract_paper(EXAMPLES / "papers" / "nieto-ismir2019-harmonix-set.pdf")
    assert nieto.authors == [
        "Oriol Nieto",
        "Matthew McCallum",
        "Matthew E. P. Davies",
        "Andrew Robertson",
        "Adam Stark",
        "Eran Egozy",
    ]


def test_the_reading_flow_holds_only_body_text() -> None:
    choi = extract_paper(ROOT / "tests" / "data" / "papers" / "choi-ismir2019-drummernet.pdf")
    text = choi.full_text
    # sentences that cross a column break read whole
    assert "trained with annotated pairs {(x, y)} to minimize the distance" in text
    assert "Parallel to those approaches, an annotation-free" in text
    # footnotes and captions are out of the flow; the captions are kept apart
    assert "implementation of DrummerNet is available on" not in text
    assert "Brooklyn, Heavy, Liverpool" not in text
    assert "Figure 1: Block diagrams of DrummerNet structure." in " ".join(choi.captions)
    assert not any(
        re.match(r"(?:Figure|Table) \d+[.:]", p) for s in choi.sections for p in s.text.split("\n\n")
    )
    assert "Figure 3 shows the effect of onset enhancement. It preserves" in text  # a sentence, no caption
    petchey = extract_paper(ROOT / "tests" / "data" / "papers" / "petchey-rescience2016-plankton-chaos.pdf")
    assert "rescience.github.io" not in petchey.full_text  # the running footer, page 1's copy too


def test_a_superscript_citation_leaves_the_space_after_it() -> None:
    # JASA cites with superscript numbers, and mupdf reads the space after one into it
    # ("Toolbox,<sup>12 </sup>which"): the mark goes, the space stays
    wierstorf = extract_paper(ROOT / "tests" / "data" / "papers" / "wierstorf-jasa2017-localization-sfs.pdf")
    text = wierstorf.full_text
    assert "the Sound Field Synthesis Toolbox, which is a general framework" in text
    assert "simulated via dynamic binaural synthesis. This process" in text
    assert not re.search(r"[a-z]{2}[.,][A-Z][a-z]{2}", text)  # "synthesis.This", the mark gone with its space


def test_a_power_of_a_number_is_not_a_footnote_mark() -> None:
    # "10<sup>6</sup>" after a digit is a power: a footnote mark there would read "6 × 10 items"
    text = extract_paper(ROOT / "tests" / "data" / "papers" / "choi-ismir2019-drummernet.pdf").full_text
    assert "trained the network for 6 × 10^6 items (about 13 epochs)" in text
    assert "shorter by a factor of 4^2 = 16" in text


def test_a_figures_words_leave_the_reading_flow() -> None:
    # mupdf reads a diagram's boxes and a plot's ticks and labels as paragraphs of their own
    choi = extract_paper(ROOT / "tests" / "data" / "papers" / "choi-ismir2019-drummernet.pdf").full_text
    for debris in ("6 × Conv1D", "(Kick)", "Upsampler (zero-insertion)", "KD SD HH"):
        assert debris not in choi
    assert "Table 1: Symbols used in this paper" not in choi  # a caption: kept apart, not lost
    nieto = extract_paper(EXAMPLES / "papers" / "nieto-ismir2019-harmonix-set.pdf").full_text
    assert "Pop-Rock" not in nieto and "Dubstep" not in nieto  # a bar chart's labels
    # a sentence that the figure interrupted reads whole
    assert "we show in Figure 7 the number of segments starting at a specific beat" in nieto
    # formulas are no figure: laroche's algorithm and equation (3) keep their lines
    laroche = extract_paper(ROOT / "tests" / "data" / "papers" / "laroche-ismir2016-genre-dictionaries.pdf")
    assert "Input: V ∈R^m×n" in laroche.full_text and "HP ←HP ⊗" in laroche.full_text


LATEX = ROOT / "tests" / "data" / "latex"
"""One paper set by the real LaTeX classes and styles (tests/data/latex/build.sh rebuilds the
PDFs)."""
LAYOUT_HEADINGS = [
    (1, "Introduction"),
    (1, "Related Work"),
    (2, "Audio-only source separation"),
    (2, "Audio-visual learning"),
    (1, "Method"),
    (2, "Visual encoder"),
    (2, "Audio network and fusion"),
    (1, "Experiments"),
    (2, "Datasets"),
    (2, "Results"),
    (1, "Discussion"),
    (1, "Conclusion"),
]


@pytest.mark.parametrize(
    ("layout", "first_heading", "subsubsection", "acknowledgements"),
    [
        # small caps, roman numerals, A./B. subsections, "1) Failure cases:" run in, in italics
        ("ieee", "I. INTRODUCTION", "1) Failure cases", "ACKNOWLEDGMENT"),
        # acmart sigconf: numbers set apart, "4.2.1 Failure cases." run in, in italics
        ("acm", "1 INTRODUCTION", "4.2.1 Failure cases", "ACKNOWLEDGMENTS"),
        ("acmsmall", "1 INTRODUCTION", "4.2.1 Failure cases", "ACKNOWLEDGMENTS"),  # ACM's journals
        # Springer LNCS: its subsubsection is unnumbered bold run in, a paragraph's lead: text
        ("llncs", "1 Introduction", None, "Acknowledgments"),
        # Springer's journals (svjour3, two columns): the authors apart by a middle dot
        ("svjour", "1 Introduction", "4.2.1 Failure cases", "Acknowledgements"),
        # SAGE's journals (Psychology of Music, Musicae Scientiae): unnumbered sans-serif headings,
        # the journal's box beside the title; "2 Psychology of Music 54(3)" over page 2; the
        # subsubsection run in, in italics mupdf reads in its paragraph's run, split where the
        # outline puts it
        ("sagej", "Introduction", "Failure cases", "Acknowledgements"),
        # Taylor & Francis's Interact (Journal of New Music Research): abstract and keywords boxed
        ("interact", "1. Introduction", "4.2.1. Failure cases", "Acknowledgements"),
        # Frontiers' journals, a submission: line numbers down the left margin, "Keywords:" in
        # the abstract, headings in capitals
        ("frontiers", "1 INTRODUCTION", "4.2.1 Failure cases", "ACKNOWLEDGMENTS"),
        ("draft", "1 Introduction", None, "Acknowledgments"),  # LNCS with review line numbers
        ("neurips", "1 Introduction", "4.2.1 Failure cases", "Acknowledgments and Disclosure of Funding"),
        # ICLR: title and headings in small capitals made of capitals in two sizes, on page 1
        # too ("I" 12 pt, "NTRODUCTION" 9.6 pt: not a superscript)
        ("iclr", "1 INTRODUCTION", "4.2.1 FAILURE CASES", "ACKNOWLEDGMENTS"),
        ("icml", "1. Introduction", "4.2.1. FAILURE CASES", "Acknowledgements"),  # authors on one line
        ("cvpr", "1. Introduction", "4.2.1. Failure cases", "Acknowledgements"),  # CVPR's author kit
        # ICASSP's and ICIP's spconf.sty: a bold title in capitals, the authors' names in italics
        # in its size beside each other, numbered sections in capitals, "6. REFERENCES" numbered
        ("icassp", "1. INTRODUCTION", "4.2.1. Failure cases", "7. ACKNOWLEDGEMENTS"),
        # the same through dvips and Ghostscript: bold told by the fonts' names alone
        ("icassp-dvips", "1. INTRODUCTION", "4.2.1. Failure cases", "7. ACKNOWLEDGEMENTS"),
        ("ieee-journal", "I. INTRODUCTION", "1) Failure cases", "ACKNOWLEDGMENT"),  # IEEEtran journal
        # its review copy: "V. DISCUSSION" read in its paragraph's block, found by the numbering
        ("ieee-review", "I. INTRODUCTION", "1) Failure cases", "ACKNOWLEDGMENT"),
        # its draft (draftcls): "TABLE I" alone over its caption in capitals, an italic subsection next
        ("ieee-draft", "I. INTRODUCTION", "1) Failure cases", "ACKNOWLEDGMENT"),
        # Elsevier: subsections in italics on their own line, which mupdf puts in their paragraph
        ("elsarticle", "1. Introduction", "4.2.1. Failure cases", "Acknowledgements"),
        # Elsevier's cas-dc: pages of graphical abstract and highlights first; the short title
        # as a running head, "Page 1 of 2" at the foot
        ("cas-dc", "1. Introduction", "4.2.1. Failure cases", "Acknowledgements"),
        # ISMIR's 2026 template: the title in capitals, the CC BY block quoting it as written
        ("ismir", "1. INTRODUCTION", "4.2.1 Failure cases", "7. ACKNOWLEDGEMENTS"),
        ("pmlr", "1. Introduction", "4.2.1. Failure cases", "Acknowledgments"),  # jmlr class, PMLR
        # Springer Nature's sn-jnl: "Acknowledgements." run in (\bmhead), level 2 in the outline
        ("sn-jnl", "1 Introduction", "4.2.1 Failure cases", "Acknowledgements"),
        # revtex as JASA sets it: I., A., then "1." for a subsubsection (level 3)
        ("revtex-jasa", "I. INTRODUCTION", "1. Failure cases", "ACKNOWLEDGMENTS"),
        # amsart: run-in bold subsections with their numbers in roman, authors in small capitals
        ("amsart", "1. Introduction", "4.2.1. Failure cases", "Acknowledgements"),
        ("koma", "1 Introduction", "4.2.1 Failure cases", "Acknowledgements"),  # KOMA-Script, two columns
        # LaTeX's article, as most arXiv preprints: an outline, and the abstract in smaller type
        ("article", "1 Introduction", "4.2.1 Failure cases", "Acknowledgements"),
        # the same with "Discussion" and "Conclusion" set as \section*: not in the outline
        ("article-starred", "1 Introduction", "4.2.1 Failure cases", "Acknowledgements"),
        # the same in 12 pt double spaced, a manuscript: each line a block of its own to mupdf
        ("manuscript", "1 Introduction", "4.2.1 Failure cases", "Acknowledgements"),
    ],
)
def test_every_heading_of_a_paper_in_the_latex_layouts(
    layout: str, first_heading: str, subsubsection: str | None, acknowledgements: str
) -> None:
    paper = extract_paper(LATEX / f"{layout}.pdf")
    # amsart sets the title in capitals: its case cannot be told
    assert paper.title.lower() == "seeing the bow: motion cues for separating same-instrument duets"
    assert paper.authors == ["Ana Lima", "Ben Ortiz"]  # not "Music Technology Group"
    assert paper.abstract.startswith(
        "Separating two violins that play together is hard from the sound alone."
    )
    assert paper.sections[0].heading == first_heading
    found = [(s.level, s.heading) for s in paper.sections]
    expected = [(level, heading_key(h)) for level, h in LAYOUT_HEADINGS]
    if subsubsection:
        expected.insert(expected.index((2, "results")) + 1, (3, "failurecases"))
        assert (3, subsubsection) in found
    else:
        assert "Failure cases Most of the remaining errors" in paper.full_text
    thanks = 2 if layout == "sn-jnl" else 1  # the outline's level for it
    assert [(level, heading_key(h)) for level, h in found] == [
        *expected,
        (thanks, heading_key(acknowledgements)),
    ]
    text = paper.full_text
    assert "Ana Lima and Ben Ortiz" not in text  # ACM's running head, on one later page only
    assert "Lima and B. Ortiz" not in text  # LNCS's, with the initials (runningheads)
    assert "Seeing the Bow" not in text and "Page 1 of" not in text  # a short title's, a page's foot
    assert "placeholder address for this fixture" not in text  # the footnote
    assert "The sound of pixels" not in text and "Music gesture" not in text  # the references
    assert "than one who only hears it. This paper studies" in " ".join(text.split())  # across the mark
    assert not re.search(
        r"[.!?] 1 \d", " ".join(text.split())
    )  # page 1's number, alone at its foot, before "2 Related Work"
    assert "hard from the sound alone" in paper.abstract and not re.search(r"\b(1[3-9]|[2-9]\d)\b", text)


FIVE_AUTHORS = ["Ana Lima", "Ben Ortiz", "Chiara Russo", "Daniel Okafor", "Emi Tanaka"]


@pytest.mark.parametrize("layout", ["acmtog", "acm-mm", "acmlarge"])
def test_an_acm_papers_whole_front_matter(layout: str) -> None:
    # as ACM publishes them: five authors with their affiliations, CCS concepts, key words, the
    # "ACM Reference Format" block. acmtog (Transactions on Graphics, SIGGRAPH's journal): the
    # abstract has no heading and the authors' block in capitals is longer than it, its footnote
    # mark in Linux Libertine four fifths of the text's size. acm-mm (ACM Multimedia, sigconf):
    # the running head names the venue and every author, on a paper too short to repeat it.
    # acmlarge (one column): mupdf reads each heading in capitals in its paragraph's block ("2
    # RELATED WORK 2.1 Audio-only …"), and page 1 holds more notes in 8 pt (the addresses, the
    # permission block) than text in 10
    paper = extract_paper(LATEX / f"{layout}.pdf")
    assert paper.title == TITLE
    assert paper.authors == FIVE_AUTHORS
    assert paper.abstract == (
        "Separating two violins that play together is hard from the sound alone. We show that the "
        "motion of the players, read from body and hand keypoints, lets a separation network tell "
        "them apart, and we measure where the video helps and where it misleads."
    )
    expected = [(level, heading_key(h)) for level, h in LAYOUT_HEADINGS]
    expected.insert(expected.index((2, "results")) + 1, (3, "failurecases"))
    assert [(s.level, heading_key(s.heading)) for s in paper.sections] == [*expected, (1, "acknowledgments")]
    text = " ".join(paper.full_text.split())
    assert "than one who only hears it. This paper studies" in text  # the mark out
    for front in (
        "CCS Concepts",
        "Key Words",
        "ACM Reference Format",
        "Permission to make",
        "Rio de Janeiro",
        "Authors’ addresses",
        "Corresponding author",  # acmlarge's author note, no sentence, over the notes
    ):
        assert front not in text


def test_a_nime_paper_whose_appendix_and_its_first_subsection_are_one_bold_paragraph() -> None:
    # NIME's nimeart (acmart's sigconf as NIME sets it): mupdf reads "A Performance Data" and
    # "A.1 Violin duets", set with no space between, as one bold paragraph
    paper = extract_paper(LATEX / "nime.pdf")
    assert (paper.title, paper.authors) == (TITLE, ["Ana Lima", "Ben Ortiz"])
    assert paper.abstract.startswith("Separating two violins that play together is hard")
    expected = [(level, heading_key(h)) for level, h in LAYOUT_HEADINGS]
    expected.insert(expected.index((2, "results")) + 1, (3, "failurecases"))
    assert [(s.level, heading_key(s.heading)) for s in paper.sections[:-4]] == expected
    assert [(s.level, s.heading) for s in paper.sections[-4:]] == [
        (1, "Acknowledgments"),
        (1, "A Performance Data"),
        (2, "A.1 Violin duets"),
        (2, "A.2 Cello duets"),
    ]
    assert paper.sections[-2].text.startswith("The twelve violin duets were recorded in one hall")


def test_an_ismir_papers_title_and_names_as_written_not_as_printed() -> None:
    # the title is printed in capitals; the licence block quotes it as the authors wrote it
    # ("Attribution: A. Lima and B. Ortiz, “Seeing the Bow: …”"); the PDF's author field, from
    # the template's \authorname, has initials where page 1 prints the names in full
    paper = extract_paper(LATEX / "ismir.pdf")
    assert paper.title == TITLE
    assert paper.authors == ["Ana Lima", "Ben Ortiz"]
    # over page 2 the proceedings and year: a head, though a short paper repeats it only once
    assert "Proceedings of the 27th ISMIR Conference" not in paper.full_text


def test_a_caption_between_the_halves_of_a_sentence_keeps_its_own_last_line() -> None:
    # PMLR's two columns: "… with a graph" ends page 1; page 2 starts with the table's caption
    # "Table 1: … on" / "same-instrument duets.", then the table, then "convolutional network."
    # Both the sentence and the caption run on: the caption's line ends a sentence and the text
    # after the table goes on in lowercase, so the line is the caption's
    paper = extract_paper(LATEX / "pmlr.pdf")
    assert paper.captions == ["Table 1: Separation quality (SDR in dB) on same-instrument duets."]
    text = " ".join(paper.full_text.split())
    assert "motion features with a graph convolutional network." in text
    assert "sampled at twenty-five frames a second" in text  # "twenty-" / "five": a number's words


def test_a_plos_submissions_line_numbers_past_99_stay_out_of_its_text() -> None:
    # PLOS's template numbers the lines down the right margin, flush right: page 1's "68"…"97"
    # start at 591 pt, a later page's "100" at 588 pt, where the cut made from page 1 left its
    # first digit in every line ("with 1 non-negative"); headings unnumbered, with no outline
    paper = extract_paper(LATEX / "plos.pdf")
    assert (paper.title, paper.authors) == (TITLE, ["Ana Lima", "Ben Ortiz"])
    assert paper.abstract.startswith("Separating two violins that play together is hard")
    headings = [heading_key(s.heading) for s in paper.sections]
    assert headings == [
        "authorsummary",
        *(heading_key(h) for _level, h in LAYOUT_HEADINGS[:10]),
        "failurecases",
        *(heading_key(h) for _level, h in LAYOUT_HEADINGS[10:]),
        "acknowledgments",
    ]
    prose = paper.full_text.replace("Table 1 lists", "")
    assert not re.search(r"[a-z,] \d{1,3} [a-z]", prose)  # no line's number in a sentence
    assert "studied from the audio signal alone, with non-negative matrix factorization" in paper.full_text


@pytest.mark.parametrize("layout", ["apa-man", "apa-jou"])
def test_an_apa_paper_keeps_its_introduction_that_has_no_heading(layout: str) -> None:
    # music perception and psychology of music write in APA's style: the introduction under no
    # heading (or under the title printed again, in a manuscript), Method's subsections under it
    paper = extract_paper(LATEX / f"{layout}.pdf")
    assert (paper.title, paper.authors) == (TITLE, ["Ana Lima", "Ben Ortiz"])
    assert paper.abstract.startswith("Separating two violins that play together is hard")
    assert paper.abstract.endswith("where the video helps and where it misleads.")
    assert [(s.level, s.heading) for s in paper.sections] == [
        (1, "Introduction"),
        (1, "Method"),  # not "Method Participants": a name whole is followed by a subsection
        (2, "Participants"),
        (2, "Stimuli"),
        (3, "Audio-only condition"),
        (3, "Audio-visual condition"),
        (2, "Procedure"),  # under the table, which does not take it for its row
        (1, "Results"),
        (1, "Discussion"),
    ]
    introduction = paper.sections[0].text
    assert introduction.startswith("Musicians are seen as well as heard.")
    assert introduction.endswith("follow one voice of a duet.")
    text = paper.full_text
    assert "Practice trials. Four practice trials" in text  # a fourth-level heading, run in
    assert "Correspondence concerning" not in text and "Keywords" not in text
    assert "Detection Accuracy by Condition and Training" not in text  # the table's title


def test_acls_review_ruler_down_both_margins_is_no_text() -> None:
    # ACL's review copies number their lines "001", "002"… left of the left column and right of
    # the right one; mupdf puts each number in the block of the line beside it
    paper = extract_paper(LATEX / "acl-review.pdf")
    assert paper.authors == []  # "Anonymous ACL submission"
    assert paper.abstract.startswith("Separating two violins that play together is hard")
    assert [s.heading for s in paper.sections][:3] == [
        "1 Introduction",
        "2 Related Work",
        "2.1 Audio-only source separation",
    ]
    assert not re.search(r"\b0\d\d\b", paper.full_text)
    # page 1 of a real ARR submission: its ruler right of the columns has more numbers standing
    # alone than the one left of them (some of those are read in line with a heading), and the
    # right one was taken for the only one: no text lies right of it, so no numbers were cut,
    # and "attention 002 sink" was the abstract
    ruler = [Line(0, f"{n:03d}", 8.0, False, n, left=12.0) for n in range(1, 40)]
    ruler += [Line(0, f"{n:03d}", 8.0, False, n, left=566.0) for n in range(40, 81)]
    text = [Line(0, "Transformers commonly exhibit an attention", 10.1, False, 90, left=88.0)] * 20
    text += [Line(0, "that the sink arises from the interaction", 10.1, False, 91, left=306.0)] * 20
    # (the right cut an em short of the ruler: numbers set flush right grow to the left)
    assert line_number_margins([*ruler, *text]) == (87.0, 557.0)
    # lineno's numbers left of an LNCS page alone: the text starts right of them
    assert line_number_margins([*ruler[:39], *text]) == (87.0, float("inf"))


def test_an_ismir_drafts_line_numbers_between_its_columns_leave_the_text() -> None:
    # ISMIR's review template numbers the right column's lines between the columns, where no
    # clip can cut them: mupdf read each into the line beside it, a heading "6. CONCLUSION,
    # LIMITATIONS, AND FUTURE 528 WORK 529", a word "mu-140 sical"
    page_one = [Line(0, "Out-of-Domain Sound-Matching", 14.0, True, 0, top=60.0, left=60.0)]
    for n in range(1, 87):
        column, row = divmod(n - 1, 43)
        top = 100.0 + 14 * row
        page_one += [
            Line(0, str(n), 7.0, False, 1 + n, top=top, left=41.7 + 251.8 * column),
            Line(
                0,
                "the synthesizer is optimized to mimic a sound",
                10.0,
                False,
                90 + column,
                top=top,
                left=56.0 + 259 * column,
            ),
        ]
    ruler = inner_ruler(page_one)
    assert ruler == InnerRuler(292.0, 86)
    page_six = [
        Line(5, "Our method generalises to other synthesizers. 526 527", 0.0, False, 0, False, True, True),
        Line(5, "6. CONCLUSION, LIMITATIONS, AND FUTURE 528 WORK 529", 0.0, True, 1, False, True, True),
        Line(
            5,
            "We have shown the value of 30 listeners from mu-530 sical arrangements. 531",
            0.0,
            False,
            2,
            False,
            True,
            True,
        ),
    ]
    assert [line.text for line in without_ruler_numbers(page_six, 5, ruler)] == [
        "Our method generalises to other synthesizers.",
        "6. CONCLUSION, LIMITATIONS, AND FUTURE WORK",
        "We have shown the value of 30 listeners from mu\u00adsical arrangements.",
    ]
    # a table of numbered rows, between text, is no ruler: too few, down too little of the page
    assert inner_ruler([*page_one[:1], *page_one[2::2], *page_one[87:121:2]]) is None


def test_an_mdpi_paper_sets_its_statements_and_its_appendix_apart() -> None:
    # MDPI's journals run their back matter in as bold leads ("Funding: This research…") after
    # the conclusion, which took them all; its outline names the appendix "Appendix A" alone,
    # its heading "Appendix A. Normalising the Keypoints"
    paper = extract_paper(LATEX / "mdpi.pdf")
    assert (paper.title, paper.authors) == (
        "Seeing the Bow: Motion Cues for Separating Same-Instrument Duets",
        ["Ana Lima", "Ben Ortiz"],
    )
    assert paper.abstract.startswith("Separating two violins that play together is hard")
    headings = [s.heading for s in paper.sections]
    assert headings[0] == "1. Introduction"
    assert headings[headings.index("6. Conclusion") :] == [
        "6. Conclusion",
        "Funding",
        "Data Availability Statement",
        "Acknowledgments",
        "Conflicts of Interest",
        "Appendix A. Normalising the Keypoints",
    ]
    conclusion, *_statements, appendix = paper.sections[headings.index("6. Conclusion") :]
    assert "funding" not in conclusion.text and appendix.text.startswith("The keypoints of each player")
    assert "Licensee MDPI" not in paper.full_text and "The sound of pixels" not in paper.full_text


def test_an_interspeech_paper_reads_its_headings_and_an_author_of_one_name() -> None:
    # Interspeech's class writes the PDF's author field as BibTeX names ("Ana {Lima}; …;
    # Rahmawati {}"), and many Indian and Indonesian authors have one name: the field is
    # believed when page 1 prints each name
    paper = extract_paper(LATEX / "interspeech.pdf")
    assert paper.title == "Seeing the Bow: Motion Cues for Separating Same-Instrument Duets"
    assert paper.authors == ["Ana Lima", "Ben Ortiz", "Rahmawati"]
    expected = [(level, heading_key(h)) for level, h in LAYOUT_HEADINGS]
    expected.insert(expected.index((2, "results")) + 1, (3, "failurecases"))
    assert [(s.level, heading_key(s.heading)) for s in paper.sections] == [*expected, (1, "acknowledgements")]
    assert paper.sections[0].heading == "1. Introduction"


def test_an_outline_whose_items_all_link_to_page_one_is_read_in_its_order(tmp_path: Path) -> None:
    # Interspeech's class switches hyperref's links off (\NoHyper): every item of the outline
    # it still writes points to page 1, so a heading on page 3 is not where its item says
    with pymupdf.open(LATEX / "article.pdf") as doc:
        doc.set_toc([[level, title, 1] for level, title, _page in doc.get_toc()])
        doc.save(path := tmp_path / "outline.pdf")
    paper = extract_paper(path)
    assert [(s.level, s.heading) for s in paper.sections][-2:] == [
        (1, "6 Conclusion"),
        (1, "Acknowledgements"),
    ]
    assert "Conclusion" not in paper.sections[-3].text


def test_an_outline_whose_pages_fall_behind_its_headings_is_read_in_its_order(tmp_path: Path) -> None:
    # Springer Nature's template (sn-jnl): after a sidewaystable's page, the outline points two
    # pages before the "6 Figures" heading; here two float pages before page 2, the outline's
    # pages as they were
    with pymupdf.open(LATEX / "article.pdf") as doc:
        toc = doc.get_toc()
        for _float_page in range(2):
            page = doc.new_page(pno=1, width=doc[0].rect.width, height=doc[0].rect.height)
            page.insert_text(
                (100, 200), "Table 3 Projectile Energy Element 3 990 A 1168", rotate=90, fontsize=9
            )
        doc.set_toc(toc)
        doc.save(path := tmp_path / "behind.pdf")
    found = [(s.level, heading_key(s.heading)) for s in extract_paper(path).sections]
    assert found[:-1] == [
        (level, heading_key(h))
        for level, h in [*LAYOUT_HEADINGS[:10], (3, "Failure cases"), *LAYOUT_HEADINGS[10:]]
    ]


def test_an_outline_item_with_a_citation_key_glued_on_still_finds_its_heading(tmp_path: Path) -> None:
    # "2. Brief Description of StoRM [13]" is outlined by hyperref as "Brief Description of
    # StoRMlemercier2023storm" (seen in an Interspeech paper): the \cite's key glued to the words
    with pymupdf.open(LATEX / "article.pdf") as doc:
        toc = doc.get_toc()
        toc[1][1] = "Related Worklima2024motion"
        doc.set_toc(toc)
        doc.save(path := tmp_path / "cited.pdf")
    paper = extract_paper(path)
    assert (1, "2 Related Work") in [(s.level, s.heading) for s in paper.sections]
    assert "Related Work" not in paper.sections[0].text


def test_an_outline_item_repeating_an_earlier_title_does_not_take_its_heading(tmp_path: Path) -> None:
    # ACM's sample: "3 Conclusions", then in the appendix "A.3 Conclusions" (seen in a real
    # acmart PDF); the later item found the earlier heading and made it level 2
    with pymupdf.open(LATEX / "article.pdf") as doc:
        doc.set_toc([*doc.get_toc(), [2, "Conclusion", doc.page_count]])
        doc.save(path := tmp_path / "repeated.pdf")
    assert (1, "6 Conclusion") in [(s.level, s.heading) for s in extract_paper(path).sections]


def test_an_ieee_outline_numbered_i_and_ii_a_finds_its_headings(tmp_path: Path) -> None:
    # IEEEtran with hyperref outlines "I Introduction", "II-A Audio-only …" (seen in a real IEEE
    # Transactions paper, which lost every heading to it), while the page prints
    # "I. INTRODUCTION" and "A. Audio-only …"
    numbers = iter(["I", "II", "II-A", "II-B", "III", "III-A", "III-B", "IV", "IV-A", "IV-B", "V", "VI"])
    with pymupdf.open(LATEX / "ieee-journal.pdf") as doc:
        doc.set_toc([[level, f"{next(numbers)} {title}", 1] for level, title in LAYOUT_HEADINGS])
        doc.save(path := tmp_path / "outlined.pdf")
    found = [(s.level, heading_key(s.heading)) for s in extract_paper(path).sections if s.level < 3]
    assert found[: len(LAYOUT_HEADINGS)] == [(level, heading_key(h)) for level, h in LAYOUT_HEADINGS]


def test_a_proceedings_outline_that_names_no_heading_is_not_believed(tmp_path: Path) -> None:
    # ICMC 2003's PDFs carry the proceedings' outline: links out ("ICMC 2003 Home Page") and
    # "Current paper", "Authors" on page 1 (seen in a real one): the headings come from the page
    with pymupdf.open(LATEX / "article.pdf") as doc:
        doc.set_toc([[1, "Current paper", 1], [2, "Authors", 1]])
        doc.save(path := tmp_path / "proceedings.pdf")
    found = [(s.level, heading_key(s.heading)) for s in extract_paper(path).sections if s.level < 3]
    assert found[: len(LAYOUT_HEADINGS)] == [(level, heading_key(h)) for level, h in LAYOUT_HEADINGS]


OFFICE = ROOT / "tests" / "data" / "office"
"""The same paper as a word processor sets it: LibreOffice's PDFs of a conference's and a
journal's template (tests/data/office/build.py rebuilds them)."""


@pytest.mark.parametrize(
    ("layout", "authors", "subsubsection", "acknowledgements"),
    [
        # a conference's template, two columns, its headings typed in bold with no space above
        # them: mupdf reads a heading in its paragraph's block ("… the notes. 5. DISCUSSION The
        # visual …"); the table on page 1, each of its rows a block; the authors in a table, a
        # cell each (name, affiliation, address: nine lines)
        ("conference-word", ["Ana Lima", "Ben Ortiz", "Chen Wei"], "4.2.1 Failure cases", "ACKNOWLEDGMENTS"),
        # a journal's, one column: "Abstract:" run in, in one block with the affiliations above
        # it; a running head; the table on page 2, each row a block
        ("journal-word", ["Ana Lima", "Ben Ortiz"], "4.2.1. Failure cases", "Acknowledgments"),
        # with line numbers
        ("journal-word-review", ["Ana Lima", "Ben Ortiz"], "4.2.1. Failure cases", "Acknowledgments"),
        # 12 pt, double spaced, lines numbered: "4.2.1. Failure cases" in italics leads its line
        ("journal-manuscript", ["Ana Lima", "Ben Ortiz"], "4.2.1. Failure cases", "Acknowledgments"),
        # IEEE's: "I. INTRODUCTION" in small capitals made of capitals in two sizes, "A." italic
        # subsections each in their paragraph's block, "Abstract—" run in, authors in a table
        ("ieee-word", ["Ana Lima", "Ben Ortiz"], "1) Failure cases", "Acknowledgment"),
    ],
)
def test_every_heading_of_a_paper_from_a_word_processor(
    layout: str, authors: list[str], subsubsection: str, acknowledgements: str
) -> None:
    paper = extract_paper(OFFICE / f"{layout}.pdf")
    # the PDF's title field is "Microsoft Word - paper_final.docx" or a title cut short
    assert paper.title == "Seeing the Bow: Motion Cues for Separating Same-Instrument Duets"
    assert paper.authors == authors  # the PDF's author field is "jdoe" or "Windows User"
    assert paper.abstract.startswith("Separating two violins that play together is hard")
    assert paper.abstract.endswith("where the video helps and where it misleads.")
    expected = [(level, heading_key(h)) for level, h in LAYOUT_HEADINGS]
    expected.insert(expected.index((2, "results")) + 1, (3, "failurecases"))
    found = [(s.level, s.heading) for s in paper.sections]
    assert (3, subsubsection) in found
    thanks = 2 if layout == "sn-jnl" else 1  # the outline's level for it
    assert [(level, heading_key(h)) for level, h in found] == [
        *expected,
        (thanks, heading_key(acknowledgements)),
    ]
    text = paper.full_text
    assert "The sound of pixels" not in text and "Music gesture" not in text  # the references
    assert "placeholder address for this fixture" not in text and "Appl. Sci." not in text
    assert "than one who only hears it. This paper studies" in " ".join(text.split())  # across the mark
    assert not re.search(
        r"[.!?] 1 \d", " ".join(text.split())
    )  # page 1's number, alone at its foot, before "2 Related Work"
    assert not re.search(r"\b(1[3-9]|[2-9]\d)\b", text)  # no line numbers
    assert "violin 12" not in text and any(
        "violin | 12 | 4.1 | 7.9\ncello | 9 | 3.6" in t for t in paper.tables
    )
    assert paper.captions == ["Table 1. Separation quality (SDR in dB) on same-instrument duets."]


@pytest.mark.parametrize("pdf", [LATEX / "manuscript.pdf", OFFICE / "thesis-word.pdf"], ids=lambda p: p.stem)
def test_words_broken_at_the_lines_of_widely_spaced_text_read_whole(pdf: Path) -> None:
    # double or one and a half spaced, each line is a block of its own to mupdf, which drops
    # the hyphen of a word broken at its end all the same: "sam" and "pled" were two words
    with pymupdf.open(pdf) as doc:
        broken = re.findall(r"([a-z]+)-\n([a-z]+)", "".join(page.get_text() for page in doc))
    assert len(broken) >= 2  # the fixture breaks words, or this test tests nothing
    text = " ".join(extract_paper(pdf).full_text.split())
    for head, tail in broken:
        assert f"{head} {tail}" not in text and (f"{head}{tail}" in text or f"{head}-{tail}" in text)
    assert "audio only" not in text  # "audio-only", spelled so in a heading


def test_a_word_processors_thesis_reads_its_chapters() -> None:
    # a title page naming the degree and the supervisor, a contents page with dotted leaders,
    # "Chapter 1" over its title with no space between (one block to mupdf), no outline
    paper = extract_paper(OFFICE / "thesis-word.pdf")
    assert paper.title == "Seeing the Bow: Motion Cues for Separating Same-Instrument Duets"
    assert paper.authors == ["Ana Lima"]  # not "Science in Music Technology" nor Prof. Ortiz
    assert paper.abstract.startswith("Separating two violins that play together is hard")
    chapters = [s.heading for s in paper.sections if s.level == 1]
    assert chapters == ["Acknowledgements", *(h for level, h in LAYOUT_HEADINGS if level == 1)]
    assert (3, "4.2.1 Failure cases") in [(s.level, s.heading) for s in paper.sections]
    assert "Chapter" not in paper.full_text and "The sound of pixels" not in paper.full_text


SCANNED = ROOT / "tests" / "data" / "scanned"
"""Pages as a scanner gives them, with a text layer by OCR (tests/data/scanned/build.py)."""


def test_a_scanned_paper_with_an_ocr_layer_is_read() -> None:
    # OCR's text is one font in sizes that vary from line to line: the title's two lines differ
    # by a point, and were a title of one line and an author "Same-Instrument Duets"
    paper = extract_paper(SCANNED / "ieee-ocr.pdf")
    assert paper.title == "Seeing the Bow: Motion Cues for Separating Same-Instrument Duets"
    assert paper.authors[:1] == ["Ana Lima"]
    assert paper.abstract.startswith("Separating two violins that play together is hard")
    headings = {s.heading for s in paper.sections}
    # OCR reads "II." as "Il." and "III." as "IH,": those two are lost, the others are found
    assert {"I. INTRODUCTION", "IV. EXPERIMENTS", "V. DISCUSSION", "VI. CONCLUSION", "B. Results"} <= headings
    assert "The sound of pixels" not in paper.full_text
    # marks OCR reads in line with the names they follow ("Clément Laroche!”", "Kowalski??")
    laroche = extract_paper(SCANNED / "laroche-page1-ocr.pdf")
    assert [name.split()[-1] for name in laroche.authors] == [
        "Laroche",
        "Papadopoulos",
        "Kowalski",
        "Richard",
    ]
    # OCR read "1. INTRODUCTION" as "1, INTRODUCTION", half a point over the body's type (8.3
    # and 7.8, a difference of 0.5000000000000009): no heading, the abstract ran to the page's end
    assert [s.heading for s in laroche.sections] == ["1, INTRODUCTION"]
    assert laroche.abstract.endswith("yield better performances than cross-genre dictionaries.")


def test_unnumbered_headings_take_their_levels_from_their_type() -> None:
    # sections with no numbers and no outline (\\setcounter{secnumdepth}{0}, no hyperref): a
    # section whose subsection follows at once has no text of its own, and was lost as level 1
    paper = extract_paper(LATEX / "article-unnumbered.pdf")
    found = [(s.level, s.heading) for s in paper.sections]
    assert found[:4] == [
        (1, "Introduction"),
        (1, "Related Work"),
        (2, "Audio-only source separation"),
        (2, "Audio-visual learning"),
    ]
    assert [h for level, h in found if level == 1] == [
        *(h for level, h in LAYOUT_HEADINGS if level == 1),
        "Acknowledgements",
    ]


def test_arxivs_stamp_in_the_margin_is_not_the_title(tmp_path: Path) -> None:
    # a PDF from arxiv.org carries its identifier up page 1's left margin, in 20 pt type: larger
    # than many a title, and not the paper's text
    for layout in ("article", "neurips", "llncs"):
        with pymupdf.open(LATEX / f"{layout}.pdf") as doc:
            stamp = "arXiv:2401.01234v2  [cs.SD]  12 Jan 2024"
            doc[0].insert_text(
                (32, 560), stamp, fontname="tiro", fontsize=20, rotate=90, color=(0.5, 0.5, 0.5)
            )
            doc.save(tmp_path / f"{layout}.pdf")
        paper = extract_paper(tmp_path / f"{layout}.pdf")
        assert paper.title == "Seeing the Bow: Motion Cues for Separating Same-Instrument Duets", layout
        assert paper.authors == ["Ana Lima", "Ben Ortiz"]
        assert "arXiv:2401" not in paper.full_text
    assert is_arxiv_stamp("arXiv:cs/0608082v1  [cs.LG]  21 Aug 2006")  # the identifiers before 2007
    assert not is_arxiv_stamp("arXiv:2401.01234 is where we put the code")


def test_arxivs_stamp_dates_a_paper_a_later_save_dated_again(tmp_path: Path) -> None:
    # 84 of 355 stamped papers in a real reading list (PPO, GAN, BERT, Fast R-CNN) were saved
    # again by a browser in 2024, which wrote its own creation date: their year was 2024
    with pymupdf.open(LATEX / "article.pdf") as doc:
        stamp = "arXiv:1707.06347v2  [cs.LG]  28 Aug 2017"
        doc[0].insert_text((32, 560), stamp, fontname="tiro", fontsize=20, rotate=90)
        doc.set_metadata({"creationDate": "D:20240614094847", "producer": "PDFium"})
        doc.save(tmp_path / "saved-again.pdf")
    assert extract_paper(tmp_path / "saved-again.pdf").year == 2017
    assert extract_paper(LATEX / "article.pdf").year == 2026  # with no stamp, the file's date


STAMPS = [
    # IEEE Xplore's, at the foot of every page it serves
    "Authorized licensed use limited to: Example University. Downloaded on May 10,2023 at "
    "12:00:00 UTC from IEEE Xplore.  Restrictions apply.",
    # a publisher's on every page it serves (AIP's JASA, OUP's journals)
    "Downloaded from http://pubs.aip.org/asa/jasa/article-pdf/141/6/4104/15329014/4104_1_online.pdf",
]


@pytest.mark.parametrize("stamp", STAMPS)
def test_a_stamp_on_every_page_stays_out_of_the_text(stamp: str, tmp_path: Path) -> None:
    # a long line repeated word for word on every page, between a sentence's halves at each
    # page break: the paper reads as it does without it
    pdf = EXAMPLES / "papers" / "hajic-ismir2016-omr-testbed.pdf"
    with pymupdf.open(pdf) as doc:
        for page in doc:
            width, height = page.rect.width, page.rect.height
            page.insert_textbox((30, height - 16, width - 30, height - 2), stamp, fontsize=6, align=1)
        doc.save(tmp_path / "stamped.pdf")
    assert extract_paper(tmp_path / "stamped.pdf").full_text == extract_paper(pdf).full_text


def test_a_thesis_with_no_outline_reads_its_chapters_not_its_contents_page() -> None:
    # LaTeX's report class as a short thesis: a title page (the title is most of its text), the
    # abstract on a page of its own, a table of contents ("1 Background 2"), then the chapters
    paper = extract_paper(LATEX / "report.pdf")
    assert paper.authors == ["Ana Lima"]
    assert paper.year == 2024  # the title page's date alone at its foot: no page number
    assert paper.abstract.startswith(
        "Separating two violins that play together is hard from the sound alone."
    )
    found = [(s.level, s.heading) for s in paper.sections]
    assert found[:3] == [(1, "Background"), (2, "1.1 Introduction"), (2, "1.2 Related Work")]
    assert paper.sections[0].text.startswith("Musicians are seen and heard; this chapter sets the scene")


@pytest.mark.parametrize("outline", [True, False])
def test_appendices_after_the_references_are_kept(outline: bool, tmp_path: Path) -> None:
    # arXiv, NeurIPS and ICML papers put their appendices after the references, numbered by a
    # letter alone ("A Proof of …"), which hyperref's outline leaves out of its items; without
    # hyperref there is no outline, and the letter alone still makes a section, not "A." (IEEE's
    # subsection)
    path = LATEX / "article-appendix.pdf"
    if not outline:
        with pymupdf.open(path) as doc:
            doc.set_toc([])
            doc.save(path := tmp_path / "no-outline.pdf")
    paper = extract_paper(path)
    found = [(s.level, s.heading) for s in paper.sections]
    assert found[-3:] == [
        (1, "Acknowledgements"),
        (1, "A Proof of the masking bound"),
        (1, "B Additional results"),
    ]
    assert paper.sections[-1].text.startswith("On cello duets recorded in a second hall")
    assert "The sound of pixels" not in paper.full_text


def test_appendices_headed_appendix_a_are_found_by_their_titles_in_the_outline() -> None:
    # SPIE's class (and IEEE's journals) head an appendix "APPENDIX A. PROOF OF …" while
    # hyperref's outline names its title alone
    paper = extract_paper(LATEX / "spie.pdf")
    assert (paper.title, paper.authors) == (TITLE, ["Ana Lima", "Ben Ortiz"])
    expected = [(level, heading_key(h)) for level, h in LAYOUT_HEADINGS]
    expected.insert(expected.index((2, "results")) + 1, (3, "failurecases"))
    assert [(s.level, heading_key(s.heading)) for s in paper.sections] == [
        *expected,
        (1, "appendixaproofofthemaskingbound"),
        (1, "appendixbadditionalresults"),
        (1, "acknowledgments"),
    ]
    conclusion = next(s for s in paper.sections if s.heading == "6. CONCLUSION")
    assert "ratio mask" not in conclusion.text
    assert paper.sections[-3].text.startswith("The ratio mask lies between zero and one")


def test_an_abstract_with_no_heading_read_as_blocks_of_a_line_each() -> None:
    # nature.cls: the title broken after "Same-", the abstract in bold under the affiliations
    # with no heading (mupdf reads each of its lines as a block), a references list with none
    paper = extract_paper(LATEX / "nature.pdf")
    assert paper.title == "Seeing the Bow: Motion Cues for Separating Same-Instrument Duets"
    assert paper.authors == ["Ana Lima", "Ben Ortiz"]
    assert paper.abstract.startswith(
        "Separating two violins that play together is hard from the sound alone."
    )
    assert paper.abstract.endswith("where the video helps and where it misleads.")
    assert paper.sections[-1].text == "We thank the musicians who recorded the test duets."  # no references
    # no heading over the introduction, as Nature prints it: its prose follows the abstract
    introduction = paper.sections[0]
    assert (introduction.heading, introduction.level) == ("Introduction", 1)
    assert introduction.text.startswith("Musicians are seen as well as heard.")
    assert introduction.text.endswith("such as players who move without playing.")  # not its footnote
    assert paper.sections[1].heading == "1 Related Work"


# LNCS sets the header's cells as close as words: cut where the columns below end
@pytest.mark.parametrize(
    "layout", ["ieee", "acm", "neurips", "icml", "cvpr", "icassp", "article", "llncs", "draft"]
)
def test_a_table_is_kept_as_rows_out_of_the_text(layout: str) -> None:
    paper = extract_paper(LATEX / f"{layout}.pdf")
    assert paper.tables == [
        "Instrument | Pieces | Audio only | Audio-visual\nviolin | 12 | 4.1 | 7.9\n"
        "cello | 9 | 3.6 | 6.8\nflute | 10 | 5.2 | 6.1"
    ]
    assert "violin 12 4.1" not in paper.full_text


@pytest.mark.parametrize("layout", ["ieee", "ieee-journal", "ieee-draft"])
def test_an_ieee_table_caption_in_capitals_with_a_roman_number_is_a_caption(layout: str) -> None:
    # IEEEtran sets "TABLE I" over its caption in small capitals: no "Table 1:" to match, so it
    # stayed in the text between two paragraphs (in real papers, between a sentence's halves)
    paper = extract_paper(LATEX / f"{layout}.pdf")
    assert paper.captions == ["TABLE I SEPARATION QUALITY (SDR IN DB) ON SAME-INSTRUMENT DUETS."]
    assert "SEPARATION QUALITY" not in paper.full_text
    assert "Table I lists the instruments" in paper.full_text  # a sentence naming it stays


def test_tables_on_later_pages_are_kept_as_rows() -> None:
    lostanlen = extract_paper(EXAMPLES / "papers" / "lostanlen-ismir2016-pitch-spiral.pdf")
    rows = "\n".join(lostanlen.tables).splitlines()
    assert "piano | 58 | 28 | 44 | 15" in rows and "total | 158 | 88 | 208 | 139" in rows
    assert "piano 58 28 44 15" not in lostanlen.full_text
    # the sentence the table interrupted is not glued to its cells
    assert "hidden units and piano" not in lostanlen.full_text
    hajic = extract_paper(EXAMPLES / "papers" / "hajic-ismir2016-omr-testbed.pdf")
    assert "TED | 0.46 | 0.58 | 0.40 | 0.50 | 0.35 | 0.51" in "\n".join(hajic.tables)


def test_tables_of_words_are_kept_as_rows_when_their_words_stand_in_a_grid() -> None:
    choi = extract_paper(ROOT / "tests" / "data" / "papers" / "choi-ismir2019-drummernet.pdf")
    rows = "\n".join(choi.tables).splitlines()
    assert "n, N | The temporal index/length of audio input" in rows  # table 1: symbols
    assert "SD | SD | Snare drum" in rows  # table 2: the drum hierarchy
    assert "x, y | Mixture and transcription | ∈RN" in rows  # a row with a raised superscript
    assert "The temporal index/length of audio input" not in choi.full_text
    # a paragraph of prose full of acronyms, with no full stop in it, is no table
    assert "Comparing MEL and STFT, the melfrequency compression helps" in choi.full_text
    laroche = extract_paper(ROOT / "tests" / "data" / "papers" / "laroche-ismir2016-genre-dictionaries.pdf")
    assert "Classical | JoelHelander Definition" in "\n".join(laroche.tables).splitlines()
    assert "JoelHelander" not in laroche.full_text


TITLE = "Seeing the Bow: Motion Cues for Separating Same-Instrument Duets"

COVERS = {
    # HAL: its id, the title and authors again, how to cite the paper, the archive's notice
    "hal": [
        (9, "helv", "HAL Id: hal-04321987\nhttps://hal.science/hal-04321987v1"),
        (17, "hebo", TITLE),
        (11, "helv", "Ana Lima, Ben Ortiz"),
        (9, "hebo", "To cite this version:"),
        (9, "helv", f"Ana Lima, Ben Ortiz. {TITLE}. ISMIR 2023."),
        (
            9,
            "helv",
            "HAL is a multi-disciplinary open access archive for the deposit and "
            "dissemination of scientific research documents, whether they are published or not.",
        ),
    ],
    # HAL's older cover (deposits up to about 2020): its notice in two narrow columns, English
    # and French, whose lines break where they will ("open access" / "archive")
    "hal-narrow": [
        (
            9,
            "helv",
            "HAL Id: hal-04321987\nhttps://hal.archives-ouvertes.fr/hal-04321987\nSubmitted on 11 Jan 2025",
        ),
        (
            9,
            "helv",
            "HAL is a multi-disciplinary open access\narchive for the deposit and dissemination of sci-\n"
            "entific research documents, whether they are pub-\nlished or not.",
        ),
        (17, "hebo", TITLE),
        (11, "helv", "Ana Lima, Ben Ortiz"),
        (9, "hebo", "To cite this version:"),
        (9, "helv", f"Ana Lima, Ben Ortiz. {TITLE}. ISMIR, Nov 2023, Milan, Italy."),  # deposited later
    ],
    # Pure, which many universities run: the university in large type over the paper's record
    "pure": [
        (22, "hebo", "Aalborg Universitet"),
        (12, "hebo", TITLE),
        (10, "helv", "Lima, Ana; Ortiz, Ben"),
        (10, "helv", "Document Version\nAccepted author manuscript, peer reviewed version"),
        (10, "helv", "Link to publication from Aalborg University"),
        (9, "hebo", "General rights"),
        (
            9,
            "helv",
            "Copyright and moral rights for the publications made accessible in the public "
            "portal are retained by the authors.",
        ),
        (9, "hebo", "Take down policy"),
    ],
    # Taylor & Francis (the Journal of New Music Research): the journal's name above the record
    "tandf": [
        (14, "hebo", "Journal of New Music Research"),
        (12, "hebo", TITLE),
        (10, "helv", "Ana Lima & Ben Ortiz"),
        (
            9,
            "helv",
            f"To cite this article: Ana Lima & Ben Ortiz (2023) {TITLE}, Journal of New Music Research",
        ),
        (9, "helv", "To link to this article: https://doi.org/10.1080/09298215.2023.0000000"),
        (9, "helv", "Full Terms & Conditions of access and use can be found at https://www.tandfonline.com"),
    ],
    # Elsevier's cas classes: a page of highlights before the paper
    "highlights": [
        (14, "helv", "Highlights"),
        (12, "hebo", TITLE),
        (10, "helv", "Ana Lima, Ben Ortiz"),
        (10, "helv", "• Motion cues separate two violins that sound alike"),
        (10, "helv", "• The video misleads when a player moves without playing"),
    ],
    # ResearchGate: where a researcher's own upload of a paper is most often found
    "researchgate": [
        (
            8,
            "helv",
            "See discussions, stats, and author profiles for this publication at: "
            "https://www.researchgate.net/publication/370000000",
        ),
        (13, "hebo", TITLE),
        (8, "helv", "CITATIONS 3    READS 120"),
        (8, "helv", "2 authors, including: Ana Lima, Example University"),
        (8, "helv", "All content following this page was uploaded by Ana Lima on 10 May 2023."),
    ],
    # DSpace@MIT: the record of an open-access copy (a real one, an IEEE/ACM ToN paper, 2013)
    "dspace": [
        (14, "hebo", TITLE),
        (9, "hebo", "Citation"),
        (9, "helv", f"Lima, A. and B. Ortiz. {TITLE}. Journal of New Music Research 52 (2023)."),
        (9, "hebo", "As Published"),
        (9, "helv", "http://dx.doi.org/10.1080/09298215.2023.0000000"),
        (9, "hebo", "Citable Link"),
        (9, "helv", "http://hdl.handle.net/1721.1/52466"),
        (9, "hebo", "Detailed Terms"),
        (9, "helv", "The MIT Faculty has made this article openly available. Please share how this access"),
    ],
    # ResearchGate's older cover (a real one, 2016): the authors' profiles, the day it was fetched
    "researchgate-2016": [
        (
            8,
            "helv",
            "See discussions, stats, and author profiles for this publication at: "
            "https://www.researchgate.net/publication/220080099",
        ),
        (13, "hebo", TITLE),
        (8, "helv", "ARTICLE in JOURNAL OF NEW MUSIC RESEARCH - APRIL 2023"),
        (8, "helv", "CITATIONS 73    READS 65"),
        (8, "hebo", "2 AUTHORS:"),
        (8, "helv", "Ana Lima\nExample University\n17 PUBLICATIONS 150 CITATIONS\nSEE PROFILE"),
        (8, "helv", "Available from: Ana Lima\nRetrieved on: 18 March 2016"),
    ],
    # IOP Publishing (a real J. Phys.: Conf. Ser. paper, 2018): its cover names other papers
    # and their authors under "You may also like", in the title's place
    "iop": [
        (12, "helv", "Journal of Physics:\nConference Series"),
        (9, "hebo", "PAPER • OPEN ACCESS"),
        (16, "helv", TITLE),
        (8, "helv", "To cite this article: Ana Lima et al 2023 J. Phys.: Conf. Ser. 1113 012009"),
        (8, "helv", "View the article online for updates and enhancements."),
        (12, "helv", "You may also like"),
        (7, "helv", "Physics and financial economics (1776–2014): puzzles, Ising and agent-based models"),
        (7, "helv", "Didier Sornette"),
        (8, "helv", "This content was downloaded from IP address 103.21.125.31 on 20/06/2025 at 09:06"),
    ],
    # a publisher's proofs, as an author shares them (a real SpringerOpen EURASIP JASMP proof,
    # 2020): a letter to the author before the paper
    "proofs": [
        (11, "helv", "Dear Author,"),
        (11, "helv", "Here are the final proofs of your article. Please check the proofs carefully."),
        (11, "helv", "All communications with regard to the proof should be sent to production@example.com."),
        (11, "helv", "- Author names. Check that each author name is spelled correctly."),
        (
            11,
            "helv",
            "Changes in scientific content cannot be made at this stage unless the request has "
            "already been approved.",
        ),
    ],
}


@pytest.mark.parametrize("archive", list(COVERS))
def test_a_cover_page_before_the_paper_is_left_out(archive: str, tmp_path: Path) -> None:
    # papers not on arXiv are often found in an open archive or at a publisher that puts a
    # cover page before them: the paper is read from its own first page
    cover = pymupdf.open()
    page = cover.new_page(width=595, height=842)
    top = 60.0
    for size, font, text in COVERS[archive]:
        height = size * 1.3 * (len(text) // 60 + text.count("\n") + 1)
        page.insert_textbox((50, top, 400, top + height + size), text, fontsize=size, fontname=font)
        top += height + 2 * size
    with pymupdf.open(LATEX / "article.pdf") as article:
        cover.insert_pdf(article)
    cover.set_metadata({"creationDate": "D:20231204120000"})  # the day it was deposited
    cover.save(path := tmp_path / f"{archive}.pdf")
    paper = extract_paper(path)
    assert (paper.title, paper.authors, paper.year) == (TITLE, ["Ana Lima", "Ben Ortiz"], 2023)
    assert paper.abstract.startswith("Separating two violins that play together is hard")
    assert paper.sections[0].heading == "1 Introduction"
    assert not re.search(r"HAL|cite this|Aalborg|rights|Take down|New Music|Terms|uploaded", paper.full_text)


@pytest.mark.parametrize(
    ("title", "author"),
    [
        ("Paper Title (use style: paper title)", "jdoe"),  # IEEE's Word template, the file's owner
        ("arXiv:2101.00001v1", "Anonymous Submission"),  # a review copy's, kept for camera-ready
        ("Seeing the Bow", "Windows User"),  # a title cut short
        ("Motion Cues for Separating Duets", "Lima, Ana; Ortiz, Ben"),  # an old draft's title
    ],
)
def test_metadata_that_is_not_on_page_one_is_not_believed(title: str, author: str, tmp_path: Path) -> None:
    # a PDF's title and author fields are often a template's, a tool's or an earlier draft's:
    # believed only when page 1 prints them
    with pymupdf.open(LATEX / "article.pdf") as doc:
        doc.set_metadata({"title": title, "author": author})
        doc.save(path := tmp_path / "metadata.pdf")
    paper = extract_paper(path)
    assert (paper.title, paper.authors) == (TITLE, ["Ana Lima", "Ben Ortiz"])


@pytest.mark.parametrize("identifier", ["doi:10.1016/j.tcs.2003.05.002", "PII: S0378-4371(98)00344-6"])
def test_an_identifier_for_a_metadata_title_is_no_title_though_page_1_prints_it(
    identifier: str, tmp_path: Path
) -> None:
    # Elsevier's older PDFs (a real TCS paper, 2004; Physica A, 1999) give the DOI or the
    # article's PII as the metadata title, and print it at page 1's foot: it was taken for the title
    with pymupdf.open(LATEX / "article.pdf") as doc:
        doc.set_metadata({"title": identifier})
        doc[0].insert_text((72, 770), identifier, fontsize=8)
        doc.save(path := tmp_path / "elsevier.pdf")
    assert extract_paper(path).title == TITLE
