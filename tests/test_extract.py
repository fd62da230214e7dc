"""Extraction from real papers, and a clear error for every kind of bad PDF."""

from __future__ import annotations

import html
import itertools
import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from papersum.errors import ExtractError
from papersum.extract import extract_paper
from papersum.models import Section
from papersum.pdfabstract import lay_summary_first, take_abstract
from papersum.pdfaside import set_aside
from papersum.pdfchars import is_plot_markers, normalize, unescape, unescape_and_fold
from papersum.pdfcovers import without_contents
from papersum.pdffigures import without_figure_text
from papersum.pdfflow import (
    drop_references,
    ends_sentence,
    join_lines,
    without_margin_statements,
)
from papersum.pdfheadings import heading_level, is_numbered, unnumbered
from papersum.pdfheadingstyle import continues_heading
from papersum.pdflines import Line, paragraphs
from papersum.pdfmend import line_break_mender
from papersum.pdfmeta import choose_title, find_authors, joined_title
from papersum.pdfoutline import led_by_numbered_item
from papersum.pdfread import Row, dict_lines, lines_of, make_line, read_document, styled_lines
from papersum.pdfrunning import drop_running_lines, without_running_heads
from papersum.pdfsections import find_headings
from papersum.pdftables import (
    TABLE_CELLS,
    WordBlocks,
    cells_at_most,
    is_table_like,
    table_rows,
    tables_aside,
)
from papersum.pdftitle import find_title_lines
from papersum.pdftitlecase import title_as_written
from papersum.pdfyear import find_year

from .conftest import EXAMPLES, ROOT, RunCli, make_pdf

PAPERS = EXAMPLES / "papers"


def test_a_two_column_ismir_paper() -> None:
    paper = extract_paper(PAPERS / "lostanlen-ismir2016-pitch-spiral.pdf")
    assert paper.title == (
        "Deep convolutional networks on the pitch spiral for musical instrument recognition"
    )
    assert paper.authors == ["Vincent Lostanlen", "Carmine-Emanuele Cella"]
    assert paper.year == 2016
    assert paper.page_count == 7
    assert paper.abstract.startswith("Musical performance combines a wide range of pitches")
    assert [s.heading for s in paper.sections][:3] == [
        "1. INTRODUCTION",
        "2. RELATED WORK",
        "3. HOW INVARIANT IS THE MEL-FREQUENCY CEPSTRUM ?",
    ]
    assert paper.sections[-1].heading == "7. CONCLUSIONS"


def test_references_are_dropped() -> None:
    paper = extract_paper(PAPERS / "lostanlen-ismir2016-pitch-spiral.pdf")
    assert not any("REFERENCES" in s.heading for s in paper.sections)
    assert "In Proc. NIPS, 2013" not in paper.full_text  # the last reference of the paper


def test_bold_italic_and_question_headings_after_page_one() -> None:
    # pages after the first are read as paragraphs: bold ones, numbered ones in italics
    # (3.1.2) and ones that end in a question mark (3.2) are headings all the same
    paper = extract_paper(PAPERS / "hajic-ismir2016-omr-testbed.pdf")
    assert [s.heading for s in paper.sections] == [
        "1. INTRODUCTION",
        "2. RELATED WORK",
        "3. EVALUATING EVALUATION",
        "3.1 Test case corpus",
        "3.1.1 What is in the test case corpus?",
        "3.1.2 Collection Strategy",
        "3.2 How gold is the standard?",
        "3.3 Assessing some metrics",
        "4. BENCHMARK DATASET PROTOTYPE",
        "4.1 Symbol-level ground truth",
        "4.2 End-to-end ground truth",
        "5. CONCLUSIONS AND FUTURE WORK",
        "6. ACKNOWLEDGMENTS",
    ]


def test_plot_markers_superscript_marks_and_broken_words_stay_out_of_the_text() -> None:
    text = extract_paper(PAPERS / "broman-rescience2020-essential-genes.pdf").full_text
    # page 6 is a scatter plot of ~3,500 "G" markers, each a text block of its own
    assert len(re.findall(r"(?<![\w.])G(?![\w.])", text)) < 400
    assert "et al." in text and "et al.1" not in text  # "Lamichhane et al.¹"
    assert "Biostatistics" in text  # "Biostatis‐" / "tics" across a line break, with U+2010


def test_a_list_run_in_its_paragraph_is_no_subsubsection() -> None:
    # IEEE sets a subsubsection "1) Failure cases:" run in at a paragraph's start; a list set
    # the same way runs its items on in the paragraph ("…; 2) Uniform: …"), which a footnote
    # or a caption may cut, as mupdf writes a real IEEE-style paper's page
    subsubsections = (
        "<p><i>1) Failure cases:</i> Most errors come from a player who moves without playing.</p>\n"
        "<p><i>2) Rooms:</i> A second hall gave similar gains.</p>"
    )
    listed = (
        "<p>1)<b> WUKONG</b>: All tasks use the same worker configuration. It also</p>\n"
        "<p>7https://example.org/docs/dynamic-task-mapping.html</p>\n"
        "<p>uses predictions of task times; 2)<b> Uniform</b>: Tasks share a configuration.</p>"
    )
    assert [(line.text, line.bold) for line in paragraphs(subsubsections, 1)][:2] == [
        ("1) Failure cases", True),
        ("Most errors come from a player who moves without playing.", False),
    ]
    assert paragraphs(listed, 1)[0].text == (
        "1) WUKONG: All tasks use the same worker configuration. It also"
    )
    # IEEE's section heading and its first italic subsection's, set with no space between: one
    # block to mupdf, two headings
    one_block = "\n<p>IV. OVERVIEW OF ALGORITHMS <i>A. Point cloud place recognition methods</i></p>\n"
    assert [(line.text, line.first, line.alone) for line in paragraphs(one_block, 1)] == [
        ("IV. OVERVIEW OF ALGORITHMS", True, True),
        ("A. Point cloud place recognition methods", True, True),
    ]
    # a section's bold heading and its first subsection's in one bold paragraph (seen in a real
    # NeurIPS-style paper): two headings
    both_bold = "\n<p><b>3 Preliminaries 3.1 Realised Volatility and the HAR-X Model</b></p>\n"
    assert [(line.text, line.bold, line.alone) for line in paragraphs(both_bold, 1)] == [
        ("3 Preliminaries", True, True),
        ("3.1 Realised Volatility and the HAR-X Model", True, True),
    ]
    # a subsubsection with a list of its own under it stays a heading
    with_a_list = (
        "<p><i>1) Data annotation:</i> We annotated the issues as follows:</p>\n"
        "<p>1) Review each issue. 2) Re-examine the issues in doubt.</p>"
    )
    assert paragraphs(with_a_list, 1)[0].text == "1) Data annotation"


def test_a_heading_in_a_font_mupdf_calls_bold_and_italic_by_turns_stays_whole() -> None:
    # as mupdf wrote a real Springer paper's heading; a bold lead with a sentence after it is
    # still a run-in heading
    xhtml = "\n<h3><b>3 The</b><i> Mue</i><b>nster</b><i> S</i><b>keleton</b><i> Li</i><b>brary</b><i> Muesli</i></h3>\n"
    assert [(line.text, line.bold) for line in paragraphs(xhtml, 1)] == [
        ("3 The Muenster Skeleton Library Muesli", True)
    ]
    run_in = "\n<p><b>2.1 Data</b> We recorded <b>twelve</b> duets in a hall.</p>\n"
    assert [line.text for line in paragraphs(run_in, 1)] == [
        "2.1 Data",
        "We recorded twelve duets in a hall.",
    ]


def test_a_heading_set_letter_by_letter_reads_as_its_word() -> None:
    # Elsevier's cas classes set "A B S T R A C T" and "A R T I C L E  I N F O"
    assert [line.text for line in paragraphs("\n<p><b>A B S T R A C T</b></p>\n", 1)] == ["ABSTRACT"]
    assert [line.text for line in paragraphs("\n<p>A B C of music</p>\n", 1)] == ["A B C of music"]
    # ;login: (USENIX, 2012) sets its author's name letter by letter in bold: "A m a n d e e p
    # K h u r a n a" was no name, and the paper had no author
    spans = [(8.5, "A m a n d e e p K h u r a n a", True)]
    assert make_line(spans, 0, 1, True, True, 90.0, 75.0).text == "Amandeep Khurana"  # type: ignore[union-attr]
    spans = [(8.5, "X y Z w", False)]
    assert make_line(spans, 0, 1, True, True, 90.0, 75.0).text == "X y Z w"  # type: ignore[union-attr]
    # and the name, in bold type smaller than the text's, is the author
    texts = [
        ("Introduction to HBase Schema Design", 24.0, True),
        ("Amandeep Khurana", 8.5, True),
        (";login:", 7.0, False),
        *[("The number of applications that work with large amounts of data has been growing.", 9.2, False)]
        * 9,
    ]
    assert find_authors({}, _first_page(texts), [0], 9.2) == ["Amandeep Khurana"]
    # ESANN 2014: two names joined by "and", in plain type smaller than the text's
    texts[1] = ("Benoît Frénay and Ata Kabán", 8.5, False)
    assert find_authors({}, _first_page(texts), [0], 9.2) == ["Benoît Frénay", "Ata Kabán"]


def test_a_section_sign_numbers_a_heading() -> None:
    # the Royal Society's journals number sections "§1", "§9 References": the references must go
    assert is_numbered("§9 References") and unnumbered("§9 References") == "References"
    assert unnumbered("§ 2 Linearization and Separability") == "Linearization and Separability"


def test_a_units_power_is_no_footnote_mark() -> None:
    # a superscript of digits after a word is a footnote mark, after a number's unit its power
    xhtml = "<p>A hall of 83 m<sup>3 </sup>and 57.7<i>m</i><sup>2</sup> heard it<sup>1</sup> well.</p>\n"
    assert [line.text for line in paragraphs(xhtml, 1)] == ["A hall of 83 m^3 and 57.7m^2 heard it well."]
    wierstorf = ROOT / "tests" / "data" / "papers" / "wierstorf-jasa2017-localization-sfs.pdf"
    assert "a volume of 83 m^3 and a reverberation time" in extract_paper(wierstorf).full_text


def test_page_one_read_from_html_has_the_lines_of_the_span_dictionaries() -> None:
    # page 1 is read from mupdf's HTML, as its span dictionaries cost five times as much; both
    # must give the same lines: text, type size, weight and block (and nearly the same place)
    compared = 0
    for pdf in sorted(PAPERS.glob("*.pdf")) + sorted((ROOT / "tests" / "data" / "latex").glob("*.pdf")):
        with pymupdf.open(pdf) as doc:
            textpage = doc[0].get_textpage(flags=pymupdf.TEXTFLAGS_TEXT)
            html_lines = styled_lines(doc[0], textpage)
            from_dicts = dict_lines(textpage.extractDICT(), 0)
            unplaced = [line._replace(top=0.0, left=0.0) for line in html_lines]
            assert unplaced == [line._replace(top=0.0, left=0.0) for line in from_dicts], pdf.name
            assert all(abs(a.left - b.left) < 1 for a, b in zip(html_lines, from_dicts, strict=True))
            assert html_lines, pdf.name  # a thesis's title page has four lines, a paper's dozens
            compared += len(html_lines)
    assert compared > 1000


def test_mupdfs_escapes_decode_as_html_would() -> None:
    # mupdf writes every character outside ASCII as &#x…; and five named escapes; papersum's own
    # decoder must agree with html.unescape on all of them, the odd code points included (but
    # the codes of TeX's ligatures, below)
    codes = [
        *range(1, 0xB),
        *range(0x10, 0x3000),
        0xD7FF,
        0xD800,
        0xDFFF,
        0xE000,
        0xFDD0,
        0xFDEF,
        0xFDF0,
        0xFFFD,
        0xFFFE,
    ]
    codes += [0xFFFF, 0x10000, 0x1D400, 0x1FFFE, 0x10FFFF, 0x110000]
    text = "".join(f"a&#x{code:x};b" for code in codes) + "&lt;x&gt; &quot;&apos; &amp;lt;"
    assert unescape(text) == html.unescape(text)
    assert unescape("V &#x2248; W&#x2c7;") == "V ≈ Wˇ"


def test_tex_ligatures_at_their_own_codes_are_read_as_their_letters() -> None:
    # Physica A (1999), made by Distiller from dvips: its fonts map no code to a character, and
    # mupdf writes TeX's ligatures at their codes; HTML drops "&#xb;" and keeps "&#xc;" as a
    # form feed ("di er", "\x0crst"), and the words were lost to search and mending
    xhtml = (
        '<div id="page0">\n<p>Since one of the &#xc;rst works, much e&#xb;ort went to the '
        "di&#xb;erent &#xd;uctuations and the e&#xe;cient, the ba&#xf;ing.</p>\n</div>"
    )
    assert [line.text for line in paragraphs(xhtml, 1)] == [
        "Since one of the first works, much effort went to the different fluctuations and the "
        "efficient, the baffling."
    ]
    # a maths font's Greek at the same codes (cmmi's α, β) is no ligature: read as HTML reads it
    assert unescape("a rate &#xb; = 0.5, a weight &#xc;t") == html.unescape(
        "a rate &#xb; = 0.5, a weight &#xc;t"
    )


@pytest.mark.parametrize(
    "text",
    [
        "ﬁnd the ﬃne ﬂow",
        "ﬁ\u0301rst",
        "ϵ ≤ ½ and ℓ",
        "signi\u00adﬁcant",
        "plain ASCII",
        "e\u0301 ﬀ Ω",
        "a page\nwith ¼ in one line\nand e\n\u0301 a mark after a newline\n\u1100\n\u1161\n",
    ],
)
def test_text_is_folded_as_nfkc_would(text: str) -> None:
    # ligatures are replaced before the NFKC check to save its pass, and a page is normalized
    # only in the lines that need it: the result must not change
    assert normalize(text) == unicodedata.normalize("NFKC", text).replace("\u00ad", "")


@pytest.mark.parametrize(
    "xhtml",
    [
        "Haji&#x2c7;c jr. and Novotn&#xb4;y",
        "an accent alone &#xb4; and &#x2c7;&#x2da;x, `a and ` b",
        "e&#xfb01;ne&#xad;ly, &#x1d400; &#xbc; &#xa0;&lt;b&gt; &amp;lt;",
        "a control &#x80; and a surrogate &#xd800;",
        "raw ´e beyond ASCII, as mupdf never writes it",
        "plain ASCII",
    ],
)
def test_a_page_is_decoded_and_folded_as_each_step_alone_would(xhtml: str) -> None:
    # a page's characters beyond ASCII are known from its escapes: only those are looked for
    assert unescape_and_fold(xhtml) == normalize(unescape(xhtml))


def test_a_cedilla_after_its_letter_and_a_grave_accent_inside_a_word_are_composed() -> None:
    # Chollet's "On the Measure of Intelligence" (2019): "Franc¸ois", the cedilla after its c, was
    # read "Franco̧is"; abntex2 sets it before its c ("composi¸cão"). A quotation's backquotes
    # (Peeters, ICMC 2003: "``Smells''") and code's are no accents
    assert normalize("Franc¸ois Chollet") == "François Chollet"
    assert normalize("composi¸cão") == "composição"
    assert normalize("Garc¸on and ´Ecole") == "Garçon and École"
    assert normalize("``Smells'' at the Universit`a di Pisa, ´e") == "``Smells'' at the Università di Pisa, é"
    assert normalize("´e: `n` is prime") == "é: `n` is prime"
    assert unescape_and_fold("Franc&#xb8;ois Rozi`ere") == "François Rozière"


def test_a_tall_delimiters_pieces_in_the_symbol_fonts_codes_read_as_one_delimiter() -> None:
    # a displayed formula's tall parenthesis and bracket, drawn in pieces at the Symbol font's
    # private codes (top, middle, bottom): "LNCE = −  \uf8ed eCoSim …/τ  \uf8f8+ β∥Z" in A
    # Cookbook of Self-Supervised Learning, ten pieces for one bracket in Distributed Shampoo
    xhtml = (
        "<p>LNCE = &#x2212; &#xf8eb;&#xf8ec;&#xf8ed; e^(s)/&#x3c4; &#xf8f6;&#xf8f7;&#xf8f8; + &#x3b2;</p>\n"
        "<p>The block matrix &#xf8ee;&#xf8ef;&#xf8ef;&#xf8f0; L R &#xf8f9;&#xf8fa;&#xf8fa;&#xf8fb; "
        "is kept as a whole.</p>"
    )
    assert [line.text for line in paragraphs(xhtml, 1)] == [
        "LNCE = − ( e^(s)/τ ) + β",
        "The block matrix [ L R ] is kept as a whole.",
    ]


def test_ligatures_and_latex_accents_are_folded() -> None:
    paper = extract_paper(PAPERS / "hajic-ismir2016-omr-testbed.pdf")
    assert paper.authors == ["Jan Hajič jr.", "Jiří Novotný", "Pavel Pecina", "Jaroslav Pokorný"]
    assert "ﬁ" not in paper.full_text and "difficult" in paper.abstract


def test_sections_from_the_table_of_contents() -> None:
    paper = extract_paper(PAPERS / "broman-rescience2020-essential-genes.pdf")
    assert [s.heading for s in paper.sections] == [
        "1 Introduction",
        "2 Challenges",
        "3 Code modifications",
        "4 The R/negenes package",
        "5 Results",
        "6 Lessons",
    ]
    assert paper.title.endswith("Identifying essential genes by mutagenesis")


def test_a_made_up_paper(tmp_path: Path) -> None:
    pdf = make_pdf(
        tmp_path / "p.pdf",
        "A Made Up Title",
        [
            ("Abstract", "This abstract says what the paper is about in one long sentence."),
            ("1. Introduction", "The introduction motivates the work."),
            ("References", "[1] Someone. A cited paper. 2020."),
        ],
    )
    paper = extract_paper(pdf)
    assert paper.title == "A Made Up Title"
    assert paper.abstract == "This abstract says what the paper is about in one long sentence."
    assert [(s.heading, s.text) for s in paper.sections] == [
        ("1. Introduction", "The introduction motivates the work.")
    ]


def test_a_heading_of_two_lines_on_page_one_is_one_heading(tmp_path: Path) -> None:
    # page 1 is read line by line: a long heading, centred in capitals over two lines as
    # ICASSP's style sets it, is two bold lines of one block, the second no heading of its own
    doc = pymupdf.open()
    page = doc.new_page()
    top = 72.0
    for text, font in [
        ("Seeing the Bow: Motion Cues for Separating Duets", "hebo"),
        ("Ana Lima, Ben Ortiz", "helv"),
        ("1. INTRODUCTION", "hebo"),
        (
            "Musicians are seen as well as heard. A violinist's bowing arm carries information\n"
            "about the sound, and a listener who watches separates the instruments more easily.",
            "helv",
        ),
        ("2. CHALLENGES IN SEPARATING TWO PLAYERS OF THE SAME\nINSTRUMENT FROM THE SOUND ALONE", "hebo"),
        (
            "Two violins share their timbre, so nothing in the mixture says which note belongs to\n"
            "which player; the video of the bows does.",
            "helv",
        ),
        ("3. RESULTS", "hebo"),
        ("The audio-visual network improves the signal-to-distortion ratio by 3.8 dB.", "helv"),
    ]:
        size = 16 if top == 72.0 else 10
        height = size * 1.5 * (text.count("\n") + 1) + 6
        assert page.insert_textbox((72, top, 540, top + height), text, fontsize=size, fontname=font) >= 0
        top += height + size
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == [
        "1. INTRODUCTION",
        "2. CHALLENGES IN SEPARATING TWO PLAYERS OF THE SAME INSTRUMENT FROM THE SOUND ALONE",
        "3. RESULTS",
    ]
    assert paper.sections[1].text.startswith("Two violins share their timbre")


def _paper(title: str, heading: str, text: str, *, bold_heading: bool = False) -> pymupdf.Document:
    """A made-up paper's first page: its title, two authors, its first heading and text."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), title, fontsize=18, fontname="hebo")
    page.insert_text((72, 110), "Ana Lima, Ben Ortiz", fontsize=11)
    page.insert_text(
        (72, 150), heading, fontsize=15 if bold_heading else 10, fontname="hebo" if bold_heading else "helv"
    )
    page.insert_textbox((72, 160, 540, 300), text * 8, fontsize=10)
    return doc


def test_a_heading_in_capitals_over_two_blocks_on_a_later_page_is_one_heading(tmp_path: Path) -> None:
    # IEEE's small capitals: mupdf makes each line of a long heading a block of its own
    doc = _paper(
        "How Common Is It to Bow in Time?", "I. INTRODUCTION", "Musicians are seen as well as heard. "
    )
    second = doc.new_page()
    second.insert_text((72, 80), "II. RQ1: HOW COMMON DO PLAYERS BOW IN TIME", fontsize=10)
    second.insert_text((72, 100), "WITH THE BEAT OF THE MUSIC?", fontsize=10)
    second.insert_textbox((72, 115, 540, 215), "Most players bow on the beat. " * 8, fontsize=10)
    # a compound broken at the line's end, in capitals (seen in a real book chapter)
    second.insert_text((72, 240), "III. SIGNAL REPRESENTATIONS AND ANALYSIS-", fontsize=10)
    second.insert_text((72, 260), "SYNTHESIS PROCESSES", fontsize=10)
    second.insert_textbox((72, 275, 540, 375), "Synthesis follows analysis. " * 8, fontsize=10)
    # and one whose first line ends with a colon (the same chapter's), as a list's lead does
    second.insert_text((72, 400), "IV. INSTRUMENTAL AND VOCAL TIMBRES:", fontsize=10)
    second.insert_text((72, 420), "ADDITIVE SYNTHESIS", fontsize=10)
    second.insert_textbox((72, 435, 540, 535), "Trumpet tones were analysed. " * 8, fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == [
        "I. INTRODUCTION",
        "II. RQ1: HOW COMMON DO PLAYERS BOW IN TIME WITH THE BEAT OF THE MUSIC?",
        "III. SIGNAL REPRESENTATIONS AND ANALYSIS-SYNTHESIS PROCESSES",
        "IV. INSTRUMENTAL AND VOCAL TIMBRES: ADDITIVE SYNTHESIS",
    ]
    assert paper.sections[1].text.startswith("Most players bow on the beat.")


def test_authors_over_their_departments_and_a_name_holding_a_countrys_letters(tmp_path: Path) -> None:
    # seen in a real IEEE paper: each author over "Robotics and Computer Vision", "Innopolis
    # University", an address and an e-mail; "Khusainov" holds "usa" (an affiliation's country)
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), "Place Recognition Indoors Compared", fontsize=20)
    top = 120
    for name in ("Ivan Efremov", "Ramil Khusainov"):
        for text, size in [(name, 11), ("Robotics and Computer Vision", 10), ("Innopolis University", 10)]:
            page.insert_text((72, top), text, fontsize=size)
            top += 14
        top += 10
    page.insert_textbox(
        (72, top, 540, top + 200), "Place recognition plays a critical role. " * 12, fontsize=10
    )
    doc.save(path := tmp_path / "paper.pdf")
    assert extract_paper(path).authors == ["Ivan Efremov", "Ramil Khusainov"]


def test_a_bold_chapter_title_over_three_blocks_is_one_heading(tmp_path: Path) -> None:
    # a thesis's long chapter title: each of its lines a block to mupdf, the outline has it whole
    doc = _paper(
        "Network Monitoring for Small Firms",
        "1. Introduction",
        "Small firms lack the staff to watch their networks. ",
        bold_heading=True,
    )
    second = doc.new_page()
    title = [
        "2. Developing a holistic monitoring strategy for",
        "micro-enterprises using utility analysis and",
    ]
    for row, text in enumerate([*title, "Design Science Research"]):
        second.insert_text((72, 80 + 26 * row), text, fontsize=15, fontname="hebo")
    second.insert_textbox(
        (72, 170, 540, 300), "We chose the tools by their use to a small firm. " * 6, fontsize=11
    )
    whole = " ".join([*title, "Design Science Research"])
    doc.set_toc([[1, "Introduction", 1], [1, whole[3:], 2]])
    doc.save(path := tmp_path / "thesis.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == ["1. Introduction", whole]
    assert paper.sections[1].text.startswith("We chose the tools")


def test_a_captions_label_alone_is_a_caption_not_a_heading() -> None:
    # a draft's tables captioned "Table 1" alone, in bold (seen in a real ISMIR draft): they
    # were a heading "Table 1 Table 2"
    lines = [
        Line(1, "6.1 Experimental design", 10.0, True, 0, False, True, True),
        Line(1, "We used MedleyDB to train the networks.", 10.0, False, 1, False, True, True),
        Line(1, "Table 1", 10.0, True, 2, False, True, True),
        Line(1, "Table 2", 10.0, True, 3, False, True, True),
    ]
    kept, captions = set_aside(lines)
    assert [line.text for line in kept] == [
        "6.1 Experimental design",
        "We used MedleyDB to train the networks.",
    ]
    assert captions == ["Table 1", "Table 2"]


def test_a_subfigures_caption_between_the_halves_of_a_sentence_is_a_caption() -> None:
    # ML papers' subfigures, each with its caption under it (the subcaption package): "(a) RM
    # score distribution. (b) AM score distribution." read between "the scores should be" and
    # "well-calibrated"; "(b) Figure 1: …", a panel's letter before the figure's caption. A
    # list's items, one a paragraph, stay text
    texts = [
        "In other words, the reward model's probabilities must be precise; the scores should be",
        "(a) RM score distribution. (b) AM score distribution.",
        "well-calibrated. This is crucial since these scores steer the policy during training.",
        "(b) Figure 1: (a) Performance of learned policies. The y-axis is negative cost.",
        "We train with two losses on every batch of the set, as others do",
        "(a) the reconstruction loss, and",
        "(b) the adversarial loss",
        "which we weight equally in all our experiments.",
        "Under this Act the following apply, in the order given",  # an item cut by the page's end
        "(a) The Register is a comprehensive record of all polities which",
        "are recognised under the treaty.",
    ]
    kept, captions = set_aside(_paragraphs(texts))
    assert captions == [texts[1], texts[3]]
    assert [line.text for line in kept] == [texts[0], texts[2], *texts[4:]]


def test_a_tables_bold_head_under_its_caption_is_no_heading_and_no_text() -> None:
    # real papers (In-Place TTT, FOCUS at CVPR 2025, Kimi's Attention Residuals, Dynamo): a
    # table's head in bold under its caption, its rows read as one run of words, was a section
    # "Hyperparameter 500M Model 1.5B Model" that took the text after the table
    texts = [
        "Table 4 Training hyperparameters for 500M and 1.5B models.",
        "Hyperparameter 500M Model 1.5B Model",
        "Optimizer AdamW AdamW Learning Rate 5e-4 3e-4 Batch Size 2M tokens 4M tokens",
        "We train every model on 20B tokens with the same schedule.",
        "Table 5: Comparison of the group-wise results.",
        "Audio-visual Event Localization",  # a head over two lines
        "Method w/o w/ OPM w/ OGM",
        "OGM-GE 62.1 64.3 66.0",
        # a heading under a table's caption over prose, numbered or named, stays
        "Table 2: Statistics of the data.",
        "Template for Prompt Generation",
        "We apply the resampling template, shown in Figure 4, to generate the prompts.",
        "Table 3: Results on the test set.",
        "C Reproducibility",
        "We ensure the reproducibility of the experimental",  # cut by the column's end
        "Table 6: Ablations.",
        "Discussion",
        "Results 1 2 3",
    ]
    bold = {texts[1], texts[5], texts[6], texts[9], texts[12], texts[15]}
    lines = [line._replace(bold=line.text in bold) for line in _paragraphs(texts)]
    kept, captions = set_aside(lines)
    assert [line.text for line in kept if line.bold] == [
        "Template for Prompt Generation",
        "C Reproducibility",
        "Discussion",
    ]
    assert "OGM-GE 62.1 64.3 66.0" in [line.text for line in kept]  # the rows stay in the text
    assert captions[0] == texts[0]


def test_a_tables_bold_head_over_its_rows_and_caption_is_no_heading() -> None:
    # EvoPrompt (ICLR 2024): a small table's bold head over its rows, which mupdf reads as one
    # run of numbers with their deviations ("48.67(0.97)"), its caption under them: the head
    # was a section "Strategy SST-5 ASSET Avg." that took the text after the table
    texts = [
        "5.1 DESIGNS IN GA",
        "Strategy SST-5 ASSET Avg.",
        "random 48.67(0.97) 46.32(0.32) 47.50 tournament 49.70(0.60) 46.29(0.18) 48.00",
        "Table 4: Designs in EVOPROMPT (GA).",
        "For the selection strategy, we compare random selection and tournament selection.",
        # a heading over a paragraph that only starts with numbers stays
        "Results",
        "12 of 14 pieces 3 are duets 5 trios",
        "Table 5: The pieces.",
    ]
    bold = {texts[1], texts[5]}
    lines = [line._replace(bold=line.text in bold) for line in _paragraphs(texts)]
    kept, captions = set_aside(lines)
    assert [line.text for line in kept if line.bold] == ["Results"]
    assert texts[1] in [line.text for line in kept]  # its words stay, as the rows do
    assert captions == [texts[3], texts[7]]


def test_a_bold_row_between_rows_of_numbers_is_a_tables_not_a_heading() -> None:
    # real papers (FOCUS at CVPR 2025, Chain-of-Abstraction, XTR): a group's name in bold between
    # a table's rows, which mupdf reads as paragraphs, was a section ("TCGA-NSCLC (2 classes)")
    texts = [
        "Mean Pooling 0.722±0.059 0.801±0.068 0.719±0.060",
        "TCGA-NSCLC (2 classes)",
        "Max Pooling 0.755±0.053 0.849±0.061 0.753±0.053",
        "CoT-FSP | 24.03 | 54.14 | 51.30",
        "LLaMa-2-Chat-7B",
        "CoT-FT 35.41 59.00 46.90",
        # a heading between two tables, numbered or named, stays
        "OGM-GE 62.1 64.3 66.0",
        "5.2 Ablations",
        "Concatenation 80.5 86.4 52.7",
        "Max Pooling 0.755 0.849 0.753",
        "Discussion",
        "Concatenation 80.5 86.4 52.7",
        # the best result's row, last, over the text (VisMem)
        "Long-term Memory | 69.4 | 60.2 | 36.1 | 69.8",
        "Complete VisMem (Ours) 75.1 69.8 41.4 77.0",
        "As shown in Fig. 10, we analyse how long the memory's queries should be.",
    ]
    bold = {texts[1], texts[4], texts[7], texts[10], texts[13]}
    lines = [line._replace(bold=line.text in bold, table="|" in line.text) for line in _paragraphs(texts)]
    kept, _captions = set_aside(lines)
    assert [line.text for line in kept if line.bold] == ["5.2 Ablations", "Discussion"]
    assert len(kept) == len(texts) - 3  # the rows of numbers stay


def test_a_sentence_that_starts_with_a_figures_number_is_text_not_a_caption() -> None:
    # real papers (IEEE SPL's PCEN letter, Fast R-CNN, SSD, JACoW): "Figure 1 compares …" was
    # taken for a caption and left the text, the whole of a section's first paragraph
    texts = [
        "II. WHY PCEN WORKS",
        "Figure 1 compares logmelspec and PCEN on a complex acoustic scene.",
        "Fig. 1. Mel-frequency spectrograms of a scene with birds.",
        "Table 2 shows the accuracy of each model on the three datasets.",
        "Fig. 4 Spectrograms of the duets",
        "Table 7 also includes the models trained on one scale.",
        "Figure 2 showcases the segmentation maps of our method.",  # EmerDiff (ICLR 2024)
        # an appendix's and a supplement's captions; an appendix's table named in a sentence
        "Table A1: Values of our hyperparameters.",
        "Figure S3. Spectrograms of the violin duets.",
        "Table A6 of the Supplementary Material presents analogous results for the cello.",
        "Figure 24 in Appendix A.7 shows the accuracy with few-shot examples.",
    ]
    kept, captions = set_aside(_paragraphs(texts))
    assert [line.text for line in kept] == [*texts[0:2], texts[3], *texts[5:7], *texts[9:]]
    assert captions == [texts[2], texts[4], texts[7], texts[8]]  # with its stop or without


def test_a_sentence_led_by_a_tables_number_and_any_verb_is_text_not_a_caption() -> None:
    # "Table 5 breaks down the results …" (Mesos), "Figure 2 defines two kinds of steps:"
    # (the join calculus), "Table 8 represents the statistics …" (SPIRIT LM, whose appendix
    # heading under it was read into the caption) were captions: only "shows", "lists" and
    # their like were known; a caption's lowercase words after a bare number stay one
    texts = [
        "The jobs ran on a cluster of ninety-six nodes for a week.",
        "Table 5 breaks down the results further by job type. We observe two notable trends.",
        "Figure 2 defines two different kinds of computation steps:",
        "Figure 3 class activation maps of the duets, brighter where the bow moves.",
        "Table 4 Results of the players on the test pieces",
    ]
    kept, captions = set_aside(_paragraphs(texts))
    assert [line.text for line in kept] == texts[:3]
    assert captions == texts[3:]


def test_a_figures_label_left_in_the_text_does_not_hand_the_sentences_end_to_its_caption() -> None:
    # the Google File System paper: "… again only when the primary" / the figure's "Legend:" /
    # "Figure 2: Write Control and Data Flow" / "becomes unreachable or …": the label, ending
    # in a colon, read as text that ends a sentence, so the lowercase half went to the caption
    texts = [
        "The client needs to contact the master again only when the primary",
        "Legend:",
        "Figure 2: Write Control and Data Flow",
        "becomes unreachable or replies that it no longer holds a lease.",
        "If a write by the application is large, the client code breaks it down.",
    ]
    kept, captions = set_aside(_paragraphs(texts))
    assert captions == [texts[2]]
    assert [line.text for line in kept] == [texts[0], texts[1], *texts[3:]]


@pytest.mark.parametrize(
    ("texts", "text_count"),
    [
        # a footnote's mark glued to its first word ("2The critical bandwidth …") looks like a
        # dimension: "3D audio-visual scenes …", the page's last paragraph, left the text
        (
            [
                "The players are filmed from four angles and recorded with close microphones.",
                "3D audio-visual scenes are rendered with 32 loudspeakers around the listener.",
                "2The critical bandwidth around a frequency measures the range of its masking.",
            ],
            2,
        ),
        # ICLR 2017 (Goldberger and Ben-Reuven): "3 TRAINING DEEP NEURAL NETWORKS USING A NOISE
        # ADAPTATION LAYER", numbered as a footnote is marked and eight words long or more, as a
        # footnote's sentence is, left the text with its section
        (
            [
                "There are several drawbacks to the approach described above.",
                "3 TRAINING DEEP NEURAL NETWORKS USING A NOISE ADAPTATION LAYER",
                "In the previous section we utilized the EM algorithm to optimize the likelihood.",
                "4 See https://example.org/noise for the code and the data of this paper.",
            ],
            3,
        ),
    ],
)
def test_text_led_by_a_number_as_a_footnote_is_stays_in_the_text(texts: list[str], text_count: int) -> None:
    kept, _captions = set_aside(_paragraphs(texts))
    assert [line.text for line in kept] == texts[:text_count]


def test_a_columns_footnotes_read_as_one_paragraph_leave_the_text_wherever_they_are() -> None:
    # mupdf reads the notes at a left column's foot as one paragraph, before the right column
    # (DeepFM: "2We omit … 3Only one entry …"; AlphaCode's, 505 characters, a link among them);
    # a numbered list of questions and a race's results are no footnotes
    notes = (
        "2We omit a constant offset for simplicity, as the models are compared on the same data. "
        "3Only one entry is non-zero for each field vector. 4E.g., in an app store of a billion "
        "users, the one field vector for user ID is already of a billion dimensions. 5The dataset "
        "is at https://github.com/bowing-lab/bow-in-time. 6https://zenodo.org/ 7The ratings follow "
        "the classic Elo score, explained in three blog posts of the organisers, 1, 2 and 3."
    )
    texts = [
        "The embedding layer compresses each field of the input to a vector of the same size, though the fields",
        notes,
        "differ in length; the players' recordings are cut into bars first.",
        "23 Classify the following text into these ad policies [political content policy, sexual hint "
        'policy, no violated policy]. "How are you" 24 List some examples concerning adult products, '
        "which is prohibited 25 List some examples concerning the policies above, one for each.",
        "1 Loris Capirossi 38:04.730 2 Valentino Rossi +0.180 3 Jeremy McWilliams +0.534 4 Tohru Ukawa "
        "+0.537 5 Shinya Nakano +0.742 6 Ralf Waldmann +7.019 7 Franco Battaini +20.889 8 Stefano "
        "Perugini +20.891 9 Jason Vincent +21.310, as the race ended.",
        "The results are in the last table of the appendix.",
    ]
    kept, _captions = set_aside(_paragraphs(texts))
    assert len(notes) > 400 and min(len(text) for text in texts[3:5]) > 200
    assert [line.text for line in kept] == [texts[0], *texts[2:]]


def test_a_plots_words_between_its_numbers_and_its_bold_label_over_the_caption_leave_the_text() -> None:
    # MLSP 2017 (Thakur et al.): a figure's axis words, its numbers (rebuilt as rows) between
    # them, and its bold label "BIRD BIRD HUMAN SPEECH" over "Fig. 1: …", which was a heading
    ticks = "0 | 50 | 100 | 150 | 200 | 250\nFrame index"
    texts = ["We learn a dictionary of the recordings.", "Frequency", "(kHz)", ticks, "Coefficient", "index"]
    texts += [ticks, "Normalized", "BIRD BIRD HUMAN SPEECH", "Fig. 1: (a) Spectrogram of a recording."]
    lines = [
        line._replace(table="|" in line.text, bold=line.text.startswith("BIRD"))
        for line in _paragraphs(texts)
    ]
    assert [line.text for line in without_figure_text(lines)] == [texts[0], ticks, ticks, texts[-1]]


def test_a_plotted_lines_greek_annotations_are_a_figures_words() -> None:
    # Physica A (2007): the tails' bold labels, each line's "α = 3" and the regime's label over
    # the caption; "α = 3" broke the run as a formula, and the labels became headings
    texts = ["The tails follow a power law.", "10^2", "10^1", "Cumulative distribution", "Positive tail"]
    texts += [
        "Negative tail",
        "α = 2",
        "α = 3",
        "Levy Regime",
        "Fig. 2. Cumulative distributions of the returns.",
    ]
    bold = {"Cumulative distribution", "Positive tail", "Negative tail", "Levy Regime"}
    lines = [line._replace(bold=line.text in bold) for line in _paragraphs(texts)]
    kept = [line.text for line in without_figure_text(lines)]
    assert kept[0] == texts[0] and kept[-1] == texts[-1]
    assert not bold & set(kept) and "α = 3" not in kept


def test_a_log_scale_plots_powers_of_ten_are_a_figures_words() -> None:
    # a scaling-laws paper (ICLR 2024): a plot on log axes ("10^17", "2 × 10^0", mupdf's
    # raised exponents) at the top of page 2 cut a sentence in two; each power read as a
    # formula and broke the run, so the plot's words stayed between "ImageNet (Deng et al.,
    # 2009)" and "pruning) where dense models …"
    texts = ["This is in contrast to popular pruning benchmarks (e.g., ImageNet (Deng et al., 2009)"]
    texts += ["2 × 10 3 × 10^0", "Predicted L", "2 × 10^0", "10 10 10 10^9", "#non-zero parameters"]
    texts += ["10^17", "10^18", "10^19", "#pretraining FLOPs", "Optimal sparsity contours for ViT/JFT"]
    texts += ["Figure 1: (Left) Fit and extrapolation quality of the scaling law."]
    texts += ["pruning) where dense models tend to saturate quickly.", "x^2 + y^2", "10^-3"]
    kept = [line.text for line in without_figure_text(_paragraphs(texts))]
    assert kept == [texts[0], *texts[-4:-1]]  # a formula's powers stay; a tick goes wherever it is


def test_many_bold_boxes_in_a_row_are_a_diagrams_whatever_follows_them() -> None:
    # an IEEE Access paper (2025): a diagram's twelve bold boxes ("Level-1 Encoder-1", …,
    # "Input", "Output") over its formulas, no caption under them: each became a section
    boxes = [f"Level-{level} Encoder-{n}" for n in (1, 2, 3) for level in (1, 2, 3)] + ["Input", "Output"]
    texts = ["The pruning keeps the passage tokens that matter.", *boxes, "IDF( )=log +1 DF( )+0.5"]
    texts += ["The scores are then pooled."]
    lines = [line._replace(bold=line.text in boxes) for line in _paragraphs(texts)]
    kept = [line.text for line in without_figure_text(lines)]
    assert kept == [texts[0], *texts[-2:]]


@pytest.mark.parametrize(
    ("names", "rows"),
    [
        # MLSP 2017: four bold lines of column names over a table's rows; the first two, left
        # in the text, were a heading "Method Training Dataset"
        (
            ["Method Training", "Dataset", "Testing on CV2", "Testing"],
            "on CT\nSTE | - | 0.53 | 0.55\nSE | - | 0.56 | 0.57",
        ),
        # an ACL workshop paper (2024): five, the first of two names ("Model RoBERTa")
        (
            ["Model RoBERTa", "Layer", "Validation", "Accuracy", "F1 Score"],
            "1 | Frozen | 66.52 ± 2.39 | 0.68 ± 0.01\n2 | Not frozen | 70.78 ± 2.03 | 0.70 ± 0.02",
        ),
    ],
)
def test_a_tables_column_names_read_apart_over_its_rows_are_its_header(names: list[str], rows: str) -> None:
    lines = [line._replace(bold=True) for line in _paragraphs(names)]
    lines = [*_paragraphs(["The proposed method outperforms the others."]), *lines]
    kept, tables = tables_aside([*lines, Line(1, rows, 0.0, False, 9, False, True, True, table=True)])
    assert [line.text for line in kept] == ["The proposed method outperforms the others."]
    assert tables == ["\n".join([*names, rows])]


def test_a_tables_plain_column_names_under_its_bold_ones_are_its_header_too() -> None:
    # "More Agents Is All You Need" (a real paper): "Model GSM8K MATH Chess MMLU HumanEval" in
    # bold over "Single Ours Single Ours …" in plain type over the rows; the bold line, cut off
    # from its table by the plain one, was a section
    rows = "Llama2-13B | 0.35 | 0.59 | 0.03 | 0.09\nLlama2-70B | 0.54 | 0.74 | 0.05 | 0.11"
    lines = _paragraphs(
        ["Ours denotes our method where the ensemble size is 40.", "Model GSM8K MATH Chess MMLU"]
    )
    lines = [lines[0], lines[1]._replace(bold=True), *_paragraphs(["Single Ours Single Ours"])]
    kept, tables = tables_aside([*lines, Line(1, rows, 0.0, False, 9, False, True, True, table=True)])
    assert [line.text for line in kept] == ["Ours denotes our method where the ensemble size is 40."]
    assert tables == ["\n".join(["Model GSM8K MATH Chess MMLU", "Single Ours Single Ours", rows])]


def _paragraphs(texts: list[str]) -> list[Line]:
    """A later page's paragraphs, each a block of its own, in body type (whose size mupdf's
    XHTML does not tell: ``TAG_SIZE``)."""
    return [Line(1, text, 0.0, False, block, False, True, True) for block, text in enumerate(texts)]


def test_a_sentence_a_page_break_cuts_before_a_name_reads_whole() -> None:
    # "… Adam combines features from" at a page's foot, "AdaGrad (Ward et al., 2020), which …"
    # at the next one's top: a capital after a word ending a long paragraph of prose goes on
    # the sentence; not a sentence's first word, a box's prompt, a table's head, a theorem
    prose = "The candidates are rescored at each layer by the model and the weakest are dropped"
    goes_on = [
        (
            f"{prose}. Adam combines features from",
            "AdaGrad (Ward et al., 2020), which manages sparse gradients well, and RMSProp (Hinton et al., 2012).",
        ),
        (
            f"{prose}, compared to 5740 ops/s for",
            "Redis. But the store with Walter can use multiple sites to scale the throughput.",
        ),
        (  # a name of two capitalised words after a word the sentence must go on from
            f"{prose}, while the model without",
            "Noisy Student Training suffers greatly under these conditions. The rest holds up.",
        ),
    ]
    new = [
        (
            f"{prose}, in the",
            "The storage space of the circular queue is an array A[21], where front is the first element.",
        ),
        (
            f"{prose}, so we reason about",
            "What is the distance between the blue coke can and the orange can? 0.4m and more.",
        ),
        (
            f"{prose}, for example,",
            "GSEC GSM EGCM EGCM (a) A partitioned Einsum operator. Colored letters (G and E) repeat.",
        ),
        (
            f"{prose}, as the result",
            "Theorem 8 (Trace equivalence). For any two processes P and Q, we have P if and only if Q.",
        ),
        (
            f"{prose}, and so",
            "Original Context In Canada, the Royal Newfoundland Constabulary was founded in 1729.",
        ),
        (f"{prose} on the same", "Window dilation"),
    ]
    for before, after in goes_on:
        text = join_lines([Line(1, before, 0.0, False, 7), Line(2, after, 0.0, False, 0)])
        assert text == f"{before} {after}"
    for before, after in new:
        text = join_lines([Line(1, before, 0.0, False, 7), Line(2, after, 0.0, False, 0)])
        assert text == f"{before}\n\n{after}"
    # one long token at the next page's top (a DNA sequence, a hash) is no name going on
    sequence = "ACGT" * 25
    text = join_lines([Line(1, goes_on[0][0], 0.0, False, 7), Line(2, sequence, 0.0, False, 0)])
    assert text == f"{goes_on[0][0]}\n\n{sequence}"
    # within a page, between two columns, a displayed formula or a program may stand between
    same_page = join_lines([Line(1, goes_on[0][0], 0.0, False, 7), Line(1, goes_on[0][1], 0.0, False, 8)])
    assert "\n\nAdaGrad" in same_page


def test_a_plots_score_over_its_legend_is_no_section_number() -> None:
    # BiT's "0.88 Downstream dataset: ILSVRC-2012", a plot's tick over its legend, and "0.5368
    # MRR", a score, read as numbered headings; a paper numbered from 0 (Demers et al.) and a
    # survey's 44th subsection keep theirs
    for text in ("0.88 Downstream dataset: ILSVRC-2012", "0.5368 MRR", "0.70 HumanEval", "0.200 Walker2d-v1"):
        assert not is_numbered(text) and unnumbered(text) == text
    for text, title in [
        ("0.1 Motivation", "Motivation"),
        ("3.44 Shifted quadratic unit", "Shifted quadratic unit"),
    ]:
        assert is_numbered(text) and unnumbered(text) == title


def test_a_bold_section_number_with_its_stop_in_plain_type_leads_its_heading() -> None:
    # AES's template (Stowell and Plumbley 2014): "<b>2</b>. <b>DATASET </b>In order to …" run in
    # its paragraph; the bold lead was "2", no heading, and section 2 read on under section 1
    xhtml = (
        '<div id="page0">\n<p><b>2</b>. <b>DATASET </b>In order to maximise the usefulness of the '
        "dataset, we considered the following design criteria:</p>\n</div>"
    )
    assert [(line.text[:21], line.bold) for line in paragraphs(xhtml, 1)] == [
        ("2. DATASET", True),
        ("In order to maximise ", False),
    ]


def test_a_headings_mathematics_in_plain_type_after_its_hyphen_stays_in_the_heading() -> None:
    # AISTATS 2010 (Glorot and Bengio): "Shapeset-3 × 2", its mathematics not bold; the bold
    # part ended in a hyphen, which no heading does, and section 2.1 was lost
    xhtml = (
        '<div id="page0">\n<p><b>2.1 Online Learning on an Infinite Dataset: Shapeset-</b>3<i> &#xd7;</i> 2</p>'
        "\n<p>Recent work with deep architectures shows that pre-training helps.</p>\n</div>"
    )
    assert [(line.text, line.bold) for line in paragraphs(xhtml, 1)][:1] == [
        ("2.1 Online Learning on an Infinite Dataset: Shapeset-3 × 2", True)
    ]


def test_a_tables_bold_header_over_its_rows_in_one_paragraph_is_no_heading() -> None:
    # a real ISMIR paper: mupdf read a table whose column names and best result are bold as one
    # paragraph; "Method Accuracy" was a heading whose text was the table's rows
    table = (
        "<p><b>Method Accuracy </b>Proposed best classifier <b>80.4 </b>Van Kranenburg and "
        "Backer (2004) [24] 79.4 Herlands et al. (2014) [10]* 80.0 Hillewaere et al. (2010) 75.4</p>"
    )
    heading = "<p><b>Perceptual data collection </b>The orchestra recorded 12 pieces in 2019.</p>"
    lines = paragraphs(f'<div id="page0">\n{table}\n{heading}\n</div>', 5)
    assert [(line.text[:24], line.bold, line.table) for line in lines] == [
        ("Method Accuracy Proposed", False, True),  # its rows are rebuilt from the page's words
        ("Perceptual data collecti", True, False),
        ("The orchestra recorded 1", False, False),
    ]


def test_a_review_copys_stand_in_for_its_authors_is_no_author(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), "Forecasting Crude Oil Volatility", fontsize=20)
    page.insert_text((72, 120), "Anonymous Author(s)", fontsize=11)
    page.insert_text((72, 134), "Affiliation", fontsize=10)
    page.insert_textbox((72, 160, 540, 400), "Accurate volatility forecasting matters. " * 12, fontsize=10)
    doc.save(path := tmp_path / "review.pdf")
    assert extract_paper(path).authors == []


def test_run_in_headings_in_plain_type_are_found_by_the_outline(tmp_path: Path) -> None:
    # a PDF whose italic fonts mupdf does not call italic (seen in a real IEEE paper): its run-in
    # subsections show no style, only the outline names them
    doc = _paper(
        "Robustness Assessment in Regression", "I. INTRODUCTION", "Noise degrades every model we tried. "
    )
    page = doc.new_page()
    intro = "It also degrades them on clean data. A. Related Work To the best of our knowledge this is new."
    page.insert_textbox((72, 80, 540, 130), intro, fontsize=10)
    lipschitz = "1) Lipschitz Constant: Bounding a network's constant bounds its sensitivity to noise."
    page.insert_textbox((72, 140, 540, 200), lipschitz, fontsize=10)
    doc.set_toc([[1, "Introduction", 1], [2, "Related Work", 2], [3, "Lipschitz Constant:", 2]])
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [(s.level, s.heading, s.text[:20]) for s in paper.sections] == [
        (1, "I. INTRODUCTION", "Noise degrades every"),
        (2, "A. Related Work", "To the best of our k"),
        (3, "1) Lipschitz Constant", "Bounding a network's"),  # its colon left out
    ]


def test_the_text_an_ieee_heading_runs_into_on_page_one_does_not_continue_it() -> None:
    # page 1's lines of one block, in one type: a bold heading's second line continues it, the
    # body text under "I. INTRODUCTION" in body type (seen in a real IEEE paper) does not
    heading = Line(0, "I. INTRODUCTION", 10.0, False, 8, True, True, False)
    text = Line(0, "The global digital landscape has transformed personal computers", 10.0, False, 8, True)
    assert not continues_heading(heading, text)
    bold = Line(0, "3. CHALLENGES IN SEPARATING TWO PLAYERS", 10.0, True, 6, True, True, False)
    assert continues_heading(bold, Line(0, "OF THE SAME INSTRUMENT", 10.0, True, 6, True))


@pytest.mark.parametrize(
    "address",
    [
        "TU Graz, Austria",
        "Davao City, Philippines",
        "INESC TEC, Porto, Portugal",
        "École Normale Supérieure, CNRS, PSL",
        "Universidad Pompeu Fabra",
        "Laboratoire de Mécanique et d'Acoustique",
    ],
)
def test_an_address_of_two_capitalised_words_is_no_author(address: str) -> None:
    # seen in real papers: the line under the names ends with a city or a country
    lines = [
        Line(0, "Robustness Assessment and Regularized Enhancement", 16.0, True, 0),
        Line(0, "Masoud Ebrahimi, Qamar Alfalouji", 11.0, False, 1),
        Line(0, "Mälardalen University, Sweden", 11.0, False, 2),
        Line(0, address, 11.0, False, 2),
        Line(0, "Abstract—Robustness against noise is a crucial requirement.", 9.0, True, 3),
    ]
    assert find_authors({}, lines, [0], 10.0) == ["Masoud Ebrahimi", "Qamar Alfalouji"]


def test_an_address_and_a_bold_sentence_on_page_one_head_no_section(tmp_path: Path) -> None:
    # NIME's template (ACM's old proceedings style): addresses in the authors' block ("1932
    # Wallamaloo Lane", "1 Thørväld Circle"), larger than the body, and a bold sentence over
    # three lines of the abstract
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), "A Template for Proceedings", fontsize=18, fontname="hebo")
    top = 110
    for text in ["Ben Trovato", "The Thorvald Group", "1 Thorvald Circle", "1932 Wallamaloo Lane"]:
        page.insert_text((72, top), text, fontsize=12 if top == 110 else 10)
        top += 12
    page.insert_text((72, top + 20), "ABSTRACT", fontsize=12, fontname="hebo")
    top += 40
    abstract = [
        ("This paper is a sample of a document for the conference series.", "helv"),
        ("The paper submit-", "hebo"),
        ("ted to the conference must be stored in an", "hebo"),
        ("A4-sized PDF file, so that it prints well.", "hebo"),
        ("The abstract should be short.", "helv"),
    ]
    for text, font in abstract:
        page.insert_text((72, top), text, fontsize=9, fontname=font)
        top += 11
    page.insert_text((72, top + 20), "1. INTRODUCTION", fontsize=12, fontname="hebo")
    page.insert_textbox((72, top + 36, 540, top + 236), "Every author can use a template. " * 8, fontsize=9)
    doc.save(path := tmp_path / "nime.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == ["1. INTRODUCTION"]
    assert paper.abstract.endswith("so that it prints well. The abstract should be short.")


def test_a_section_named_as_the_titles_second_line_is_found_in_the_text(tmp_path: Path) -> None:
    # DAFx 2011: the title's second line "NONSTATIONARY GABOR FRAMES" is also section 2's title,
    # and the outline item "2 Nonstationary Gabor Frames" took the title's line, in larger type
    doc = pymupdf.open()
    page = doc.new_page()
    for top, text in [(80, "CONSTRUCTING AN INVERTIBLE TRANSFORM WITH"), (104, "NONSTATIONARY GABOR FRAMES")]:
        page.insert_text((72, top), text, fontsize=12, fontname="hebo")
    page.insert_text((72, 124), "Gino Velasco, Nicki Holighaus", fontsize=11)
    top = 160
    for heading in ["1. INTRODUCTION", "2. NONSTATIONARY GABOR FRAMES"]:
        page.insert_text((72, top), heading, fontsize=9, fontname="hebo")
        page.insert_textbox(
            (72, top + 8, 540, top + 100), "Frames give invertible transforms. " * 8, fontsize=9
        )
        top += 120
    doc.set_toc([[1, "1  Introduction", 1], [1, "2  Nonstationary Gabor Frames", 1]])
    doc.save(path := tmp_path / "dafx.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == ["1. INTRODUCTION", "2. NONSTATIONARY GABOR FRAMES"]


def test_a_journal_articles_unnumbered_imrad_sections_are_found(tmp_path: Path) -> None:
    # PLOS's: "Results", "Discussion", "Methods" alone in a face mupdf does not call bold (seen
    # in a real PLOS Computational Biology paper, read as one 61,498-character introduction)
    doc = _paper(
        "Music in Our Ears",
        "Introduction",
        "Timbre lets listeners tell apart instruments. ",
        bold_heading=True,
    )
    page = doc.new_page()
    top = 80
    for heading in ["Results", "Discussion", "Methods"]:
        page.insert_text((72, top), heading, fontsize=10)
        page.insert_textbox(
            (72, top + 10, 540, top + 90), f"What the {heading.lower()} say. " * 12, fontsize=10
        )
        top += 110
    doc.save(path := tmp_path / "plos.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == ["Introduction", "Results", "Discussion", "Methods"]


def test_section_numbers_a_word_processor_set_apart_from_their_titles(tmp_path: Path) -> None:
    # Word's automatic numbering as Acrobat's PDFMaker sets it (seen in a real SMC paper): "I.",
    # "II." paragraphs of their own, out of place; the titles in capitals lead their paragraphs
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), "Fifty Years of Digital Sound for Music", fontsize=20)
    page.insert_text((72, 110), "Jean-Claude Risset", fontsize=11)
    page.insert_textbox(
        (72, 130, 540, 180), "Abstract — Fifty years ago, digital sound began. " * 2, fontsize=9
    )
    page.insert_text((72, 200), "I.", fontsize=10)
    page.insert_text((72, 230), "II.", fontsize=10)
    page.insert_textbox(
        (72, 250, 540, 350), "BEGINNINGS\n" + "Max Mathews made the first digital sound. " * 5, fontsize=10
    )
    page = doc.new_page()
    page.insert_text((72, 80), "III.", fontsize=10)
    issues = "MUSICAL ISSUES OF COMPUTING SOUNDS In the fifties, musique concrète was built from recordings. "
    page.insert_textbox((72, 100, 540, 200), issues * 3, fontsize=10)
    doc.save(path := tmp_path / "smc.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == ["BEGINNINGS", "MUSICAL ISSUES OF COMPUTING SOUNDS"]
    assert paper.sections[1].text.startswith("In the fifties, musique concrète")
    assert not re.search(r"\bI{1,3}\.", paper.full_text)


def test_section_numbers_a_word_processor_spaced_out_read_as_numbers(tmp_path: Path) -> None:
    # a real LNCS paper made with Word (CMMR 2003): "3 . 2 Signal Analysis Issues" in bold, its
    # subsections run in, in bold italics, with their numbers spaced out too
    doc = _paper(
        "The Representation Levels of Music", "1   Introduction", "Music has levels. ", bold_heading=True
    )
    page = doc.new_page()
    page.insert_text((72, 80), "3 . 2 Signal Analysis Issues", fontsize=10, fontname="hebo")
    page.insert_textbox((72, 90, 540, 160), "The scheme relies on an analysis model. " * 6, fontsize=10)
    lead = "3 . 2 . 1 Frequency Domain Analysis "
    page.insert_text((72, 180), lead, fontsize=10, fontname="hebi")
    after = 72 + pymupdf.get_text_length(lead, fontname="hebi", fontsize=10)
    page.insert_text((after, 180), "Various kinds of information are derived from the", fontsize=10)
    page.insert_textbox((72, 183, 540, 260), "frequency domain of audio signals. " * 5, fontsize=10)
    doc.save(path := tmp_path / "cmmr.pdf")
    paper = extract_paper(path)
    assert [(s.heading, s.level) for s in paper.sections] == [
        ("1 Introduction", 1),
        ("3.2 Signal Analysis Issues", 2),
        ("3.2.1 Frequency Domain Analysis", 3),
    ]
    assert paper.sections[2].text.startswith("Various kinds of information are derived from the frequency")


def test_a_figures_words_on_page_one_leave_its_text(tmp_path: Path) -> None:
    # a real DAFx paper: a plot in the second column of page 1, its axes' words read as blocks
    # of their own over its caption ("potential information content … time")
    doc = _paper("State of the Art in Sound Texture Synthesis", "1. INTRODUCTION", "Rain is a texture. ")
    page = doc[0]
    for top, left, label in [(330, 300, "potential"), (342, 290, "information"), (354, 300, "content")]:
        page.insert_text((left, top), label, fontsize=10)
    page.insert_text((470, 345), "speech, music", fontsize=7)
    page.insert_text((480, 410), "time", fontsize=10)
    page.insert_text(
        (72, 432), "Figure 1: Potential information content of a sound texture vs. time.", fontsize=9
    )
    page.insert_textbox((72, 450, 540, 520), "Textures are stable on a larger scale. " * 4, fontsize=10)
    doc.save(path := tmp_path / "dafx.pdf")
    paper = extract_paper(path)
    assert not re.search(r"potential|information content|\btime\b|speech, music", paper.full_text)
    assert "Textures are stable on a larger scale." in paper.sections[0].text
    assert paper.captions == ["Figure 1: Potential information content of a sound texture vs. time."]


def test_the_authors_over_a_teaser_figure_stay_authors(tmp_path: Path) -> None:
    # acmart's teaser figure: its picture under the authors' blocks, its caption under that
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), "The Name of the Title Is Hope", fontsize=18, fontname="hebo")
    for left, name in [(72, "Ana Lima"), (250, "Ben Ortiz"), (420, "Chen Wu")]:  # side by side
        page.insert_text((left, 110), name, fontsize=11)
        page.insert_text((left, 124), "Example University", fontsize=9)
    page.draw_rect((72, 180, 540, 330), fill=(0.6, 0.6, 0.6))  # the picture
    page.insert_text((72, 348), "Figure 1: Seattle Mariners at Spring Training, 2010.", fontsize=9)
    page.insert_text((72, 380), "ABSTRACT", fontsize=10, fontname="hebo")
    page.insert_textbox((72, 390, 540, 460), "This paper provides a sample of a document. " * 4, fontsize=10)
    doc.save(path := tmp_path / "teaser.pdf")
    paper = extract_paper(path)
    assert paper.authors == ["Ana Lima", "Ben Ortiz", "Chen Wu"]
    assert paper.abstract.startswith("This paper provides a sample")


def test_the_authors_e_mails_stay_over_a_teaser_figures_labels(tmp_path: Path) -> None:
    # SIGGRAPH Asia 2023 (acmart): six authors in cells (name, company, country, e-mail), the
    # teaser's picture, its three labels right over its caption: the cells and the labels were
    # read as one run of a figure's words, the authors dropped with them
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text(
        (72, 80), "Towards Practical Capture of Relightable Avatars", fontsize=17, fontname="hebo"
    )
    people = [
        ("Haotian Yang", "yang@kuaishou.com"),
        ("Mingwu Zheng", "zheng@kuaishou.com"),
        ("Yu-Kun Lai", "laiy4@cardiff.ac.uk"),
    ]
    for left, (name, mail) in zip((72, 250, 420), people, strict=True):
        page.insert_text((left, 110), name, fontsize=12)
        page.insert_text((left, 124), "Kuaishou Technology", fontsize=10)
        page.insert_text((left, 140), "China", fontsize=10)
        page.insert_text((left, 152), mail, fontsize=10)
    page.draw_rect((72, 170, 540, 400), fill=(0.6, 0.6, 0.6))  # the picture
    for left, label in [
        (90, "Volumetric avatar"),
        (260, "Environment map relighting"),
        (430, "Video-driven animation"),
    ]:
        page.insert_text((left, 415), label, fontsize=9)
    page.insert_text((72, 440), "Figure 1: We present TRAvatar, a framework to capture avatars.", fontsize=9)
    page.insert_text((72, 470), "ABSTRACT", fontsize=10, fontname="hebo")
    page.insert_textbox((72, 480, 540, 560), "In this paper, we propose a novel framework. " * 4, fontsize=9)
    doc.save(path := tmp_path / "teaser.pdf")
    assert extract_paper(path).authors == ["Haotian Yang", "Mingwu Zheng", "Yu-Kun Lai"]


def test_an_unnumbered_bold_heading_over_its_paragraph_in_one_block(tmp_path: Path) -> None:
    # a real EURASIP JASMP paper (BMC's class, a submission): \\section* in bold type a shade
    # under 12 pt, which mupdf's XHTML writes in one paragraph with the text under it
    # ("<b>Perceptual data collection </b>The philharmonic …"); a theorem's label stays text
    doc = _paper(
        "Scattering Models Auditory Similarities",
        "Introduction",
        "Techniques are expressive. ",
        bold_heading=True,
    )
    page = doc.new_page()
    page.insert_text((72, 80), "Perceptual data collection", fontsize=11.9, fontname="hebo")
    page.insert_textbox(
        (72, 84, 540, 200), "The orchestra has four families of instruments. " * 5, fontsize=10
    )
    page.insert_text((72, 230), "Theorem 2", fontsize=10, fontname="hebo")
    page.insert_textbox((72, 234, 540, 300), "Let the scattering transform be stable. " * 3, fontsize=10)
    doc.save(path := tmp_path / "jasmp.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == ["Introduction", "Perceptual data collection"]
    assert paper.sections[1].text.startswith("The orchestra has four families of instruments.")
    assert "Theorem 2 Let the scattering transform be stable." in paper.sections[1].text


def test_an_unnumbered_lead_in_a_numbered_paper_is_a_level_under_its_section(tmp_path: Path) -> None:
    # a real ISMIR paper: "Recurrent layers We use three recurrent layers …", a bold lead under
    # "3.1 Analysis module", is no top-level section
    doc = _paper("DrummerNet", "1 Introduction", "Drums are transcribed. ", bold_heading=True)
    page = doc.new_page()
    top = 80
    for heading, text in [
        ("2 Related Work", "Transcription has been studied. "),
        ("3 DrummerNet", "The system has two modules. "),
        ("3.1 Analysis module", "The analysis module estimates onsets. "),
        ("Recurrent layers", "We use three recurrent layers on top. "),
        ("3.2 Synthesis module", "The synthesis module renders the drums. "),
    ]:
        page.insert_text((72, top), heading, fontsize=10 if heading[0].isalpha() else 12, fontname="hebo")
        page.insert_textbox((72, top + 4, 540, top + 80), text * 6, fontsize=10)
        top += 100
    doc.save(path := tmp_path / "ismir.pdf")
    paper = extract_paper(path)
    assert [(s.heading, s.level) for s in paper.sections] == [
        ("1 Introduction", 1),
        ("2 Related Work", 1),
        ("3 DrummerNet", 1),
        ("3.1 Analysis module", 2),
        ("Recurrent layers", 3),
        ("3.2 Synthesis module", 2),
    ]


def test_a_backslash_escape_written_in_a_paper_stays_as_written(tmp_path: Path) -> None:
    # pymupdf decodes mupdf's XHTML as raw_unicode_escape, which would make this "é —"
    text = r"In JSON the letter is written \u00e9 and a dash \u2014 on every page of the file."
    pdf = make_pdf(tmp_path / "p.pdf", "Escapes in Text", [("1. Introduction", text), ("2. More", text)])
    assert extract_paper(pdf).sections[1].text == text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"is empty \(0 bytes\); download the PDF again"),
        (b" \r\n\t\x0b\x0c", r"is empty \(0 bytes\); download the PDF again"),
        (b"\n\n%PDF-1.7\n" + bytes(range(256)) * 4, r"is corrupt"),  # a PDF after blank lines
        (b"<!DOCTYPE html><html><body>Please log in</body></html>", r"is an HTML page, not a PDF file"),
        (b"PK\x03\x04 a zip file", r"is not a PDF, not a PDF file"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 4, r"is corrupt"),
    ],
)
def test_bad_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(ExtractError, match=message):
        extract_paper(path)


def test_a_page_of_text_with_no_heading_at_all(tmp_path: Path) -> None:
    # a one-page note with no section heading: its text is one section, nothing raises (a
    # paper without headings raised ValueError; its text was lost)
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "A short note on bowing", fontsize=16)
    for row in range(12):
        page.insert_text((72, 110 + 14 * row), f"The bow that moves is the one that sounds, line {row}.")
    doc.save(tmp_path / "note.pdf")
    paper = extract_paper(tmp_path / "note.pdf")
    assert paper.title == "A short note on bowing"
    assert [section.heading for section in paper.sections] == ["Text"]
    assert "the one that sounds, line 0." in paper.full_text and "line 11." in paper.full_text
    # a page set in one size throughout has no title to tell: at most four lines are taken
    doc = pymupdf.open()
    page = doc.new_page()
    for row in range(12):
        page.insert_text((72, 72 + 14 * row), f"A plain report, all in one size, line {row}.")
    doc.save(tmp_path / "plain.pdf")
    plain = extract_paper(tmp_path / "plain.pdf")
    assert plain.title.count("line") == 4 and "line 11." in plain.full_text


def test_an_encrypted_pdf(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "locked.pdf", "Locked", [("Abstract", "Secret text.")], encrypt=True)
    with pytest.raises(ExtractError, match=r"encrypted with a password; .*qpdf --decrypt"):
        extract_paper(pdf)


def test_a_scanned_pdf_without_text(tmp_path: Path) -> None:
    import pymupdf

    doc = pymupdf.open()
    for _ in range(2):
        page = doc.new_page()
        pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 80), False)
        pixmap.clear_with(200)
        page.insert_image(page.rect, pixmap=pixmap)
    doc.save(tmp_path / "scan.pdf")
    with pytest.raises(ExtractError, match=r"no text layer \(a scanned PDF: its pages are images\); run OCR"):
        extract_paper(tmp_path / "scan.pdf")


def test_a_truncated_pdf(tmp_path: Path) -> None:
    data = (PAPERS / "nieto-ismir2019-harmonix-set.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[:2000])
    with pytest.raises(ExtractError, match=r"truncated\.pdf is damaged or truncated"):
        extract_paper(path)


def test_extraction_loads_pymupdf_without_its_layout_model() -> None:
    """pymupdf 2 pulls in an ONNX layout model (onnxruntime, numpy) papersum never uses: a fresh
    process extracts a paper without loading it, prints nothing, and can still import it later."""
    script = f"""
import importlib.util, sys
from pathlib import Path
from papersum.extract import extract_paper
paper = extract_paper(Path({str(PAPERS / "nieto-ismir2019-harmonix-set.pdf")!r}))
assert paper.title.startswith("The HARMONIX Set"), paper.title
loaded = sorted(m for m in ("onnxruntime", "numpy", "pymupdf.layout", "pymupdf4llm") if m in sys.modules)
assert not loaded, loaded
if importlib.util.find_spec("pymupdf4llm") is not None:
    import pymupdf4llm  # the user's own code still can
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""


def test_a_pdf_reads_the_same_whoever_imported_pymupdf_first() -> None:
    """A plain ``import pymupdf`` (2.0) imports pymupdf4llm, which switches pymupdf's character
    box corrections off for the whole process; papersum reads with them off either way, and
    leaves the setting as it found it."""
    choi = ROOT / "tests" / "data" / "papers" / "choi-ismir2019-drummernet.pdf"
    script = f"""
import sys
if sys.argv[1] == "plain":
    import pymupdf
from pathlib import Path
from papersum.extract import extract_paper, load_pymupdf
before = load_pymupdf().TOOLS.unset_quad_corrections()
print(extract_paper(Path({str(choi)!r})).model_dump_json())
assert load_pymupdf().TOOLS.unset_quad_corrections() == before
"""
    read = [
        subprocess.run([sys.executable, "-c", script, how], capture_output=True, text=True, check=True).stdout
        for how in ("plain", "papersum")
    ]
    assert read[0] == read[1]
    assert "Mixture and transcription" in json.loads(read[0])["tables"][0]


def test_a_raised_unit_stays_in_its_tables_row() -> None:
    # a thesis's parameter table: the degree sign of "ψ | ° | 5" is set 2.1 pt above its row
    words = [
        (132.4, 277.7, 173.8, 288.3, "Dilation", 11, 11, 0),
        (177.7, 277.7, 207.3, 288.3, "Angle", 11, 11, 1),
        (282.6, 277.7, 290.2, 288.3, "ψ", 11, 12, 0),
        (328.2, 275.6, 332.5, 283.2, "◦", 11, 13, 0),
        (384.5, 277.7, 390.3, 288.3, "5", 11, 14, 0),
        (124.4, 292.1, 149.3, 302.8, "Flow", 11, 17, 0),
        (384.5, 292.1, 390.3, 302.8, "0.78", 11, 18, 0),
    ]
    rows = [[text for _left, text in row] for row in table_rows(words)]
    assert rows == [["Dilation Angle", "ψ", "◦", "5"], ["Flow", "0.78"]]


def test_a_tables_words_are_its_own_blocks_when_it_starts_as_the_block_does() -> None:
    # a page's words by block (x0, y0, x1, y1, text, block, line, word): a caption that starts
    # like the table, two tables that start alike, one whose first word carries LaTeX's accent
    def block(
        number: int, top: float, *rows: str
    ) -> list[tuple[float, float, float, float, str, int, int, int]]:
        return [
            (
                60.0 * column,
                top + 12.0 * line,
                60.0 * column + 30,
                top + 12.0 * line + 9,
                word,
                number,
                line,
                column,
            )
            for line, row in enumerate(rows)
            for column, word in enumerate(row.split())
        ]

    words = [
        *block(0, 100, "Model F1 Recall is the best", "of the models we compare here"),
        *block(1, 200, "Model F1 Recall", "ours 0.91 0.88", "base 0.85 0.80"),
        *block(2, 300, "Model F1 Recall", "ours 0.71 0.60", "base 0.65 0.52"),
        *block(4, 400, "\u00b4Etude 1 2", "piano 3 4"),
    ]
    blocks = WordBlocks(words)
    # the second table first: each is read from its own block, not the first that starts alike
    assert blocks.table_of("Model F1 Recall ours 0.71 0.60 base 0.65 0.52", 2).startswith(
        "Model | F1 | Recall\nours | 0.71"
    )
    assert blocks.table_of("Model F1 Recall ours 0.91 0.88 base 0.85 0.80", 1) == (
        "Model | F1 | Recall\nours | 0.91 | 0.88\nbase | 0.85 | 0.80"
    )
    assert blocks.table_of("\u00c9tude 1 2 piano 3 4", 4) == "\u00c9tude | 1 | 2\npiano | 3 | 4"
    # a paragraph that is not its block's first (under a caption mupdf set in the same block),
    # and one of a block with no words: left as they are
    assert blocks.table_of("ours 0.91 0.88 base 0.85 0.80", 1) == "ours 0.91 0.88 base 0.85 0.80"
    assert blocks.table_of("Model F1 Recall again", 3) == "Model F1 Recall again"


def test_a_header_set_as_tightly_as_words_is_cut_where_its_columns_end() -> None:
    # LNCS's header cells stand 2.8 pt apart, as its words do: the columns of the rows below
    # (a left-aligned one, right-aligned numbers) say where each cell ends; a heading that
    # spans two columns stays whole
    def row(
        top: float, *cells: tuple[float, float, str]
    ) -> list[tuple[float, float, float, float, str, int, int, int]]:
        return [(x0, top, x1, top + 8.0, text, 0, 0, n) for n, (x0, x1, text) in enumerate(cells)]

    words = [
        *row(88.0, (330.0, 370.0, "Separation"), (373.0, 394.2, "quality")),
        *row(
            100.0,
            (221.2, 265.8, "Instrument"),
            (268.6, 293.3, "Pieces"),
            (296.1, 320.4, "Audio"),
            (323.5, 340.7, "only"),
            (343.5, 394.2, "Audio-visual"),
        ),
        *row(
            112.0,
            (221.2, 243.5, "violin"),
            (284.1, 293.3, "12"),
            (328.9, 340.7, "4.1"),
            (382.4, 394.2, "7.9"),
        ),
        *row(
            124.0, (221.2, 238.0, "cello"), (288.5, 293.3, "9"), (328.9, 340.7, "3.6"), (382.4, 394.2, "6.8")
        ),
    ]
    rows = [[text for _left, text in cells] for cells in table_rows(words)]
    assert rows == [
        ["Separation quality"],
        ["Instrument", "Pieces", "Audio only", "Audio-visual"],
        ["violin", "12", "4.1", "7.9"],
        ["cello", "9", "3.6", "6.8"],
    ]


def test_papersum_extract_shows_what_is_read(papersum: RunCli) -> None:
    pdf = PAPERS / "hajic-ismir2016-omr-testbed.pdf"
    shown = papersum("extract", pdf)
    assert shown.returncode == 0, shown.stderr
    assert "title:    Further Steps towards a Standard Testbed for Optical Music Recognition" in shown.stdout
    assert "authors:  Jan Hajič jr.; Jiří Novotný; Pavel Pecina; Jaroslav Pokorný" in shown.stdout
    assert re.search(r"^2\s+3\.1 Test case corpus\s+\d", shown.stdout, re.M)  # indented by level
    read = json.loads(papersum("extract", pdf, "--json").stdout)
    assert list(read) == ["title", "authors", "year", "abstract", "sections", "pages"]
    assert (read["year"], read["pages"]) == (2016, 7)
    assert read["abstract"].startswith("Evaluating Optical Music Recognition (OMR) is notoriously difficult")
    levels = [(s["heading"], s["level"]) for s in read["sections"]]
    assert levels[:5] == [
        ("1. INTRODUCTION", 1),
        ("2. RELATED WORK", 1),
        ("3. EVALUATING EVALUATION", 1),
        ("3.1 Test case corpus", 2),
        ("3.1.1 What is in the test case corpus?", 3),
    ]
    assert all(s["text"] for s in read["sections"])


def test_papersum_extract_of_a_bad_file(papersum: RunCli, tmp_path: Path) -> None:
    (tmp_path / "page.pdf").write_text("<html><body>Access denied</body></html>")
    bad = papersum("extract", tmp_path / "page.pdf")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "HTML page" in bad.stderr
    missing = papersum("extract", tmp_path / "nope.pdf")
    assert missing.returncode == 2 and "nope.pdf does not exist" in missing.stderr


@pytest.mark.parametrize(
    ("heading", "level"),
    [
        ("3 Method", 1),
        ("3.1 Data", 2),
        ("3.1.2 Splits", 3),
        ("IV. RESULTS", 1),
        ("B. Pointing method", 2),
        ("A.2 Docker Compose files", 2),
        ("A Proof of the masking bound", 1),  # an appendix, as LaTeX numbers it
        ("A Note on the Recordings", 1),
        ("Conclusion", 1),
        ("2. RELATED WORK", 1),
    ],
)
def test_heading_levels(heading: str, level: int) -> None:
    assert heading_level(heading) == level


def test_compounds_broken_at_a_line_end_keep_their_hyphen() -> None:
    text = extract_paper(PAPERS / "lostanlen-ismir2016-pitch-spiral.pdf").full_text
    for joined in ("timefrequency", "melfrequency", "twodimensional", "bagof"):  # broken at line ends
        assert joined not in text.lower()
    assert "time-frequency" in text and "two-dimensional" in text
    assert "instru-ment" not in text and "instrument" in text  # a word broken at a line end is mended


def test_a_word_broken_at_a_line_end_is_mended_as_the_paper_spells_it() -> None:
    # mupdf writes a block's lines with a space between them: "percus- sive" is a word
    # hyphenated to fit, "genre- specific" a compound when the paper spells it so elsewhere
    xhtml = (
        "<p>Genre- specific and percus- sive atoms, Johnson- Cook, a 3- second clip, pre- and "
        "post-processing, cost- to-correct, mul- tiscale, and genrespecific as the author wrote it.</p>"
    )
    (line,) = paragraphs(xhtml, 1)
    section = Section(heading="1 Genre-specific dictionaries", text=line.text)
    mend = line_break_mender("Multi-scale methods", "", [section])
    assert mend(line.text) == (
        "Genre-specific and percussive atoms, Johnson-Cook, a 3-second clip, pre- and "
        "post-processing, cost-to-correct, multiscale, and genrespecific as the author wrote it."
    )


def test_a_web_address_broken_at_a_line_end_is_whole_again() -> None:
    # LaTeX's \\url breaks an address after "/", "." or "_", and mupdf writes a block's lines
    # with a space between them (seen in BERT, the Transformer, RepNet, FinRL-DeepSeek)
    xhtml = (
        "<p>Code is at https://github.com/ google-research/bert, the site at https://sites.google. "
        "com/view/repnet and https:// www.youtube.com/watch?v=WIK2OM99Hb8 and agents at "
        "https://github.com/benstaf/ FinRL_DeepSeek (https://github.com/lawrennd/ neurips2014/ "
        "blob/master/README.md). See https://alphacode.deepmind.com/ for more, "
        "https://github.com/x/y. We thank e.g. https://example.org/ e.g. them; "
        "3https://codeforces.com/ 4http://nlp.stanford.edu/ data.</p>"
    )
    (line,) = paragraphs(xhtml, 1)
    mend = line_break_mender("", "", [Section(heading="1 Introduction", text=line.text)])
    assert mend(line.text) == (
        "Code is at https://github.com/google-research/bert, the site at https://sites.google."
        "com/view/repnet and https://www.youtube.com/watch?v=WIK2OM99Hb8 and agents at "
        "https://github.com/benstaf/FinRL_DeepSeek (https://github.com/lawrennd/neurips2014/"
        "blob/master/README.md). See https://alphacode.deepmind.com/ for more, "
        "https://github.com/x/y. We thank e.g. https://example.org/ e.g. them; "
        "3https://codeforces.com/ 4http://nlp.stanford.edu/ data."
    )


def test_a_papers_code_address_broken_over_two_lines_reads_whole(tmp_path: Path) -> None:
    doc = _paper("Bowing in Time", "1 Introduction", "Musicians are seen as well as heard. ")
    second = doc.new_page()
    second.insert_text((72, 80), "2 Method", fontsize=10, fontname="hebo")
    second.insert_text(
        (72, 100), "Our code and trained models are available at https://github.com/", fontsize=10
    )
    second.insert_text((72, 112), "bowing-lab/bow-in-time. The recordings are on the same site.", fontsize=10)
    second.insert_textbox((72, 130, 540, 230), "Each player was filmed from the front. " * 8, fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert paper.sections[1].heading == "2 Method"
    assert "available at https://github.com/bowing-lab/bow-in-time. The recordings" in paper.sections[1].text
    assert "https://github.com/bowing-lab/bow-in-time." in paper.full_text


def test_a_word_in_capitals_broken_at_a_line_end_is_mended_and_an_acronyms_compound_kept() -> None:
    # TPAMI's headings in capitals: "SPATIAL PYRA- MID POOLING" kept its hyphen; "Fast R- CNN"
    # and "CQ- NSGTs" are compounds of an acronym, whose hyphen stays
    xhtml = "<p><b>2 DEEP NETWORKS WITH SPATIAL PYRA- MID POOLING</b></p>\n<p>Fast R- CNN and CQ- NSGTs.</p>"
    heading, text = (line.text for line in paragraphs(xhtml, 1))
    mend = line_break_mender("", "", [Section(heading=heading, text=text)])
    assert mend(heading) == "2 DEEP NETWORKS WITH SPATIAL PYRAMID POOLING"
    assert mend(text) == "Fast R-CNN and CQ-NSGTs."


def test_a_running_head_naming_the_authors_or_title_leaves_the_text() -> None:
    lines = [
        Line(0, "Seeing the Bow", 14.0, True, 0),
        Line(1, "Ana Lima and Ben Ortiz", 8.0, False, 0),  # ACM's head on a later page
        Line(1, "Ana Lima and Ben Ortiz recorded the duets in a hall.", 9.0, False, 1),
        Line(1, "A paragraph of the body that runs on.", 9.0, False, 2),
        Line(2, "Lima et al.", 8.0, False, 0),
        Line(2, "Seeing the Bow", 8.0, False, 1),
        Line(3, "The duets were recorded by Ben Ortiz and Ana Lima", 9.0, False, 0),
        Line(3, "MM '26, October 2026, Rio de Janeiro, Brazil Ana Lima and Ben Ortiz", 8.0, False, 1),
    ]
    kept = without_running_heads(lines, "Seeing the Bow", ["Ana Lima", "Ben Ortiz"])
    assert [line.text for line in kept] == [
        "Seeing the Bow",  # page 1's title stays
        "Ana Lima and Ben Ortiz recorded the duets in a hall.",
        "A paragraph of the body that runs on.",
        "The duets were recorded by Ben Ortiz and Ana Lima",  # the authors in another order
    ]


def test_a_running_head_naming_the_journal_of_page_ones_box_leaves_the_text() -> None:
    # SAGE's journals: page 1's box names the journal in small type, the head over page 2 is
    # "2 Psychology of Music 54(3)"; a heading that page 1's contents list in small type stays
    later = Line(1, "", 0.0, False, 0, False, True, True)
    lines = [
        Line(0, "Seeing the Bow", 17.0, True, 0),
        Line(0, "Psychology of Music", 6.6, False, 1),
        Line(0, "2.2 Document preamble 3", 6.6, False, 2),
        *(Line(0, "A line of the introduction on page one.", 10.0, False, 3) for _ in range(5)),
        later._replace(text="2 Psychology of Music 54(3)"),
        later._replace(text="The text of page two goes on here.", block=1),
        later._replace(text="2.2 Document preamble", block=2),
    ]
    kept = without_running_heads(lines, "Seeing the Bow", ["Ana Lima", "Ben Ortiz"])
    assert [line.text for line in kept if line.page] == [
        "The text of page two goes on here.",
        "2.2 Document preamble",
    ]


def test_a_section_named_as_the_paper_near_a_pages_foot_is_no_running_foot() -> None:
    # ICLR 2017 (Goldberger and Ben-Reuven): section 3, "3 TRAINING DEEP NEURAL NETWORKS USING A
    # NOISE ADAPTATION LAYER", the paper's title, among a page's last two paragraphs, was taken
    # for a running foot with its page's number; a foot has no text under it
    title = "Training deep neural networks using a noise adaptation layer"
    later = Line(2, "", 0.0, False, 0, False, True, True)
    text = "In the previous section we utilized the EM algorithm to optimize the likelihood. " * 2
    lines = [
        Line(0, title, 17.2, False, 0),
        later._replace(text="There are several drawbacks to this approach described above."),
        later._replace(text="Another paragraph of the second section goes on here at length.", block=1),
        later._replace(text="3 TRAINING DEEP NEURAL NETWORKS USING A NOISE ADAPTATION LAYER", block=2),
        later._replace(text=text.strip(), block=3),
        later._replace(text=f"4 {title}", page=3),
        later._replace(text="Its text, on the next page.", page=3, block=1),
        later._replace(text="The end of the next page's text.", page=3, block=2),
        later._replace(text=title.upper(), page=3, block=3),
    ]
    kept = without_running_heads(lines, title, ["Ana Lima"])
    assert [line.text for line in kept][3:] == [lines[3].text, lines[4].text, *(ln.text for ln in lines[6:8])]


def test_a_diagrams_boxes_each_in_bold_over_its_words_leave_the_text() -> None:
    # Zhang et al. (ICLR 2017), the Inception network's diagram: each box's name in bold over its
    # plain words ("Conv Module" / "C,KxK filters" / "SxS strides" / "Convolution" / …): no bold
    # box stood next to another, so each was a heading over a few short lines; a named heading
    # among short lines stays (an ACL paper's "Ethics Statement" between a footnote's address and
    # its paragraph's first line)
    def later(text: str, block: int, bold: bool = False) -> Line:
        return Line(11, text, 0.0, bold, block, False, True, True)

    texts = ["Conv Module", "C,KxK filters", "SxS strides", "Convolution", "C, KxK filters SxS strides"]
    texts += ["Batch Norm", "Activation ReLU", "Inception Module Ch1 + Ch3 filters", "Max Pool"]
    texts += ["3x3 kernel 2x2 strides", "28x28x3 inputs"]
    boxes = {"Conv Module", "Convolution", "Batch Norm", "Max Pool"}
    body = "The network is trained with stochastic gradient descent on the whole training set."
    lines = [later(body, 0), *(later(t, b, t in boxes) for b, t in enumerate(texts, 1))]
    caption = "Figure 5: The small Inception network."
    kept = without_figure_text([*lines, later(caption, 12), later(body, 13)])
    assert [line.text for line in kept] == [body, caption, body]
    named = [
        later("∗https://github.com/universeTBD", 0),
        later("†https://huggingface.co/universeTBD/astrollama", 1),
        later("Ethics Statement", 2, True),
        later("We obtain the pre-trained weights", 3),
        later("for LLaMA-2 from Meta, which offers these models for download on Hugging Face.", 4),
    ]
    assert "Ethics Statement" in [line.text for line in without_figure_text(named)]


def test_a_figures_words_go_and_short_list_items_formulas_and_captions_stay() -> None:
    def later(text: str, block: int) -> Line:
        return Line(1, text, 0.0, False, block, False, True, True)

    body = "We compare the separation of three tasks on duets of one instrument."
    lines = [
        later(body, 0),
        *(later(label, b) for b, label in enumerate(["Conv1D", "(Kick)", "Upsampler", "0 20 40 60"], 1)),
        later("Figure 2: The network.", 5),
        *(
            later(item, b)
            for b, item in enumerate(["(1) Separation", "(2) Localization", "(3) Generation"], 6)
        ),
        *(later(formula, b) for b, formula in enumerate(["y = Wx + b", "(3)", "∑ k W_k"], 9)),
    ]
    kept = [line.text for line in without_figure_text(lines)]
    assert kept == [
        body,
        "Figure 2: The network.",
        "(1) Separation",
        "(2) Localization",
        "(3) Generation",
        "y = Wx + b",
        "(3)",
        "∑ k W_k",
    ]


def test_a_diagrams_bold_boxes_go_and_a_bold_heading_over_a_short_paragraph_stays() -> None:
    # a real ICMC paper made with Word: a flowchart's boxes in bold, its arrows' words in plain
    # type; read as headings, they were "2D structuring filter Post-processing … Pattern discovery"
    def later(text: str, block: int, bold: bool = False) -> Line:
        return Line(1, text, 12.0 if bold else 0.0, bold, block, False, True, True)

    body = "Our approach works in three stages, shown in Figure 5."
    boxes = [
        "coding",
        "lag matrix",
        "2D structuring filter",
        "Post-processing (double lines)",
        "Pattern discovery",
    ]
    lines = [
        later(body, 0),
        *(later(box, b, bold=True) for b, box in enumerate(boxes, 1)),
        *(later(arrow, b) for b, arrow in enumerate(["feature vector", "lines", "segments"], 6)),
        later("Figure 5 Sequence representation flowchart", 9),
        later("Proposed algorithm", 10, bold=True),  # a bold heading alone: its text follows
        later("Segments are merged", 11),
        later("when they overlap.", 12),
        later("Related work", 13, bold=True),  # a heading over an equation
        later("x = y", 14),
    ]
    kept = [line.text for line in without_figure_text(lines)]
    assert kept == [
        body,
        "Figure 5 Sequence representation flowchart",
        "Proposed algorithm",
        "Segments are merged",
        "when they overlap.",
        "Related work",
        "x = y",
    ]


def test_equations_keep_their_terms() -> None:
    laroche = ROOT / "tests" / "data" / "papers" / "laroche-ismir2016-genre-dictionaries.pdf"
    text = extract_paper(laroche).full_text
    equation = text[text.index("which leads to:") : text.index("(3)")]
    for term in ("WHW", "T", "H^V", "+ WP HP"):  # Ṽ = W_H W_H^T V + W_P H_P, as mupdf reads it
        assert term in equation
    assert "∈R^m×n" in text  # an exponent right after its symbol
    assert "et al.1" not in extract_paper(PAPERS / "broman-rescience2020-essential-genes.pdf").full_text


@pytest.mark.parametrize(
    ("text", "table"),
    [
        ("piano 58 28 44 15 violin 51 30 42 cello 49", True),
        ("Model −0.12 +0.3 (4.5) – ± 12% 0.81 0.79 0.77", True),  # signs beyond ASCII
        ("Durée ٣ ٤ ٥ ٦ ٧ ٨ ٩ ١", True),  # digits beyond ASCII: the quick count is a bound
        ("We train the model for 40 epochs on 2 GPUs with a batch size of 16 clips.", False),
        ("A model in 2019 and 2020: see (3) and [12] for the 4 cases we left out of it.", False),
    ],
)
def test_a_paragraph_of_figures_is_told_from_prose(text: str, table: bool) -> None:
    # the quick count of digits and signs must never be below what the search finds
    assert is_table_like(text) is table
    assert len(TABLE_CELLS.findall(" " + text)) <= cells_at_most(text)


@pytest.mark.parametrize(
    ("text", "markers"),
    [("GG G^GG", True), ("G G G G G G G G G x", True), ("^ ^ ^", False), ("A plot of G and G", False)],
)
def test_scatter_markers_are_told_from_text(text: str, markers: bool) -> None:
    assert is_plot_markers(text) is markers
    assert not is_plot_markers("A " + "sentence of ordinary words " * 40)  # no count of every word


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("as shown above.", True),
        ("He asked “why?”", True),
        ("the three parts:", True),
        ("(see Section 2.)  \n", True),
        ("as described in (Smith, 2019)", False),
        ("the model of Fig. 2", False),
        ("", False),
    ],
)
def test_a_sentence_running_into_the_next_column_is_told_by_how_its_line_ends(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends


@pytest.mark.parametrize(
    ("first_page", "year"),
    [
        ("Proc. ISMIR 2016, New York", 2016),
        ("ICASSP2019 © 1999 and 2019, again 2019", 2019),  # no year glued to a word
        ("arXiv:2104.01234 page 1950-2049", 2049),  # the later of two years seen as often
        ("id 12019 x20195 _2018", None),
    ],
)
def test_the_year_is_a_word_of_its_own_on_page_one(first_page: str, year: int | None) -> None:
    assert find_year({}, [Line(0, first_page, 10.0, False, 0)]) == year


def test_a_year_in_page_ones_prose_is_not_the_papers() -> None:
    # seen in real papers: "proposed in 1976 by Swanson" (a 2024 preprint), "COCO val 2014"
    prose = "The framework was proposed in 1976 by Swanson and is still used."
    lines = [Line(0, "A First Look at Commits", 17.0, True, 0), Line(0, prose, 10.0, False, 1)]
    created = {"creationDate": "D:20240811011556Z"}
    assert find_year(created, lines, prose) == 2024
    assert find_year(created, [*lines, Line(0, "Proc. ISMIR 2016, New York", 8.0, False, 2)], prose) == 2016
    assert find_year({}, lines, prose) == 1976  # nothing else tells
    # a creation date as a word processor's PDF writer put it (a real ICMC 2003 paper, its page 1
    # citing 1999 twice and 2002 once)
    assert find_year({"creationDate": "Fri Sep 26 11:09:16 2003"}, lines, prose) == 2003
    assert find_year({"creationDate": "D:2003"}, lines, prose) == 2003
    assert find_year({"creationDate": "12/5/26 10:01"}, lines, prose) == 1976  # no year of four digits


@pytest.mark.parametrize(
    ("first_page", "stamp", "year"),
    [
        # an ACM template's placeholders on a survey of 2025 (its first version, March 2025)
        ("© 2018 Copyright held by the owner/author(s).", "arXiv:2504.08748v1  [cs.IR]  26 Mar 2025", 2025),
        # IEEE's template date on a paper first posted in 2019, stamped in its 2020 version
        (
            "JOURNAL OF LATEX CLASS FILES, VOL. 14, NO. 8, AUGUST 2015",
            "arXiv:1903.10520v2  [cs.CV]  9 Aug 2020",
            2019,
        ),
        # the venue a later version names is printed, and kept
        ("Published as a conference paper at ICLR 2016", "arXiv:1509.02971v6  [cs.LG]  5 Jul 2019", 2016),
        # a paper given in 1994 and posted in 1995: as arXiv (and its API) dates it
        (
            "Santa Fe, NM, Nov. 20–22, 1994, IEEE Computer Society Press",
            "arXiv:quant-ph/9508027v2  25 Jan 1996",
            1995,
        ),
        # citations on page 1 that read as no prose (two columns), years before the paper
        (
            "(Hermann et al., 2015; Rajpurkar et al., 2016, 2018)",
            "arXiv:1905.06933v3  [cs.CL]  4 Jun 2019",
            2019,
        ),
    ],
)
def test_arxivs_stamp_bounds_the_years_page_one_may_print(first_page: str, stamp: str, year: int) -> None:
    created = {"creationDate": "D:20240610212854"}  # saved again by a browser
    assert find_year(created, [Line(0, first_page, 8.0, False, 0)], "", stamp) == year


def test_the_year_of_a_running_footer_counts_though_the_footer_leaves_the_text(tmp_path: Path) -> None:
    # a real workshop paper (DLfM 2017, on arXiv): its reference format at every page's foot, a
    # running footer that leaves the reading flow; the PDF was made a year later
    doc = _paper("Machine Listening Intelligence", "1 Introduction", "Machines listen to music. ")
    for number in range(4):
        page = doc[0] if number == 0 else doc.new_page()
        if number:
            page.insert_textbox((72, 72, 540, 300), "Listening is modelled. " * 20, fontsize=10)
        page.insert_text((72, 745), "C.E. Cella. 2017. Machine listening intelligence. In DLfM.", fontsize=9)
        page.insert_text((72, 756), "Anchorage, US. May, 2017. pp 50-55", fontsize=9)
    doc.set_metadata({"creationDate": "D:20180207204507Z"})
    doc.save(path := tmp_path / "dlfm.pdf")
    paper = extract_paper(path)
    assert paper.year == 2017
    assert "Anchorage" not in paper.full_text


def test_the_keywords_after_an_abstract_are_not_part_of_it() -> None:
    # ICASSP runs "Index Terms—" on after the abstract; elsewhere "Keywords:" has its paragraph
    for after in (
        " Index Terms— audio-visual separation, music",
        "\n\nKeywords: violin; motion; keypoints",
        "\n\nCCS CONCEPTS\n\n• Applied computing →Sound and music computing.\n\nKEYWORDS violin, motion",  # ACM's
    ):
        sections = [
            Section(
                heading="Abstract", text="We separate two violins by their players' motion." + after, level=1
            ),
            Section(heading="1 Introduction", text="Musicians are seen as well as heard.", level=1),
        ]
        abstract, rest = take_abstract(sections, [], 10.0)
        assert abstract == "We separate two violins by their players' motion."
        assert [s.heading for s in rest] == ["1 Introduction"]
    sections = [Section(heading="Abstract", text="We list the keywords: violin, cello.", level=1)]
    assert take_abstract(sections, [], 10.0)[0] == "We list the keywords: violin, cello."


def test_an_introduction_read_into_the_abstract_is_kept_as_a_section() -> None:
    # DivideMix (ICLR 2020): its "1 INTRODUCTION" was missed as a heading, so the introduction
    # ran on under "ABSTRACT"; the abstract ended at it, and its 4,300 characters were lost
    introduction = "Deep networks need many labels.\n\nLabels are costly and noisy."
    sections = [
        Section(heading="ABSTRACT", text=f"We learn from noisy labels.\n\n1 INTRODUCTION\n\n{introduction}"),
        Section(heading="2 RELATED WORK", text="Most methods correct the loss."),
    ]
    abstract, rest = take_abstract(sections, [], 10.0)
    assert abstract == "We learn from noisy labels."
    assert [(s.heading, s.text) for s in rest] == [
        ("1 INTRODUCTION", introduction),
        ("2 RELATED WORK", "Most methods correct the loss."),
    ]
    sections[1] = Section(heading="1 Introduction", text="Most methods correct the loss.")  # its own
    assert [s.heading for s in take_abstract(sections, [], 10.0)[1]] == ["1 Introduction"]


def test_authors_set_larger_than_their_affiliations_are_told_from_them() -> None:
    # ACM's sigconf sets eight authors in 12 pt, each over 10 pt lines of affiliation, address and
    # e-mail ("Inria Paris-Rocquencourt" has a name's shape): 30 lines under the title
    people = [
        ("Ben Trovato", "Institute for Clarity in Documentation"),
        ("Valerie Béranger", "Inria Paris-Rocquencourt"),
        ("Aparna Patel", "Rajiv Gandhi University"),
        ("Huifen Chan", "Tsinghua University"),
        ("Charles Palmer", "Palmer Research Laboratories"),
        ("John Smith", "The Thørväld Group"),
        ("Julius P. Kumquat", "The Kumquat Consortium"),
        ("Lars Thørväld", "Hekla Consortium"),
    ]
    lines = [Line(0, "The Name of the Title Is Hope", 17.0, True, 0)]
    for block, (name, affiliation) in enumerate(people, start=1):
        lines += [Line(0, name, 12.0, False, block), Line(0, affiliation, 10.0, False, block)]
        lines += [
            Line(0, "Dublin, Ohio", 10.0, False, block),
            Line(0, "someone@example.org", 10.0, False, block),
        ]
    lines.append(Line(0, "ABSTRACT", 10.9, True, 20))
    assert find_authors({}, lines, [0], 9.0) == [name for name, _affiliation in people]


def test_jmlrs_page_one_title_and_authors_survive_its_running_heads() -> None:
    # JMLR repeats its title in capitals over odd pages, as running heads are dropped; its
    # authors' addresses end with a period and its editor is named under them
    title = Line(0, "Clustering with Bregman Divergences", 14.3, True, 1)
    page_one = [
        Line(0, "Journal of Machine Learning Research 6 (2005) 1705–1749", 8.0, False, 0),
        title,
        Line(0, "Arindam Banerjee", 10.9, True, 2),
        Line(0, "ABANERJE@ECE.UTEXAS.EDU", 10.0, False, 2),
        Line(0, "Austin, TX 78712, USA.", 10.0, False, 2),
        Line(0, "Joydeep Ghosh", 10.9, True, 3),
        Line(0, "Austin, TX 78712, USA.", 10.0, False, 3),
        Line(0, "Editor: John Lafferty", 10.0, False, 4),
        Line(0, "Abstract", 12.0, True, 5),
        *[Line(0, "A wide variety of distortion functions have been used for clustering.", 10.0, False, 6)]
        * 8,
    ]
    later = [
        Line(page, "CLUSTERING WITH BREGMAN DIVERGENCES", 0.0, False, 0, False, True, True)
        for page in (2, 4, 6)
    ]
    lines = drop_running_lines([*page_one, *later], 7)
    assert title in lines and "CLUSTERING WITH BREGMAN DIVERGENCES" not in [line.text for line in lines]
    assert find_authors({}, lines, [1], 10.0) == ["Arindam Banerjee", "Joydeep Ghosh"]


def test_a_power_on_page_one_stays_a_power(tmp_path: Path) -> None:
    # page 1 drops type smaller than its line (footnote marks, affiliations), but a superscript
    # of digits right after a digit is a power: "6 × 10^6", not "6 × 10"
    with pymupdf.open() as doc:
        page = doc.new_page()
        page.insert_text((72, 100), "Seeing the Bow in Duets", fontsize=18, fontname="tibo")
        lead, x = "The network saw 6 x 10", 72.0
        page.insert_text((x, 200), lead, fontsize=10, fontname="tiro")
        x += pymupdf.get_text_length(lead, "tiro", 10)
        page.insert_text((x, 196.5), "6", fontsize=7, fontname="tiro")  # raised, smaller
        x += pymupdf.get_text_length("6", "tiro", 7)
        page.insert_text((x, 200), " items while training.", fontsize=10, fontname="tiro")
        doc.save(tmp_path / "power.pdf")
    with pymupdf.open(tmp_path / "power.pdf") as doc:
        texts = [line.text for line in read_document(doc).lines]
    assert texts == ["Seeing the Bow in Duets", "The network saw 6 x 10^6 items while training."]


def test_a_title_in_capitals_is_written_as_the_paper_writes_its_words(tmp_path: Path) -> None:
    # ICLR sets its title in capitals and LaTeX breaks a long word at a line's end ("ATTEN-" /
    # "TION"); lowercased, the title lost its names ("shapley") and kept the break's hyphen
    doc = pymupdf.open()
    page = doc.new_page()
    top = 72.0
    for text, size in [
        ("UNIFYING FEATURE ATTRIBUTION: ATTEN-\nTION FLOWS, SHAPLEY VALUES AND", 16),
        ("AUDIO-VISUAL OPTICAL MUSIC RECOGNITION AT ICASSP", 16),
        ("Ana Lima", 10),
        ("Abstract", 10),
        (
            "We read attention flows as Shapley values. The attention of a model is its focus, and\n"
            "Shapley values share a gain fairly: our audio-visual reading of Shapley values\n"
            "explains Optical Music Recognition models, as shown at ICASSP.",
            10,
        ),
        ("1 Introduction", 10),
        ("Models of music are hard to explain; attention weights alone do not explain them.", 10),
    ]:
        height = size * 1.5 * (text.count("\n") + 1) + 6
        assert page.insert_textbox((72, top, 540, top + height), text, fontsize=size, fontname="helv") >= 0
        top += height + size
    doc.save(path := tmp_path / "paper.pdf")
    assert extract_paper(path).title == (
        "Unifying feature attribution: attention flows, Shapley values and audio-visual optical "
        "music recognition at ICASSP"
    )


def test_a_letter_alone_in_a_title_in_capitals_stays_a_capital() -> None:
    # Koenker's vignette "QUANTILE REGRESSION IN R: A VIGNETTE" read "… in r: a vignette"
    printed = ["QUANTILE REGRESSION IN R: A VIGNETTE"]
    title = title_as_written(
        "Quantile regression in r: a vignette", printed, "Quantile regression in R is fast."
    )
    assert title == "Quantile regression in R: a vignette"


def test_an_ieee_access_paper_past_its_blank_first_page_and_its_drop_cap(tmp_path: Path) -> None:
    # an IEEE Access paper built from its template: page 1 holds a running head, a picture
    # and a full stop; on page 2 the drop cap "T" of "This paper" is larger than the title, and
    # the authors' names are in capitals with their grades
    doc = pymupdf.open()
    cover = doc.new_page()
    cover.insert_text((36, 38), "Author et al.: Preparation of Papers for IEEE Access", fontsize=7)
    cover.insert_text((46, 70), ".", fontsize=10)
    cover.draw_rect(pymupdf.Rect(46, 100, 540, 700), color=(0, 0, 0), fill=(0.8, 0.8, 0.9))
    page = doc.new_page()
    page.insert_text((36, 120), "Seeing the Bow: Motion Cues for Duets", fontsize=22, fontname="hebo")
    x = 36.0  # the names in capitals, each with its mark (smaller, raised) and its IEEE grade
    for text, size, rise in [("ANA LIMA", 9.9, 0), ("1", 6.9, 3), (", (Member, IEEE), BEN ORTIZ", 9.9, 0)]:
        page.insert_text((x, 155 - rise), text, fontsize=size, fontname="hebo")
        x += pymupdf.get_text_length(text, fontname="hebo", fontsize=size)
    page.insert_text((x, 152), "2", fontsize=6.9, fontname="hebo")
    page.insert_text((36, 168), "1Music Technology Group, Example University, Porto, Portugal", fontsize=6.6)
    page.insert_text((45, 265), "ABSTRACT", fontsize=10, fontname="hebo")
    page.insert_text(
        (108, 265), "Separating two violins that play together is hard from the sound.", fontsize=10
    )
    page.insert_text((37, 515), "I. INTRODUCTION", fontsize=9, fontname="hebo")
    page.insert_text((36, 548), "T", fontsize=28.5, fontname="tibo")
    page.insert_text((57, 532), "HIS paper shows that the motion of the players helps.", fontsize=10)
    page.insert_text(
        (36, 560), "Musicians are seen as well as heard, and listeners use what they see.", fontsize=10
    )
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert paper.title == "Seeing the Bow: Motion Cues for Duets"
    assert paper.authors == ["Ana Lima", "Ben Ortiz"]
    assert paper.abstract.startswith("Separating two violins")
    assert paper.sections[0].heading == "I. INTRODUCTION"


def test_an_ieee_journal_papers_bold_abstract_and_drop_cap(tmp_path: Path) -> None:
    # a real IEEE/ACM TASLP paper (2014): the abstract and index terms in bold, a line of the
    # abstract that starts a sentence after a full line is no heading; "I. INTRODUCTION" in
    # small capitals shares its block with the drop cap "M" of "MUSICAL"
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((52, 80), "Motion Cues for Separating Same-Instrument Duets", fontsize=22)
    page.insert_text((130, 119), "Ana Lima, Member, IEEE, and Ben Ortiz", fontsize=11)
    abstract = [
        "Abstract-Separating two violins that play together is hard",
        "from the sound alone, and it matters for music retrieval.",
        "While much progress has been made on other instruments",
        "the same instrument twice remains hard. We show that the",
        "motion of the players tells them apart, on forty duets.",
    ]
    for n, text in enumerate(abstract):
        page.insert_text((40, 160 + 10 * n), text, fontsize=8.9, fontname="hebo")
    page.insert_text(
        (40, 222), "Index Terms-Source separation, audio-visual, violin.", fontsize=8.9, fontname="hebo"
    )
    page.insert_text((129, 270), "I. INTRODUCTION", fontsize=9.9)
    page.insert_text((40, 290), "M", fontsize=29.9, fontname="tibo")
    page.insert_text((72, 276), "USICIANS are seen as well as heard, and a", fontsize=9.9)
    page.insert_text((72, 288), "listener who watches them separates them better.", fontsize=9.9)
    page.insert_textbox((40, 292, 290, 420), "Seeing the players helps to separate them. " * 8, fontsize=9.9)
    doc.save(path := tmp_path / "taslp.pdf")
    paper = extract_paper(path)
    assert paper.abstract.startswith("Separating two violins that play together is hard from the sound")
    assert paper.abstract.endswith("tells them apart, on forty duets.")
    assert [s.heading for s in paper.sections] == ["I. INTRODUCTION"]
    assert paper.sections[0].text.startswith("MUSICIANS are seen as well as heard")


def test_a_running_foot_on_every_other_page_is_dropped() -> None:
    # Frontiers' drafts put "Frontiers 3" at the foot of odd pages and ACM's journals their
    # head on odd pages only: on a six-page paper that is twice, under the three pages asked
    # of a line anywhere on the page; at a page's top or bottom, twice is enough
    body = "Musicians are seen as well as heard, and a listener who watches separates them better."
    page_one = [Line(0, "Seeing the Bow", 18.0, True, 0), Line(0, body, 10.0, False, 1)]
    later: list[Line] = []
    for page in range(1, 6):
        later += [Line(page, f"{body} ({page}.{n})", 0.0, False, n, False, True, True) for n in range(4)]
        if page % 2 == 0:
            later.insert(-2, Line(page, "where x is the mixture", 0.0, False, 5, False, True, True))
            later.append(Line(page, f"Frontiers {page + 1}", 0.0, False, 6, False, True, True))
    kept = [line.text for line in drop_running_lines([*page_one, *later], 6)]
    assert not any(text.startswith("Frontiers") for text in kept)
    assert kept.count("where x is the mixture") == 2  # within the pages, twice: no running line


@pytest.mark.parametrize("marks", [["*"], ["1", "*"]])
def test_a_mark_after_a_name_keeps_the_names_apart(tmp_path: Path, marks: list[str]) -> None:
    # Frontiers: "Ewan Dunbar∗ and Emmanuel Dupoux", the mark raised and smaller; mupdf sees no
    # space after the mark, and leaving the mark out glued the names ("Dunbarand Emmanuel");
    # RASTI's "William Martin1★and Daniel Mortlock", two marks, gave "William Martinand"
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((45, 100), "The Influence of Symmetry on Speech Sounds", fontsize=20, fontname="hebo")
    x = 45.0
    raised = [(mark, 9, 4, 0.2, font) for mark, font in zip(marks, ["helv", "tiro"], strict=False)]
    for text, size, rise, gap, font in [
        ("Ana Lima", 12, 0, 0.0, "helv"),
        *raised,
        ("and Ben Ortiz", 12, 0, 1.0, "helv"),
    ]:
        x += gap
        page.insert_text((x, 130 - rise), text, fontsize=size, fontname=font)  # a mark in a font of its own
        x += pymupdf.get_text_length(text, fontsize=size, fontname=font)
    _abstract_and_introduction(page, 170, left=45)
    doc.save(path := tmp_path / "paper.pdf")
    assert extract_paper(path).authors == ["Ana Lima", "Ben Ortiz"]


def _abstract_and_introduction(
    page: pymupdf.Page,
    top: float,
    *,
    left: float = 72,
    abstract: str = "Separating two violins that play together is hard from the sound alone.",
    heading: str = "1. Introduction",
    text: str = "Musicians are seen as well as heard, and listeners use what they see.",
) -> None:
    """The rest of a made-up page 1, from ``top`` down: an "ABSTRACT" heading over ``abstract``
    (lines apart at its newlines, in one block), and ``heading`` over ``text``."""
    page.insert_text((left, top), "ABSTRACT", fontsize=9, fontname="hebo")
    page.insert_textbox((left, top + 6, 540, top + 50), abstract, fontsize=9)
    page.insert_text((left, top + 60), heading, fontsize=11, fontname="hebo")
    page.insert_textbox((left, top + 70, 540, top + 160), text, fontsize=10)


def test_an_icml_papers_appendices_and_table_header_rows(tmp_path: Path) -> None:
    # a real ICML-style paper: its appendix "C." was read as IEEE's roman C (100), which made
    # "1. Introduction" a subsubsection; its appendices "A." were IEEE's subsections; and the
    # bold row of a table's column names above its rows was a heading of its own
    doc = pymupdf.open()
    texts = (
        f"Musicians are seen as well as heard ({n}), and a listener who watches them separates the sounds better."
        for n in range(9)
    )
    page, y = doc.new_page(), 72.0

    def put(text: str, size: float = 10, font: str = "helv", gap: float = 16) -> None:
        nonlocal y
        page.insert_text((72, y), text, fontsize=size, fontname=font)
        y += gap

    put("Seeing the Bow: Motion Cues for Duets", 18, "hebo", 30)
    put("Ana Lima and Ben Ortiz", 11, gap=30)
    put("Abstract", 11, "hebo")
    put("Separating two violins that play together is hard from the sound alone.", gap=30)
    put("1. Introduction", 11, "hebo")
    put(next(texts), gap=30)
    page, y = doc.new_page(), 72.0
    put("2. Method", 11, "hebo")
    put(next(texts), gap=30)
    put("Instrument Pieces Audio Video", 10, "hebo", 22)
    for row in ["Violin 12 4.1 7.9", "Cello 9 3.6 6.8", "Flute 10 5.2 6.1"]:
        for column, cell in enumerate(row.split()):
            page.insert_text((72 + 60 * column, y), cell, fontsize=10)
        y += 13
    put("", gap=20)
    put("3. Results", 11, "hebo")
    put(next(texts), gap=30)
    page, y = doc.new_page(), 72.0
    for appendix in ["A. Proofs", "B. Data", "C. Prompts"]:
        put(appendix, 11, "hebo")
        put(next(texts), gap=30)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [(s.level, s.heading) for s in paper.sections] == [
        (1, "1. Introduction"),
        (1, "2. Method"),
        (1, "3. Results"),
        (1, "A. Proofs"),
        (1, "B. Data"),
        (1, "C. Prompts"),
    ]
    assert paper.tables == [
        "Instrument Pieces Audio Video\nViolin | 12 | 4.1 | 7.9\nCello | 9 | 3.6 | 6.8\nFlute | 10 | 5.2 | 6.1"
    ]


def test_keywords_under_a_heading_of_their_own_are_neither_abstract_nor_section(tmp_path: Path) -> None:
    # IEEE Access's "INDEX TERMS" and many preprints' "Keywords", each a bold heading of its own
    doc = pymupdf.open()
    for keywords in ("Keywords", "INDEX TERMS"):
        page = doc.new_page()
        page.insert_text((72, 80), "Seeing the Bow: Motion Cues for Duets", fontsize=18, fontname="hebo")
        page.insert_text((72, 110), "Ana Lima and Ben Ortiz", fontsize=11)
        page.insert_text((72, 150), "Abstract", fontsize=11, fontname="hebo")
        page.insert_text(
            (72, 170), "Separating two violins that play together is hard from the sound alone.", fontsize=10
        )
        page.insert_text((72, 210), keywords, fontsize=11, fontname="hebo")
        page.insert_text((72, 230), "audio-visual separation, music, motion", fontsize=10)
        page.insert_text((72, 270), "1 Introduction", fontsize=11, fontname="hebo")
        page.insert_text(
            (72, 290), "Musicians are seen as well as heard, and listeners use what they see.", fontsize=10
        )
        doc.save(path := tmp_path / f"{keywords}.pdf")
        doc = pymupdf.open()
        paper = extract_paper(path)
        assert paper.abstract == "Separating two violins that play together is hard from the sound alone."
        assert [s.heading for s in paper.sections] == ["1 Introduction"]


@pytest.mark.parametrize(
    ("over", "size", "font"),
    [
        # Taylor & Francis (interact.cls, JNMR's class) prints "RESEARCH ARTICLE" over the
        # title, in the title's size: the title read "Research article"
        ("RESEARCH ARTICLE", 12, "helv"),
        # ASME's conferences print the paper's number over the title, in larger bold type: the
        # title read "Imece2023-xxxx", and no author was found under it
        ("IMECE2023-XXXX", 14.5, "hebo"),
    ],
)
def test_the_kind_of_article_over_its_title_is_not_the_title(
    tmp_path: Path, over: str, size: float, font: str
) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), over, fontsize=size, fontname=font)
    page.insert_text((72, 110), "Seeing the bow: motion cues for separating", fontsize=12, fontname="hebo")
    page.insert_text((72, 125), "same-instrument duets", fontsize=12, fontname="hebo")
    page.insert_text((72, 150), "Ana Lima and Ben Ortiz", fontsize=10.9)
    _abstract_and_introduction(page, 190)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert paper.title == "Seeing the bow: motion cues for separating same-instrument duets"
    assert paper.authors == ["Ana Lima", "Ben Ortiz"]


def test_a_heading_whose_mathematics_the_outline_leaves_out_is_found(tmp_path: Path) -> None:
    # hyperref writes "4.2.2 ℓ1 and ℓ2 Regularization" into the outline as "1 and 2
    # Regularization" (an ICLR paper's): its letters differ from the heading's, which was lost
    doc = pymupdf.open()
    texts = iter(
        f"The network is trained on duets of one instrument, part {n} of this study." for n in range(4)
    )
    for page_headings in (["1 Introduction", "2 Method"], ["2.1 l1 and l2 Regularization", "3 Results"]):
        page, y = doc.new_page(), 72.0
        for heading in page_headings:
            page.insert_text((72, y), heading, fontsize=11, fontname="hebo")
            page.insert_text((72, y + 20), next(texts), fontsize=10)
            y += 60
    doc.set_toc(
        [[1, "Introduction", 1], [1, "Method", 1], [2, "1 and 2 Regularization", 2], [1, "Results", 2]]
    )
    doc.save(path := tmp_path / "paper.pdf")
    headings = [(s.level, s.heading) for s in extract_paper(path).sections]
    assert (2, "2.1 l1 and l2 Regularization") in headings


def test_a_compound_broken_before_a_digit_on_page_one_keeps_its_hyphen(tmp_path: Path) -> None:
    # "GPT-" / "2-style" at a line's end in an abstract read "GPT- 2-style"
    abstract = "Transformers attend to their first position. We study this behavior in GPT-\n2-style models."
    path = _made_up_paper(
        tmp_path, "Attention Sinks in Transformers", abstract=abstract, heading="1 Introduction"
    )
    assert "We study this behavior in GPT-2-style models." in extract_paper(path).abstract


def test_an_abstract_left_empty_but_for_its_index_terms_is_no_abstract(tmp_path: Path) -> None:
    # an ICASSP draft: "ABSTRACT" over "Index Terms— Pathological speech, intelligibility" only
    abstract = "Index Terms: Pathological speech, intelligibility"
    intro = ("Speech disorders are many, and listeners judge them by ear. " * 5).strip()
    path = _made_up_paper(
        tmp_path, "PAPER FOR PATHOLOGY REVIEW", abstract=abstract, heading="1. INTRODUCTION", text=intro
    )
    assert extract_paper(path).abstract.startswith("Speech disorders are many")


def _made_up_paper(tmp_path: Path, title: str, **page_one: str) -> Path:
    """A one-page paper: ``title``, two authors, then ``_abstract_and_introduction``'s page
    (``page_one``: its abstract, heading or text, where not its own)."""
    doc, page = _titled_page(title)
    _abstract_and_introduction(page, 145, **page_one)
    doc.save(path := tmp_path / "paper.pdf")
    return path


def _titled_page(
    title: str = "Seeing the Bow", authors: str = "Ana Lima and Ben Ortiz"
) -> tuple[pymupdf.Document, pymupdf.Page]:
    """A new PDF whose page 1 has ``title`` in bold 16 pt and ``authors`` under it."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), title, fontsize=16, fontname="hebo")
    page.insert_text((72, 105), authors, fontsize=11)
    return doc, page


def test_a_french_research_title_under_a_name_is_no_author() -> None:
    # a book chapter: the author in capitals, then "Directeur de Recherche au CNRS" (his post)
    lines = [
        Line(0, "EXPLORATION OF TIMBRE BY ANALYSIS AND SYNTHESIS", 14.0, True, 0),
        Line(0, "JEAN-CLAUDE RISSET", 9.0, False, 1),
        Line(0, "Directeur de Recherche au CNRS", 9.0, False, 1),
        Line(0, "Laboratoire de Mécanique et d'Acoustique", 9.0, False, 1),
        Line(0, "Marseille, France", 9.0, False, 1),
    ]
    assert find_authors({}, lines, [0], 10.0) == ["Jean-Claude Risset"]


def test_a_headings_words_are_one_space_apart(tmp_path: Path) -> None:
    # Springer's LNCS sets a section's number apart from its title: "1   Introduction"
    pdf = make_pdf(
        tmp_path / "p.pdf",
        "Representation Levels of Music",
        [
            ("1   Introduction", "Music is represented at several levels. " * 6),
            ("2   Levels", "The levels are these. " * 6),
        ],
    )
    assert [s.heading for s in extract_paper(pdf).sections] == ["1 Introduction", "2 Levels"]


def test_a_bold_question_under_a_heading_does_not_continue_it(tmp_path: Path) -> None:
    # Taylor & Francis: "4. Case study" over a bold paragraph of its questions, which was read
    # as the heading's second line ("4. Case study How much data to be loaded? How much …")
    path = _made_up_paper(tmp_path, "Smooth Zooming of Maps", abstract="We merge areas a step at a time.")
    doc = pymupdf.open(path)
    page = doc.new_page()
    page.insert_text((72, 80), "4. Case study", fontsize=10, fontname="hebo")
    page.insert_text(
        (72, 100), "How much data to be loaded? How much time for loading data?", fontsize=10, fontname="hebo"
    )
    page.insert_text(
        (72, 125), "We have stored the result as a set of tables in a database and timed them.", fontsize=10
    )
    doc.save(path := tmp_path / "paper2.pdf")
    headings = [s.heading for s in extract_paper(path).sections]
    assert headings == ["1. Introduction", "4. Case study"]


def test_a_software_articles_unnumbered_implementation_section_is_found(tmp_path: Path) -> None:
    # BMC's and SpringerOpen's classes (EURASIP's audio, speech and music journal): unnumbered
    # "Background", "Implementation", "Results and Discussion", each heading in its paragraph's
    # block as mupdf reads it; and hyperref wrote the title's LaTeX quotes into the PDF's title
    path = _made_up_paper(
        tmp_path, "“gnparser”: A Parser for Names", abstract="We parse names.", heading="Background"
    )
    doc = pymupdf.open(path)
    doc.set_metadata({"title": "``gnparser'': A Parser for Names"})
    page = doc.new_page()
    for top, heading in ((80, "Implementation"), (160, "Results and Discussion")):
        page.insert_text((72, top), heading, fontsize=10, fontname="hebo")
        page.insert_text(
            (72, top + 12), "The parser is written in Scala and runs on the JVM, in one thread.", fontsize=9
        )
    doc.save(path := tmp_path / "paper2.pdf")
    paper = extract_paper(path)
    assert paper.title == "“gnparser”: A Parser for Names"
    assert [s.heading for s in paper.sections] == ["Background", "Implementation", "Results and Discussion"]


def test_a_page_one_line_that_starts_with_an_empty_span_is_read() -> None:
    # a span of no text before a line's words (a font change with nothing in it) was taken for a
    # mark left out, and the check for the space after a mark looked before the line's start
    line = make_line(
        [(10.0, "", False), (10.0, "Ana Lima", False), (7.0, "*", False), (10.0, "and Ben", False)],
        0,
        3,
        True,
        True,
        0.0,
        0.0,
    )
    assert line is not None and line.text == "Ana Lima and Ben"


def test_an_abstract_of_one_sentence_with_no_heading_is_the_one_the_keywords_follow(tmp_path: Path) -> None:
    # a real workshop paper printed from a browser: under the author, one sentence, then
    # "K eywords: …" with its letters spaced apart, then "1 Introduction"
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), "Machine listening intelligence", fontsize=20)
    page.insert_text((72, 110), "Ana Lima", fontsize=14)
    sentence = (
        "This manifesto paper will introduce machine listening intelligence, an integrated research "
        "framework for musical signals, based on signal processing and deep learning."
    )
    page.insert_textbox((72, 140, 540, 180), sentence, fontsize=11)
    page.insert_text((72, 200), "K eywords: deep learning, musicology, representation theory.", fontsize=11)
    page.insert_text((72, 230), "1 Introduction", fontsize=14)
    text = "The relation between signals and symbols is a central problem. " * 4
    page.insert_textbox((72, 240, 540, 330), text, fontsize=11)
    doc.save(path := tmp_path / "manifesto.pdf")
    paper = extract_paper(path)
    assert paper.abstract == sentence
    assert paper.sections[0].heading == "1 Introduction"


@pytest.mark.parametrize("heading", ["References and Notes", "Bibliographie", "Literatur", "Referencias"])
def test_a_references_list_under_another_name_stays_out_of_the_text(heading: str, tmp_path: Path) -> None:
    # Science heads its list "References and Notes"; papers in French, German or Spanish name
    # it in their language
    doc, page = _titled_page()
    _abstract_and_introduction(page, 145)
    page.insert_text((72, 330), heading, fontsize=11, fontname="hebo")
    references = "1. H. Zhao, C. Gan, A. Torralba, The sound of pixels, Proc. ECCV, 2018."
    page.insert_textbox((72, 340, 540, 380), references, fontsize=9)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == ["1. Introduction"]
    assert "sound of pixels" not in paper.full_text


def test_an_abstract_headed_summary_is_the_abstract(tmp_path: Path) -> None:
    # Cell Press's and the Lancet's journals head the abstract "Summary"; under the authors, a
    # long block of addresses in small type, which is no abstract
    doc, page = _titled_page()
    addresses = (
        "Department of Music, Example University, Rua do Exemplo 123, 4000-000 Porto, Portugal; "
        "Example Institute for Audio-visual Research, 10 Rue de l'Exemple, 69000 Lyon, France; "
        "Correspondence: ana.lima@example.org, ben.ortiz@example.org; ORCID 0000-0002-1825-0097"
    )
    page.insert_textbox((72, 115, 540, 160), addresses, fontsize=8)
    page.insert_text((72, 180), "Summary", fontsize=11, fontname="hebo")
    summary = (
        "Separating two violins that play together is hard from the sound alone. We show how motion helps."
    )
    page.insert_textbox((72, 186, 540, 240), summary, fontsize=10)
    page.insert_text((72, 260), "Introduction", fontsize=11, fontname="hebo")
    page.insert_textbox((72, 266, 540, 340), "Musicians are seen as well as heard. " * 5, fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert paper.abstract == summary
    assert [s.heading for s in paper.sections] == ["Introduction"]


def test_an_introduction_with_no_heading_leaves_out_keywords_spaced_apart(tmp_path: Path) -> None:
    # APA's journal layout printed from a browser: abstract, "K eywords: …", then the
    # introduction's prose under no heading, then "Results"
    doc, page = _titled_page(authors="Ana Lima")
    abstract = (
        "Separating two violins that play together is hard from the sound alone. We show how the motion "
        "of the players helps listeners tell them apart."
    )
    page.insert_textbox((90, 120, 520, 160), abstract, fontsize=9)
    page.insert_text((90, 175), "K eywords: audio-visual perception, duets, music", fontsize=10)
    introduction = "Musicians are seen as well as heard, and listeners use what they see. " * 4
    page.insert_textbox((72, 190, 540, 280), introduction, fontsize=10)
    page.insert_text((72, 300), "Results", fontsize=10, fontname="hebo")
    page.insert_textbox((72, 306, 540, 360), "Seeing the players helped the listeners.", fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert paper.abstract == abstract
    assert [s.heading for s in paper.sections] == ["Introduction", "Results"]
    assert paper.sections[0].text.startswith("Musicians are seen as well as heard")
    assert "eywords" not in paper.sections[0].text


def test_an_ieee_caption_in_capitals_over_several_blocks_leaves_the_sentence_whole(tmp_path: Path) -> None:
    # a real IEEE paper: "… higher precision values, which" / "TABLE IV" / "COMBINED MODELS …
    # WHEN TWO" / "POINTS ARE CLOSE … (WITHIN 3 METERS)." / "demonstrates the …", the caption's
    # lines each a block of their own, in capitals
    doc, page = _titled_page()
    _abstract_and_introduction(page, 145)
    page = doc.new_page()
    page.insert_textbox(
        (72, 72, 300, 130), "Combining both models gives higher precision values, which", fontsize=10
    )
    page.insert_textbox((150, 150, 450, 165), "TABLE IV", fontsize=8)
    page.insert_textbox(
        (80, 170, 520, 185), "COMBINED MODELS EVALUATION ON TEST DATA. TRUE POSITIVE WHEN TWO", fontsize=8
    )
    page.insert_textbox((80, 190, 520, 205), "POINTS ARE CLOSE TO EACH OTHER (WITHIN 3 METERS).", fontsize=8)
    page.insert_textbox((72, 230, 300, 290), "demonstrates the value of the combination.", fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert paper.captions == [
        "TABLE IV COMBINED MODELS EVALUATION ON TEST DATA. TRUE POSITIVE WHEN TWO POINTS ARE CLOSE TO "
        "EACH OTHER (WITHIN 3 METERS)."
    ]
    assert "higher precision values, which demonstrates the value" in " ".join(paper.full_text.split())


def test_a_caption_in_capitals_with_lowercase_symbols_goes_on_in_capitals_only() -> None:
    # IEEE TSP (Andén and Mallat 2014): captions in capitals with their maths' symbols in
    # lowercase ("∥Smx∥/∥x∥", "T = 740 ms"), a line a block: their later lines stayed in the
    # text, between a sentence's halves; TASLP (Su et al. 2014): a caption in capitals does not
    # go on into the lowercase end of the sentence its table cut
    texts = [
        "hence that ∥Sx∥",
        "TABLE I AVERAGED VALUES ∥Smx∥/∥x∥ COMPUTED FOR SIGNALS x IN THE",
        "TIMIT SPEECH DATASET, AS A FUNCTION OF ORDER m AND SCALE T = 740 ms, AND",
        "FOR m = 2, 3 BY CUBIC SPLINE WAVELETS WITH Q2 = Q3 = 1.",
        "converges exponentially to ∥x∥. Table I gives the fraction of energy.",
        "TABLE VII CONFUSION MATRIX (COUNTS) AND F-SCORES FOR PLAYING",
        "TECHNIQUE CLASSIFICATION USING DIFFERENT AUDIO FEATURES (a) , (b)",
        "comparing to distinguishing between violin and viola sounds of the same technique.",
        "TABLE 1",  # a label in capitals over a title that is not
        "Earnings Call Text Surprise Construction: Summary Statistics",
        "for the Combined Data Set",
        "TABLE 2. DATASET",  # a table's row of names in capitals, not the caption's
        "GAN REPGAN En_GAN En_REPGAN",
    ]
    kept, captions = set_aside(_paragraphs(texts))
    assert captions == [
        " ".join(texts[1:4]),
        " ".join(texts[5:7]),
        " ".join(texts[8:11]),
        texts[11],
    ]
    assert [line.text for line in kept] == [texts[0], texts[4], texts[7], texts[12]]


def test_the_abstract_before_the_keywords_is_not_the_footnote_between_them(tmp_path: Path) -> None:
    # ACM's two columns (sigplan): an abstract with no heading ends the first column over the
    # permission block at its foot, in smaller type; the CCS concepts top the second column, so
    # the block is read between the abstract and the keywords
    doc, page = _titled_page()
    abstract = (
        "Separating two violins that play together is hard from the sound alone. We show that the "
        "motion of the players, read from body and hand keypoints, lets a separation network tell "
        "them apart, and we measure where the video helps and where it misleads."
    )
    permission = (
        "Permission to make digital or hard copies of all or part of this work for personal or "
        "classroom use is granted without fee provided that copies are not made or distributed for "
        "profit or commercial advantage and that copies bear this notice and the full citation on "
        "the first page. Copyrights for components of this work owned by others than the author(s) "
        "must be honored."
    )
    page.insert_textbox(pymupdf.Rect(72, 130, 290, 260), abstract, fontsize=10)  # the left column
    page.insert_textbox(pymupdf.Rect(72, 640, 290, 740), permission, fontsize=7)
    concepts = "CCS Concepts: • Applied computing → Sound and music computing."
    page.insert_textbox(pymupdf.Rect(310, 120, 540, 170), concepts, fontsize=10)  # the right column
    page.insert_text((310, 185), "1 Introduction", fontsize=12, fontname="hebo")
    body = "Musicians are seen as well as heard. " * 20
    page.insert_textbox(pymupdf.Rect(310, 195, 540, 700), body, fontsize=10)
    pdf = tmp_path / "acm.pdf"
    doc.save(pdf)
    assert extract_paper(pdf).abstract == abstract


def test_a_heading_run_in_at_a_pages_foot_is_no_footnote() -> None:
    # ACM's journals: "17 SIGCHI EXTENDED ABSTRACTS The “sigchi-a” …" ends a page in its
    # paragraph's block, numbered like a footnote; the outline names it
    toc = [[1, "16 Multi-language papers", 8], [1, "17 SIGCHI Extended Abstracts", 8]]
    heads = led_by_numbered_item(toc)
    assert heads("17 SIGCHI EXTENDED ABSTRACTS The “sigchi-a” template style produces a landscape page.")
    assert not heads("17 See https://example.org/sigchi for the extended abstracts of the SIGCHI.")
    body = Line(
        1,
        "The text of the page goes on with what the section has to say about it.",
        0.0,
        False,
        0,
        False,
        True,
        True,
    )
    heading = body._replace(
        text="17 SIGCHI EXTENDED ABSTRACTS The “sigchi-a” template style produces a page.", block=1
    )
    note = body._replace(text="18 See https://example.org/sigchi for the extended abstracts.", block=2)
    kept, _captions = set_aside([body, heading, note], heads)
    assert kept == [body, heading]


def test_a_numbered_outline_item_takes_its_run_in_heading_not_an_unnumbered_one_a_page_on() -> None:
    # ACM's journals: "14 ACKNOWLEDGMENTS Identification of …" run in on page 8, the acks
    # environment's unnumbered "ACKNOWLEDGMENTS" on page 9; the outline names both
    para = Line(7, "", 0.0, False, 0, False, True, True)
    lines = [
        para._replace(text="13 CITATIONS The use of BibTeX for the preparation of references is expected."),
        para._replace(
            text="14 ACKNOWLEDGMENTS Identification of funding sources and other support.", block=1
        ),
        para._replace(text="ACKNOWLEDGMENTS", page=8, bold=True),
        para._replace(
            text="To Robert, for the bagels and explaining CMYK and color spaces.", page=8, block=1
        ),
    ]
    toc = [[1, "13 Citations", 8], [1, "14 Acknowledgments", 8], [1, "Acknowledgments", 9]]
    split, headings = find_headings(lines, 10.0, toc)
    assert [split[i].text for i in sorted(headings)] == [
        "13 CITATIONS",
        "14 ACKNOWLEDGMENTS",
        "ACKNOWLEDGMENTS",
    ]


def test_names_each_before_its_affiliation_on_its_line_are_the_authors() -> None:
    # "Name, Affiliation, City, Country", a line each (SAGEEP's proceedings; ACM's journals set the
    # names so in capitals); a department's line in that shape names no one
    lines = [
        Line(0, "SEEING THE BOW: MOTION CUES FOR SEPARATING DUETS", 14.3, True, 0),
        Line(0, "Ana Lima, Example University, Porto, Portugal", 12.0, False, 1),
        Line(0, "Jan van Dijk, University of Amsterdam, Amsterdam, Netherlands", 12.0, False, 1),
        Line(0, "Department of Music, Example University, Lyon, France", 12.0, False, 1),
    ]
    assert find_authors({}, lines, [0], 12.0) == ["Ana Lima", "Jan van Dijk"]


def test_notes_that_outweigh_page_ones_text_leave_it_with_their_author_note(tmp_path: Path) -> None:
    # ACM's journals in one column: under the introduction's 10 pt, notes in 8 pt end page 1,
    # more of them than of text (so page 1's body size reads as 8 pt): the author note
    # ("Contact Author", no sentence), the authors' addresses, the permission block
    doc, page = _titled_page()
    page.insert_text((72, 150), "1 INTRODUCTION", fontsize=10, fontname="hebo")
    text = (
        "Musicians are seen as well as heard, and a listener who watches them separates them more easily. "
        * 4
    )
    page.insert_textbox(pymupdf.Rect(72, 160, 540, 260), text, fontsize=10)
    page.insert_text((72, 495), "Contact Author", fontsize=8)
    addresses = (
        "Authors’ addresses: Ana Lima, Example University, Rua do Exemplo 123, 4000-000 Porto, Portugal, "
        "ana.lima@example.org; Ben Ortiz, Example Institute, 10 Rue de l'Exemple, 69000 Lyon, France."
    )
    page.insert_textbox(pymupdf.Rect(72, 535, 540, 575), addresses, fontsize=8)
    permission = (
        "Permission to make digital or hard copies of all or part of this work for personal or classroom "
        "use is granted without fee provided that copies are not made or distributed for profit or "
        "commercial advantage and that copies bear this notice and the full citation on the first page."
    )
    page.insert_textbox(pymupdf.Rect(72, 585, 540, 640), permission, fontsize=8)
    page = doc.new_page()
    page.insert_textbox(pymupdf.Rect(72, 72, 540, 200), "The text goes on. " * 10, fontsize=10)
    doc.set_toc([[1, "1 Introduction", 1]])
    doc.save(path := tmp_path / "paper.pdf")
    (introduction,) = extract_paper(path).sections
    assert introduction.text.startswith(text.strip())
    for note in ("Contact Author", "Authors’ addresses", "Permission to make"):
        assert note not in introduction.text


def test_a_heading_with_an_abbreviations_stop_is_a_heading(tmp_path: Path) -> None:
    # Elsevier's "2. Evanescent vs. conventional quadrupole light-matter coupling", a paper with no
    # outline: "vs." is no sentence's end
    text = "The players' motion is read from body and hand keypoints at twenty-five frames a second. " * 3
    pdf = make_pdf(
        tmp_path / "p.pdf",
        "Seeing the Bow",
        [("1. Introduction", text), ("2. Audio vs. video cues", text), ("3. Results", text)],
    )
    headings = [s.heading for s in extract_paper(pdf).sections]
    assert headings == ["1. Introduction", "2. Audio vs. video cues", "3. Results"]


def test_a_sections_name_run_in_as_a_bold_lead_is_no_section(tmp_path: Path) -> None:
    # a real ISMIR submission: "Results: Like previous work, …" under "4.1 Band Pass Matching",
    # and "6. CONCLUSION, LIMITATIONS, AND FUTURE WORK" over "Summary: This work …": the leads
    # took the numbered sections' place (and the conclusion, left with no text, was lost)
    doc, page = _titled_page()
    y = 150.0
    for heading, lead, text in [
        ("1. INTRODUCTION", "", "Sound-matching optimises a synthesizer to mimic a sound."),
        (
            "4.1 Band Pass Matching",
            "Results:",
            "Like previous work, listeners prefer the spectrogram losses.",
        ),
        ("5. DISCUSSION", "", "The results confirm that the loss depends on the synthesis."),
        ("6. CONCLUSION", "Summary:", "This work proposed a method for controlled experiments."),
    ]:
        page.insert_text((72, y), heading, fontsize=10, fontname="hebo")
        page.insert_text((72, y + 16), "The study goes on for a full line of its own here.", fontsize=10)
        if lead:
            page.insert_text((72, y + 30), lead, fontsize=10, fontname="hebo")
        page.insert_text((120 if lead else 72, y + 30), text, fontsize=10)
        y += 60
    doc.save(path := tmp_path / "paper.pdf")
    sections = extract_paper(path).sections
    assert [s.heading for s in sections] == [
        "1. INTRODUCTION",
        "4.1 Band Pass Matching",
        "5. DISCUSSION",
        "6. CONCLUSION",
    ]
    assert "Results: Like previous work" in " ".join(sections[1].text.split())


def test_the_article_type_over_a_title_in_its_size_is_no_title(tmp_path: Path) -> None:
    # Taylor & Francis's Interact prints the \articletype over the title in the title's size:
    # "RESEARCH ARTICLE", or as a real draft set it, "REVIEW DRAFT"
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "REVIEW DRAFT", fontsize=12)
    page.insert_text(
        (72, 130), "Seeing the Bow: Motion Cues for Separating Duets", fontsize=12, fontname="hebo"
    )
    page.insert_text((72, 155), "Ana Lima and Ben Ortiz", fontsize=11)
    page.insert_textbox(
        pymupdf.Rect(72, 180, 540, 400), "The players' motion tells them apart. " * 12, fontsize=10
    )
    doc.save(path := tmp_path / "paper.pdf")
    assert extract_paper(path).title == "Seeing the Bow: Motion Cues for Separating Duets"


def test_a_bold_heading_that_ends_with_a_stop_is_a_heading(tmp_path: Path) -> None:
    # ECCV's template: \subsection{Footnotes.} prints "5.4 Footnotes." in bold, alone on its line
    doc, page = _titled_page()
    y = 150.0
    for heading in ("1 Introduction", "1.1 Footnotes.", "2 Conclusion"):
        page.insert_text((72, y), heading, fontsize=10, fontname="hebo")
        page.insert_text(
            (72, y + 16), "The players' motion tells the two violins apart in the mixture.", fontsize=10
        )
        y += 50
    doc.save(path := tmp_path / "paper.pdf")
    assert [s.heading for s in extract_paper(path).sections] == [
        "1 Introduction",
        "1.1 Footnotes.",
        "2 Conclusion",
    ]


def test_an_appendix_run_in_with_its_first_subsection_is_split_by_the_outline() -> None:
    # ACM's one-column journals: "A PERFORMANCE DATA A.1 Violin duets The twelve …" is one
    # paragraph to mupdf, in plain capitals; the outline names "A Performance Data" and "A.1 …"
    para = Line(2, "", 0.0, False, 0, False, True, True)
    lines = [
        para._replace(
            text="6 CONCLUSION Watching the players helps to separate instruments that sound alike."
        ),
        para._replace(
            text="A PERFORMANCE DATA A.1 Violin duets The twelve violin duets were recorded in one hall.",
            block=1,
        ),
        para._replace(text="A.2 Cello duets The nine cello duets were recorded in a second hall.", block=2),
    ]
    toc = [
        [1, "6 Conclusion", 3],
        [1, "A Performance Data", 3],
        [2, "A.1 Violin duets", 3],
        [2, "A.2 Cello duets", 3],
    ]
    split, headings = find_headings(lines, 10.0, toc)
    assert [(headings[i], split[i].text) for i in sorted(headings)] == [
        (1, "6 CONCLUSION"),
        (1, "A PERFORMANCE DATA"),
        (2, "A.1 Violin duets"),
        (2, "A.2 Cello duets"),
    ]


def test_a_bold_titles_line_with_a_plain_footnote_mark_is_still_the_titles(tmp_path: Path) -> None:
    # revtex (JASA's, AIP's) and PMLR: \thanks on the title puts a plain "∗" after its last line,
    # which then read as not bold and was left out of the title
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), "Seeing the Bow: Motion Cues for", fontsize=16, fontname="hebo")
    page.insert_text((72, 100), "Separating Same-Instrument Duets", fontsize=16, fontname="hebo")
    page.insert_text(
        (72 + pymupdf.get_text_length("Separating Same-Instrument Duets", "hebo", 16), 94), "∗", fontsize=10
    )
    page.insert_text((72, 125), "Ana Lima and Ben Ortiz", fontsize=11)
    page.insert_textbox(
        pymupdf.Rect(72, 150, 540, 400), "The players' motion tells them apart. " * 12, fontsize=10
    )
    doc.save(path := tmp_path / "paper.pdf")
    assert extract_paper(path).title == "Seeing the Bow: Motion Cues for Separating Same-Instrument Duets"


def _three_pages_with_a_table(top: float) -> pymupdf.Document:
    """Three pages, each a numbered section, and a table of three rows on page 2 at ``top``."""
    doc = pymupdf.open()
    for number in range(3):
        page = doc.new_page()
        page.insert_text((72, 72), f"{number + 1}. Section {number + 1}", fontsize=12, fontname="hebo")
        page.insert_text(
            (72, 100), "Players are seen as well as heard, and the eye helps the ear.", fontsize=10
        )
    for line, row in enumerate(["Model F1 Recall Precision", "ours 0.91 0.88 0.93", "base 0.85 0.80 0.87"]):
        for column, cell in enumerate(row.split()):
            doc[1].insert_text((72 + 70 * column, top + 14 * line), cell, fontsize=10)
    return doc


TABLE_READ = "Model | F1 | Recall | Precision\nours | 0.91 | 0.88 | 0.93\nbase | 0.85 | 0.80 | 0.87"


def test_a_table_on_a_landscape_page_reads_in_its_rows(tmp_path: Path) -> None:
    # a thesis sets a wide table on a page turned a quarter (/Rotate 90): its words are read as
    # the page stands unturned, as pymupdf reads them, so its rows stay rows
    doc = _three_pages_with_a_table(140)
    doc[1].set_rotation(90)
    doc.save(path := tmp_path / "thesis.pdf")
    assert extract_paper(path).tables == [TABLE_READ]


def test_a_table_is_read_from_its_own_block_under_a_line_that_starts_as_it_does(tmp_path: Path) -> None:
    # the line over the table starts with the table's first three words: the table's words
    # were looked up by them, the line's were found first, and the table stayed a run of text
    doc = _three_pages_with_a_table(300)
    doc[1].insert_text(
        (72, 240), "Model F1 Recall Precision are given for both systems below, on the test set."
    )
    doc.save(path := tmp_path / "paper.pdf")
    assert extract_paper(path).tables == [TABLE_READ]


def test_a_readers_notes_on_the_pdf_are_not_the_papers_text(tmp_path: Path) -> None:
    # a PDF the user linked from their own disk, with their notes on it (annotations): the
    # notes are theirs, not the paper's, and stay out of what is summarized and quoted
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Seeing the Bow: Motion Cues for Duets", fontsize=18, fontname="hebo")
    page.insert_text((72, 110), "1. Introduction", fontsize=12, fontname="hebo")
    page.insert_text((72, 130), "Players are seen as well as heard, and the eye helps the ear.", fontsize=10)
    page.add_freetext_annot(
        pymupdf.Rect(72, 300, 400, 330), "My note: compare with the AV-HuBERT paper", fontsize=10
    )
    page = doc.new_page()
    page.insert_text((72, 72), "2. Method", fontsize=12, fontname="hebo")
    page.insert_text((72, 92), "A network watches the bow and hears the string.", fontsize=10)
    page.add_freetext_annot(pymupdf.Rect(72, 300, 400, 330), "Weak baseline?", fontsize=10)
    doc.save(path := tmp_path / "annotated.pdf")
    paper = extract_paper(path)
    assert paper.title == "Seeing the Bow: Motion Cues for Duets"
    assert [s.heading for s in paper.sections] == ["1. Introduction", "2. Method"]
    assert "note" not in paper.full_text and "baseline" not in paper.full_text


def test_a_title_and_authors_written_after_the_first_pages_text_are_found(tmp_path: Path) -> None:
    # Word (an IEEE letter saved from Word 2010) writes page 1's title and authors last, after
    # both full columns: mupdf reads the page in that order, and the title was the
    # introduction's first line, the authors none
    sentence = "Musicians are seen as well as heard, and listeners use what they see. "
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((560, 30), "1", fontsize=10)
    _abstract_and_introduction(page, 190, text=sentence)
    page.insert_textbox((72, 370, 290, 820), sentence * 24, fontsize=9)
    page.insert_textbox((310, 190, 540, 820), sentence * 40, fontsize=9)
    page.insert_text((110, 90), "Seeing the Bow: Motion Cues for", fontsize=24)
    page.insert_text((110, 118), "Separating Same-Instrument Duets", fontsize=24)
    page.insert_text((72, 150), "Ana Lima, Ben Ortiz, Member, IEEE, and Chen Wu", fontsize=11)
    doc.save(path := tmp_path / "letter.pdf")
    paper = extract_paper(path)
    assert paper.title == "Seeing the Bow: Motion Cues for Separating Same-Instrument Duets"
    assert paper.authors == ["Ana Lima", "Ben Ortiz", "Chen Wu"]
    assert paper.abstract.startswith("Separating two violins")
    assert [s.heading for s in paper.sections] == ["1. Introduction"]


def test_words_symbol_font_space_is_a_space() -> None:
    # an IEEE letter saved from Word starts its abstract with the Symbol font's space, a
    # character of Unicode's private use: "\uf020Abstract—Face detection …" kept its label
    assert normalize("\uf020Abstract\u2014Face detection") == " Abstract\u2014Face detection"
    assert unescape_and_fold("<p>&#xf020;Abstract&#x2014;Face</p>") == "<p> Abstract\u2014Face</p>"


def test_a_reports_sections_numbered_from_one_point_nought_are_top_level(tmp_path: Path) -> None:
    # a CMU technical report (ICRA 1994) numbers its sections "1.0 Introduction" over "2.1
    # Definitions": "N.0" is a section, not a subsection; "5.0 Conclusions" with no text of its
    # own over "5.1 Summary" was lost
    doc = pymupdf.open()
    page, y = doc.new_page(), 72.0
    page.insert_text((72, y), "Planning Paths for a Robot Drummer", fontsize=16, fontname="hebo")
    page.insert_text((72, y + 24), "Ana Lima", fontsize=11)
    y += 70
    for heading in ["1.0 Introduction", "2.0 Method", "2.1 Definitions", "3.0 Conclusions", "3.1 Summary"]:
        page.insert_text((72, y), heading, fontsize=11, fontname="hebo")
        if not heading.endswith("Conclusions"):
            page.insert_text(
                (72, y + 16), f"The robot hears the band and moves its sticks ({heading[:3]}).", fontsize=10
            )
        y += 50
    doc.save(path := tmp_path / "report.pdf")
    assert [(s.level, s.heading) for s in extract_paper(path).sections] == [
        (1, "1.0 Introduction"),
        (1, "2.0 Method"),
        (2, "2.1 Definitions"),
        (1, "3.0 Conclusions"),
        (2, "3.1 Summary"),
    ]


def test_a_numbered_bold_heading_may_start_with_a_programs_name_in_lowercase(tmp_path: Path) -> None:
    # ISMIR 2014's mir_eval paper: "2. mir_eval's ARCHITECTURE" was no heading (a heading starts
    # with a capital), its text went on under "1. EVALUATING MIR ALGORITHMS"
    doc, page, texts = _titled_paper()
    headings = [
        "1. EVALUATING MIR ALGORITHMS",
        "2. mir_eval's ARCHITECTURE",
        "3. TASKS INCLUDED",
        "3.1 librosa",
    ]
    y = _headings_over_text(page, texts, headings)
    page.insert_text((72, y), "7 fn Dest", fontsize=10, fontname="hebo")  # a diagram's bold words
    page.insert_text((72, y + 16), "2.546444859 seconds time elapsed", fontsize=10, fontname="hebo")
    doc.save(path := tmp_path / "paper.pdf")
    assert [s.heading for s in extract_paper(path).sections] == headings


@pytest.mark.parametrize(
    "algorithm",
    [
        # DivideMix (ICLR 2020): algorithm2e numbers its lines and sets its keywords in bold, so
        # "1 Input:", "16 end", "22 end" read as bold numbered headings; they then outnumbered the
        # plain "1 INTRODUCTION" (ICLR's small capitals), taken for a list's item, and the
        # introduction was lost with it
        [("1", "Input:"), ("2", "θ = WarmUp(X, Y)"), ("16", "end"), ("22", "end"), ("27", "else")],
        # A Wait-Free Stack (Goel et al.): its listings number their lines on through the paper
        # and set a procedure's name in bold: "81 tryCleanUp(myNode)" took the rest of section 3
        # and appendix D as its own, "103 end" and "1 class Node" were sections
        [("1", "class Node"), ("81", "tryCleanUp(myNode)"), ("82", "temp = myNode.prev"), ("103", "end")],
    ],
)
def test_an_algorithms_numbered_lines_are_no_headings(
    tmp_path: Path, algorithm: list[tuple[str, str]]
) -> None:
    doc, page, texts = _titled_paper()
    headings = ["1 INTRODUCTION", "2 RELATED WORK", "3 METHOD", "4 EXPERIMENTS"]
    _headings_over_text(page, texts, [(heading, "helv") for heading in headings[:2]])
    page = doc.new_page()
    y = _headings_over_text(page, texts, [(headings[2], "helv")], top=72)
    for number, line in algorithm:
        page.insert_text((72, y), number, fontsize=6, fontname="hebo")  # the numbers in bold too
        page.insert_text((84, y), line, fontsize=10, fontname="helv" if "=" in line else "hebo")
        y += 30
    _headings_over_text(page, texts, [(headings[3], "helv")], top=y + 20)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == headings
    assert paper.sections[0].text == "The network watches the bow and hears the string, step 0 of the study."


def test_a_heading_in_large_plain_type_alone_is_found(tmp_path: Path) -> None:
    # NVIDIA's product briefs ("OVERVIEW", "SPECIFICATIONS" in 23 pt, not bold, atop a page),
    # Jurafsky and Martin's "Exercises", the PageRank report's "Personalized PageRank": no
    # heading was found in plain type, numbered or named, however large; a displayed formula in
    # large type ("R(u) = c") is none
    doc, page, _texts = _titled_paper()
    texts = iter(
        [
            "Violinists move their bows in time with the music they play.",
            "The camera sees the bow move before the microphone hears the note.",
            "The rank of a page is the sum of the ranks of the pages that link to it.",
            "A personalized rank starts its random walks from the pages a reader likes.",
        ]
    )
    _headings_over_text(page, texts, [("Abstract", "hebo")])
    page = doc.new_page()
    _headings_over_text(page, texts, [("OVERVIEW", "helv"), ("R(u) = c", "helv")], top=72, size=22)
    _headings_over_text(doc.new_page(), texts, [("Personalized PageRank", "helv")], top=72, size=16)
    doc.save(path := tmp_path / "paper.pdf")
    assert [s.heading for s in extract_paper(path).sections] == ["OVERVIEW", "Personalized PageRank"]


def test_plain_numbered_headings_between_named_ones_are_found(tmp_path: Path) -> None:
    # Adam's ICLR paper: its headings in capitals that mupdf does not call bold; the named ones
    # ("1 INTRODUCTION", "5 RELATED WORK") were found, the three between them were not
    doc, page, texts = _titled_paper()
    headings = [
        "1 INTRODUCTION",
        "2 ALGORITHM",
        "3 INITIALIZATION BIAS CORRECTION",
        "4 CONVERGENCE ANALYSIS",
        "5 RELATED WORK",
        "6 CONCLUSION",
    ]
    _headings_over_text(page, texts, [(heading, "helv") for heading in headings[:1]])
    _headings_over_text(doc.new_page(), texts, [(heading, "helv") for heading in headings[1:]], top=72)
    doc.save(path := tmp_path / "paper.pdf")
    assert [s.heading for s in extract_paper(path).sections] == headings


def test_a_bold_number_with_a_plain_stop_apart_from_its_heading_on_page_one_joins_it(tmp_path: Path) -> None:
    # AES's template (Stowell and Plumbley 2014): "<b>1</b>." and "<b>INTRODUCTION</b>" far
    # apart on page 1; the number, not bold as a whole, stayed behind at the abstract's end
    doc, page, texts = _titled_paper()
    page.insert_text((72, 132), "ABSTRACT", fontsize=10, fontname="hebo")
    page.insert_text((72, 148), next(texts), fontsize=10)
    page.insert_text((72, 190), "1", fontsize=10, fontname="hebo")
    page.insert_text((72 + pymupdf.get_text_length("1", "hebo", 10), 190), ".", fontsize=10)
    page.insert_text((90, 190), "INTRODUCTION", fontsize=10, fontname="hebo")
    page.insert_text((72, 206), next(texts), fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == ["1. INTRODUCTION"]
    assert paper.abstract.endswith("step 0 of the study.")


def test_an_outline_with_the_title_over_every_section_gives_the_sections_levels(tmp_path: Path) -> None:
    # Springer's IJCV papers have an outline whose one top item is the paper's title, the
    # sections under it: every section came out a level down, the title a section of its own
    doc, page, texts = _titled_paper()
    _headings_over_text(page, texts, ["1 Introduction", "2 Method", "2.1 Data", "3 Results"], size=11)
    doc.set_toc(
        [
            [1, "Seeing the Bow", 1],
            [2, "1 Introduction", 1],
            [2, "2 Method", 1],
            [3, "2.1 Data", 1],
            [2, "3 Results", 1],
        ]
    )
    doc.save(path := tmp_path / "paper.pdf")
    assert [(s.level, s.heading) for s in extract_paper(path).sections] == [
        (1, "1 Introduction"),
        (1, "2 Method"),
        (2, "2.1 Data"),
        (1, "3 Results"),
    ]


def test_a_numbered_list_beside_bold_numbered_sections_is_no_section(tmp_path: Path) -> None:
    # Fast R-CNN (ICCV 2015) lists its contributions "1. Higher detection quality …" to "4. No
    # disk storage is required for feature caching", each item alone in its block: "4." and a
    # later list's "3." were top-level sections beside the bold "2.", "4." that are
    doc, page, texts = _titled_paper()
    y = 132.0

    def put(text: str, font: str = "helv", gap: float = 30) -> None:
        nonlocal y
        page.insert_text((72, y), text, fontsize=11 if font == "hebo" else 10, fontname=font)
        y += gap

    for number, name in enumerate(["Introduction", "Method", "Results", "Conclusion"], start=1):
        put(f"{number}. {name}", "hebo", 18)
        put(next(texts))
        if number == 1:
            put("Our method has three advantages:", gap=20)
            for item in [
                "1. Higher separation quality",
                "2. Training in one stage",
                "3. No labels are needed",
            ]:
                put(item, gap=20)
            put(next(texts))
        if number == 2:
            page, y = doc.new_page(), 72.0
    doc.save(path := tmp_path / "paper.pdf")
    assert [s.heading for s in extract_paper(path).sections] == [
        "1. Introduction",
        "2. Method",
        "3. Results",
        "4. Conclusion",
    ]


def test_authors_side_by_side_with_their_addresses_are_no_table(tmp_path: Path) -> None:
    # CVPR 2001 (Viola and Jones) sets its two authors side by side, each over an e-mail and a
    # postal address: a grid of short lines with figures, taken for a table, and no authors
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((90, 80), "Seeing the Bow: Motion Cues for Duets", fontsize=17, fontname="hebo")
    cells = [
        ("Ana Lima", "Ben Ortiz"),
        ("ana@lab.example.org", "ben@uni.example.edu"),
        ("Example Research Labs", "Example University"),
        ("201 Broadway, 8th Floor", "One Campus Center"),
        ("Cambridge, MA 02139", "Porto 4200-465"),
    ]
    for row, (left, right) in enumerate(cells):
        page.insert_text((150, 130 + 14 * row), left, fontsize=12)
        page.insert_text((380, 130 + 14 * row), right, fontsize=12)
    _abstract_and_introduction(page, 230)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert paper.authors[:2] == ["Ana Lima", "Ben Ortiz"]
    assert paper.tables == []


def test_a_plots_bold_title_between_its_numbers_and_axis_is_no_heading(tmp_path: Path) -> None:
    # SSD (ECCV 2016) titles each of a figure's plots in bold ("SSD300: BBox Area") between the
    # plot's numbers and its axis: each title was a top-level section, the text after the
    # figure under it
    doc = _paper("Seeing the Bow", "1 Introduction", "Players are seen as well as heard. ")
    page = doc.new_page()
    page.insert_text((72, 72), "2 Results", fontsize=11, fontname="hebo")
    page.insert_textbox((72, 82, 540, 120), "The network separates the duets well. " * 3, fontsize=10)
    for n, title in enumerate(["SSD300: BBox Area", "SSD512: BBox Area"]):
        top = 140 + 90 * n
        page.insert_textbox(
            (72, top, 300, top + 30), "0.98 0.96 0.92 0.91 0.94 0.90 0.87 0.89 0.93 0.95", fontsize=7
        )
        page.insert_text((72, top + 45), title, fontsize=9, fontname="hebo")
        page.insert_text((72, top + 60), "XS S M L XL XS S M L XL XS S M L XL", fontsize=7)
    page.insert_text((72, 330), "Fig. 3: Sensitivity to the size of the players.", fontsize=9)
    page.insert_textbox((72, 350, 540, 400), "Small players are harder to see than large ones.", fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == ["1 Introduction", "2 Results"]
    assert "Small players are harder" in paper.sections[-1].text


def test_initials_and_particles_make_one_name() -> None:
    # Springer's IJCV: "J. R. R. Uijlings · K. E. A. van de Sande · T. Gevers": three initials
    # and two particles made six words, too many for a name, and the author was lost
    lines = [
        Line(0, "Selective Search for Recognising Instruments", 15.9, True, 0),
        Line(0, "J. R. R. Uijlings · K. E. A. van de Sande ·", 10.0, True, 1),
        Line(0, "T. Gevers · A. W. M. Smeulders", 10.0, True, 1),
    ]
    assert find_authors({}, lines, [0], 10.0) == [
        "J. R. R. Uijlings",
        "K. E. A. van de Sande",
        "T. Gevers",
        "A. W. M. Smeulders",
    ]


def test_subsections_under_an_outline_of_sections_and_figures_are_found(tmp_path: Path) -> None:
    # a journal's outline (Academic Press, 2001) lists the sections and, under them, the
    # figures ("FIG. 4."): the figures made the outline look two levels deep, so the
    # subsections it does not list ("3.1. Low-Level Analysis", italic) were not looked for
    doc, page, texts = _titled_paper()
    y = _headings_over_text(
        page,
        texts,
        ["1. INTRODUCTION", "2. METHOD", ("2.1. Low-Level Analysis", "heit"), "2.1.1. Edges", "3. RESULTS"],
    )
    page.insert_text((72, y), "FIG. 1. The bow seen from above.", fontsize=9)
    doc.set_toc([[1, "1. INTRODUCTION", 1], [1, "2. METHOD", 1], [2, "FIG. 1.", 1], [1, "3. RESULTS", 1]])
    doc.save(path := tmp_path / "paper.pdf")
    assert [(s.level, s.heading) for s in extract_paper(path).sections] == [
        (1, "1. INTRODUCTION"),
        (1, "2. METHOD"),
        (2, "2.1. Low-Level Analysis"),
        (3, "2.1.1. Edges"),
        (1, "3. RESULTS"),
    ]


def test_unnumbered_subsections_between_numbered_sections_are_under_the_first(tmp_path: Path) -> None:
    # Viola and Jones (CVPR 2001) head the subsections of "5 Results" with bold unnumbered
    # lines ("Image Processing", "Scanning the Detector"), each alone in its block: they were
    # top-level sections between 5 and 6
    doc, page, texts = _titled_paper()
    _headings_over_text(page, texts, ["1 Introduction", "2 Method"], size=11)
    headings = ["3 Results", "Image Processing", "Scanning the Detector", "4 Conclusions", "Acknowledgments"]
    _headings_over_text(doc.new_page(), texts, headings, top=72.0)
    doc.save(path := tmp_path / "paper.pdf")
    assert [(s.level, s.heading) for s in extract_paper(path).sections] == [
        (1, "1 Introduction"),
        (1, "2 Method"),
        (1, "3 Results"),
        (2, "Image Processing"),
        (2, "Scanning the Detector"),
        (1, "4 Conclusions"),
        (1, "Acknowledgments"),
    ]


def test_a_paragraphs_heading_with_its_period_in_a_block_of_its_own_is_a_level_down(tmp_path: Path) -> None:
    # SPP-net (TPAMI) heads its appendix's paragraphs "Mean Subtraction." in bold, each in a
    # block of its own over its text: they were top-level sections beside "APPENDIX A"
    doc, page, texts = _titled_paper()
    headings = [
        "1 Introduction",
        "2 Method",
        "3 Conclusion",
        "APPENDIX A",
        "Mean Subtraction.",
        "Pooling Bins.",
    ]
    _headings_over_text(page, texts, headings)
    doc.save(path := tmp_path / "paper.pdf")
    assert [(s.level, s.heading) for s in extract_paper(path).sections][-3:] == [
        (1, "APPENDIX A"),
        (2, "Mean Subtraction."),
        (2, "Pooling Bins."),
    ]


def test_an_ieee_heading_read_into_its_paragraph_is_found_past_a_subsection_c(tmp_path: Path) -> None:
    # IEEE SPL (PCEN, 2018): "II. WHY PCEN WORKS: A STATISTICAL ANALYSIS Figure 1 compares …" in
    # one block is found as the number the sections skip; the subsection "C." under "I." was
    # read as the roman hundred, so no number seemed skipped
    doc = _paper("Per-Channel Energy Normalization", "I. INTRODUCTION", "Players are seen and heard. ")
    page = doc.new_page()
    y = 72.0
    for text in [
        "A. Datasets",
        "B. Gaussianization of magnitudes",
        "C. Spectrogram whitening",
        "II. WHY IT WORKS: A STATISTICAL ANALYSIS Figure 1 compares the two representations.",
        "III. HOW IT WORKS",
    ]:
        page.insert_text((72, y), text, fontsize=10)
        page.insert_textbox((72, y + 8, 540, y + 50), "The network watches the bow. " * 6, fontsize=10)
        y += 70
    doc.save(path := tmp_path / "letter.pdf")
    headings = [(s.level, s.heading) for s in extract_paper(path).sections]
    assert (1, "II. WHY IT WORKS: A STATISTICAL ANALYSIS") in headings
    assert (2, "C. Spectrogram whitening") in headings


def test_ieee_xplores_outline_of_title_authors_and_figures_over_the_sections(tmp_path: Path) -> None:
    # IEEE Xplore's bookmarks (TSAP 2005): "toc", then the title and the authors at level 2,
    # the sections at 3, their subsections at 4, figures at 2 between them, and a "B." level
    # with "I." after a figure: the authors' line was a section, "I. INTRODUCTION" at level 3
    doc, page = _tutorial_paper()
    y = 140.0
    for heading in ["I. INTRODUCTION", "A. Background", "B. Definitions", "II. METHOD"]:
        page.insert_text((72, y), heading, fontsize=10)
        page.insert_textbox((72, y + 8, 540, y + 50), "The network watches the bow. " * 6, fontsize=10)
        y += 70
    doc.set_toc(
        [
            [1, "toc", 1],
            [2, "A Tutorial on Seeing the Bow", 1],
            [2, "Ana Lima, Ben Ortiz, and Chen Wu", 1],
            [3, "I. INTRODUCTION", 1],
            [4, "A. Background", 1],
            [2, "Fig. 1. The bow seen from above.", 1],
            [3, "B. Definitions", 1],
            [3, "II. METHOD", 1],
        ]
    )
    doc.save(path := tmp_path / "paper.pdf")
    assert [(s.level, s.heading) for s in extract_paper(path).sections] == [
        (1, "I. INTRODUCTION"),
        (2, "A. Background"),
        (2, "B. Definitions"),
        (1, "II. METHOD"),
    ]


def test_ieee_xplores_outline_of_references_makes_no_reference_a_section(tmp_path: Path) -> None:
    # the same TSAP paper: its bookmarks list the references at the sections' level, and its
    # "REFERENCES" is small, in plain type; matched to the list's lines ("ed. New York: …, 1997.
    # [2] J. Foote, …"), the items made references sections, in the text
    doc, page = _tutorial_paper()
    page.insert_text((72, 140), "I. INTRODUCTION", fontsize=10)
    page.insert_textbox((72, 148, 540, 190), "The network watches the bow. " * 6, fontsize=10)
    page = doc.new_page()
    page.insert_text((72, 72), "II. METHOD", fontsize=10)
    page.insert_textbox((72, 80, 540, 120), "The network hears the string. " * 6, fontsize=10)
    page.insert_text((72, 150), "REFERENCES", fontsize=8)
    lines = [
        "[1] B. C. J. Moore, An Introduction to the Psychology of Hearing, 5th",
        'ed. New York: Academic, 1997. [2] J. Foote, "Automatic audio segmentation using a measure of audio nov-',
        'elty," in Proc. ICME, 2000. [3] M. Goto and Y. Muraoka, "Beat tracking based on multiple-agent ar-',
        'chitecture," in Proc. ICMAS, 1996. [4] A. Klapuri, "Sound onset detection by applying psychoacoustic knowl-',
        'edge," in Proc. ICASSP, 1999.',
    ]
    for n, line in enumerate(lines):
        page.insert_text((72, 165 + 14 * n), line, fontsize=8)
    doc.set_toc(
        [
            [1, "toc", 1],
            [2, "A Tutorial on Seeing the Bow", 1],
            [3, "I. INTRODUCTION", 1],
            [3, "II. METHOD", 2],
            [3, "B. C. J. Moore, An Introduction to the Psychology of Hearing, 5t", 2],
            [3, "J. Foote, Automatic audio segmentation using a measure of audio ", 2],
            [3, "M. Goto and Y. Muraoka, Beat tracking based on multiple-agent ar", 2],
            [3, "A. Klapuri, Sound onset detection by applying psychoacoustic kno", 2],
        ]
    )
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == ["I. INTRODUCTION", "II. METHOD"]
    assert "Foote" not in paper.full_text


def test_springer_natures_unstopped_run_in_headings_split_on_their_outline_page(tmp_path: Path) -> None:
    # Nature Communications (2025): its subsections and "References" run into their paragraphs
    # with no stop, in a font mupdf does not call bold ("Bayesian model averaging BMA weighs …",
    # "References 1. Clyde, M. A. …"): no subsection was found, and "Bayesian model averaging"
    # was split off a reference three pages on ("Clyde, M. A. Bayesian model averaging and …"),
    # the references after it a section
    doc, page, texts = _titled_paper()
    page.insert_text((72, 132), "Introduction", fontsize=12, fontname="hebo")
    page.insert_textbox((72, 140, 540, 200), next(texts) * 3, fontsize=10)
    page = doc.new_page()
    page.insert_text((72, 72), "Methods", fontsize=12, fontname="hebo")
    page.insert_textbox(
        (72, 80, 540, 140), f"Bayesian model averaging BMA weighs each model. {next(texts)}", fontsize=10
    )
    page = doc.new_page()
    page.insert_textbox((72, 72, 540, 140), f"In this work the bow is seen. {next(texts)}", fontsize=10)
    page = doc.new_page()
    page.insert_textbox(
        (72, 72, 540, 200),
        "References 1. Hoeting, J. A. & Raftery, A. E. A tutorial. Stat. Sci. 14, 382–417 (1999). "
        "2. Clyde, M. A. Bayesian model averaging and model search strategies. In Bayesian "
        "Statistics 6, 157–186 (Oxford University Press, 1999).",
        fontsize=8,
    )
    doc.set_toc(
        [
            [1, "Seeing the Bow", 1],
            [2, "Introduction", 1],
            [2, "Methods", 2],
            [3, "Bayesian model averaging", 2],
            [2, "References", 4],
        ]
    )
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [(s.level, s.heading) for s in paper.sections] == [
        (1, "Introduction"),
        (1, "Methods"),
        (2, "Bayesian model averaging"),
    ]
    assert paper.sections[2].text.startswith("BMA weighs each model.")
    assert "Clyde" not in paper.full_text


def test_a_references_heading_run_into_its_first_item_ends_the_text(tmp_path: Path) -> None:
    # Communications Medicine (2023), without its outline: "References 1. Soltesz, K. et al. …"
    # in the body's type, in one paragraph; no heading ended the text, and the Discussion
    # ran on through the whole list
    doc, page, texts = _titled_paper()
    page.insert_text((72, 132), "Introduction", fontsize=12, fontname="hebo")
    page.insert_textbox((72, 140, 540, 200), next(texts) * 3, fontsize=10)
    page = doc.new_page()
    page.insert_text((72, 72), "Discussion", fontsize=12, fontname="hebo")
    page.insert_textbox((72, 80, 540, 140), next(texts) * 3, fontsize=10)
    page.insert_textbox(
        (72, 150, 540, 270),
        "References 1. Soltesz, K. et al. The effect of interventions on covid-19. Nature 588, "
        "26-28 (2020). 2. Brauner, J. M. et al. Inferring the effectiveness of government "
        "interventions against covid-19. Science 371, 9338 (2021). 3. Banks, J. & Xu, X. The "
        "mental health effects of the first two months of lockdown. Fisc. Stud. 41, 685-708 (2020).",
        fontsize=10,
    )
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == ["Introduction", "Discussion"]
    assert paper.sections[1].text.endswith("step 1 of the study.")
    assert "Soltesz" not in paper.full_text


def test_an_unheaded_references_list_with_notes_among_its_items_is_no_text(tmp_path: Path) -> None:
    # APS's and JASA's revtex: no heading over the list, and notes among its items ("[2] See
    # the explanation of time travel in …"); the item with no author's name broke the run of
    # numbers, and the whole list stayed in the last section
    doc, page, texts = _titled_paper()
    page.insert_text((72, 132), "I. INTRODUCTION", fontsize=10, fontname="hebo")
    page.insert_textbox((72, 140, 540, 200), next(texts) * 3, fontsize=10)
    page = doc.new_page()
    page.insert_text((72, 72), "II. CONCLUSION", fontsize=10, fontname="hebo")
    page.insert_textbox((72, 80, 540, 140), next(texts) * 3, fontsize=10)
    items = [
        "[1] E. Witten, (2001), hep-th/0106109, and references therein.",
        "[2] See the explanation of time travel in R. P. Feynman, Phys. Rev. 94, 262 (1954).",
        "[3] E. Beutler, in Williams Hematology, Vol. 2 (McGraw-Hill, New York, 1994).",
        "[4] N. D. Birell and P. C. W. Davies, Quantum Fields in Curved Space (1982).",
        "[5] J. G. P. Berman and J. F. M. Izrailev, Physica D 88, 445 (1983).",
        "[6] E. B. Davies and L. Parns, Q. J. Mech. Appl. Math. 51, 477 (1988).",
    ]
    for n, item in enumerate(items):
        page.insert_text((72, 170 + 12 * n), item, fontsize=8)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == ["I. INTRODUCTION", "II. CONCLUSION"]
    assert paper.sections[1].text.endswith("step 1 of the study.")
    assert "Witten" not in paper.full_text


def test_a_chinese_theses_references_are_no_section(tmp_path: Path) -> None:
    # Chinese theses (thuthesis, pkuthss, seuthesis …) head their references "参考文献", an
    # item of their outline: a section of references, kept as text
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Seeing the Bow", fontsize=16, fontname="hebo")
    page.insert_text((72, 94), "Ana Lima", fontsize=11)
    page.insert_text((72, 132), "1 Introduction", fontsize=12, fontname="hebo")
    page.insert_textbox(
        (72, 140, 540, 200), "The network watches the bow and hears the string. " * 3, fontsize=10
    )
    page = doc.new_page()
    page.insert_text((72, 72), "参考文献", fontsize=16, fontname="china-s")
    page.insert_textbox(
        (72, 80, 540, 140),
        "[1] Lamport L. LaTeX: A Document Preparation System. Addison-Wesley, 1994.",
        fontsize=10,
    )
    doc.set_toc([[1, "1 Introduction", 1], [1, "参考文献", 2]])
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == ["1 Introduction"]
    assert "Lamport" not in paper.full_text


def test_springer_natures_statements_run_in_with_no_stop_are_sections() -> None:
    # Communications Medicine (2023) without its outline: "Data availability All data …",
    # "Competing interests The authors …" in the body's face, each run into its paragraph, were
    # the Discussion's last paragraphs; ASME's heading "Funding Data" and a chart's "Funding
    # Raised ($) 0.85B …" are no statement run in
    from papersum.pdfrunin import leads_split

    texts = [
        "1 Introduction",
        "We survey the public.",
        "2 Discussion",
        "Surveys track the behaviour of the public during lockdowns.",
        "Data availability All data necessary for the replication of our results are collated online.",
        "Competing interests The authors declare no competing interests.",
        "Funding Data",
        "Funding Raised ($) 0.85B 1.67B 0.2B Unknown",
    ]
    split = leads_split(_paragraphs(texts))
    assert [line.text for line in split] == [
        *texts[:4],
        "Data availability",
        "All data necessary for the replication of our results are collated online.",
        "Competing interests",
        "The authors declare no competing interests.",
        *texts[6:],
    ]
    lines, headings = find_headings(split, 10.0, [])
    assert [lines[i].text for i in sorted(headings)][2:4] == ["Data availability", "Competing interests"]


def _tutorial_paper() -> tuple[pymupdf.Document, pymupdf.Page]:
    """A new paper as IEEE Xplore's TSAP tests have it: page 1 with its title and authors, down
    to 100 pt."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "A Tutorial on Seeing the Bow", fontsize=22)
    page.insert_text((72, 100), "Ana Lima, Ben Ortiz, and Chen Wu", fontsize=11)
    return doc, page


def _titled_paper() -> tuple[pymupdf.Document, pymupdf.Page, Iterator[str]]:
    """A new paper whose page 1 has its title and author (down to 100 pt), and sentences to set
    under its headings."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Seeing the Bow", fontsize=16, fontname="hebo")
    page.insert_text((72, 94), "Ana Lima", fontsize=11)
    texts = (
        f"The network watches the bow and hears the string, step {n} of the study." for n in itertools.count()
    )
    return doc, page, texts


def test_a_contents_on_page_one_with_its_page_numbers_apart_heads_no_section(tmp_path: Path) -> None:
    # Quantum's class guide: its contents under the title, each chapter's page number on a line
    # of its own; "2 Typesetting documents 2" and the others were the sections, and the real "1
    # Introduction" ran on in the last one's text
    doc, page, _texts = _titled_paper()
    headings = ["1 Introduction", "2 Method", "3 Results"]
    page.insert_text((72, 130), "Contents", fontsize=14)
    for n, (heading, number) in enumerate(zip(headings, ["2", "3", "5"], strict=True)):
        page.insert_text((72, 150 + 30 * n), heading, fontsize=10, fontname="hebo")
        page.insert_text((530, 150 + 30 * n), number, fontsize=10, fontname="hebo")
    page.insert_text((72, 700), "Preprint, under review.", fontsize=9)
    sentences = ["Players move their bows in time.", "A camera films each player.", "The bow is seen."]
    _headings_over_text(doc.new_page(), iter(sentences), headings[:2], top=72, size=12)
    _headings_over_text(doc.new_page(), iter(sentences[2:]), headings[2:], top=300, size=12)
    doc.save(path := tmp_path / "paper.pdf")
    sections = extract_paper(path).sections
    assert [(s.heading, s.text) for s in sections] == list(zip(headings, sentences, strict=True))


def test_a_contents_entry_whose_leaders_stand_between_it_and_its_page_number_heads_no_section() -> None:
    # AlphaCode's contents on its page 1: "6.1 Copying from training data" / ". . ." / "21", three
    # lines of one block; the entry headed a section of its own before the real one
    lines = [
        Line(0, "6.1 Copying from training data", 10.9, False, 11),
        Line(0, ". . .", 10.9, False, 11),
        Line(0, "21", 10.9, False, 11),
        Line(20, "6.1. Copying from training data", 0.0, True, 0, False),
    ]
    assert without_contents(lines, [0, 3]) == [3]


def test_a_page_number_in_a_years_range_is_no_year_after_the_file_was_made() -> None:
    # ICASSP 2008 numbers its pages in the proceedings: page 1 printed "2029", taken for the
    # year of a paper whose file was made in April 2008
    first_page = [
        Line(0, "COMPARISON OF METHODS FOR RECOGNISING FLIGHT CALLS", 11.8, True, 0),
        Line(0, "Many species of birds vocalize during nocturnal migration flights.", 9.8, False, 1),
        Line(0, "2029", 9.8, False, 2),
    ]
    assert find_year({"creationDate": "D:20080407121504-05'00'"}, first_page) == 2008
    assert find_year({}, first_page) == 2029  # with no date to tell, the page is believed


def test_affiliation_marks_of_every_kind_leave_the_names() -> None:
    # SciPy's proceedings (librosa, 2015) mark affiliations with ¶, ∥, ∗ and ∗∗
    lines = [
        Line(0, "librosa: Audio and Music Signal Analysis in Python", 20.0, True, 0),
        Line(0, "Brian McFee¶∥∗, Colin Raffel§, Eric Battenberg∗∗, Oriol Nieto∥", 10.0, False, 1),
    ]
    assert find_authors({}, lines, [0], 10.0) == [
        "Brian McFee",
        "Colin Raffel",
        "Eric Battenberg",
        "Oriol Nieto",
    ]


def test_an_addresss_tail_in_lowercase_is_no_author() -> None:
    # MLSP 2016 sets each author over an address broken into short lines: "of London." (from
    # "Queen Mary University / of London.") was read as a fifth author
    lines = [
        Line(0, "BIRD DETECTION IN AUDIO: A SURVEY AND A CHALLENGE", 12.0, True, 0),
        Line(0, "Dan Stowell", 12.0, False, 1),
        Line(0, "Mike Wood", 12.0, False, 1),
        Line(0, "Queen Mary University", 12.0, False, 2),
        Line(0, "of London.", 12.0, False, 3),
    ]
    assert find_authors({}, lines, [0], 10.0) == ["Dan Stowell", "Mike Wood"]


def test_a_name_with_its_email_in_brackets_is_an_author() -> None:
    # Kluwer's Machine Learning (2001) prints each author over an affiliation, with the e-mail in
    # brackets after the name: the "@" made the line an affiliation's, and no author was read
    lines = [
        Line(0, "Concept Decompositions for Sparse Music Data", 14.3, False, 0),
        Line(0, "Ana Lima (ana.lima@lab.example.org)", 10.0, False, 1),
        Line(0, "Department of Music, Example University, Porto, Portugal", 8.0, False, 1),
        Line(0, "Ben Ortiz (ben@uni.example.edu)", 10.0, False, 2),
        Line(0, "Example Research Center, San Jose, CA 95120, USA", 8.0, False, 2),
    ]
    assert find_authors({}, lines, [0], 8.0) == ["Ana Lima", "Ben Ortiz"]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        # a real Springer manuscript (svjour3), as printed: the stop is no part of the name
        ("Joakim Andén · Mathieu Lagrange.", ["Joakim Andén", "Mathieu Lagrange"]),
        # IEEE TPAMI 1989 as scanned: the initial's stop set apart (no author was read)
        ("STEPHANE G . MALLAT", ["Stephane G. Mallat"]),
        ("Ana Lima and Ben Ortiz Jr.", ["Ana Lima", "Ben Ortiz Jr."]),  # a suffix keeps its stop
    ],
)
def test_a_bylines_stops_are_read_as_its_names_have_them(byline: str, names: list[str]) -> None:
    lines = [
        Line(0, "A Theory for Multiresolution Signal Decomposition", 21.8, False, 0),
        Line(0, byline, 9.2, False, 1),
        Line(0, "Abstract-Multiresolution representations are very effective", 7.1, True, 2),
    ]
    assert find_authors({}, lines, [0], 7.1) == names


def _headings_over_text(
    page: pymupdf.Page,
    texts: Iterator[str],
    headings: list[str | tuple[str, str]],
    *,
    top: float = 132.0,
    size: float = 10,
) -> float:
    """Each of ``headings`` (bold, or in the font given with it) over a sentence of ``texts``,
    50 pt apart from ``top`` down; where the next line would go."""
    y = top
    for heading in headings:
        text, font = (heading, "hebo") if isinstance(heading, str) else heading
        page.insert_text((72, y), text, fontsize=size, fontname=font)
        page.insert_text((72, y + 16), next(texts), fontsize=10)
        y += 50
    return y


def test_a_review_in_capitals_and_mixed_case_with_a_publishers_pages_after_its_references(
    tmp_path: Path,
) -> None:
    # Annual Reviews (Loss et al. 2015): sections in bold capitals, subsections in bold mixed
    # case of the same size, no numbers; after the references the publisher's advertisements
    # in display type, which made every section of the review a level-3 one
    doc = _paper("Direct Mortality of Birds", "Abstract", "Birds die of many causes. ")
    page = doc.new_page()
    y = 60.0
    for heading, text in [
        ("INTRODUCTION", "Birds are in decline across the globe. "),
        ("MAJOR SOURCES OF MORTALITY", ""),  # its first subsection right under it
        ("Predation by Cats", "Cats kill more birds than any other source. "),
        ("Collisions with Buildings", "Windows kill birds by day and night. "),
        ("COMPARISONS AMONG SOURCES", "The sources differ by orders of magnitude. "),
        ("LITERATURE CITED", "Loss SR, Will T, Marra PP. 2013. The impact of cats. Nat. Commun. 4:1396. "),
    ]:
        page.insert_text((72, y), heading, fontsize=10, fontname="hebo")
        if text:
            page.insert_textbox((72, y + 8, 540, y + 80), text * 6, fontsize=10)
        y += 90 if text else 24
    ad = doc.new_page()
    ad.insert_text((72, 100), "ANNUAL REVIEWS", fontsize=28, fontname="hebo")
    ad.insert_text((72, 150), "Annual Review of Cancer Biology", fontsize=16, fontname="hebo")
    ad.insert_textbox(
        (72, 170, 540, 300), "Reviews a range of subjects in cancer research. " * 5, fontsize=10
    )
    doc.save(path := tmp_path / "review.pdf")
    sections = [(s.level, s.heading) for s in extract_paper(path).sections]
    assert sections[:5] == [
        (1, "INTRODUCTION"),
        (1, "MAJOR SOURCES OF MORTALITY"),
        (2, "Predation by Cats"),
        (2, "Collisions with Buildings"),
        (1, "COMPARISONS AMONG SOURCES"),
    ]


def test_an_axis_title_over_a_plots_words_down_to_its_caption_leaves_the_text() -> None:
    # Annual Reviews (Loss et al. 2015): a bar chart's bold axis title, read before its bars'
    # names, was a heading whose text was the figure's caption
    texts = ["Estimates vary by orders of magnitude.", "Mortality estimate (log-transformed)", "Cats"]
    texts += ["Building", "windows", "Automobiles", "Figure 2 Comparison of major sources of mortality."]
    texts += ["Collisions with Buildings", "Windows kill birds by day and night."]
    lines = [line._replace(bold=line.text in (texts[1], texts[-2])) for line in _paragraphs(texts)]
    kept = [line.text for line in without_figure_text(lines)]
    assert kept == [texts[0], *texts[-3:]]


def test_a_plots_bold_axis_label_between_its_numbers_and_its_legend_or_ticks_is_no_heading() -> None:
    # Shazam's "Signal/Noise Ratio (dB)" under its ticks (a row) and over its legend, MapReduce's
    # "Input (MB/s)" between one plot's rows and the next one's ticks: each was a top-level
    # section that took the text after the figure
    prose = "Recognition rate falls as noise rises."
    legend = [prose, "-15 -12 -9 -6 -3 0 3 6 9 12 15", "Signal/Noise Ratio (dB)"]
    legend += ["15 sec linear 10 sec linear 5 sec linear", "Figure 4: Recognition rate, additive noise."]
    ticks = [prose, "Done 20000 15000 10000 5000 0", "Input (MB/s)", "500 1000 0", "5000", "10000"]
    ticks += ["Figure 3: Data transfer rates over time."]
    for texts, rows in ((legend, 1), (ticks, 1)):
        lines = [
            line._replace(bold=line.text == texts[2], table=index == rows)
            for index, line in enumerate(_paragraphs(texts))
        ]
        assert texts[2] not in [line.text for line in without_figure_text(lines)]
    # a heading of its own after a table, over its first words, stays
    texts = [prose, "Done 20000 15000 10000 5000 0", "Discussion", "Noise hurts", prose]
    lines = [
        line._replace(bold=line.text == "Discussion", table=index == 1)
        for index, line in enumerate(_paragraphs(texts))
    ]
    assert "Discussion" in [line.text for line in without_figure_text(lines)]


def test_a_diagrams_two_bold_boxes_right_over_its_caption_leave_the_text() -> None:
    # A Wait-Free Stack: a diagram's "W nodes target rightNode" / "leftNode base" in bold
    # between a paragraph and "Fig. 1." was a heading that took the next page's text
    texts = ["Only one thread per node calls the clean method.", "W nodes target rightNode"]
    texts += ["leftNode base", "Fig. 1. A range of W entries", "The clean method deletes W nodes at once."]
    lines = [line._replace(bold=line.text in texts[1:3]) for line in _paragraphs(texts)]
    assert [line.text for line in without_figure_text(lines)] == [texts[0], *texts[3:]]


def test_a_plots_axis_label_with_a_greek_letter_between_its_ticks_leaves_the_text() -> None:
    # glmnet's vignette: R's plots in 12 pt, "Log(λ)" between the ticks and the other axis's
    # title; its letter read as a formula's, it broke the run of the plot's words and was a
    # top-level heading that put every real section a level down
    texts = ["Deviance falls as the penalty grows.", "−6 −5 −4 −3 −2", "7 8 9 10 11", "Log(λ)"]
    texts += ["Partial Likelihood Deviance", "Figure 2: Deviance.", "It is least at λ = 0.1."]
    kept = [line.text for line in without_figure_text(_paragraphs(texts))]
    assert kept == [texts[0], *texts[-2:]]
    # a relation between a matrix's rows stays: "f = , h =" around "0 1" / "1 0"
    texts = [
        "We set a basis of the algebra.",
        "0 1 0 0",
        "We set , f = , h =",
        "1 0 0 1",
        "Its brackets follow.",
    ]
    assert "We set , f = , h =" in [line.text for line in without_figure_text(_paragraphs(texts))]


def test_headings_numbered_with_a_section_sign_in_larger_plain_type(tmp_path: Path) -> None:
    # Phil. Trans. R. Soc. A (Mallat 2016) without its outline: "§2 Linearization, …" in 14 pt
    # roman; the section sign hid every heading, and the sections were their bold run-in leads
    doc = _paper("Understanding Deep Convolutional Networks", "Abstract", "Networks scatter data. ")
    page = doc.new_page()
    for y, heading in [(60, "§2 Linearization and Separability"), (260, "§3 Invariants")]:
        page.insert_text((72, y), heading, fontsize=14)
        page.insert_textbox(
            (72, y + 15, 540, y + 140), "A change of variable makes it linear. " * 8, fontsize=10
        )
    doc.save(path := tmp_path / "paper.pdf")
    sections = extract_paper(path).sections
    assert [(s.level, s.heading) for s in sections] == [
        (1, "§2 Linearization and Separability"),
        (1, "§3 Invariants"),
    ]
    assert sections[0].text.startswith("A change of variable makes it linear.")


def test_numbered_headings_in_capitals_in_a_bold_face_mupdf_does_not_call_bold(tmp_path: Path) -> None:
    # acmart's journal formats set "3 MODIFICATIONS" in Linux Biolinum's bold, which mupdf does
    # not call bold: without the outline, a bare number before words in capitals is a heading
    doc = _paper("The Name of the Title Is Hope", "1 INTRODUCTION", "Templates serve authors. ")
    page = doc.new_page()
    for y, heading in [(60, "2 TEMPLATE OVERVIEW"), (220, "3 MODIFICATIONS"), (380, "4 ISSN: 0214-9001")]:
        page.insert_text((72, y), heading, fontsize=10)
        page.insert_textbox(
            (72, y + 15, 540, y + 140), "The styles differ in their layout. " * 8, fontsize=10
        )
    doc.save(path := tmp_path / "paper.pdf")
    headings = [s.heading for s in extract_paper(path).sections]
    assert headings == ["1 INTRODUCTION", "2 TEMPLATE OVERVIEW", "3 MODIFICATIONS"]


def test_apa_method_over_its_subsections_in_the_same_bold(tmp_path: Path) -> None:
    # APA 7 (music psychology's journals): "Method" centred over "Participants" flush left, both
    # bold of the text's size; later pages do not tell their alignment, and "Method", with no
    # text of its own, was dropped as an empty section, its subsections made its siblings
    doc = _paper("Tempo and Groove", "Introduction", "Groove makes people move. ")
    page = doc.new_page()
    page.insert_text((280, 60), "Method", fontsize=10, fontname="hebo")
    for y, heading in [(85, "Participants"), (215, "Procedure")]:
        page.insert_text((72, y), heading, fontsize=10, fontname="hebo")
        page.insert_textbox((72, y + 8, 540, y + 110), "Forty musicians took part in it. " * 8, fontsize=10)
    page.insert_text((280, 345), "Results", fontsize=10, fontname="hebo")
    page.insert_textbox((72, 355, 540, 460), "Groove rose with the tempo. " * 8, fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    headings = [(s.level, s.heading) for s in extract_paper(path).sections]
    assert headings == [(1, "Method"), (2, "Participants"), (2, "Procedure"), (1, "Results")]


def test_an_appendix_named_with_its_letter_and_a_stop_after_the_references(tmp_path: Path) -> None:
    # JMLR's and PMLR's "Appendix A. Properties of Bregman Divergences" (Banerjee et al. 2005),
    # bold after the references: the stop after its letter was a sentence's to the heading test
    doc = _paper(
        "Clustering with Bregman Divergences", "1. Introduction", "Clusters are found. ", bold_heading=True
    )
    page = doc.new_page()
    page.insert_text((72, 60), "References", fontsize=15, fontname="hebo")
    page.insert_textbox(
        (72, 70, 540, 130), "A. Banerjee. Clustering. JMLR, 6:1705-1749, 2005. " * 2, fontsize=10
    )
    page.insert_text((72, 160), "Appendix A. Properties of Bregman Divergences", fontsize=15, fontname="hebo")
    page.insert_textbox(
        (72, 170, 540, 300), "A Bregman divergence is convex in its first argument. " * 5, fontsize=10
    )
    doc.save(path := tmp_path / "paper.pdf")
    sections = extract_paper(path).sections
    assert [s.heading for s in sections] == [
        "1. Introduction",
        "Appendix A. Properties of Bregman Divergences",
    ]
    assert sections[-1].text.startswith("A Bregman divergence is convex")


def test_a_stop_within_a_word_a_theorems_label_and_an_ocr_tables_numbers_as_headings() -> None:
    # ASME's "5 Reference Formatting with asmejour.bst" and lmtest's "2 U.S. macroeconomic data"
    # were no headings (a sentence's stop in them); "Lemma 4.2" alone in bold (Dhillon & Modha
    # 2001) and an OCR'd table's numbers in an 1888 scan are none
    texts = ["1 Introduction", "We format the references.", "2 Reference Formatting with asmejour.bst"]
    texts += ["The style file sets them.", "Lemma 4.2", "Every cluster is convex.", "311 412 2 I 33.6 2"]
    texts += ["3 U.S. macroeconomic data", "Series are stable.", "4 Conclusions", "It works."]
    lines = [line._replace(bold=not line.text.endswith(".")) for line in _paragraphs(texts)]
    lines, headings = find_headings(lines, 10.0, [])
    assert [lines[i].text for i in sorted(headings)] == [texts[0], texts[2], texts[7], texts[9]]


def test_appendices_lettered_as_latex_does_after_an_appendix_heading_are_sections() -> None:
    # PODS 2025: "Appendix" / "A Building Brick Algorithms" / "B Supplementary Proofs for
    # Section 4" …, each bold heading in its first paragraph's block to mupdf: B, C and D were
    # read as run-in subsections of A, E (in a block of its own) a section again
    texts = ["1 Introduction", "We join rectangles.", "2 Settling k-SJ", "It is settled."]
    texts += [
        "3 Conclusions",
        "Joins are settled.",
        "Appendix",
        "A Building Brick Algorithms",
        "Terminology. Each point defines a coordinate.",
    ]
    texts += ["B Supplementary Proofs for Section 4", "We start by presenting two properties."]
    texts += ["C Hardness of 3-SJ in 3D Space", "A rectangle in 3D space has three projections."]
    lines = [
        Line(1, text, 0.0, not text.endswith("."), block, False, True, True)
        for block, text in enumerate(texts)
    ]
    # "B …", in type of its own, over the rest of its block: its paragraph shares the block
    lines[10] = lines[10]._replace(block=lines[9].block, first=False)
    lines, headings = find_headings(lines, 10.0, [])
    found = {lines[i].text: level for i, level in sorted(headings.items())}
    assert found["B Supplementary Proofs for Section 4"] == found["C Hardness of 3-SJ in 3D Space"] == 1


def test_appendices_lettered_with_no_appendix_heading_whose_first_numbers_its_subsections() -> None:
    # acmart's samples: "A RESEARCH METHODS" over "A.1 Part One", "A.2 Part Two", then "B ONLINE
    # RESOURCES" run into its paragraph's block, read as a run-in subsection of A.2
    texts = ["1 Introduction", "We listen.", "2 Method", "We watch.", "3 Results", "It works."]
    texts += ["A RESEARCH METHODS", "A.1 Part One", "Lorem ipsum dolor.", "A.2 Part Two", "Etiam commodo."]
    texts += ["B ONLINE RESOURCES", "Nam id fermentum dui."]
    lines = [
        Line(1, text, 0.0, not text.endswith("."), block, False, True, True)
        for block, text in enumerate(texts)
    ]
    lines[12] = lines[12]._replace(block=lines[11].block, first=False, alone=False)  # in B's block
    lines, headings = find_headings(lines, 10.0, [])
    found = {lines[i].text: level for i, level in sorted(headings.items())}
    assert found["A RESEARCH METHODS"] == found["B ONLINE RESOURCES"] == 1
    assert found["A.1 Part One"] == 2


def test_appendices_after_a_checklist_right_after_the_references_are_kept() -> None:
    # Chain-of-Thought Prompting (NeurIPS 2022): the "Checklist" between the references and the
    # appendices; everything after the checklist was dropped with it, six appendices and 70,000
    # characters
    heads = [
        "1 Introduction",
        "References",
        "Checklist",
        "1. For all authors...",
        "2. If you ran experiments...",
    ]
    heads += ["A Frequently Asked Questions", "A.1 Why does scale help?", "B All Experimental Results"]
    sections = [
        Section(heading=head, level=1 + head.startswith("A.1"), text=f"{head} text.") for head in heads
    ]
    kept = [s.heading for s in drop_references(sections)]
    assert kept == ["1 Introduction", *heads[5:]]


def test_a_heading_in_capitals_over_its_first_subsection_in_one_plain_block() -> None:
    # acmart's acmlarge (tests/data/latex) without its outline: the bold face of "2 RELATED WORK"
    # is not bold to mupdf, which reads it and "2.1 Audio-only …" as one paragraph; an appendix's
    # too ("A RESEARCH METHODS A.1 Part One", acmart's samples)
    xhtml = "<p>2 RELATED WORK 2.1 Audio-only source separation</p>\n<p>Most work separates sound alone.</p>"
    xhtml += "\n<p>3 METHOD 3.1 Visual encoder The encoder reads keypoints.</p>"
    xhtml += "\n<p>A RESEARCH METHODS A.1 Part One</p>\n<p>Lorem ipsum dolor sit amet.</p>"
    assert [line.text for line in paragraphs(xhtml, 1)] == [
        "2 RELATED WORK",
        "2.1 Audio-only source separation",
        "Most work separates sound alone.",
        "3 METHOD",
        "3.1 Visual encoder The encoder reads keypoints.",
        "A RESEARCH METHODS",
        "A.1 Part One",
        "Lorem ipsum dolor sit amet.",
    ]


def test_a_paper_read_without_its_outline_finds_the_sections_its_outline_lists() -> None:
    # what a paper with no bookmarks gets (bench/heading_recall.py measures it): acmart's
    # acmlarge, whose headings are in a bold face mupdf does not call bold
    pdf = ROOT / "tests" / "data" / "latex" / "acmlarge.pdf"
    top = [s.heading for s in extract_paper(pdf, outline=False).sections if s.level == 1]
    assert top == [
        "1 INTRODUCTION",
        "2 RELATED WORK",
        "3 METHOD",
        "4 EXPERIMENTS",
        "5 DISCUSSION",
        "6 CONCLUSION",
        "ACKNOWLEDGMENTS",
    ]
    with pymupdf.open(pdf) as doc:
        listed = [title for level, title, *_ in doc.get_toc() if level == 1]
    assert [unnumbered(h).lower() for h in top[:6]] == [unnumbered(t).lower() for t in listed[1:7]]


def test_an_appendix_letter_apart_from_its_title_and_a_neurips_checklist_after_the_references(
    tmp_path: Path,
) -> None:
    # NeurIPS 2023-25: the appendix's "A" set apart from "Implementation details" (two lines to
    # mupdf) was lost with the references; the "NeurIPS Paper Checklist" after them, a form
    # whose items "2. Limitations" … read as sections, is no part of what the paper says
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), "Seeing the Bow: Motion Cues for Duets", fontsize=17, fontname="hebo")
    page.insert_text((72, 110), "Ana Lima, Ben Ortiz", fontsize=11)
    page.insert_text((72, 150), "1 Introduction", fontsize=14, fontname="hebo")
    page.insert_textbox((72, 160, 540, 260), "Two violins share their timbre. " * 10, fontsize=10)
    page.insert_text((72, 290), "References", fontsize=14, fontname="hebo")
    page.insert_textbox(
        (72, 300, 540, 330), "[1] H. Zhao et al. The sound of pixels. In ECCV, 2018.", fontsize=10
    )
    page.insert_text((72, 360), "A", fontsize=14, fontname="hebo")
    page.insert_text((100, 360), "Implementation details", fontsize=14, fontname="hebo")
    page.insert_textbox((72, 370, 540, 420), "We train for fifty epochs with Adam. " * 3, fontsize=10)
    checklist = doc.new_page()
    checklist.insert_text((72, 80), "NeurIPS Paper Checklist", fontsize=14, fontname="hebo")
    y = 110
    for item in ("Claims", "Limitations"):
        checklist.insert_text((72, y), f"{item}", fontsize=10, fontname="hebo")
        checklist.insert_text((60, y), f"{1 + (item == 'Limitations')}.", fontsize=10)
        checklist.insert_textbox(
            (72, y + 8, 540, y + 60), "Question: Does the paper say so? Answer: [Yes]", fontsize=10
        )
        y += 80
    doc.save(path := tmp_path / "paper.pdf")
    sections = extract_paper(path).sections
    assert [s.heading for s in sections] == ["1 Introduction", "A Implementation details"]
    assert sections[-1].text.startswith("We train for fifty epochs") and "Question" not in sections[-1].text


def test_supplementary_material_appended_after_the_references_keeps_its_sections(tmp_path: Path) -> None:
    # CVPR's and NeurIPS's papers append their supplementary material with the title again
    # over it: the title, "Supplementary Material" and "A More results", each bold of one size,
    # read as one long heading, and the first appendix was lost in it
    doc = _paper("Seeing the Bow", "1 Introduction", "Two violins share their timbre. ", bold_heading=True)
    page = doc.new_page()
    for y, line in [(60, "Seeing the Bow"), (85, "Supplementary Material"), (120, "A More results")]:
        page.insert_text((72, y), line, fontsize=15, fontname="hebo")
    page.insert_textbox((72, 130, 540, 200), "Motion helps most on fast passages. " * 4, fontsize=10)
    page.insert_text((72, 230), "B Network details", fontsize=15, fontname="hebo")
    page.insert_textbox((72, 240, 540, 300), "The encoder has four layers. " * 4, fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    headings = [s.heading for s in extract_paper(path).sections]
    assert headings[-2:] == ["A More results", "B Network details"]


def test_an_abstract_label_in_larger_type_does_not_push_unnumbered_sections_down(tmp_path: Path) -> None:
    # a journal's "ABSTRACT" set larger than its \section* headings ranked above them: every
    # section of the paper came out at level 2
    doc = _paper("Tempo and Groove", "ABSTRACT", "Groove makes people move. ", bold_heading=True)
    page = doc.new_page()
    for y, heading in [(60, "Introduction"), (200, "Methods")]:
        page.insert_text((72, y), heading, fontsize=10, fontname="hebo")
        page.insert_textbox((72, y + 8, 540, y + 110), "Forty musicians took part in it. " * 8, fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    assert [(s.level, s.heading) for s in extract_paper(path).sections] == [
        (1, "Introduction"),
        (1, "Methods"),
    ]


def test_one_heading_in_display_type_does_not_push_the_others_down(tmp_path: Path) -> None:
    # a lone line in display type taken for a heading (a plot's title, a part's label, Science's
    # page head) ranked over the paper's \section* headings: all of them came out at level 2
    doc = _paper("Tempo and Groove", "Abstract", "Groove makes people move. ")
    page = doc.new_page()
    page.insert_text((72, 60), "Perspectives", fontsize=22, fontname="hebo")
    for y, heading in [(100, "Introduction"), (220, "Methods"), (340, "Results")]:
        page.insert_text((72, y), heading, fontsize=10, fontname="hebo")
        page.insert_textbox((72, y + 8, 540, y + 100), "Forty musicians took part in it. " * 6, fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    levels = {s.heading: s.level for s in extract_paper(path).sections}
    assert [levels[name] for name in ("Introduction", "Methods", "Results")] == [1, 1, 1]


def test_a_subsection_heading_in_italics_alone_over_its_text() -> None:
    # the SciPy proceedings (McFee et al. 2015, librosa): subsections in sans-serif italics of the
    # text's size, alone over their text; without the outline none was found
    text = "The core functionality of librosa is the loading of audio."
    xhtml = f"<p>Most of it is in Python.</p>\n<p><i>Core functionality</i></p>\n<p>{text}</p>"
    xhtml += f"\n<p><i>Onsets, tempo, and beats</i></p>\n<p>{text}</p>"
    xhtml += "\n<p><i>Preface xvii</i></p>\n<p>A line of a book's contents, which is no heading at all.</p>"
    xhtml += "\n<p><i>Model Parameter Space</i></p>\n<p><i>Symbolic Level</i></p>"  # a diagram's boxes
    assert [line.text for line in paragraphs(xhtml, 1) if line.bold] == [
        "Core functionality",
        "Onsets, tempo, and beats",
    ]


def test_a_bold_heading_and_its_first_subsection_in_italics_in_one_block() -> None:
    # MDPI's class (tests/data/latex/mdpi.pdf read without its outline): "4. Experiments" in
    # bold and "4.1. Datasets" in italics make one block, and the subsection was lost
    xhtml = "<p><b>4. Experiments </b><i>4.1. Datasets</i></p>\n<p>We train on duets mixed from solos.</p>"
    lines = paragraphs(f'<div id="page1">\n{xhtml}\n</div>', 1)
    assert [(line.text, line.alone) for line in lines] == [
        ("4. Experiments", True),
        ("4.1. Datasets", True),
        ("We train on duets mixed from solos.", True),
    ]
    found = find_headings(lines, 10.0, [])[1]
    assert [(level, lines[i].text) for i, level in sorted(found.items())] == [
        (1, "4. Experiments"),
        (2, "4.1. Datasets"),
    ]


def test_the_last_sections_read_into_paragraphs_are_split_off_after_the_numbering(tmp_path: Path) -> None:
    # a real ACM paper (dvips and Ghostscript, 2013): its bold headings are bold only by their
    # font's name ("NimbusRomNo9L-Medi"), so plain to mupdf, which read "7. DISCUSSION AND
    # FUTURE WORK" into its paragraph and "8. CONCLUSIONS" into the one before it; no number
    # after them showed a gap, and both were lost in "6. EXPERIMENTS"
    doc, page = _titled_page()
    page.insert_text((72, 140), "Abstract: We read gestures from video to transcribe bowing.", fontsize=10)
    page = doc.new_page()
    sentence = "The study goes on for a full line of its own here and in the next one. "
    blocks = [
        "1. INTRODUCTION",
        sentence * 3,
        "2. METHOD",
        sentence * 3,
        "3. RESULTS The accuracy rises with the frame rate. " + sentence * 2,
        sentence * 2 + "Fig. 4. ALIGNMENT OF BOW Shows the strokes. As the figure shows. "
        "4. CONCLUSIONS In this paper, we read bowing from video. " + sentence,
    ]
    y = 72.0
    for text in blocks:
        page.insert_textbox(pymupdf.Rect(72, y, 520, y + 80), text, fontsize=10)
        y += 90 if len(text) > 20 else 24
    doc.save(path := tmp_path / "paper.pdf")
    sections = extract_paper(path).sections
    assert [s.heading for s in sections] == ["1. INTRODUCTION", "2. METHOD", "3. RESULTS", "4. CONCLUSIONS"]
    assert sections[2].text.startswith("The accuracy rises")
    assert "Fig. 4. ALIGNMENT OF BOW" in " ".join(sections[2].text.split())
    assert sections[3].text.startswith("In this paper, we read bowing")


def test_a_section_number_apart_from_its_title_on_page_1_heads_a_block_of_its_own(tmp_path: Path) -> None:
    # a real IEEE paper (IJCNN 2013): page 1's "I." and "INTRODUCTION" in small capitals are
    # far enough apart that mupdf reads two lines of one block; joined into one row, the
    # heading was still taken for a block of two lines, so no heading, and with no section
    # "I." the paper's numbering was not believed: diagram labels became its sections
    doc, page = _titled_page()
    page.insert_text((72, 140), "Abstract—We read gestures from video to transcribe bowing.", fontsize=9)
    page.insert_text((150, 200), "I.", fontsize=10)
    page.insert_text((167, 200), "INTRODUCTION", fontsize=10)
    page.insert_text((72, 220), "A. Context", fontsize=10, fontname="heit")
    page.insert_textbox(pymupdf.Rect(72, 232, 300, 330), "The study goes on for a line. " * 8, fontsize=10)
    page = doc.new_page()
    for y, heading in [(72, "II. METHOD"), (200, "III. RESULTS")]:
        page.insert_text((120, y), heading, fontsize=10)
        page.insert_textbox(pymupdf.Rect(72, y + 12, 300, y + 110), "The study goes on. " * 12, fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    sections = extract_paper(path).sections
    assert [(s.heading, s.level) for s in sections] == [
        ("I. INTRODUCTION", 1),
        ("A. Context", 2),
        ("II. METHOD", 1),
        ("III. RESULTS", 1),
    ]


def test_ieee_page_1_a_centred_heading_in_its_paragraphs_block_and_a_bold_abstract_paragraph(
    tmp_path: Path,
) -> None:
    # a real IEEE INFOCOM paper (2006): the abstract's second paragraph, in bold like its first,
    # was taken for a heading (its 22 lines joined into one), and "I. INTRODUCTION", in small
    # capitals of the body's size and centred over the paragraph mupdf read into its block,
    # was not taken
    doc, page = _titled_page()
    abstract = [
        "Abstract: We read gestures from video to transcribe bowing.",
        "In this paper, we develop a model of the bow that learns its",
        "strokes from the video of the player and the sound it makes,",
        "with no annotation at all, and we test it on ten players of",
        "the violin and the cello, in studios and in concert halls.",
    ]
    y = 140.0
    for line in abstract:
        y += 6 if line.startswith("In this") else 0  # a paragraph of its own: a block to mupdf
        page.insert_text((82 if line[0] in "AI" else 72, y), line, fontsize=9, fontname="hebo")
        y += 10
    page.insert_text((150, y + 14), "I. INTRODUCTION", fontsize=10)
    y += 28
    for line in [
        "A violin's bowing shapes its sound, and a player's gestures show",
        *["how it is bowed, with which strokes, and how fast the bow moves."] * 8,
    ]:
        page.insert_text((72, y), line, fontsize=10)
        y += 11
    page = doc.new_page()
    for y, heading in [(72, "II. METHOD"), (200, "III. RESULTS")]:
        page.insert_text((120, y), heading, fontsize=10)
        page.insert_textbox(pymupdf.Rect(72, y + 12, 300, y + 110), "The study goes on. " * 12, fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == ["I. INTRODUCTION", "II. METHOD", "III. RESULTS"]
    assert paper.sections[0].text.startswith("A violin's bowing")


def test_a_paragraph_in_bold_on_page_1_is_no_heading_over_its_lines() -> None:
    # the same INFOCOM paper: its abstract's second paragraph starts a block of its own, in bold
    # a point under the body's type, and shaped like a heading in its first line
    paragraph = [
        "In this paper, we develop linear programming formulations",
        "and a fast combinatorial algorithm for routing under the scheme",
        "so as to maximize throughput (or, minimize maximum link uti-",
        "lization). We compare the throughput performance of the scheme",
    ]
    lines = [
        Line(0, "A Versatile Scheme for Routing", 24.0, False, 0, first=True, alone=True),
        Line(0, "Abstract— The emergence of new applications on the Internet", 9.0, True, 1, first=True),
        *(Line(0, text, 9.0, True, 2, first=i == 0) for i, text in enumerate(paragraph)),
        Line(0, "I. INTRODUCTION", 10.0, False, 3, first=True, alone=True),
        Line(0, "As the Internet continues to grow in size and complexity, it", 10.0, False, 4, first=True),
    ]
    _, headings = find_headings(lines, 10.0, [])
    assert [lines[i].text for i in sorted(headings)] == ["I. INTRODUCTION"]


def test_a_section_in_plain_type_over_its_first_subsection_is_a_heading(tmp_path: Path) -> None:
    # a real LNCS paper set by VTeX (Coulom, CG 2006): its bold headings are plain to mupdf, and
    # a bare number before words in plain type may be a footnote's ("3 a footnote"), so of
    # "1 Introduction" to "6 Conclusion" only the named ones were found, too far apart for the
    # numbers between to be looked for; "3.1 Background" and "A.1 Urgencies" were found
    doc, page = _titled_page()
    page.insert_text((72, 140), "Abstract. We read gestures from video to transcribe bowing.", fontsize=9)
    headings = [
        "1 Introduction",
        "2 Algorithm Structure",
        "3 Selectivity",
        "3.1 Prior Work",
        "4 Backup Method",
        "4.1 Value Backup",
        "5 Game Results",
        "6 Conclusion",
        "References",
        "A Proofs",
        "A.1 First Lemma",
    ]
    page, y = doc.new_page(), 72.0
    for heading in headings:
        if y > 700:
            page, y = doc.new_page(), 72.0
        page.insert_text((72, y), heading, fontsize=10)
        text = (
            "[1] A. Lima. Bowing. 2020. " * 3
            if heading == "References"
            else f"The part on {heading[2:].lower()} goes on here. " * 5
        )
        page.insert_textbox(pymupdf.Rect(72, y + 12, 300, y + 90), text, fontsize=10)
        y += 100
    doc.save(path := tmp_path / "paper.pdf")
    found = [(s.heading, s.level) for s in extract_paper(path).sections]
    assert found == [
        ("1 Introduction", 1),
        ("2 Algorithm Structure", 1),
        ("3 Selectivity", 1),
        ("3.1 Prior Work", 2),
        ("4 Backup Method", 1),
        ("4.1 Value Backup", 2),
        ("5 Game Results", 1),
        ("6 Conclusion", 1),
        ("A Proofs", 1),
        ("A.1 First Lemma", 2),
    ]


def test_a_running_footer_with_no_page_number_on_page_1_is_left_out(tmp_path: Path) -> None:
    # Bigtable and MapReduce (OSDI): "To appear in OSDI 2006", in bold at every page's foot;
    # later pages' copies have their page's number read into them ("… 2006 2"), page 1's has
    # none and stayed, a bold line in the reading flow, taken for a section
    doc, page = _titled_page()
    page.insert_text((72, 140), "Abstract. We read gestures from video to transcribe bowing.", fontsize=9)
    titles = ["Introduction", "Bowing Gestures", "Video Features", "Evaluation", "Conclusion"]
    for number, title in enumerate(titles, start=1):
        if number > 1:
            page = doc.new_page()
        page.insert_text((72, 200), f"{number} {title}", fontsize=10, fontname="hebo")
        text = f"The study of {title.lower()} goes on here, and it reads well. " * 4
        page.insert_textbox(pymupdf.Rect(72, 212, 300, 320), text, fontsize=10)
        page.insert_text((72, 740), "To appear in OSDI 2006", fontsize=10, fontname="hebo")
        if number > 1:
            page.insert_text((300, 740), str(number), fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    with pymupdf.open(path) as pdf:
        lines = read_document(pdf).lines
    assert [line.text for line in lines if line.text.startswith("To appear")][:2] == [
        "To appear in OSDI 2006",
        "To appear in OSDI 2006 2",
    ]
    assert not [line for line in drop_running_lines(lines, 5) if line.text.startswith("To appear")]
    sections = extract_paper(path).sections
    assert [s.heading for s in sections] == [f"{n} {title}" for n, title in enumerate(titles, start=1)]


def test_a_diagrams_boxes_in_bold_apart_from_each_other_leave_the_reading_flow() -> None:
    # OpenReplica's Figure 1 (a real paper): two boxes in bold, "R1 R2 Rn NS" and "A1 A2 An",
    # each among plain words; the first stopped at the second, short of the caption, and
    # became a heading in the middle of a sentence ("users have the | illusion of …")
    words = ["View", "<b>R1 R2 Rn NS</b>", "View", "<b>A1 A2 An</b>", "Client", "Client Proxy", "PAXOS"]
    xhtml = "<p>OpenReplica uses binary rewriting to ensure that users have the</p>\n"
    xhtml += "".join(f"<p>{word}</p>\n" for word in words)
    xhtml += "<p>Figure 1: The structure of an OpenReplica coordination object.</p>\n"
    xhtml += "<p>illusion of a single object both when specifying and invoking it.</p>"
    kept = [line.text for line in without_figure_text(paragraphs(xhtml, 1))]
    assert kept == [
        "OpenReplica uses binary rewriting to ensure that users have the",
        "Figure 1: The structure of an OpenReplica coordination object.",
        "illusion of a single object both when specifying and invoking it.",
    ]


def test_a_note_in_bold_at_page_1s_foot_is_no_heading() -> None:
    # Cheriton & Skeen (SOSP 1993), a real paper: "This is a preprint of a paper to appear in
    # the Proceedings of the 14th Symposium …" in bold under its first column, two lines: its
    # first line has a heading's shape, and became a section in the middle of section 2
    lines = [
        Line(0, "Understanding the Limitations of Causally Ordered Communication", 17.0, True, 0, first=True),
        Line(0, "1 Introduction", 12.0, True, 1, first=True, alone=True),
        Line(0, "Causally and totally ordered communication support has been", 10.0, False, 2, first=True),
        Line(0, "This is a preprint of a paper to appear in the", 10.0, True, 3, first=True),
        Line(0, "Proceedings of the 14th Symposium on Operating Systems", 10.0, True, 3),
        Line(0, "proposed as a way to build distributed applications.", 10.0, False, 4, first=True),
        Line(0, "2 Causally and Totally Ordered Communication", 12.0, True, 5, first=True, alone=True),
    ]
    _, headings = find_headings(lines, 10.0, [])
    assert [lines[i].text for i in sorted(headings)] == [
        "1 Introduction",
        "2 Causally and Totally Ordered Communication",
    ]


def test_an_affiliation_in_spanish_or_german_is_no_author() -> None:
    # MEXICA (JETAI 2001): "Centro de Instrumentos, Universidad Nacional Autónoma de México" under
    # the authors was read as an author, "Centro de Instrumentos"
    lines = [
        Line(0, "MEXICA: a computer model of a cognitive account of creative writing.", 13.2, True, 0),
        Line(0, "Rafael Pérez y Pérez", 9.4, False, 1),
        Line(0, "Mike Sharples", 9.4, False, 2),
        Line(0, "Laboratorio de Cognición, Cibernética y Aprendizaje de la Ciencia.", 9.4, False, 3),
        Line(0, "(Laboratory of Cognition, Cybernetics and Science Learning)", 9.4, False, 3),
        Line(0, "Centro de Instrumentos, Universidad Nacional Autónoma de México", 9.4, False, 3),
        Line(0, "Circuito Exterior-Ciudad Universitaria, México D.F. C.P. 04510", 9.4, False, 4),
    ]
    assert find_authors({}, lines, [0], 9.4) == ["Rafael Pérez y Pérez", "Mike Sharples"]
    lines[5] = lines[5]._replace(text="Max-Planck-Zentrum für Musik, Leipzig")
    assert find_authors({}, lines, [0], 9.4) == ["Rafael Pérez y Pérez", "Mike Sharples"]


def test_headings_in_large_type_that_end_with_a_stop(tmp_path: Path) -> None:
    # Ardila & Stanley's "Tilings" (a real AMS-style survey): "3 Counting tilings, exactly." in
    # 14 pt with no bold; its stop made it a sentence, then a footnote (a numbered sentence),
    # and four sections of nine were lost in the one before them
    doc, page = _titled_page("Tilings", "Federico Ardila and Richard P. Stanley")
    page.insert_text((72, 140), "Abstract. We read gestures from video to transcribe bowing.", fontsize=10)
    titles = ["Introduction.", "Is there a tiling?", "Counting tilings, exactly.", "Tilings of rectangles."]
    for number, title in enumerate(titles, start=1):
        page = doc.new_page()
        page.insert_text((72, 80), f"{number} {title}", fontsize=14)
        text = f"The part on {title.lower().rstrip('.?')} goes on here, and it reads well. " * 5
        page.insert_textbox(pymupdf.Rect(72, 100, 400, 250), text, fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    sections = extract_paper(path).sections
    assert [s.heading for s in sections] == [f"{n} {t}" for n, t in enumerate(titles, start=1)]
    assert sections[2].text.startswith("The part on counting tilings, exactly goes on")


@pytest.mark.parametrize(
    "notice",
    [
        "\n\nc\u20dd2003 Elsevier B.V. All rights reserved.",  # TCS 2004: LaTeX's encircled c
        " © 2012 Wiley Periodicals, Inc.",  # Mallat, CPAM 2012: run on in the last paragraph
        # Dasgupta and Gupta, Random Structures & Algorithms 2003: the journal's citation after it
        " © 2003 Wiley Periodicals, Inc. Random Struct. Alg., 22: 60–65, 2002",
        # Wierstorf et al., JASA 2017: ASA's © in a symbol font, read as "V"; the licence
        " V 2017 Author(s). All article content, except where otherwise noted, is licensed under a Creative"
        " Commons Attribution (CC BY) license (http://creativecommons.org/licenses/by/4.0/)."
        " [http://dx.doi.org/10.1121/1.4976061]",
    ],
)
def test_a_publishers_copyright_line_does_not_end_the_abstract(notice: str) -> None:
    text = "We present a simple algorithm for the problem, simple enough to be taught and implemented."
    sections = [
        Section(heading="Abstract", text=text + notice),
        Section(heading="1 Introduction", text="A fundamental problem on trees is how to find ancestors."),
    ]
    abstract, rest = take_abstract(sections, [], 10.0)
    assert (abstract, [s.heading for s in rest]) == (text, ["1 Introduction"])


def test_no_author_is_an_article_kind_a_project_or_an_account() -> None:
    # real papers: Helland's "Position Paper" under his title, Jails' "The FreeBSD Project"
    # under its authors' names with their e-mails in angle brackets, Akamai's PDF saved by
    # "End User Computing Services", a word of which page 1 prints
    lines = [
        Line(0, "Life beyond Distributed Transactions: an Apostate's Opinion", 18.0, True, 0),
        Line(0, "Position Paper", 14.0, False, 1),
        Line(0, "Pat Helland", 12.0, False, 2),
        Line(0, "Amazon.Com", 12.0, False, 3),
    ]
    assert find_authors({}, lines, [0], 10.0) == ["Pat Helland"]
    lines = [
        Line(0, "Jails: Confining the omnipotent root.", 14.0, True, 0),
        Line(0, "Poul-Henning Kamp <phk@FreeBSD.org>", 12.0, False, 1),
        Line(0, "Robert N. M. Watson <rwatson@FreeBSD.org>", 12.0, False, 2),
        Line(0, "The FreeBSD Project", 12.0, False, 3),
    ]
    assert find_authors({}, lines, [0], 10.0) == ["Poul-Henning Kamp", "Robert N. M. Watson"]
    lines = [
        Line(0, "The Akamai Network: A Platform for High-Performance Internet Applications", 18.0, True, 0),
        Line(0, "Erik Nygren", 12.0, False, 1),
        Line(0, "Ramesh K. Sitaraman", 12.0, False, 2),
        Line(0, "Akamai's services reach users in many networks, and end users.", 10.0, False, 3),
    ]
    metadata = {"author": "End User Computing Services"}
    assert find_authors(metadata, lines, [0], 10.0) == ["Erik Nygren", "Ramesh K. Sitaraman"]
    # NVIDIA's product briefs: the kind of document under the title, in the names' place
    lines = [
        Line(0, "NVIDIA T4 70W LOW PROFILE PCIe GPU ACCELERATOR", 26.0, True, 0),
        Line(0, "Product Brief", 14.0, False, 1),
        Line(0, "PB-09256-001_v03 | December 2018", 10.0, False, 2),
    ]
    assert find_authors({}, lines, [0], 10.0) == []


def test_a_thesis_title_page_in_one_size_under_its_universitys_name(tmp_path: Path) -> None:
    # a real UC Irvine dissertation (2010): every line of its title page in 12 pt, the
    # university's name first, the title in bold under it; the title was "UNIVERSITY OF
    # CALIFORNIA, IRVINE"
    doc = pymupdf.open()
    page = doc.new_page()
    y = 90.0
    for text, font in [
        ("UNIVERSITY OF CALIFORNIA,", "helv"),
        ("IRVINE", "helv"),
        ("Seeing the Bow", "hebo"),
        ("Motion Cues for Separating Same-Instrument Duets", "hebo"),
        ("A dissertation submitted in partial satisfaction", "helv"),
        ("of the requirements for the degree of", "helv"),
        ("Doctor of Philosophy in Computer Science", "helv"),
        ("by", "helv"),
        ("Ana Lima", "hebo"),
        ("2010", "helv"),
    ]:
        page.insert_text((120, y), text, fontsize=12, fontname=font)
        y += 40
    page = doc.new_page()
    page.insert_text((72, 80), "1 Introduction", fontsize=14, fontname="hebo")
    page.insert_textbox(pymupdf.Rect(72, 100, 400, 300), "The bow moves, and we watch it. " * 8, fontsize=10)
    doc.save(path := tmp_path / "thesis.pdf")
    assert extract_paper(path).title == "Seeing the Bow Motion Cues for Separating Same-Instrument Duets"


def test_an_iclr_appendix_in_plain_capitals_after_the_references(tmp_path: Path) -> None:
    # ICLR's class (EmerDiff, ICLR 2024, a real paper): "A ADDITIONAL IMPLEMENTATION DETAILS" in
    # small capitals mupdf does not call bold, after the references: a letter before words in
    # capitals was no number, and the five appendices were lost with the references
    doc, page = _titled_page()
    page.insert_text((72, 140), "Abstract. We read gestures from video to transcribe bowing.", fontsize=10)
    blocks = [
        ("1 INTRODUCTION", "The bow moves, and we watch it closely here. " * 4),
        ("2 METHOD", "We track the bow in each frame of the video. " * 4),
        ("REFERENCES", "Ana Lima. Bowing gestures. In ISMIR, 2020. Ben Ortiz. Violins. In ICASSP, 2021."),
        ("A ADDITIONAL IMPLEMENTATION DETAILS", "The frames are resized to a multiple of 64 pixels. " * 4),
        ("B HYPERPARAMETER ANALYSIS", "The number of clusters changes the maps but little. " * 4),
    ]
    page, y = doc.new_page(), 72.0
    for heading, text in blocks:
        page.insert_text((72, y), heading, fontsize=10)
        page.insert_textbox(pymupdf.Rect(72, y + 12, 500, y + 100), text, fontsize=10)
        y += 120
    doc.save(path := tmp_path / "paper.pdf")
    sections = extract_paper(path).sections
    assert [s.heading for s in sections] == [
        "1 INTRODUCTION",
        "2 METHOD",
        "A ADDITIONAL IMPLEMENTATION DETAILS",
        "B HYPERPARAMETER ANALYSIS",
    ]
    assert not any("Ben Ortiz" in s.text for s in sections)


def test_an_appendixs_lettered_sections_over_their_subsections_under_appendix() -> None:
    # Satori (ICML 2025, a real paper): under "Appendix", "B. Additional Related Work" over
    # "B.1. Post-training LLMs for Reasoning" were both level 2, so "B." had no text of its own
    # and no deeper section under it, and was lost
    texts = [
        "1. Introduction",
        "We train a model to reason with actions of its own, and to reflect.",
        "2. Method",
        "The model learns a format first, then improves by reinforcement learning.",
        "Appendix",
        "B. Additional Related Work",
        "B.1. Post-training LLMs for Reasoning",
        "State-of-the-art models reach human-level reasoning on several benchmarks.",
    ]
    assert _bold_headings_levels(texts) == [
        ("1. Introduction", 1),
        ("2. Method", 1),
        ("Appendix", 1),
        ("B. Additional Related Work", 2),
        ("B.1. Post-training LLMs for Reasoning", 3),
    ]


def test_a_figures_large_words_under_the_abstract_are_no_title(tmp_path: Path) -> None:
    # two real papers: Carlini et al.'s teaser figure prints "GPT-2" in 16 pt under the abstract,
    # Decision Transformer's diagram ". . ." in 24 pt, larger than their titles (14 and 17 pt),
    # which were lost; and "UC Berkeley" under the names was an author
    doc, page = _titled_page("Extracting Training Data from Large Language Models", "Ana Lima")
    page.insert_text((72, 125), "UC Berkeley", fontsize=11)
    page.insert_text((72, 160), "Abstract", fontsize=11, fontname="hebo")
    page.insert_textbox(pymupdf.Rect(72, 170, 500, 260), "We show that an adversary can extract text. " * 5)
    page.insert_text((250, 330), "GPT-2", fontsize=20)
    page.insert_textbox(pymupdf.Rect(72, 360, 500, 500), "Figure 1: The model memorises a sequence.")
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert (paper.title, paper.authors) == (
        "Extracting Training Data from Large Language Models",
        ["Ana Lima"],
    )


def test_a_title_that_names_an_abstract_is_not_cut_there(tmp_path: Path) -> None:
    # a real paper (2022): "Improving Medical Dialogue Generation with" / "Abstract Meaning
    # Representations" is its title, not a title cut at an abstract's label
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), "Improving Medical Dialogue Generation with", fontsize=16, fontname="hebo")
    page.insert_text((72, 100), "Abstract Meaning Representations", fontsize=16, fontname="hebo")
    page.insert_text((72, 125), "Bohao Yang and Chen Tang", fontsize=11)
    page.insert_text((72, 160), "Abstract", fontsize=11, fontname="hebo")
    page.insert_textbox(pymupdf.Rect(72, 170, 500, 260), "Medical dialogue generation matters. " * 5)
    doc.save(path := tmp_path / "paper.pdf")
    title = extract_paper(path).title
    assert title == "Improving Medical Dialogue Generation with Abstract Meaning Representations"


@pytest.mark.parametrize(
    ("names", "size", "expected"),
    [
        # ICML's names apart by wide spaces only (Schlag et al. 2021, real)
        (
            "Imanol Schlag Kazuki Irie Jürgen Schmidhuber",
            10.0,
            ["Imanol Schlag", "Kazuki Irie", "Jürgen Schmidhuber"],
        ),
        # marks between them dropped with their space (vLLM, SOSP 2023), a name of three words last
        (
            "Woosuk KwonZhuohan LiSiyuan Zhuang Ying Sheng Cody Hao Yu",
            12.0,
            ["Woosuk Kwon", "Zhuohan Li", "Siyuan Zhuang", "Ying Sheng", "Cody Hao Yu"],
        ),
        (
            "Joseph E. Gonzalez Yann LeCun Brian McFee",
            12.0,
            ["Joseph E. Gonzalez", "Yann LeCun", "Brian McFee"],
        ),
        # DeepMind's: smaller than the body, with marks ("Soham De* 1, Samuel L. Smith* 1, …")
        (
            "Soham De* 1, Samuel L. Smith* 1, Anushan Fernando",
            9.0,
            ["Soham De", "Samuel L. Smith", "Anushan Fernando"],
        ),
        # a title in capitals is no run of names; one name of four words stays one
        ("THE NOCTURNAL FLIGHT OF MIGRATING BIRDS", 12.0, []),
        ("Ana Candida Cruz Natali, Ben Ortiz", 12.0, ["Ana Candida Cruz Natali", "Ben Ortiz"]),
        # a middle initial with no stop (JSS's "Rune Haubo B Christensen") is no name's start
        ("Rune Haubo B Christensen", 12.0, ["Rune Haubo B Christensen"]),
    ],
)
def test_names_one_after_the_other_on_a_line(names: str, size: float, expected: list[str]) -> None:
    lines = [
        Line(0, "Linear Transformers Are Secretly Fast Weight Programmers", 14.3, True, 0),
        Line(0, names, size, False, 1),
        Line(0, "Abstract", 12.0, True, 2),
        Line(0, "We show the formal equivalence of linearised self-attention mechanisms.", 10.0, False, 3),
    ]
    assert find_authors({}, lines, [0], 10.0) == expected


def test_a_ninth_appendix_lettered_i_is_no_roman_numbering() -> None:
    # PAL (ICML 2023, a real paper): appendices A. to K.; its "I. Generalization of PAL …" was
    # taken for a roman "I.", and then every "1." of the paper for an IEEE subsubsection:
    # "1. Introduction" at level 3, and "5. Results" (level 3 over its level-2 "5.1.") lost
    texts = [
        "1. Introduction",
        "Large language models can reason when they are given a few examples.",
        "5. Results",
        "5.1. Math Results",
        "PAL improves on chain-of-thought prompting on every dataset we tried.",
        "H. Prompts for Symbolic Reasoning",
        "We give the prompts for the object counting task here in full.",
        "I. Generalization of PAL to Least-to-Most Prompting",
        "PAL can be combined with least-to-most prompting on the same tasks.",
    ]
    assert _bold_headings_levels(texts) == [
        ("1. Introduction", 1),
        ("5. Results", 1),
        ("5.1. Math Results", 2),
        ("H. Prompts for Symbolic Reasoning", 1),
        ("I. Generalization of PAL to Least-to-Most Prompting", 1),
    ]


def _bold_headings_levels(texts: list[str]) -> list[tuple[str, int]]:
    """The headings ``find_headings`` finds among a later page's paragraphs (each a block of its
    own; those that end no sentence in bold), with their levels."""
    lines = [Line(1, t, 0.0, not t.endswith("."), b, False, True, True) for b, t in enumerate(texts)]
    _, headings = find_headings(lines, 10.0, [])
    return [(lines[i].text, level) for i, level in sorted(headings.items())]


def test_an_elsevier_articles_banner_citation_and_first_author_field(tmp_path: Path) -> None:
    # Physica A (2011): the journal's name in the banner over the article is in the title's
    # size; the PDF's author field names the first author alone; page 1 prints when the article
    # was received and put online (2010, 2011, 2011) and, at its head, the volume's year (2012)
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((40, 40), "Physica A 391 (2012) 3435–3443", fontsize=6.6)
    page.insert_text((200, 70), "Contents lists available at SciVerse ScienceDirect", fontsize=8)
    page.insert_text((250, 95), "Physica A", fontsize=14)
    page.insert_text((200, 120), "journal homepage: www.elsevier.com/locate/physa", fontsize=8)
    page.insert_text((40, 165), "Seeing the bow in duets of violins", fontsize=14)
    page.insert_text((40, 190), "Ana Lima , Ben Ortiz ∗, Carla Dias", fontsize=11)
    page.insert_text((40, 205), "Music Technology Group, Example University, Porto, Portugal", fontsize=6.6)
    for top, text in enumerate(
        ["Article history:", "Received 23 August 2010", "Available online 2 May 2011"]
    ):
        page.insert_text((40, 240 + 9 * top), text, fontsize=6.6)
    page.insert_text((200, 240), "a b s t r a c t", fontsize=9.3)
    page.insert_text((200, 255), "Players move as they play, and listeners see it.", fontsize=8.6)
    page.insert_text((40, 330), "© 2011 Elsevier B.V. All rights reserved.", fontsize=6.6)
    page.insert_text((40, 360), "1. Introduction", fontsize=9.5, fontname="hebo")
    page.insert_text(
        (40, 375), "Musicians are seen as well as heard, and listeners use what they see.", fontsize=9.5
    )
    doc.set_metadata(
        {"author": "Ana Lima", "subject": "Physica A, 391 (2012) 3435-3443. doi:10.1016/j.physa.2011.04.011"}
    )
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert paper.title == "Seeing the bow in duets of violins"
    assert paper.authors == ["Ana Lima", "Ben Ortiz", "Carla Dias"]
    assert paper.year == 2012


@pytest.mark.parametrize(
    ("first_page", "year"),
    [
        # received and accepted one year, the volume the next: the volume's year
        (["Int J Comput Vis (2016) 116:211–252", "Received: 11 May 2015 / Accepted: 3 March 2015"], 2016),
        (["Physica A 261 (1999) 629-635", "Received 2 June 1998", "© 1998 Elsevier Science B.V."], 1999),
        # a reference in the text's sentences is another paper's
        (["We follow Smith et al., Nature 123 (2004) 45, and measure", "Received 2 June 2019"], 2019),
    ],
)
def test_the_journals_reference_on_page_one_tells_the_year(first_page: list[str], year: int) -> None:
    lines = [Line(0, text, 9.0, False, block) for block, text in enumerate(first_page)]
    assert find_year({}, lines) == year


def test_a_mark_a_font_maps_to_a_control_character_leaves_the_name() -> None:
    # Elsevier's older PDFs: the star after the corresponding author has no character of its own
    lines = [
        Line(0, "Economic fluctuations and statistical physics", 14.0, False, 0),
        Line(0, "H.E. Stanley\x02, Xavier Gabaix, Vasiliki Plerou", 11.0, False, 1),
        Line(0, "Center for Polymer Studies, Boston University, Boston, MA 02215, USA", 8.0, False, 2),
    ]
    assert find_authors({}, lines, [0], 10.0) == ["H.E. Stanley", "Xavier Gabaix", "Vasiliki Plerou"]


def test_a_long_bold_numbered_heading_is_found_and_a_long_plain_numbered_line_is_not() -> None:
    # Physica A (2011): "4. Application of the Ising model to financial data sampled with high
    # frequency", bold, 13 words after its number; a numbered step in plain type is a sentence
    text = "In this section, we study the collapse of a bank in March 2008, sampled each minute."
    lines = _paragraphs(
        [
            "3. Application to geophysics",
            text,
            "4. Application of the Ising model to financial data sampled with high frequency",
            text,
            "5. On the right we first choose between two possibilities each with probability",
            text,
        ]
    )
    lines[0] = lines[0]._replace(bold=True)
    lines[2] = lines[2]._replace(bold=True)
    _, headings = find_headings(lines, 10.0, [])
    assert [lines[i].text[:25] for i in sorted(headings)] == [
        "3. Application to geophys",
        "4. Application of the Isi",
    ]


def test_a_running_head_naming_the_section_with_the_pages_number_leaves_the_text() -> None:
    # a thesis (BYU-Idaho, 2016) heads each page with the section it is in and the page's
    # number, a book its chapter on even pages: each became a heading of its own; a chapter's
    # number and title at a page's top, named by the contents before, stays
    pages = [
        [
            "Contents",
            "Guia de utilização",
            "Fat-Tailed Distribution of Returns",
            "Lazy Evaluation and Notation",
        ],
        ["2 Guia de utilização", "The class is loaded as any other.", "It has three options."],
        ["2.3 Fat-Tailed Distribution of Returns", "The daily returns have heavy tails.", "7"],
        ["2.3 Fat-Tailed Distribution of Returns 9", "Returns far from the mean are frequent."],
        ["10 Lazy Evaluation and Notation", "Suspensions are memoised."],
        ["12 Lazy Evaluation and Notation", "Their cost is paid once."],
        ["Bibliography", "[KT95] Haim Kaplan and Robert E. Tarjan. Persistent lists with catenation."],
        ["14 BIBLIOGRAPHY", "[Oka95] Chris Okasaki. Amortization, lazy evaluation, and persistence."],
        [
            "BIBLIOGRAPHY 15",
            "[Oka96] Chris Okasaki. The role of lazy evaluation in amortized data structures.",
        ],
        ["5 Results", "A heading of a word at a page's top, once: no running head."],
    ]
    lines = [
        Line(page, text, 0.0, False, i, False, True, True)
        for page, texts in enumerate(pages, 1)
        for i, text in enumerate(texts)
    ]
    kept = [line.text for line in drop_running_lines(lines, len(pages) + 1)]
    assert "2 Guia de utilização" in kept
    assert "2.3 Fat-Tailed Distribution of Returns" in kept
    assert not [text for text in kept if re.match(r"2\.3 .* 9|1[02] Lazy", text)]
    # Okasaki's thesis (1996): a word's running head, in capitals, on two pages of references
    assert "Bibliography" in kept and "5 Results" in kept
    assert "14 BIBLIOGRAPHY" not in kept and "BIBLIOGRAPHY 15" not in kept


def test_a_running_head_on_every_other_page_but_one_leaves_the_text() -> None:
    # JACM (1988), an OCR layer: "290 C. DWORK ET AL." over even pages, one read "296 C. DWORK
    # ET AI,.", so the head stood on one page fewer than half of the 36 and stayed between
    # sentences' halves (the misread one stays); a head naming a section over the nine pages
    # it runs on (IEEEtran's testflow), with the bold heading it names under the first one
    pages = []
    for number in range(1, 22):
        even = number % 2 == 0
        head = ("296 C. DWORK ET AI,." if number == 8 else f"{288 + number} C. DWORK ET AL.") if even else ""
        section = "6 APPLICATION VERSION AND CONFIGURATION INFORMATION" if number >= 13 else ""
        pages.append(
            [text for text in (head, section) if text] + [f"The processors agree{' again' * number},"]
        )
    lines = [
        Line(page, text, 0.0, False, i, False, True, True)
        for page, texts in enumerate(pages, 1)
        for i, text in enumerate(texts)
    ]
    first_six = next(i for i, line in enumerate(lines) if line.text.startswith("6 APPLICATION"))
    heading = lines[first_six]._replace(text="6 Application Version and Configuration Information", bold=True)
    lines.insert(first_six + 1, heading)
    kept = [line.text for line in drop_running_lines(lines, len(pages) + 1)]
    assert [text for text in kept if "DWORK" in text or "APPLICATION" in text] == ["296 C. DWORK ET AI,."]
    assert "6 Application Version and Configuration Information" in kept
    assert len([text for text in kept if text.startswith("The processors")]) == len(pages)


def test_a_long_running_head_or_foot_with_its_page_number_leaves_the_text() -> None:
    # a head or foot of 90 characters and more was taken only when repeated word for word:
    # USENIX's foot with the page's number, left and right ("250 11th USENIX Symposium on
    # Operating Systems Design and Implementation (OSDI '14) USENIX Association"), a browser's
    # "Page 2 of 14 https://web.archive.org/web/…" under a page it printed, a long title over
    # odd pages with their number (Distributed Shampoo) stood between sentences' halves
    venue = "11th USENIX Symposium on Operating Systems Design and Implementation (OSDI '14)"
    archive = "https://web.archive.org/web/20050405213907/http://www8.informatik.uni-erlangen.de/lisp.html"
    title = "A Distributed Data-Parallel PyTorch Implementation of the Distributed Shampoo Optimizer for"
    pages = []
    for number in range(2, 12):
        foot = (
            f"{248 + number} {venue} USENIX Association"
            if number % 2
            else f"USENIX Association {venue} {248 + number}"
        )
        text = f"were read. The failures were reproduced{' again' * number} and the logs"
        pages.append([f"{title} {number}", text, f"Page {number} of 11 {archive}", foot])
    lines = [
        Line(page, text, 0.0, False, i, False, True, True)
        for page, texts in enumerate(pages, 1)
        for i, text in enumerate(texts)
    ]
    kept = [line.text for line in drop_running_lines(lines, len(pages) + 1)]
    assert min(len(venue) + 23, len(archive) + 13, len(title) + 2) >= 90
    assert [text for text in kept if not text.startswith("were read. The failures")] == []
    assert len(kept) == len(pages)


def test_the_authors_name_under_the_title_survives_its_running_head() -> None:
    # Bagwell's "Ideal Hash Trees" (2001): his name alone under the title, and over every other
    # page as the running head; page 1's copy went with them, and the paper had no author
    first = [
        Line(0, "Ideal Hash Trees", 17.2, False, 0, top=72.0),
        Line(0, "Phil Bagwell", 10.0, False, 1, top=100.0),
        *(Line(0, f"Hash Trees with nearly ideal characteristics, {n}.", 8.0, False, 2) for n in range(4)),
        *(Line(0, f"Hash tables are the staple of programming, {n}.", 10.0, False, 3) for n in range(6)),
    ]
    later = [
        Line(page, text, 0.0, False, i, False, True, True)
        for page in range(1, 9)
        for i, text in enumerate(
            [
                "Phil Bagwell" if page % 2 else "Ideal Hash Trees With AMT's",
                f"The trie grows {'deep ' * page}.",
            ]
        )
    ]
    kept = [line.text for line in drop_running_lines([*first, *later], 9)]
    assert kept[:2] == ["Ideal Hash Trees", "Phil Bagwell"]
    assert "Phil Bagwell" not in kept[2:] and "Ideal Hash Trees With AMT's" not in kept


def test_a_title_page_in_one_size_ends_the_title_at_its_byline(tmp_path: Path) -> None:
    # a senior thesis (2016): title, "by", the author and the degree all in 12 pt; not "BY"
    # inside a title in capitals (Risset's "EXPLORATION OF TIMBRE" / "BY" / "ANALYSIS …")
    doc = pymupdf.open()
    page = doc.new_page()
    texts = ["SEEING THE BOW IN DUETS", "by", "Ana Lima", "A senior thesis submitted to the faculty of"]
    texts += [
        "Example University",
        "in partial fulfillment of the requirements for the degree of",
        "April 2016",
    ]
    for top, text in enumerate(texts):
        page.insert_text((100, 100 + 30 * top), text, fontsize=12)
    page = doc.new_page()
    page.insert_text((72, 80), "1 Introduction", fontsize=14, fontname="hebo")
    page.insert_text(
        (72, 110), "Musicians are seen as well as heard, and listeners use what they see.", fontsize=12
    )
    doc.save(path := tmp_path / "thesis.pdf")
    paper = extract_paper(path)
    assert (paper.title, paper.authors) == ("Seeing the bow in duets", ["Ana Lima"])


def test_the_author_in_the_titles_type_over_the_affiliation_is_no_part_of_the_title(tmp_path: Path) -> None:
    # a student's report (UCL, 2024): title and name in the same 12 pt bold, the degree and
    # college under them; a title's last line in title case over names stays the title's
    doc = pymupdf.open()
    page = doc.new_page()
    for top, (text, font) in enumerate(
        [
            ("Seeing the Bow: Motion Cues for Separating", "hebo"),
            ("Same-Instrument Duets", "hebo"),
            ("Ana Lima", "hebo"),
            ("MSc Music Technology, Example University (EU), 2023-24", "helv"),
            ("ABSTRACT", "hebo"),
            ("Players move as they play, and listeners see it.", "helv"),
        ]
    ):
        page.insert_text((72, 80 + 16 * top), text, fontsize=12, fontname=font)
    doc.save(path := tmp_path / "report.pdf")
    paper = extract_paper(path)
    assert (paper.title, paper.authors) == (
        "Seeing the Bow: Motion Cues for Separating Same-Instrument Duets",
        ["Ana Lima"],
    )
    # DeepSeek-R1 (2025): "… in LLMs via" / "Reinforcement Learning" over "DeepSeek-AI": a
    # title's line left open goes on, though the next reads like a name over a company's
    lines = _first_page(
        [
            ("DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via", 15.8, True),
            ("Reinforcement Learning", 15.8, True),
            ("DeepSeek-AI", 11.0, False),
            ("Abstract", 14.9, True),
        ]
    )
    assert find_title_lines(lines) == [0, 1]


def test_a_section_in_capitals_run_into_its_paragraph_with_its_first_subsection() -> None:
    # an IEEE Access paper (2025): "III. METHODOLOGY A. LLM-BASED WEIGHT GENERATION As shown …"
    # in one paragraph, in type mupdf does not tell from the text's; the gap from II to V was
    # not split, the subsection's letter stood where the text was looked for
    text = "We weigh each token of the query and the passage before they are compared."
    lines = _paragraphs(
        [
            "I. INTRODUCTION",
            text,
            "II. PROBLEM DEFINITION",
            text,
            f"III. METHODOLOGY A. LLM-BASED WEIGHT GENERATION As shown in Figure 3, {text}",
            "B. WEIGHT-BASED PASSAGE VECTOR PRUNING",
            text,
            f"IV. EXPERIMENTS AND MAIN RESULTS A. EXPERIMENTAL SETUP We followed ColBERTv2. {text}",
            "V. ACKNOWLEDGMENT",
            text,
        ]
    )
    split, headings = find_headings(lines, 10.0, [])
    assert [(split[i].text, level) for i, level in sorted(headings.items())] == [
        ("I. INTRODUCTION", 1),
        ("II. PROBLEM DEFINITION", 1),
        ("III. METHODOLOGY", 1),
        ("A. LLM-BASED WEIGHT GENERATION", 2),
        ("B. WEIGHT-BASED PASSAGE VECTOR PRUNING", 2),
        ("IV. EXPERIMENTS AND MAIN RESULTS", 1),
        ("A. EXPERIMENTAL SETUP", 2),
        ("V. ACKNOWLEDGMENT", 1),
    ]


def test_names_in_capitals_each_over_its_affiliation_are_the_authors() -> None:
    # ACM TODS (2005): each name in capitals alone over its affiliation; "GREG FU" / "JP Morgan
    # Chase" gave a bank for the author. JACM (1985) sets the given name on a line of its own
    lines = [Line(0, "Progressive Skyline Computation in Database Systems", 17.9, False, 0)]
    texts = [
        "DIMITRIS PAPADIAS",
        "Hong Kong University of Science and Technology",
        "GREG FU",
        "JP Morgan Chase",
    ]
    texts += ["and", "MICHAEL", "J. FISCHER", "Yale University, New Haven, Connecticut"]
    lines += [Line(0, text, 10.0, False, block) for block, text in enumerate(texts, start=1)]
    lines.append(
        Line(0, "The skyline of a set of points contains the points that are not dominated.", 10.0, False, 9)
    )
    assert find_authors({}, lines, [0], 10.0) == ["Dimitris Papadias", "Greg Fu", "Michael J. Fischer"]


def test_a_town_and_its_state_in_a_table_of_authors_is_no_author() -> None:
    # "The Case for Learned Index Structures" (SIGMOD 2018): each author's cell holds a name,
    # a company, its town and state, an e-mail; "Mountain View, CA" was an author
    lines = [Line(0, "The Case for Learned Index Structures", 17.2, False, 0)]
    for block, cell in enumerate(
        [["Tim Kraska", "MIT", "Cambridge, MA"], ["Alex Beutel", "Google, Inc.", "Mountain View, CA"]], 1
    ):
        lines += [Line(0, text, 12.0, False, block) for text in cell]
    lines.append(Line(0, "ABSTRACT", 10.9, True, 3))
    assert find_authors({}, lines, [0], 9.0) == ["Tim Kraska", "Alex Beutel"]


def test_a_titles_line_left_open_goes_on_in_another_weight(tmp_path: Path) -> None:
    # an LNCS paper (ECIR 2025): "Beneath the [MASK]: An Analysis of" not bold (its typewriter
    # "[MASK]"), "Structural Query Tokens in ColBERT" bold, which was taken for the authors
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), "Beneath the Bow: An Analysis of", fontsize=14.3)
    page.insert_text((72, 98), "Motion Cues in Violin Duets", fontsize=14.3, fontname="hebo")
    page.insert_text((72, 125), "Ana Lima, Ben Ortiz", fontsize=10)
    page.insert_text((72, 140), "Example University, Porto, Portugal", fontsize=9)
    page.insert_text((72, 170), "Abstract. Players move as they play, and listeners see it.", fontsize=9)
    doc.save(path := tmp_path / "lncs.pdf")
    paper = extract_paper(path)
    assert (paper.title, paper.authors) == (
        "Beneath the Bow: An Analysis of Motion Cues in Violin Duets",
        ["Ana Lima", "Ben Ortiz"],
    )


def test_appendices_in_plain_capitals_whose_titles_start_with_a_or_end_with_a_number() -> None:
    # Pyraformer (ICLR 2022): "A A BRIEF REVIEW ON RELATED RNN-BASED MODELS", "B PROOF OF LEMMA
    # 1" in ICLR's small capitals, which mupdf does not call bold; and a paragraph that starts
    # with the variable ending its sentence, "L. Consequently, …", is no roman fiftieth section
    text = "The pyramidal graph keeps the path between any two nodes short."
    lines = _paragraphs(
        [
            "1 INTRODUCTION",
            text,
            "2 METHOD",
            text,
            "A A BRIEF REVIEW ON RELATED RNN-BASED MODELS",
            text,
            "B PROOF OF LEMMA 1",
            text,
            "L. Consequently, the complexity of the proposed pyramidal attention is",
            text,
        ]
    )
    split, headings = find_headings(lines, 10.0, [])
    assert [(split[i].text[:22], level) for i, level in sorted(headings.items())] == [
        ("1 INTRODUCTION", 1),
        ("2 METHOD", 1),
        ("A A BRIEF REVIEW ON RE", 1),
        ("B PROOF OF LEMMA 1", 1),
    ]


def test_a_section_run_into_its_paragraph_over_its_found_first_subsection() -> None:
    # a VLDB paper (2023): "5 τ-MONOTONIC GRAPH (τ-MG) To address …" in one paragraph, its
    # "5.1 Construction of τ-MG" found: 5 was looked for alone only (the numbering showed no
    # gap), and a title starting with a Greek letter had no heading's shape
    text = "Each routing step gets closer to the query than the step before it."
    lines = _paragraphs(
        [
            "4 ANALYSIS OF EXISTING PROXIMITY GRAPHS",
            text,
            f"5 τ-MONOTONIC GRAPH (τ-MG) To address the limitation, this section proposes a graph. {text}",
            "5.1 Construction of τ-MG",
            text,
            f"6 τ-MONOTONIC NEIGHBORHOOD GRAPH (τ-MNG) Since building a τ-MG is slow, we approximate it. {text}",
            "6.1 Construction of τ-MNG",
            text,
            "7 EXPERIMENTAL EVALUATION",
            text,
        ]
    )
    lines = [line._replace(bold=line.text.startswith(("5.1", "6.1"))) for line in lines]
    split, headings = find_headings(lines, 10.0, [])
    assert [split[i].text for i in sorted(headings)] == [
        "4 ANALYSIS OF EXISTING PROXIMITY GRAPHS",
        "5 τ-MONOTONIC GRAPH (τ-MG)",
        "5.1 Construction of τ-MG",
        "6 τ-MONOTONIC NEIGHBORHOOD GRAPH (τ-MNG)",
        "6.1 Construction of τ-MNG",
        "7 EXPERIMENTAL EVALUATION",
    ]


@pytest.mark.parametrize(
    ("xhtml", "read"),
    [
        # a PODS paper (2025, acmart): "<b>B Supplementary Proofs for Section 4 </b>We start …";
        # a contents line ends with its page's number
        (
            "<p><b>B Supplementary Proofs for Section 4 </b>We start by presenting two properties.</p>\n"
            "<p><b>B Datasets 41 </b>C Approach and Results 43</p>",
            [
                ("B Supplementary Proofs for Section 4", True),
                ("We start by presenting two properties.", False),
                ("B Datasets 41 C Approach and Results 43", False),
            ],
        ),
        # IOP's J. Phys.: Conf. Ser. (2018): "<b>2. Data and Methodology </b><i>2.1. Data </i>Our
        # datasets …" in one paragraph; the subsection read on as text under section 2
        (
            "<p><b>2. Data and Methodology </b><i>2.1. Data </i>Our datasets are the stocks' daily returns.</p>",
            [
                ("2. Data and Methodology", True),
                ("2.1. Data", True),
                ("Our datasets are the stocks' daily returns.", False),
            ],
        ),
    ],
)
def test_run_in_headings_an_appendixs_letter_or_a_subsection_in_italics_lead(
    xhtml: str, read: list[tuple[str, bool]]
) -> None:
    page = f'<div id="page0">\n{xhtml}\n</div>'
    assert [(line.text, line.bold) for line in paragraphs(page, 1)] == read


def test_a_first_author_field_is_completed_from_a_table_of_authors_and_slashes_split_names() -> None:
    # acmart (KDD 2023): the PDF's author field names the first author alone, page 1 sets six
    # in cells of a grid, a name to a line; ACM TODS (1999) fields write "Gisli R. Hjaltason/Hanan Samet"
    lines = [
        Line(0, "FINGER: Fast Inference for Graph-based Approximate Nearest Neighbor Search", 17.2, True, 0)
    ]
    for block, row in enumerate(
        [["Patrick H. Chen", "Wei-Cheng Chang", "Jyun-Yu Jiang"], ["Hsiang-Fu Yu", "Inderjit S. Dhillon"]], 1
    ):
        lines += [Line(0, name, 12.0, False, block) for name in row]
        lines += [Line(0, "Amazon Search, Palo Alto, CA, USA", 10.0, False, block)]
    lines.append(Line(0, "ABSTRACT", 10.9, True, 4))
    assert find_authors({"author": "Patrick H. Chen"}, lines, [0], 9.0) == [
        "Patrick H. Chen",
        "Wei-Cheng Chang",
        "Jyun-Yu Jiang",
        "Hsiang-Fu Yu",
        "Inderjit S. Dhillon",
    ]
    lines[1:4] = [Line(0, "Gisli R. Hjaltason and Hanan Samet", 12.0, False, 1)]
    assert find_authors({"author": "Gisli R. Hjaltason/Hanan Samet"}, lines, [0], 9.0) == [
        "Gisli R. Hjaltason",
        "Hanan Samet",
    ]


_FACTS = ["1. Absence of autocorrelations:", "2. Heavy tails:", "3. Gain/loss asymmetry:"]
_STEPS = ["1. Initialization", "2. Recursion", "3. Termination"]
_TLA = ["4 TLA", "1 Introduction", "2 TLA", "2.1 Desiderata", "3 TLC: The Model Checker", "4 TLA in Industry"]


@pytest.mark.parametrize(
    ("texts", "found"),
    [
        # Cont (2001): a bold numbered list of facts inside section 2, then section 3
        (
            [
                "1. What is a stylized fact?",
                "2. Stylized facts",
                *_FACTS,
                "3. Some issues",
                "3.1. Stationarity",
            ],
            ["1. What is a stylized fact?", "2. Stylized facts", "3. Some issues", "3.1. Stationarity"],
        ),
        # a page's stray "4 TLA" over the paper's sections, which have subsections: all stay
        ([*_TLA, "5 Some Common Wisdom Examined"], [*_TLA, "5 Some Common Wisdom Examined"]),
        # Jurafsky and Martin's chapter 9 (HMMs): an algorithm's bold steps in each section, the
        # chapter's next section after them ("9.4 …", not "10")
        (
            ["9.3 The Forward Algorithm", *_STEPS, "9.4 The Viterbi Algorithm", *_STEPS, "9.5 Summary"],
            ["9.3 The Forward Algorithm", "9.4 The Viterbi Algorithm", "9.5 Summary"],
        ),
    ],
)
def test_a_numbered_list_set_as_headings_inside_a_section_is_no_section(
    texts: list[str], found: list[str]
) -> None:
    text = "Returns of liquid assets show few linear correlations after a few minutes."
    lines = [line._replace(bold=True) for line in _paragraphs(texts)]
    lines = [part for line in lines for part in (line, *_paragraphs([text]))]
    split, headings = find_headings(lines, 10.0, [])
    assert [split[i].text for i in sorted(headings)] == found


def test_a_lemmas_numbered_items_with_a_relation_or_a_colon_are_no_headings() -> None:
    # Bartlett, Jordan and McAuliffe (JASA 2006), Lemma 5's properties in plain type, each alone:
    # "2. H is concave and, for 0 ≤ η ≤ 1, it satisfies" and "9. The following statements are
    # equivalent:" were sections; a numbered heading in the body's type has neither
    texts = [
        "2 Relating excess risk to excess φ-risk",
        "Lemma 5. The functions H and ψ have the following properties:",
        "2. H is concave and, for 0 ≤ η ≤ 1, it satisfies",
        "H(η) ≤ H(1/2) for every η.",
        "9. The following statements are equivalent:",
        "(a) φ is classification-calibrated.",
        "3 Further analysis of conditions on φ",
    ]
    text = "The loss is convex and the risk is bounded by the excess risk of the classifier."
    lines = [line._replace(bold=line.text[1] == " ") for line in _paragraphs(texts)]  # sections bold
    lines = [part for line in lines for part in (line, *_paragraphs([text]))]
    split, headings = find_headings(lines, 10.0, [])
    assert [split[i].text for i in sorted(headings)] == [texts[0], texts[-1]]


def test_a_heading_led_by_a_compound_in_lowercase_is_found() -> None:
    # Kondrak's "N-gram similarity and distance" (SPIRE 2005): "3 n-gram similarity", "4 n-gram
    # distance" were no headings (a heading starts with a capital), their subsections were
    texts = ["1 Introduction", "2 Unigram similarity", "3 n-gram similarity", "3.1 Definition", "4 Results"]
    text = "The similarity of two strings is the number of their common n-grams, normalised."
    lines = [line._replace(bold=line.text[2] != "n") for line in _paragraphs(texts)]  # as printed
    lines = [part for line in lines for part in (line, *_paragraphs([text]))]
    split, headings = find_headings(lines, 10.0, [])
    assert [split[i].text for i in sorted(headings)] == texts


def test_a_contents_pages_entry_with_leader_dots_heads_no_section() -> None:
    # DeepSeek-R1 (arXiv 2025): its outline's "Contributions" matched the contents page's "1.1
    # Contributions . . . . 4" (the heading itself is run into its paragraph), so a section of
    # contents lines came first, before "1. Introduction"
    def later(text: str, page: int, block: int) -> Line:
        return Line(page, text, 0.0, False, block, False, True, True)

    text = "Reasoning models think step by step before they answer, at length and with care."
    lines = [
        later("The contents of the paper are listed below with the page of each.", 1, 0),
        later("1.1 Contributions . . . . . . . . . . . . . . . . . 4", 1, 1),
        later("2 Approach . . . . . . . . . . . . . . . . . . . . . 5", 1, 2),
        later("1. Introduction", 2, 0),
        later(text, 2, 1),
        later(f"1.1. Contributions Post-Training: Large-Scale Reinforcement Learning. {text}", 2, 2),
        later("2. Approach", 3, 0),
        later(text, 3, 1),
    ]
    toc = [[1, "Introduction", 3], [2, "Contributions", 3], [1, "Approach", 4]]
    split, headings = find_headings(lines, 10.0, toc)
    found = [split[i].text for i in sorted(headings)]
    assert found[0] == "1. Introduction"
    assert found[-1] == "2. Approach"
    assert [heading for heading in found if ". . ." in heading] == []


def test_a_preprint_in_a_journals_template_has_the_files_year_not_the_templates() -> None:
    # an IEEE Access preprint (2025): the template's "VOLUME 4, 2016" at every page's foot and
    # its placeholders for the dates; the year was 2016
    texts = ["Date of publication xxxx 00, 0000, date of current version xxxx 00, 0000.", "VOLUME 4, 2016"]
    lines = [Line(0, text, 7.0, False, block) for block, text in enumerate(texts)]
    assert find_year({"creationDate": "D:20250317074954Z"}, lines) == 2025
    assert find_year({"creationDate": "D:20250317074954Z"}, lines[1:]) == 2016  # no placeholder: as printed


@pytest.mark.parametrize(
    ("heading", "below", "goes_on"),
    [
        # REALM (ICML 2020): the heading's last words in another type, a paragraph of their own
        ("A. Derivation of the gradient with respect to", "the knowledge retriever", True),
        ("3 Nearest Neighbor Algorithm for", "R-trees", True),  # SIGMOD 1995
        ("4.2 Implementing Burch-Dill Verification with", "UCLID5", True),  # a program's name
        ("5.6 Interests in Commercial Enterprises n/a", "6 Additional Information", False),
        ("Use period predictions to count the number of", "repetitions.", False),  # a sentence's end
        ("2.2 Related work", "Speech separation", False),  # not left open
    ],
)
def test_a_heading_left_open_goes_on_in_the_short_paragraph_under_it(
    heading: str, below: str, goes_on: bool
) -> None:
    previous, line = _paragraphs([heading, below])
    assert continues_heading(previous._replace(bold=True), line) is goes_on


@pytest.mark.parametrize(
    ("heading", "below", "goes_on"),
    [
        # a heading's second line is in its case; a heading under it, in bold too, in another
        # (GPT-1, PAL, REALM, XTR: mupdf gives both lines alone in one bold type)
        ("4.1 Setup", "Unsupervised pre-training", False),
        ("5 Analysis", "Impact of number of layers transferred", False),
        ("4.2. Approaches compared", "Retrieval-based Open-QA", False),
        ("5.1 Towards Better Token Retrieval", "Gold token retrieval", False),
        ("B.2. Low-rank Approximation with Fourier", "Basis/Legendre Polynomials", True),  # FEDformer
        ("F.7. Sensitivity to the number of modes: ETTx1 vs", "ETTx2", True),
        ("Chapter 1", "The introduction", True),  # a chapter's label over its title
        ("Appendix A1", "Typesetting a single appendix", True),
        # in one case, under a heading too short to be broken in type under 12 pt (DiLightNet,
        # CVPR 2024; Self-Rewarding Language Models)
        ("5. Background Inpainting", "Environment-based Inpainting", False),
        ("3.1 Experimental Setup", "Base Model", False),
    ],
)
def test_a_bold_line_in_another_case_under_a_heading_is_a_heading_of_its_own(
    heading: str, below: str, goes_on: bool
) -> None:
    previous, line = (paragraph._replace(bold=True) for paragraph in _paragraphs([heading, below]))
    assert continues_heading(previous, line) is goes_on


def test_a_short_heading_in_large_type_may_go_on_in_its_next_line() -> None:
    # a thesis's chapter title in 20 pt and up breaks after a few words
    previous, line = (
        paragraph._replace(bold=True, size=20.0) for paragraph in _paragraphs(["Seeing Music", "Performance"])
    )
    assert continues_heading(previous, line)


def test_unnumbered_headings_right_under_a_numbered_one_are_a_level_below_it() -> None:
    # GPT-1's "4.1. Setup" over "Unsupervised pre-training" and "Fine-tuning details"; an
    # appendix's "B.1. Spear-phishing scams (Hazell, 2023)" over "Threat identification" (the
    # Societal Impact of Open Foundation Models, ICML 2024): the unnumbered headings had the
    # numbered one's level, which then had no text of its own and was dropped
    text = "We train the model on long stretches of contiguous text, as described below."
    texts = [
        ("1. Introduction", False),
        ("4. Experiments", False),
        ("4.1. Setup", True),
        ("Unsupervised pre-training", True),
        ("Fine-tuning details", False),
        ("5. Analysis", False),
        ("Appendix", False),
        ("A. A brief history of open models", False),
        ("B. Risk assessment framework", False),
        ("B.1. Spear-phishing scams (Hazell, 2023)", True),
        ("Threat identification", False),
        ("Ease of defense", False),
    ]
    paragraphs = [
        part for heading, right_under in texts for part in [heading, *([] if right_under else [text])]
    ]
    lines = [line._replace(bold=line.text != text) for line in _paragraphs(paragraphs)]
    split, headings = find_headings(lines, 10.0, [])
    assert [(split[i].text, level) for i, level in sorted(headings.items())] == [
        ("1. Introduction", 1),
        ("4. Experiments", 1),
        ("4.1. Setup", 2),
        ("Unsupervised pre-training", 3),
        ("Fine-tuning details", 3),
        ("5. Analysis", 1),
        ("Appendix", 1),
        ("A. A brief history of open models", 2),
        ("B. Risk assessment framework", 2),
        ("B.1. Spear-phishing scams (Hazell, 2023)", 3),
        ("Threat identification", 4),
        ("Ease of defense", 4),
    ]


def _bold_by_name(doc: pymupdf.Document, name: str) -> None:
    """Rename the fonts of ``doc`` embedded from pymupdf's Helvetica (a regular font, which mupdf
    does not call bold) to ``name``: a font bold by its name alone, as publishers embed them."""
    for xref in range(1, doc.xref_length()):
        if "Nimbus" in doc.xref_get_key(xref, "BaseFont")[1]:
            doc.xref_set_key(xref, "BaseFont", f"/{name}")


def test_a_nature_communications_article(tmp_path: Path) -> None:
    # Nature Communications (2025): the PDF's author field names the first author, page 1 sets
    # the names over lines ("Ana Lima" / ", Ben Ortiz, Carla Dias" / "1" / "&" / "Dan Reis"),
    # the abstract in 10 pt over the introduction in 8.2 with no heading; the headings on later
    # pages are in a font bold by its name alone ("AdvOT3d287b35.B"), which mupdf called plain:
    # "Results" ran into the paragraph under it and the paper had one section, "Text"
    abstract = [
        "Musicians are seen as well as heard. Here we ask how listeners use what they see when",
        "they judge the timing of an ensemble, and we show that seen gestures shift the heard beat.",
    ]
    intro = "Ensembles keep time together by listening and by watching each other closely. " * 2
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((40, 40), "Article", fontsize=10)
    page.insert_text((40, 90), "Seeing the beat in ensembles", fontsize=25.9)
    for left, text in [
        (40, "Ana Lima"),
        (80, ", Ben Ortiz, Carla Dias"),
        (190, "1"),
        (200, "&"),
        (210, "Dan Reis"),
    ]:
        page.insert_text((left, 125), text, fontsize=6.5 if text == "1" else 9.2)
    for top, text in enumerate(abstract):
        page.insert_text((40, 160 + 13 * top), text, fontsize=10)
    for top in range(8):
        page.insert_text((40, 230 + 11 * top), intro[top * 10 : top * 10 + 70], fontsize=8.2)
    body = "We recorded twelve string quartets and asked listeners to tap along with each. "
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="hb", fontbuffer=pymupdf.Font("helv").buffer)
    top = 60
    for heading in ["Results", "Seen gestures shift the heard beat", "Discussion", "Methods"]:
        page.insert_text((40, top), heading, fontsize=10.7, fontname="hb")
        for _ in range(3):
            page.insert_text((40, top := top + 12), body, fontsize=8.2)
        top += 24
    _bold_by_name(doc, "AdvOT3d287b35.B")
    doc.set_metadata({"author": "Ana Lima", "title": "Seeing the beat in ensembles"})
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert paper.authors == ["Ana Lima", "Ben Ortiz", "Carla Dias", "Dan Reis"]
    assert paper.abstract == " ".join(abstract)
    assert [s.heading for s in paper.sections] == [
        "Introduction",
        "Results",
        "Seen gestures shift the heard beat",
        "Discussion",
        "Methods",
    ]
    assert paper.sections[1].text.startswith("We recorded twelve")


def test_a_plos_articles_title_under_its_sidebar_and_names_over_lines(tmp_path: Path) -> None:
    # PLOS Computational Biology (2025): the journal's name in capitals in 17.4 pt, then the
    # sidebar (citation, dates, licence), then the title in 18 pt; the names in bold over three
    # lines, the last one a name alone; the PDF's author field names the first author
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((40, 40), "PLOS COMPUTATIONAL BIOLOGY", fontsize=17.4)
    sidebar = ["OPEN ACCESS", "Citation: Lima A, Ortiz B, Dias C, Reis D (2025)", "Received: May 17, 2025"]
    for top, text in enumerate(sidebar):
        page.insert_text((40, 80 + 11 * top), text, fontsize=8)
    page.insert_text((200, 150), "Seeing what you hear in string quartets", fontsize=18)
    for top, text in enumerate(["Ana Lima, Ben Ortiz", ", Carla Dias", "Dan Reis"]):
        page.insert_text((200, 180 + 12 * top), text, fontsize=9, fontname="hebo")
    page.insert_text((200, 225), "Music Technology Group, Example University, Porto, Portugal", fontsize=8)
    page.insert_text((200, 250), "Abstract", fontsize=14, fontname="hebo")
    page.insert_text(
        (200, 270), "Listeners use what they see when they judge the timing of music.", fontsize=9.5
    )
    page.insert_text((200, 290), "Introduction", fontsize=14, fontname="hebo")
    page.insert_text((200, 310), "Ensembles keep time by listening and by watching each other.", fontsize=10)
    doc.set_metadata({"author": "Ana Lima", "title": "Seeing what you hear in string quartets"})
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert paper.title == "Seeing what you hear in string quartets"
    assert paper.authors == ["Ana Lima", "Ben Ortiz", "Carla Dias", "Dan Reis"]


def test_a_plos_abstract_over_its_smaller_sidebar_leaves_the_sidebar_out(tmp_path: Path) -> None:
    # PLOS Computational Biology (2024): page 1 is the title, the names, the affiliations in 8
    # pt, the abstract in 9.5 and the sidebar and footer in 8 again, more of page 1 than the
    # abstract: measured against that, the sidebar ("Citation: …", "Copyright: © 2024 …") was no
    # small type and ran on in the abstract, with the placeholders of its marks ("a1111111111")
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((40, 40), "PLOS COMPUTATIONAL BIOLOGY", fontsize=17.4)
    page.insert_text((200, 80), "Seeing what you hear in string quartets", fontsize=18)
    page.insert_text((200, 105), "Ana Lima, Ben Ortiz", fontsize=9, fontname="hebo")
    # the affiliations and sidebar in 8 pt outweigh the abstract, the abstract the sidebar
    affiliation = (
        "1 Music Technology Group, Example University, Porto, Portugal, 2 Institute of Music, Lisbon"
    )
    for top in range(6):
        page.insert_text((200, 120 + 10 * top), affiliation, fontsize=8)
    page.insert_text((200, 200), "Abstract", fontsize=14, fontname="hebo")
    sentences = [f"Listeners use what they see when they judge the timing of music, {n}." for n in range(8)]
    for top, text in enumerate(sentences):
        page.insert_text((200, 220 + 13 * top), text, fontsize=9.5)
    for top in range(5):  # the marks' placeholders, read as text
        page.insert_text((40, 330 + 12 * top), "a1111111111", fontsize=10)
    sidebar = [
        "Citation: Lima A, Ortiz B (2024) Seeing what you hear in string quartets. PLoS Comput Biol 20(1).",
        "Editor: Carla Dias, Example University, PORTUGAL",
        "Received: July 5, 2023",
        "Copyright: © 2024 Lima, Ortiz. This is an open access article distributed under the terms of",
        "the Creative Commons Attribution License, which permits unrestricted use and distribution.",
        "Data Availability Statement: Data and scripts are available in the online repository.",
    ]
    for top, text in enumerate(sidebar):
        page.insert_text((40, 400 + 10 * top), text, fontsize=8)
    page = doc.new_page(width=595, height=842)
    page.insert_text((200, 80), "Introduction", fontsize=14, fontname="hebo")
    page.insert_text((200, 100), "Ensembles keep time by listening and by watching each other.", fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert paper.abstract == " ".join(sentences)
    assert "a1111111111" not in paper.full_text


def test_acms_permission_notice_is_no_abstract_of_a_paper_without_one(tmp_path: Path) -> None:
    # Damas and Milner (POPL 1982, re-keyed): no abstract; ACM's permission notice under the
    # names, the longest paragraph before "1 Introduction", was taken for it
    doc, page, texts = _titled_paper()
    notice = [
        "Permission to copy without fee all or part of this material is granted provided that",
        "the copies are not made or distributed for direct commercial advantage, the ACM",
        "copyright notice and the title of its publication and date appear, and notice is given",
        "that copying is by permission of the Association for Computing Machinery.",
    ]
    for top, text in enumerate(notice):
        page.insert_text((72, 120 + 10 * top), text, fontsize=8)
    page.insert_text((72, 180), "1 Introduction", fontsize=14, fontname="hebo")
    page.insert_textbox((72, 190, 540, 260), " ".join(next(texts) for _ in range(4)), fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    abstract = extract_paper(path).abstract
    assert abstract.startswith("The network watches the bow") and "Permission" not in abstract


def test_names_in_type_larger_than_the_abstracts_are_not_the_abstract() -> None:
    # ACM's journals (Distributed Shampoo, 2023): the authors with their affiliations in 10.9 pt
    # over the abstract in 9; type larger than the body's sets Nature's abstract apart, but a
    # paragraph that ends no sentence is no abstract
    names = [
        "HAO-JUN MICHAEL SHI, Meta Platforms, Inc., USA",
        "TSUNG-HSIEN LEE, Independent Researcher, USA",
        "SHINTARO IWASAKI, Meta Platforms, Inc., USA",
        "JOSE GALLEGO-POSADA, Mila & University of Montreal, Canada",
        "ZHIJING LI, Meta Platforms, Inc., USA",
        "KAUSHIK RANGADURAI, Meta Platforms, Inc., USA",
        "DHEEVATSA MUDIGERE, NVIDIA Corporation, USA",
    ]
    abstract = [
        "Shampoo is an online and stochastic optimization algorithm for training neural networks.",
        "It constructs a block-diagonal preconditioner where each block consists of a coarse Kronecker",
        "product approximation to full-matrix AdaGrad for each parameter of the neural network.",
        "In this work, we provide a complete description of the algorithm and of its implementation,",
        "which trains deep networks at scale in PyTorch with at most a tenth more time per step.",
    ]
    front = [Line(0, text, 10.9, False, 1, top=100 + 12 * k) for k, text in enumerate(names)]
    front += [Line(0, text, 9.0, False, 2, top=200 + 11 * k) for k, text in enumerate(abstract)]
    assert take_abstract([], front, 9.0)[0] == " ".join(abstract)


def test_a_publishers_statements_in_the_margin_leave_the_paragraph_they_break_whole() -> None:
    # PLOS Biology (2025): page 2's margin holds the funding and competing interests statements,
    # which mupdf reads between two halves of an introduction's sentence; read as sections,
    # "Competing interests" took the rest of the introduction
    texts = [
        "Better understanding of how rabies spreads between villages, and of",
        "Funding:",
        "This work was funded by the Wellcome Trust.",
        "Competing interests:",
        "The authors have declared that no competing interests exist.",
        "the distances over which it spreads, guides where to vaccinate.",
    ]
    lines = [line._replace(bold=line.text.endswith(":")) for line in _paragraphs(texts)]
    assert [line.text for line in without_margin_statements(lines)] == [texts[0], texts[-1]]
    # a short paper's statements after its conclusion (MDPI's) stay: they break no paragraph
    ending = [texts[1], texts[2], "Acknowledgments", "We thank the players."]
    lines = [_paragraphs(["The ensemble keeps time."])[0]] + [
        line._replace(bold=line.text.endswith(":") or line.text == "Acknowledgments")
        for line in _paragraphs(ending)
    ]
    assert without_margin_statements(lines) == lines


def test_names_in_smaller_type_than_the_body_over_several_lines(tmp_path: Path) -> None:
    # PLOS Biology (2025), Google DeepMind's reports: the names in 9 pt, under the body's 10,
    # over three lines, their marks read into them ("*, Ahmed Lugelo, …"); only the first line's
    # names were read, or only the first author from the PDF's author field
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((40, 60), "Seeing the beat in string quartets", fontsize=16, fontname="hebo")
    names = ["Ana Lima", "*, Ben Ortiz, Carla Dias,", "Dan Reis, Eva Sousa"]
    for top, text in enumerate(names):
        page.insert_text((40, 90 + 11 * top), text, fontsize=9, fontname="helv" if top == 1 else "hebo")
    page.insert_text((40, 130), "1 Music Technology Group, Example University, Porto, Portugal", fontsize=8)
    page.insert_text((40, 160), "Abstract", fontsize=14, fontname="hebo")
    for top in range(4):
        page.insert_text(
            (40, 180 + 12 * top),
            "Listeners use what they see when they judge the timing of music.",
            fontsize=10,
        )
    doc.set_metadata({"author": "Ana Lima", "title": "Seeing the beat in string quartets"})
    doc.save(path := tmp_path / "paper.pdf")
    assert extract_paper(path).authors == ["Ana Lima", "Ben Ortiz", "Carla Dias", "Dan Reis", "Eva Sousa"]


def test_an_affiliation_in_the_author_field_is_no_author() -> None:
    # Raft (2013): the PDF's author field "Diego Ongaro, John Ousterhout; Stanford University"
    texts = [
        "In Search of an Understandable Consensus Algorithm",
        "Diego Ongaro and John Ousterhout",
        "Stanford University",
    ]
    lines = [Line(0, text, 17.2 if k == 0 else 12.0, k == 0, k) for k, text in enumerate(texts)]
    metadata = {"author": "Diego Ongaro, John Ousterhout; Stanford University"}
    assert find_authors(metadata, lines, [0], 10.0) == ["Diego Ongaro", "John Ousterhout"]


def test_a_sections_name_read_with_its_first_subsections_heading_is_split() -> None:
    # PLOS Computational Biology (2024): "Methods" and "Ethics statement" both bold, one block
    # to mupdf, read "Methods Ethics statement"; the methods' other subsections were then level
    # with it, and "Ethics statement" is a statement's name too
    from papersum.pdfrunin import names_split

    text = "We recruited twelve string quartets and recorded them in one hall."
    heads = [
        "Introduction",
        "Results",
        "Methods Ethics statement",
        "Study design and data collection",
        "Acknowledgments",
    ]
    paragraphs = [part for heading in heads for part in (heading, text)]
    lines = [line._replace(bold=line.text != text) for line in _paragraphs(paragraphs)]
    split, headings = find_headings(names_split(lines), 10.0, [])
    assert [(split[i].text, level) for i, level in sorted(headings.items())] == [
        ("Introduction", 1),
        ("Results", 1),
        ("Methods", 1),
        ("Ethics statement", 2),
        ("Study design and data collection", 2),
        ("Acknowledgments", 1),
    ]
    for whole in ["Results and discussion", "Conclusions And Future Work", "2 Background Knowledge"]:
        line = Line(1, whole, 0.0, True, 0, False, True, True)
        assert names_split([line]) == [line]


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        # Communications Medicine (2023): the sections' names in a face mupdf calls plain, read
        # into their first paragraph, or into its run-in heading; ACM Queue's "CONCLUSION"
        ("Results We establish the link between survey data and hospitalizations. " * 3, "Results"),
        ("Methods Data. We use survey data from a research project on how democracies cope. " * 3, "Methods"),
        (
            "CONCLUSION The flame graph is an effective visualization for collected stack traces. " * 3,
            "CONCLUSION",
        ),
        # a sentence, a table's header: no heading
        ("Results show that the model converges within twenty epochs on every dataset. " * 3, None),
        ("Methods Avg. AS AP AA FA UA OE OI OS MD AL ST AC MC MA SC FP CO EN ER", None),
    ],
)
def test_a_sections_name_in_plain_type_leading_its_paragraph_is_split_off(
    paragraph: str, name: str | None
) -> None:
    from papersum.pdfrunin import names_split

    lines = names_split(_paragraphs([paragraph.strip()]))
    assert [line.text for line in lines if line.bold] == ([name] if name else [])
    assert " ".join(line.text for line in lines) == paragraph.strip()


def test_names_after_the_last_names_affiliation_mark_are_names() -> None:
    # Communications Medicine (2023): each line of names leads with the mark that ends the line
    # before ("2, Michael Bang Petersen", "2 & Sune Lehmann"), which read as an address's mark;
    # the PDF's author field names the first author alone
    texts = [
        ("Epidemic modelling of monitoring public behavior", 23.9),
        ("using surveys during pandemic-induced lockdowns", 23.9),
        ("Andreas Koher, Frederik Jørgensen", 11.0),
        ("2, Michael Bang Petersen", 11.0),
        ("2 & Sune Lehmann", 11.0),
        ("1,3✉", 11.0),
        ("1 DTU Compute, Technical University of Denmark, Lyngby, Denmark.", 8.0),
    ]
    lines = [Line(0, text, size, False, k) for k, (text, size) in enumerate(texts)]
    names = ["Andreas Koher", "Frederik Jørgensen", "Michael Bang Petersen", "Sune Lehmann"]
    assert find_authors({"author": "Andreas Koher"}, lines, [0, 1], 9.5) == names


def _first_page(texts: list[tuple[str, float, bool]]) -> list[Line]:
    """Page 1's lines as read, each a block of its own: (text, type size, bold)."""
    return [Line(0, text, size, bold, block) for block, (text, size, bold) in enumerate(texts)]


def test_a_title_page_under_an_institutions_name_in_larger_type() -> None:
    # a thesis's title page: the university's name in capitals in the largest type, the title
    # in bold a little smaller; looking for the largest type among the bold lines found none
    # and the extraction stopped with an error
    texts = [
        ("UNIVERSITY OF CALIFORNIA, IRVINE", 20.0, False),
        ("Seeing the beat in string quartets", 19.0, True),
        ("DISSERTATION", 12.0, False),
        ("by", 12.0, False),
        ("Ana Lima", 12.0, False),
    ]
    lines = _first_page(texts)
    assert find_title_lines(lines) == [1]


def test_an_outline_whose_first_item_is_the_title(tmp_path: Path) -> None:
    # Nature's and Elsevier's journals: the outline's first item is the title, over the
    # sections; page 1 (the names, the abstract) was a section under the title, the sections a
    # level down. A section named as the paper is stays (not the outline's first item).
    title = "Seeing the beat in string quartets: how listeners watch an ensemble keep time"
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 60), "Article", fontsize=10)
    page.insert_text((72, 80), "Seeing the beat in string quartets: how", fontsize=18, fontname="hebo")
    page.insert_text((72, 100), "listeners watch an ensemble keep time", fontsize=18, fontname="hebo")
    page.insert_text((72, 125), "Ana Lima, Ben Ortiz", fontsize=11)
    abstract = "Listeners use what they see when they judge the timing of music. " * 3
    for top in range(3):  # Nature's abstract: no label, in bold
        text = abstract[top * 65 : top * 65 + 65]
        page.insert_text((72, 170 + 12 * top), text, fontsize=10, fontname="hebo")
    page.insert_text((72, 240), "1 Introduction", fontsize=12, fontname="hebo")
    page.insert_text((72, 255), "Ensembles keep time by listening and by watching each other.", fontsize=10)
    page = doc.new_page()
    page.insert_text((72, 80), "2 Seeing the beat in string quartets", fontsize=12, fontname="hebo")
    page.insert_text((72, 95), "We recorded twelve string quartets and asked listeners to tap.", fontsize=10)
    doc.set_toc([[1, title, 1], [2, "1 Introduction", 1], [2, "2 Seeing the beat in string quartets", 2]])
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert paper.abstract == abstract.strip()
    assert [(s.heading, s.level) for s in paper.sections] == [
        ("1 Introduction", 1),
        ("2 Seeing the beat in string quartets", 1),
    ]


def test_the_titles_outline_item_goes_and_the_others_move_up() -> None:
    from papersum.extract import _without_title

    title = "Increasing certainty in systems biology models"
    toc = [[1, title, 1], [2, "Results", 2], [3, "Model averaging", 3], [2, "Methods", 9]]
    assert _without_title(toc, title) == [[1, "Results", 2], [2, "Model averaging", 3], [1, "Methods", 9]]
    # a section named as the paper, not the outline's first item, stays
    named = [[1, "1 Introduction", 1], [1, f"2 {title}", 2], [1, "3 Results", 3]]
    assert _without_title(named, title) == named
    # a title heading_key keeps nothing of (in another script) matches no item
    thesis = [[1, "基于神经网络的机器人智能抓取研究", 1], [2, "摘要", 2], [2, "第一章 绪论", 3]]
    assert _without_title(thesis, "基于神经网络的机器人智能抓取研究") == thesis


def test_a_titles_colon_read_apart_on_its_row_stays_in_the_title() -> None:
    # Agentless (2024): its name in small capitals, then the colon, which mupdf read as a line of
    # its own on the same row; the title was "Agentless" alone. AstroLLaMA's was read with a
    # space before its colon
    rows = [("AGENTLESS", 80.4), (":", 80.4), ("Demystifying LLM-based Software Engineering Agents", 96.4)]
    lines = [Line(0, text, 14.3, True, 0, True, k == 0, False, top) for k, (text, top) in enumerate(rows)]
    lines.append(Line(0, "Chunqiu Steven Xia Yinlin Deng", 10.0, True, 1, True, True, False, 134.6))
    assert find_title_lines(lines) == [0, 1, 2]
    assert joined_title([line.text for line in lines[:3]]) == (
        "AGENTLESS: Demystifying LLM-based Software Engineering Agents"
    )
    assert joined_title(["AstroLLaMA", ": Towards Specialized Foundation Models"]) == (
        "AstroLLaMA: Towards Specialized Foundation Models"
    )
    # Demers et al.'s scan (PODC 1987): a speck before the second line, read as a stop
    assert joined_title(["Epidemic Algorithms for Replicated", ". Database Maintenance"]) == (
        "Epidemic Algorithms for Replicated Database Maintenance"
    )


def test_a_files_name_in_the_title_field_is_no_title() -> None:
    # Slaney's Auditory Toolbox report (1998, FrameMaker): its title field is the file's name,
    # "AuditoryToolboxTechReport", which holds the title page 1 prints and was taken for a fuller
    # title; so were "blue!50!blackCquThesis：…" (a colour's name written into the field)
    lines = [Line(0, "Auditory Toolbox", 24.0, False, 0), Line(0, "Malcolm Slaney", 10.0, False, 1)]
    assert choose_title({"title": "AuditoryToolboxTechReport"}, lines, [0]) == "Auditory Toolbox"
    # a field that holds the page's title and more words is still believed (a title cut short)
    full = "Auditory Toolbox: A MATLAB Toolbox for Auditory Modeling Work"
    assert choose_title({"title": full}, lines, [0]) == full


def test_a_figures_bold_panel_names_right_over_its_caption_are_no_headings() -> None:
    # ELF (2026): the panels of its Figure 8 named in bold over the caption, the figure's text an
    # image; "Summarization" was a section between 4.3 and 5. One bold line over a caption may
    # still be a heading whose section opens with a figure
    prose = "We compare the samples of the three tasks with those of the baselines in Table 3."
    texts = [
        prose,
        "Unconditional Generation",
        "Translation",
        "Summarization",
        "Figure 8: Qualitative examples of text generated by ELF-B.",
        prose,
        "Discussion",
        "Figure 9: Samples drawn at four temperatures.",
        prose,
    ]
    bold = {"Unconditional Generation", "Translation", "Summarization", "Discussion"}
    lines = [line._replace(bold=line.text in bold) for line in _paragraphs(texts)]
    kept = [line.text for line in without_figure_text(lines)]
    assert kept == [prose, texts[4], prose, "Discussion", texts[7], prose]


def test_a_figures_bold_label_under_its_panels_letters_over_its_caption_is_no_heading() -> None:
    # an MDPI paper (Applied Sciences, 2019): "Comfort Zone" in bold in two plots' picture, under
    # their "(a) (b)", was a section; a list's "(a)" that starts a sentence is no figure's
    prose = "The vehicle kept to the comfort criterion on most of the route, as the diagrams show."
    texts = [
        prose,
        "(a) (b)",
        "Comfort Zone",
        "Figure 8. Simulation results of the path following control with the conventional planning.",
        prose,
        "(a) the lateral acceleration stays under 1.1 m/s2 on every bend",
        "Results",
        "Figure 9. The same for the proposed planning.",
    ]
    lines = [line._replace(bold=line.text in {"Comfort Zone", "Results"}) for line in _paragraphs(texts)]
    kept = [line.text for line in without_figure_text(lines)]
    assert "Comfort Zone" not in kept and "(a) (b)" not in kept
    assert "Results" in kept and texts[5] in kept


def test_a_subtitle_under_the_title_is_no_author() -> None:
    # "Back to the Future: The Story of Squeak" (OOPSLA 1997, as the web page was printed): the
    # subtitle in bold under the title read as an author, "The Story of Squeak"; the five names
    # after "by" were lost
    texts = [
        ("Back to the Future", 25.6, True),
        ("The Story of Squeak, A Practical Smalltalk Written in Itself", 19.2, True),
        ("by", 12.8, False),
        ("Dan Ingalls Ted Kaehler John Maloney Scott Wallace Alan Kay", 12.8, False),
        ("at Apple Computer while doing this work, now at", 12.8, False),
        ("Walt Disney Imagineering", 10.4, False),
    ]
    lines = _first_page(texts)
    names = ["Dan Ingalls", "Ted Kaehler", "John Maloney", "Scott Wallace", "Alan Kay"]
    assert find_authors({}, lines, [0], 12.8) == names
    # Bitcask (Basho, 2010): the subtitle's "Key/Value Data" read as a name after a slash; and
    # FMDLlama's affiliation in the names' type, "Archimedes/Athena RC", as "Athena RC"
    texts = [
        ("Bitcask", 17.2, True),
        ("A Log-Structured Hash Table for Fast Key/Value Data", 14.3, False),
        ("Justin Sheehy", 12.0, False),
        ("David Smith", 12.0, False),
        ("Archimedes/Athena RC", 12.0, False),
        ("with inspiration from Eric Brewer", 12.0, False),
        ("Basho Technologies", 10.9, False),
    ]
    assert find_authors({}, _first_page(texts), [0], 10.9) == ["Justin Sheehy", "David Smith"]


def test_a_research_reports_title_under_its_cover_line_with_hals_identifier(tmp_path: Path) -> None:
    # an INRIA research report as HAL serves it: "Rapport de recherche" in the largest type over
    # the title, and HAL's identifier before the title in the metadata; the title read "Rapport
    # de recherche" and a half of the title's second line was its author
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 70), "Rapport de recherche", fontsize=20.8, fontname="hebo")
    page.insert_text((72, 100), "ISSN 0249-6399", fontsize=8)
    page.insert_text((72, 180), "A comprehensive study of", fontsize=20.7, fontname="hebo")
    page.insert_text((72, 205), "Seeing and Hearing Same-Instrument Duets", fontsize=20.7, fontname="hebo")
    page.insert_text((72, 240), "Ana Lima,", fontsize=12)
    page.insert_text((72, 256), "Ben Ortiz,", fontsize=12)
    page.insert_text((72, 290), "N° 7506", fontsize=14.9, fontname="hebo")
    _abstract_and_introduction(page, 330)
    title = "A comprehensive study of Seeing and Hearing Same-Instrument Duets"
    doc.set_metadata({"title": f"[inria-00555588, v1] {title}", "author": "Lima, Ana et al"})
    doc.save(path := tmp_path / "report.pdf")
    paper = extract_paper(path)
    assert paper.title == title
    assert paper.authors == ["Ana Lima", "Ben Ortiz"]


def test_a_title_fields_icon_file_is_no_part_of_the_title() -> None:
    # Satori and Patchscopes (2024-25): an icon before the title, which hyperref wrote into the
    # title field as "[width=2em]Figures/iconwu.png" and "[height=18pt]figures/misc/stethoscope.png "
    lines = [
        Line(0, "Satori: Reinforcement Learning with", 17.0, True, 0),
        Line(0, "Chain-of-Action-Thought", 17.0, True, 0),
    ]
    field = "[width=2em]Figures/iconwu.pngSatori: Reinforcement Learning with Chain-of-Action-Thought"
    assert choose_title({"title": field}, lines, [0, 1]) == (
        "Satori: Reinforcement Learning with Chain-of-Action-Thought"
    )


def test_a_title_fields_markup_and_ieee_xplores_venue_are_no_part_of_the_title() -> None:
    # Chaum's dining cryptographers (J. Cryptology, 1988): Springer's markup in the title field,
    # "<Emphasis Type="Italic">", kept it from matching page 1, whose largest type is the
    # journal's name; Awerbuch and Peleg's "Sparse Partitions" (FOCS 1990): IEEE Xplore's field
    # "Sparse partitions - Foundations of Computer Science, 1990. Proceedings., …"
    lines = [
        Line(0, "Journal of Cryptology", 14.1, True, 0),
        Line(0, "The Dining Cryptographers Problem:", 14.3, True, 1),
        Line(0, "Unconditional Sender and Recipient Untraceability", 13.8, True, 1),
    ]
    field = 'The dining cryptographers problem: <Emphasis Type="Italic">Unconditional sender and recipient'
    field += " untraceability</Emphasis>"
    assert choose_title({"title": field}, lines, [0]) == (
        "The dining cryptographers problem: Unconditional sender and recipient untraceability"
    )
    lines = [Line(0, "Sparse Partitions", 15.5, False, 0), Line(0, "Baruch Awerbuch", 10.8, False, 1)]
    field = (
        "Sparse partitions - Foundations of Computer Science, 1990. Proceedings., 31st Annual Symposium on"
    )
    assert choose_title({"title": field}, lines, [0]) == "Sparse Partitions"
    # a dash before a subtitle, or a placeholder in angle brackets, stays in it
    lines = [
        Line(0, "expkv", 17.0, False, 0),
        Line(0, "an expandable <key>=<value> implementation", 12.0, False, 1),
    ]
    field = "expkv - an expandable <key>=<value> implementation"
    assert choose_title({"title": field}, lines, [0]) == field


def test_a_logos_letters_in_display_type_are_no_title() -> None:
    # Bologna's technical reports ("CM" in 278 pt) and BRICS's report series ("BRICS" in 118 pt)
    # print a logo's letters over the title: the title read "Cm", and the title's second line
    # was taken for an author
    texts = [
        ("CM", 278.4, True),
        ("Consistent Global States of Distributed Systems:", 16.9, True),
        ("Fundamental Concepts and Mechanisms", 16.9, True),
        ("Özalp Babaoğlu", 13.9, True),
        ("Keith Marzullo", 13.9, True),
        ("Technical Report UBLCS-93-1", 13.9, True),
    ]
    lines = _first_page(texts)
    assert find_title_lines(lines) == [1, 2]
    # BRICS's report: its series under the names is no author
    texts = [
        ("BRICS", 117.7, False),
        ("Optimal Purely Functional", 24.9, True),
        ("Priority Queues", 24.9, True),
        ("Gerth Stølting Brodal", 14.4, True),
        ("Chris Okasaki", 14.4, True),
        ("BRICS Report Series", 14.4, True),
        ("RS-96-37", 14.4, True),
    ]
    lines = _first_page(texts)
    assert find_authors({}, lines, find_title_lines(lines), 10.0) == [
        "Gerth Stølting Brodal",
        "Chris Okasaki",
    ]
    # a title that is one short word, in the largest type, stays one
    texts = [("Tilings", 20.0, True), ("Federico Ardila and Richard P. Stanley", 12.0, False)]
    assert find_title_lines(_first_page(texts)) == [0]


def test_a_companys_lab_under_the_names_is_no_author() -> None:
    # Meta's music-generation papers (Stack-and-Delay, 2023) and others: "Meta AI", "AI at
    # Meta", "FAIR at Meta", "Amazon GenAI" under the names were taken for authors
    # Viola and Jones's "Compaq CRL" (2001), Shazam's "Shazam Entertainment", ZooKeeper's
    # "Yahoo! Grid", an AT&T paper's "AT&T Labs-Research", as names over their addresses
    for lab in (
        "Meta AI",
        "AI at Meta",
        "FAIR at Meta",
        "Amazon GenAI",
        "AWS AI Labs",
        "Compaq CRL",
        "Shazam Entertainment",
        "Yahoo! Grid",
        "AT&T Labs-Research",
        "Curious AI",
        "Cruise LLC",
    ):
        texts = [
            ("Stack-and-Delay: a new codebook pattern for music generation", 17.0, True),
            ("Gael Le Lan, Varun Nagaraja, Ernie Chang", 11.0, False),
            (lab, 11.0, False),
            ("Abstract", 12.0, True),
        ]
        lines = _first_page(texts)
        assert find_authors({}, lines, [0], 10.0) == ["Gael Le Lan", "Varun Nagaraja", "Ernie Chang"], lab
    assert find_authors(
        {}, [*lines[:1], Line(0, "Dimitris Metaxas, Ana Lima, Wei Ai", 11.0, False, 1)], [0], 10.0
    ) == [
        "Dimitris Metaxas",
        "Ana Lima",
        "Wei Ai",
    ]


def test_an_abstract_found_without_its_heading_loses_its_label() -> None:
    # Fischer, Lynch and Paterson (JACM 1985), Hewitt's actors (1973): the abstract run into its
    # label ("Abstract. The consensus problem …"), found as the text's first paragraph, kept it
    text = (
        "Abstract. The consensus problem involves an asynchronous system of processes, some of "
        "which may be unreliable. The problem is for the reliable processes to agree on a binary "
        "value. In this paper, it is shown that every protocol for this problem has the possibility "
        "of nontermination, even with only one faulty process."
    )
    abstract, _sections = take_abstract([Section(heading="Text", text=text, level=1)], [], 10.0)
    assert abstract.startswith("The consensus problem involves")
    # a sentence that starts with the word stays whole
    text = "Abstract interpretation " + text.removeprefix("Abstract. ")
    abstract, _sections = take_abstract([Section(heading="Text", text=text, level=1)], [], 10.0)
    assert abstract.startswith("Abstract interpretation The consensus")


@pytest.mark.parametrize(
    "after",
    [
        "Categories and Subject Descriptors D.4.2 [Operating Systems]: Storage Management",  # ACM's
        "2012 ACM Subject Classification Theory of computation → Data structures",  # LIPIcs'
        "Keywords and phrases Natural Joins, Conjunctive Queries",
        "CONTENTS\n\n1 Introduction 3",  # a contents page after it (LambdaNetworks)
        "1. Introduction\n\nIn many applications, indexing of high-dimensional data",  # X-tree's
        # an INRIA report's keywords, then its French title and abstract
        "Key-words: Data replication\n\nÉtude approfondie\n\nRésumé : La cohérence à terme",
        "Zusammenfassung\n\nEine deutschsprachige Zusammenfassung",  # a thesis's German one
    ],
)
def test_what_follows_an_abstract_with_no_stop_is_no_part_of_it(after: str) -> None:
    # Dynamo, Liquid Types, the Cuckoo filter, LIPIcs' ICDT papers: "Categories and Subject
    # Descriptors" or "Keywords and phrases" (no colon) ran into the abstract, X-tree's whole
    # introduction (2,702 characters)
    text = " ".join(["We present a filter for sets that supports deletion."] * 5)
    sections = [Section(heading="Abstract", text=f"{text}\n\n{after}", level=1)]
    abstract, _sections = take_abstract(sections, [], 10.0)
    assert abstract == text


def test_a_note_saying_where_the_article_appeared_gives_its_year() -> None:
    # Lamport's "The Part-Time Parliament" as he posts it: 1998 and 2000 once each on page 1,
    # the later taken; the note says where it appeared, and when it was corrected
    texts = [
        "The Part-Time Parliament",
        "Leslie Lamport",
        "This article appeared in ACM Transactions on Computer Sys-",
        "tems 16, 2 (May 1998), 133-169. Minor corrections were made",
        "on 29 August 2000.",
    ]
    lines = [Line(0, text, 10.0, False, k) for k, text in enumerate(texts)]
    assert find_year({"creationDate": "D:20000829120402Z"}, lines) == 1998
    note = Line(0, "A preliminary version of this paper appeared in STOC 1996.", 8.0, False, 9)
    journal = Line(0, "© 1999 ACM 0004-5411/99/0500-0001", 8.0, False, 10)
    assert find_year({}, [*lines[:2], note, journal]) == 1999  # not the earlier version's
    prose = "Recent archaeological discoveries on the island of Paxos, which appeared in 2019, …"
    lines = [lines[0], Line(0, prose, 10.0, False, 5)]  # not the abstract's: the file's year
    assert find_year({"creationDate": "D:20200829120402Z"}, lines, prose) == 2020


def test_the_year_of_an_acm_classification_scheme_is_not_the_papers() -> None:
    # LIPIcs prints "2012 ACM Subject Classification" on page 1 of a 2024 paper; once it was no
    # longer read into the abstract it was taken for the year
    lines = [Line(0, "2012 ACM Subject Classification Theory of computation", 8.0, False, 0)]
    assert find_year({"creationDate": "D:20240105"}, lines) == 2024


def test_acms_journal_names_in_capitals_with_a_lowercase_and_are_the_authors() -> None:
    # ACM Computing Surveys (2008): the names in capitals under the title, "and" before the last
    # in lowercase, the affiliation under them in smaller type
    texts = [
        ("11", 12.0, True),
        ("A Survey of Top-k Query Processing Techniques", 12.0, True),
        ("in Relational Database Systems", 12.0, True),
        ("IHAB F. ILYAS, GEORGE BESKALES, and MOHAMED A. SOLIMAN", 10.0, False),
        ("University of Waterloo", 8.0, False),
        ("Efficient processing of top-k queries is a crucial requirement in many environments.", 8.0, False),
    ]
    assert find_authors({}, _first_page(texts), [1, 2], 8.0) == [
        "Ihab F. Ilyas",
        "George Beskales",
        "Mohamed A. Soliman",
    ]
    # ACM TOPLAS (1982), the affiliation in the names' type: "SRI International" was the author
    texts = [
        ("The Byzantine Generals Problem", 16.5, True),
        ("LESLIE LAMPORT, ROBERT SHOSTAK, and MARSHALL PEASE", 9.8, False),
        ("SRI International", 9.8, False),
        ("Reliable computer systems must handle malfunctioning components that give conflicting", 8.6, False),
    ]
    assert find_authors({}, _first_page(texts), [0], 8.6) == [
        "Leslie Lamport",
        "Robert Shostak",
        "Marshall Pease",
    ]


def test_a_copyright_notice_at_page_ones_foot_in_nearly_the_bodys_type_leaves_the_text(
    tmp_path: Path,
) -> None:
    # AAAI's notice at the first column's foot, in 9 pt under a text of 10, on a page whose
    # figure's words in 6.4 pt outnumber the text's, so no smaller than what page 1's small type
    # is measured against: it ran into the introduction
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "A Data Source for Reasoning Embodied Agents", fontsize=14, fontname="hebo")
    page.insert_text((72, 96), "Ana Lima, Ben Ortiz", fontsize=12)
    page.insert_text((72, 130), "Abstract", fontsize=10, fontname="hebo")
    abstract = "We introduce a data generator for machine reasoning that integrates with an agent. "
    page.insert_textbox((72, 140, 300, 230), abstract * 3, fontsize=9)
    page.insert_text((72, 250), "Introduction", fontsize=12, fontname="hebo")
    body = "Advances in machine learning have driven progress in reasoning with embodied agents. "
    page.insert_textbox((72, 260, 300, 560), body * 7, fontsize=10)
    # a section whose text starts with a notice keeps it (a manual's "License")
    page.insert_text((72, 590), "License", fontsize=12, fontname="hebo")
    page.insert_textbox(
        (72, 600, 300, 640), "Copyright © 2011 Ana Lima. You may copy this work.", fontsize=10
    )
    notice = (
        "Copyright © 2023, Association for the Advancement of Artificial Intelligence. All rights reserved."
    )
    page.insert_textbox((72, 700, 300, 740), notice, fontsize=9)
    # and a figure's text in 6.4 pt, more of it than of the body: what page 1's body size reads
    figure = 'Sequence Context: "agent is at location (10,7,8). agent has pitch 1.0 and yaw 2.5." '
    page.insert_textbox((320, 72, 540, 700), figure * 24, fontsize=6.4)
    page = doc.new_page()
    page.insert_textbox((72, 72, 300, 400), body * 6, fontsize=10)
    doc.save(path := tmp_path / "aaai.pdf")
    paper = extract_paper(path)
    assert "Association for the Advancement" not in paper.full_text
    assert "All rights reserved" not in paper.full_text
    assert paper.abstract.startswith("We introduce a data generator")
    assert [s.heading for s in paper.sections] == ["Introduction", "License"]
    assert paper.sections[0].text.count("Advances in machine learning") == 7
    assert paper.sections[1].text.startswith("Copyright © 2011 Ana Lima. You may copy this work.")


def test_a_scans_text_layer_that_sets_every_word_apart_reads_in_rows(tmp_path: Path) -> None:
    # ACM's scans of its 1990s proceedings (PODS 1993, SIGMOD 1995): the OCR layer places each
    # word by itself, wider apart than type sets words, and mupdf read each as a line of page 1
    # ("Bernd-Uwe" / "Pagel**" / "Hans-Werner" …): the title cut short, no authors
    doc = pymupdf.open()
    page = doc.new_page()

    def words(top: float, text: str, size: float) -> None:
        left = 72.0
        for word in text.split():
            page.insert_text((left, top), word, fontsize=size)
            left += pymupdf.get_text_length(word, fontsize=size) + 1.6 * size

    words(80, "Towards an Analysis of Range Query Performance", 11)
    words(96, "in Spatial Data Structures*", 11)
    words(120, "Bernd-Uwe Pagel** Hans-Werner Six** Heinrich Toben** Peter Widmayer~", 8)
    words(150, "Abstract", 8)
    for row in range(8):
        words(165 + 8.5 * row, "We derive a model of the cost of window queries for each class.", 7)
    words(270, "1 Introduction", 8)
    for row in range(12):
        words(285 + 8.5 * row, "Spatial data structures keep large sets of geometric objects.", 7)
    page = doc.new_page()
    page.insert_textbox((72, 72, 300, 400), "Window queries are answered from buckets. " * 20, fontsize=7)
    doc.save(path := tmp_path / "pods93.pdf")
    paper = extract_paper(path)
    assert paper.title == "Towards an Analysis of Range Query Performance in Spatial Data Structures"
    assert paper.authors == ["Bernd-Uwe Pagel", "Hans-Werner Six", "Heinrich Toben", "Peter Widmayer"]
    assert paper.abstract.startswith("We derive a model of the cost of window queries for each class.")
    assert "Spatial data structures keep large sets of geometric objects. Spatial" in paper.full_text


def test_a_titles_footnote_mark_is_no_part_of_it_an_algorithms_star_is() -> None:
    assert joined_title(["Two-dimensional Ising model", "with annealed random fields*"]) == (
        "Two-dimensional Ising model with annealed random fields"
    )
    assert joined_title(["The showtags package\u2217"]) == "The showtags package"
    assert joined_title(["Bidirectional A*"]) == "Bidirectional A*"


def test_names_side_by_side_each_a_line_are_no_scans_words() -> None:
    # TrustLLM's 46 authors in a grid, four to a row, each name a line of its own to mupdf: most
    # rows go on the one before, as a scan's words do, but they are names, not words
    from papersum.pdfrows import words_rejoined

    names = [f"Ana{chr(97 + i)} Lima{chr(97 + i)}" for i in range(10)]
    grid = [
        [
            (100.0 + 12 * (i // 4), 72.0 + 120 * (i % 4), [(10.0, n, False)], [False])
            for i, n in enumerate(names * 4)
        ]
    ]
    assert words_rejoined(grid) == grid
    # a scan's words, one a line, are rejoined into their rows
    scan = [
        [
            (100.0 + 12 * (i // 6), 72.0 + 40 * (i % 6), [(10.0, w, False)], [False])
            for i, w in enumerate(["word"] * 48)
        ]
    ]
    rejoined = words_rejoined(scan)
    assert len(rejoined[0]) == 8
    assert "".join(text for _size, text, _bold in rejoined[0][0][2]) == " ".join(["word"] * 6)


def test_ieees_appendices_read_into_their_first_paragraphs_are_headings_after_the_references() -> None:
    # an IEEE journal paper (2024): mupdf read each appendix's title in capitals into its first
    # paragraph, so no heading ended the references, and the appendices went with them
    from papersum.pdfrunin import leads_split

    texts = [
        "V. CONCLUSION",
        "We showed that the safety levels hold with high confidence in all our experiments.",
        "REFERENCES",
        "[1] A. Author, “A paper,” IEEE Control Systems Letters, vol. 8, pp. 1–2, 2024.",
        "APPENDIX A",
        "PROOFS A. Proof of Theorem (III.1)",
        "Before we proceed with the proof of the Theorem (III.1), let us look at a lemma.",
        "APPENDIX B ADDITIONAL DETAILS OF THE SYSTEMS IN THE EXPERIMENTS In this section, we give "
        "more details about the systems we have used in the experiments.",
        "A. 2D Boat",
        "The boat navigates a river with a drift that grows towards its middle.",
    ]
    lines, headings = find_headings(leads_split(_paragraphs(texts)), 10.0, [])
    found = {lines[i].text: level for i, level in sorted(headings.items())}
    assert list(found) == [
        "V. CONCLUSION",
        "REFERENCES",
        "APPENDIX A",
        "PROOFS",  # the appendix's title, under its label (one heading when the sections are made)
        "A. Proof of Theorem (III.1)",
        "APPENDIX B ADDITIONAL DETAILS OF THE SYSTEMS IN THE EXPERIMENTS",
        "A. 2D Boat",
    ]
    assert (
        found["APPENDIX A"] == found["APPENDIX B ADDITIONAL DETAILS OF THE SYSTEMS IN THE EXPERIMENTS"] == 1
    )
    assert found["A. Proof of Theorem (III.1)"] == found["A. 2D Boat"] == 2
    # a word that starts so is no appendix's label (classicthesis's "APPENDIXCHAPTER")
    other = _paragraphs(["APPENDIXCHAPTER TEST In this chapter we test the class."])
    assert leads_split(other) == other


def test_a_title_in_capitals_read_word_by_word_on_its_row_is_two_lines_not_five() -> None:
    # EmerDiff (ICLR 2024, as Pdftools re-wrote it): the title's first row in small capitals read
    # as four lines of one word each; counted as lines, the title stopped at four and lost
    # "KNOWLEDGE IN DIFFUSION MODELS"
    rows = [("EMERDIFF:", 108.4), ("EMERGING", 216.8), ("PIXEL-LEVEL", 312.0), ("SEMANTIC", 425.3)]
    lines = [
        Line(0, text, 17.2, False, 1, True, k == 0, False, 79.8, left) for k, (text, left) in enumerate(rows)
    ]
    lines.append(Line(0, "KNOWLEDGE IN DIFFUSION MODELS", 17.2, False, 1, True, False, False, 99.7, 108.4))
    lines.append(
        Line(0, "Koichi Namekata, Amirmojtaba Sabour", 10.0, True, 2, True, True, True, 136.6, 114.0)
    )
    assert find_title_lines(lines) == [0, 1, 2, 3, 4]


def test_a_titles_line_all_in_its_small_capitals_is_in_the_titles_size() -> None:
    # ICLR 2017 (Goldberger and Ben-Reuven): the title in small capitals, its words written in
    # lowercase, so its capitals are its first letter's alone ("T" in 17.2 pt, the rest in 13.8)
    # and its second line is small capitals throughout; read as 13.8 pt, that line was no part of
    # the title ("Training deep neural-networks using a noise"), and section 3, "3 TRAINING DEEP
    # NEURAL NETWORKS USING A NOISE ADAPTATION LAYER", was dropped as a running title
    title = [
        (17.2, "T", False),
        (13.8, "RAINING DEEP NEURAL", False),
        (13.8, "-NETWORKS USING A NOISE", False),
    ]
    blocks: list[list[Row]] = [
        [(80.0, 108.0, title, [False] * 3), (100.0, 220.0, [(13.8, "ADAPTATION LAYER", False)], [False])],
        [(140.0, 110.0, [(10.0, "Jacob Goldberger & Ehud Ben-Reuven", True)], [True])],
    ]
    lines = lines_of(blocks, 0)
    assert [(ln.text, ln.size) for ln in lines[:2]] == [
        ("TRAINING DEEP NEURAL-NETWORKS USING A NOISE", 17.2),
        ("ADAPTATION LAYER", 17.2),
    ]
    assert find_title_lines(lines) == [0, 1]
    # a line in smaller capitals under a title in one size is a subtitle, in its own size, and
    # under a title with a mark in smaller type, the names in that type
    blocks[0][0] = (80.0, 108.0, [(17.2, "TRAINING DEEP NETWORKS", False)], [False])
    assert [ln.size for ln in lines_of(blocks, 0)[:2]] == [17.2, 13.8]
    blocks[0][0] = (80.0, 108.0, [(17.2, "TRAINING DEEP NETWORKS", False), (13.8, "*", False)], [False] * 2)
    blocks[0][1] = (100.0, 220.0, [(13.8, "ANA LIMA AND BEN ORTIZ", False)], [False])
    assert [ln.size for ln in lines_of(blocks, 0)[:2]] == [17.2, 13.8]


def test_an_article_kind_between_stops_over_the_title_is_no_title() -> None:
    # Science China Information Sciences prints ". RESEARCH PAPER ." over the title, in its
    # type and weight: it led the title
    texts = [
        ". RESEARCH PAPER .",
        "Reducing Idleness in Financial Cloud Services via",
        "Multi-objective Evolutionary Reinforcement",
        "Learning based Load Balancer",
    ]
    lines = [
        Line(0, text, 17.2, True, k, True, True, True, 60.0 + 20 * k, 90.0) for k, text in enumerate(texts)
    ]
    lines.append(
        Line(0, "Peng YANG, Laoming ZHANG, Haifeng LIU & Guiying LI", 12.0, False, 4, True, True, True, 150.0)
    )
    assert find_title_lines(lines) == [1, 2, 3]


def test_a_manuscripts_bold_title_under_notes_in_its_size_over_a_name() -> None:
    # Klein et al.'s "Common Ground and Coordination in Joint Activity" (2004), an APA-style
    # manuscript set in 12 pt throughout: its notes ("To appear in …", "Running Head: …") over
    # the bold title were read as the title
    texts = [
        ("To appear in W.R. Rouse & K.B. Boff (Eds.), Organizational simulation.  New York:  Wiley.", False),
        ("Do not quote or cite without permission of the authors.", False),
        ("Running Head: Common Ground", False),
        ("Common Ground and Coordination in Joint Activity", True),
        ("Gary Klein", False),
        ("Klein Associates Inc.", False),
        ("Paul J. Feltovich", False),
    ]
    lines = [
        Line(0, text, 12.0, bold, k, True, True, True, 80.0 + 30 * k, 150.0)
        for k, (text, bold) in enumerate(texts)
    ]
    assert find_title_lines(lines) == [3]


def test_the_metadata_title_over_a_page_ones_ocr_that_misread_a_letter() -> None:
    # Kamel & Faloutsos's Hilbert R-tree (VLDB 1994) is a scan whose text layer reads "Fkactals";
    # its metadata was typed (and the 2Q paper's reads "X3: A Low Overhead …"). A title that
    # differs by more is another title (an old draft's)
    words = ["Hilbert", "R-tree:", "An Improved", "R-tree", "Using", "Fkactals"]
    lines = [
        Line(0, word, 15.7, False, 0, True, k == 0, False, 58.1, 90.0 + 60 * k)
        for k, word in enumerate(words)
    ]
    lines.append(Line(0, "Ibrahim Kamel", 10.9, False, 1, True, True, False, 108.4, 163.7))
    title = "Hilbert R-Tree: An Improved R-Tree Using Fractals"
    assert choose_title({"title": title}, lines, list(range(6)), scan=True) == title
    draft = "Hilbert R-Tree: An Improved R-Tree Using Wavelets"
    printed = "Hilbert R-tree: An Improved R-tree Using Fkactals"
    assert choose_title({"title": draft}, lines, list(range(6)), scan=True) == printed
    # on a page of visible text the page is right: the GERAD class's metadata reads "des Cahiers"
    # for its printed "Les Cahiers"
    assert choose_title({"title": title}, lines, list(range(6))) == printed


def test_a_scans_invisible_text_layer_is_told_from_printed_text(tmp_path: Path) -> None:
    # OCR writes its text invisible (render mode 3) over the page's image
    for mode, scan in ((3, True), (0, False)):
        doc = pymupdf.open()
        page = doc.new_page()
        page.insert_text(
            (72, 100), "Hilbert R-tree: An Improved R-tree Using Fkactals", fontsize=16, render_mode=mode
        )
        page.insert_textbox(
            pymupdf.Rect(72, 130, 540, 400), "The tree packs its nodes. " * 12, render_mode=mode
        )
        doc.save(path := tmp_path / f"paper{mode}.pdf")
        with pymupdf.open(path) as read:
            assert read_document(read).scan is scan


def test_a_section_named_abstract_after_the_introduction_is_not_the_papers_abstract() -> None:
    # a survey of LLMs on graphs (IEEE, 2024) tabulates datasets with their abstracts; one row's
    # bold "Abstract" was read as a heading in section III and taken for the abstract, while
    # page 1's "Abstract—A graph is …" was lost
    text = "A graph is a fundamental data model to represent various entities and their relations. " * 3
    front = [
        Line(0, line, 9.0, True, 1, True, k == 0, False, 300.0 + 10 * k, 50.0)
        for k, line in enumerate([f"Abstract—{text[:60]}", text[60:150], text[150:]])
    ]
    sections = [
        Section(heading="I. INTRODUCTION", text="Graphs are everywhere.", level=1),
        Section(
            heading="Abstract", text="Text in curve orientation, despite being one of the common…", level=2
        ),
    ]
    abstract, rest = take_abstract(sections, front, 10.0)
    assert abstract.startswith("A graph is a fundamental data model")
    assert [s.heading for s in rest] == ["I. INTRODUCTION", "Abstract"]


def test_plos_author_summary_after_the_abstract_is_a_section_of_its_own(tmp_path: Path) -> None:
    # PLOS Computational Biology (2025): "Author summary" in 12 pt, neither bold nor numbered,
    # at the top of page 2 under the abstract's end; it ran on in the abstract
    doc, page = _titled_page("Sounds compress what rats see")
    page.insert_text((72, 150), "Abstract", fontsize=14)
    page.insert_textbox(
        (72, 165, 540, 400), "Auditory inputs alter how rats perceive gratings. " * 8, fontsize=10
    )
    page = doc.new_page()
    page.insert_text((72, 80), "Author summary", fontsize=12)
    page.insert_textbox(
        (72, 95, 540, 250), "In the brain, information from different senses converges. " * 5, fontsize=10
    )
    page.insert_text((72, 280), "Introduction", fontsize=12, fontname="hebo")
    page.insert_textbox(
        (72, 295, 540, 500), "Multisensory integration is a classic problem. " * 6, fontsize=10
    )
    doc.save(path := tmp_path / "plos.pdf")
    paper = extract_paper(path)
    assert paper.abstract.startswith("Auditory inputs alter")
    assert "Author summary" not in paper.abstract and "different senses" not in paper.abstract
    assert [s.heading for s in paper.sections] == ["Author summary", "Introduction"]


def test_plos_older_author_summary_box_read_inside_the_results_is_no_section() -> None:
    # PLOS Computational Biology 2012 (Patil et al.): the summary's box on page 2, which mupdf
    # reads after the Results' first paragraphs; as a heading, 24,000 characters of Results ran
    # on under "Author Summary"
    texts = ["Abstract", "We model timbre.", "Introduction", "Timbre is the colour of sound.", "Results"]
    texts += [
        "Responses in A1 are rich.",
        "Author Summary",
        "Music is complex.",
        "The classifier generalises.",
    ]
    lines = [Line(1, text, 0.0, False, k, False, True, True) for k, text in enumerate(texts)]
    headings = {0: 1, 2: 1, 4: 1, 6: 1}
    assert lay_summary_first(lines, headings) == {0: 1, 2: 1, 4: 1}
    # under the abstract, past a sidebar's statements, it is a section
    texts = [
        "Abstract",
        "We model timbre.",
        "Funding",
        "None.",
        "Author summary",
        "Music is complex.",
        "Introduction",
    ]
    lines = [Line(1, text, 0.0, False, k, False, True, True) for k, text in enumerate(texts)]
    assert lay_summary_first(lines, {0: 1, 2: 2, 4: 1, 6: 1}) == {0: 1, 2: 2, 4: 1, 6: 1}


def test_an_abstract_whose_sentence_runs_into_a_displayed_formula_is_whole() -> None:
    # Bourgain, Dirksen & Nelson (amsart, 2015): the abstract's second sentence runs into a
    # displayed formula whose pieces mupdf reads as blocks; only what came after it was taken
    texts = [
        ("Abstract. Let Φ be a sparse Johnson-Lindenstrauss transform with s non-zeroes per column.", 8.0),
        ("For a subset T of the unit sphere, ε given, we study settings for m, s required to ensure", 8.0),
        ("E", 8.0),
        ("sup", 8.0),
        ("x∈T", 6.0),
        ("∥Φx∥", 8.0),
        ("< ε,", 8.0),
        ("i.e. so that Φ preserves the norm of every x ∈T simultaneously and multiplicatively.", 8.0),
        ("We introduce a new complexity parameter, which depends on the geometry of T.", 8.0),
    ]
    front = [
        Line(0, text, size, False, block, True, False, False, 200.0 + 10 * k)
        for k, ((text, size), block) in enumerate(zip(texts, [0, 0, 1, 2, 3, 4, 5, 6, 6], strict=True))
    ]
    abstract, _rest = take_abstract(
        [Section(heading="1. Introduction", text="Dimensionality reduction.")], front, 10.0
    )
    assert abstract.startswith("Let Φ be a sparse")
    assert abstract.endswith("depends on the geometry of T.")


def test_a_titles_second_line_in_another_weight_that_names_no_one_goes_on() -> None:
    # DiskANN (NeurIPS 2019): mupdf calls the title's first line plain and its second bold; the
    # title stopped at "… Billion-point Nearest". Names in the title's size in another weight
    # (ICASSP's) still end it
    rows = [
        ("DiskANN: Fast Accurate Billion-point Nearest", False, 99.4),
        ("Neighbor Search on a Single Node", True, 119.3),
    ]
    lines = [
        Line(0, text, 17.2, bold, k, True, True, True, top, 130.0) for k, (text, bold, top) in enumerate(rows)
    ]
    lines.append(Line(0, "Suhas Jayaram Subramanya", 10.0, True, 2, True, True, False, 180.9, 115.0))
    assert find_title_lines(lines) == [0, 1]
    names = Line(0, "Ana Lima, Ben Ortiz", 17.2, False, 1, True, True, True, 119.3, 130.0)
    lines = [Line(0, "Seeing the Bow in Duets", 17.2, True, 0, True, True, True, 99.4, 130.0), names]
    assert find_title_lines(lines) == [0]


def test_a_title_page_in_one_size_stops_at_its_authors_name_over_the_introduction() -> None:
    # Birman's "A History of the Virtual Synchrony Replication Model" (a Word manuscript): title,
    # name and "Introduction" in one bold 10 pt, in one block over the text
    texts = ["A History of the Virtual Synchrony Replication Model", "Ken Birman", "Introduction"]
    lines = [
        Line(0, text, 10.0, True, 0, True, k == 0, False, 73.5 + 12 * k, 90.0) for k, text in enumerate(texts)
    ]
    lines.append(
        Line(
            0,
            "A “Cloud Computing” revolution is underway, supported by data centers.",
            10.0,
            False,
            0,
            True,
            False,
            False,
            120.4,
            90.0,
        )
    )
    assert find_title_lines(lines) == [0]


def test_a_bold_title_in_the_bodys_size_that_later_pages_repeat_as_their_head(tmp_path: Path) -> None:
    # TUGboat (a real paper's class): the title in bold 10 pt, the body's size; later pages'
    # heads repeat it in roman, and page 1's copy was dropped with them
    doc = pymupdf.open()
    for number in range(4):
        page = doc.new_page()
        if number == 0:
            page.insert_text((72, 80), "The Multibibliography Package", fontsize=10, fontname="hebo")
            page.insert_text((92, 96), "Michael Cohen and Boris Veytsman", fontsize=10)
            page.insert_text((72, 126), "Abstract", fontsize=10, fontname="hebo")
        else:
            page.insert_text((72, 40), "The Multibibliography Package", fontsize=10)
        page.insert_textbox(
            (72, 140, 540, 400), "Bibliography styles entail a forced choice. " * 8, fontsize=10
        )
    doc.save(path := tmp_path / "tugboat.pdf")
    assert extract_paper(path).title == "The Multibibliography Package"


def test_names_in_larger_type_than_the_title_in_capitals_over_them_are_no_title() -> None:
    # Kaewtip et al. (a scan's OCR layer, an ICASSP-style paper): the names read in 13.6 pt, the
    # title over them in capitals in 10.8; the names were the title
    texts = [
        ("A ROBUST AUTOMATIC BIRD PHRASE CLASSIFIER USING DYNAMIC", 10.8),
        ("TIME-WARPING WITH PROMINENT REGION IDENTIFICATION", 10.8),
        ("Kantapon Kaewti/, Lee Ngee TanI, Abeer AlwanI, Charles Taylo/", 13.6),
        ("IDepartment of Electrical Engineering, University of California, Los Angeles", 8.5),
    ]
    lines = [
        Line(0, text, size, False, k, True, True, True, 100.0 + 20 * k, 70.0)
        for k, (text, size) in enumerate(texts)
    ]
    assert find_title_lines(lines) == [0, 1]


def test_a_named_heading_in_bold_under_a_bold_name_in_its_block_heads_a_section(tmp_path: Path) -> None:
    # Birman's "A History of the Virtual Synchrony Replication Model" (Word, 10 pt throughout):
    # title, name and "Introduction" in bold, the text under them, all one block to mupdf
    doc = pymupdf.open()
    page = doc.new_page()
    y = 80.0
    for text, font in [
        ("A History of the Virtual Synchrony Replication Model", "hebo"),
        ("Ken Birman", "hebo"),
        ("Introduction", "hebo"),
        ("A cloud computing revolution is underway, supported by massive data centers that", "helv"),
        ("contain thousands of servers. In such systems, scalability is the mantra and this", "helv"),
        ("compels application developers to replicate various forms of information.", "helv"),
    ]:
        page.insert_text((72, y), text, fontsize=10, fontname=font)
        y += 12
    doc.save(path := tmp_path / "manuscript.pdf")
    paper = extract_paper(path)
    assert (paper.title, paper.authors) == (
        "A History of the Virtual Synchrony Replication Model",
        ["Ken Birman"],
    )
    assert [s.heading for s in paper.sections] == ["Introduction"]


def test_an_appendixs_lettered_heading_over_a_table_is_no_header_row() -> None:
    # Stiennon et al. (NeurIPS 2020): "A TL;DR dataset details", bold, right over its table; it
    # was taken for the table's header row and the appendix lost its heading
    heading = Line(15, "A TL;DR dataset details", 0.0, True, 0, False, True, True)
    table = Line(
        15,
        "Subreddit | # posts | % of dataset\nrelationships | 63324 | 54.25%",
        0.0,
        False,
        1,
        False,
        True,
        True,
        table=True,
    )
    text = Line(
        15,
        "Here, we discuss the pre-processing steps that we apply to the TL;DR dataset.",
        0.0,
        False,
        2,
        False,
        True,
        True,
    )
    kept, tables = tables_aside([heading, table, text])
    assert [line.text for line in kept] == [heading.text, text.text]
    assert tables == [table.text]
    # a header row of column names stays the table's
    header = Line(15, "Model Denoising CFG scale", 0.0, True, 0, False, True, True)
    kept, tables = tables_aside([header, table, text])
    assert tables == [f"{header.text}\n{table.text}"]
    # the appendix before it, its section a table read aside, is no first line of its heading
    # (Prasanna et al., "When BERT Plays the Lottery": "D Longer Fine-tuning …" / "E Performance …")
    d = Line(17, "D Longer Fine-tuning of Bad s-pruned Subnetworks", 0.0, True, 3, False, True, True)
    e = Line(17, "E Performance of the Super Survivor Subnetworks", 0.0, True, 5, False, True, True)
    assert not continues_heading(d, e)


def test_a_teaser_figures_small_words_under_the_abstract_outnumbering_it_are_no_part_of_it(
    tmp_path: Path,
) -> None:
    # Huang et al., "Language Models as Zero-Shot Planners" (ICML 2022): page 1's figure, its
    # plans in 5.5 pt ("Task: Brush teeth", "Step 1: Walk to bathroom", …; its caption far below)
    # has more characters than the abstract: they were its type, and its text
    doc, page = _titled_page("Language Models as Zero-Shot Planners")
    page.insert_text((72, 140), "Abstract", fontsize=12, fontname="hebo")
    abstract = (
        "Can world knowledge learned by large language models be used to act in interactive environments? "
    )
    page.insert_textbox((72, 150, 540, 260), abstract * 4, fontsize=10)
    verbs, things = (
        ["Walk to", "Find", "Grab", "Open", "Turn to", "Put down"],
        ["sink", "desk", "brush", "paper", "door"],
    )
    for column in (72, 200, 330, 460):
        for step in range(39):
            words = f"{verbs[(step + column) % 6]} the {things[step % 5]}"
            page.insert_text((column, 276 + 6 * step), words, fontsize=5.5)
    page.insert_text((72, 580), "1 Introduction", fontsize=12, fontname="hebo")
    page.insert_textbox(
        (72, 590, 540, 700), "Large language models learn much about the world. " * 4, fontsize=10
    )
    doc.save(path := tmp_path / "planners.pdf")
    paper = extract_paper(path)
    assert paper.abstract.startswith("Can world knowledge")
    assert "the sink" not in paper.abstract and "Grab the" not in paper.abstract


def test_an_abstract_set_in_sizes_a_tenth_apart_is_one_type_against_a_figures_under_it(
    tmp_path: Path,
) -> None:
    # Wei et al., "Chain-of-Thought Prompting" (NeurIPS 2022): the abstract's lines read in 9.9,
    # 10 and 10.1 pt, each size outnumbered by the 7.3 pt prompts of the figure under it, which
    # then ran on in the abstract
    doc, page = _titled_page("Chain-of-Thought Prompting Elicits Reasoning")
    page.insert_text((72, 140), "Abstract", fontsize=12, fontname="hebo")
    sentence = "We explore how generating a chain of thought improves reasoning in models"
    for k in range(12):
        page.insert_text((72, 160 + 10 * k), sentence, fontsize=(9.9, 10.0, 10.1)[k % 3])
    for k in range(14):
        page.insert_text(
            (72, 290 + 9 * k), "Q: The cafeteria had 23 apples. They used 20 for lunch.", fontsize=7.3
        )
    page.insert_text((72, 440), "1 Introduction", fontsize=12, fontname="hebo")
    page.insert_textbox(
        (72, 450, 540, 560), "Language models have grown in size and skill. " * 4, fontsize=10
    )
    doc.save(path := tmp_path / "cot.pdf")
    abstract = extract_paper(path).abstract
    assert abstract.startswith("We explore") and "cafeteria" not in abstract


def test_an_abstract_under_its_label_alone_beside_the_articles_info_is_whole() -> None:
    # Elsevier's CAS template in two columns: "ARTICLE INFO" and the keywords on the left,
    # "ABSTRACT" over its paragraphs on the right, each its own block; the first paragraph, which
    # names "\begin{abstract} ... \end{abstract}", was taken for a contents' leaders, and the
    # abstract was empty
    texts = [
        "This template helps you to create a properly formatted manuscript. The commands "
        "\\begin{abstract} ... \\end{abstract} hold the abstract, and the keywords follow it.",
        "Each keyword shall be separated by a command of its own. The abstract may run on to a second "
        "paragraph in its type, as this one does.",
    ]
    note = (
        "This document is the result of a research project funded by the National Science Foundation, "
        "whose support the authors thank; the views expressed are theirs alone, not the Foundation's, "
        "and no endorsement by it is implied by their publication here."
    )
    front = [
        Line(0, "This is a Specimen Title", 17.2, False, 0, True, True, True, 60.0),
        Line(0, "Jane Krishnan, Tom Rafeeq", 12.0, False, 1, True, True, True, 90.0),
        Line(0, "ARTICLE INFO", 10.0, False, 2, True, True, True, 118.0),
        Line(0, "Keywords: quadrupole exciton polariton", 8.0, False, 3, True, True, True, 138.0),
        Line(0, "ABSTRACT", 10.0, False, 4, True, True, True, 119.0, 173.0),
        *(
            Line(0, text, 8.0, False, 5 + k, True, True, True, 138.0 + 30 * k, 173.0)
            for k, text in enumerate(texts)
        ),
        Line(0, note, 9.0, False, 7, True, True, True, 500.0),
    ]
    abstract, _rest = take_abstract([Section(heading="1. Introduction", text="Polaritons.")], front, 10.0)
    assert abstract == "\n\n".join(texts)


def test_acm_tods_unlabelled_abstract_of_two_paragraphs_over_its_categories() -> None:
    # Jagadish et al., iDistance (ACM TODS 2005): the abstract in 8 pt with no label, two
    # paragraphs, then "Categories and Subject Descriptors:", the authors' addresses and ACM's
    # permission notice in its type; the addresses and notice were taken for the abstract
    front = [
        Line(
            0, "iDistance: An Adaptive B+-Tree Based Indexing Method", 17.9, False, 0, True, True, True, 60.0
        ),
        Line(0, "H. V. JAGADISH University of Michigan", 10.0, False, 1, True, True, True, 100.0),
    ]
    texts = [
        "In this article, we present an efficient B-tree based indexing method, called iDistance, for K-nearest "
        "neighbor search in a high-dimensional metric space. iDistance partitions the data.",
        "We conducted extensive experiments to evaluate the iDistance technique, and report results demonstrating "
        "its effectiveness. We also present a cost model for iDistance KNN search.",
        "Categories and Subject Descriptors: H.3.1 [Information Storage and Retrieval]: Content Analysis",
        "Authors’ addresses: H. V. Jagadish, Department of Computer Science, University of Michigan, 1301 Beal "
        "Avenue, Ann Arbor, MI 48109; email: jag@eecs.umich.edu. Permission to make digital or hard copies of part.",
    ]
    front += [
        Line(0, text, 8.0, False, 2 + k, True, True, True, 200.0 + 40 * k) for k, text in enumerate(texts)
    ]
    abstract, _rest = take_abstract(
        [Section(heading="1. INTRODUCTION", text="Nearest neighbours.")], front, 10.0
    )
    assert abstract == f"{texts[0]}\n\n{texts[1]}"


@pytest.mark.parametrize("angle", [0, 45])
def test_a_watermark_across_page_one_is_not_the_title(tmp_path: Path, angle: int) -> None:
    # a proof's "UNCORRECTED PROOF", an accepted manuscript's stamp: large, pale, often slanted
    # (seen in a real EURASIP proof, 45 pt in #d9d9d9 over a 24 pt title)
    doc = _paper(
        "How Common Is It to Bow in Time?", "1. INTRODUCTION", "Musicians are seen as well as heard. "
    )
    page = doc[0]
    origin = pymupdf.Point(140, 600)
    page.insert_text(
        origin,
        "UNCORRECTED PROOF",
        fontsize=45,
        fontname="hebo",
        color=(0.85, 0.85, 0.85),
        morph=(origin, pymupdf.Matrix(angle)),
    )
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert paper.title == "How Common Is It to Bow in Time?"
    assert paper.authors == ["Ana Lima", "Ben Ortiz"]
    assert [s.heading for s in paper.sections] == ["1. INTRODUCTION"]
    assert "PROOF" not in paper.sections[0].text
    with pymupdf.open(path) as opened:  # and so from the span dictionaries
        textpage = opened[0].get_textpage(flags=pymupdf.TEXTFLAGS_TEXT)
        from_dicts = [line.text for line in dict_lines(textpage.extractDICT(), 0)]
        assert [line.text for line in styled_lines(opened[0], textpage)] == from_dicts
        assert from_dicts[:2] == ["How Common Is It to Bow in Time?", "Ana Lima, Ben Ortiz"]


def _magazine(body: float, heading: float, fragment: str = "") -> pymupdf.Document:
    """A made-up article of three pages: its title, authors and a first page of prose in
    ``body`` pt, then sections headed in plain type of ``heading`` pt (a ``fragment`` of a
    sentence alone before a formula, in the body's type, on page 2)."""
    doc = _paper("Serving Music Queries at Scale", "Architecture overview", "Queries run on many machines. ")
    text = "Each cluster holds a few thousand machines and answers its share of the queries. " * 6
    for page_number, name in enumerate(("Serving a query", "The power problem")):
        page = doc.new_page()
        page.insert_textbox((72, 72, 540, 200), text, fontsize=body)
        top = 215
        if fragment and not page_number:
            page.insert_text((72, top), fragment, fontsize=body)
            page.insert_text((150, top + 25), "x = y + z", fontsize=body)
            top += 45
        page.insert_text((72, top + heading), name, fontsize=heading)
        page.insert_textbox((72, top + 2 * heading, 540, top + 2 * heading + 150), text, fontsize=body)
    return doc


def test_a_heading_in_plain_type_a_size_over_the_text_on_a_later_page(tmp_path: Path) -> None:
    # a magazine's sections (IEEE Micro's "Serving a Google query" in 12 pt over text in 10,
    # Okapi at TREC-3's, Predicate Dispatching's): not bold, not numbered, in type of their own
    _magazine(10, 12.5).save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections][-2:] == ["Serving a query", "The power problem"]
    assert paper.sections[-1].text.startswith("Each cluster holds")


def test_a_theses_lines_in_its_own_12_pt_type_are_no_headings(tmp_path: Path) -> None:
    # a thesis in 12 pt after a title page in smaller type: a sentence's start alone before
    # its formula ("Therefore,", "The accumulated actual costs … are") is in the body's type
    _magazine(12, 12, "The accumulated costs of the operations are").save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert not any(s.heading.startswith("The accumulated") for s in paper.sections)
    assert "The accumulated costs of the operations are" in paper.full_text


def test_a_section_in_larger_plain_type_right_over_its_first_subsection_is_kept(tmp_path: Path) -> None:
    # Okapi at TREC-3's: "The system" in 15 pt right over "Software" in 12, its text in 10, and
    # appendices lettered "A. Summary": the section has no text of its own, and was dropped
    # when its subsections came out level with it; and two headings in one type, the first
    # right over the second (Predicate Dispatching's "Related work", "Object-oriented approaches")
    doc = _paper("Okapi at TREC", "1. INTRODUCTION", "Queries are weighted. ")
    text = "The weight of a term depends on how many documents hold it and how often. " * 5
    page = doc.new_page()
    top = 72
    for name, size in [
        ("The system", 15.5),
        ("Software", 12.5),
        ("", 0),
        ("Weight functions", 12.5),
        ("", 0),
        ("Related work", 15.5),
        ("Earlier weighting", 15.5),
        ("", 0),
        ("A. Summary", 12.5),
        ("", 0),
    ]:
        if name:
            page.insert_text((72, top + size), name, fontsize=size)
            top += size + 8
        else:
            assert page.insert_textbox((72, top, 540, top + 90), text, fontsize=10) >= 0
            top += 100
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [(s.level, s.heading) for s in paper.sections[1:]] == [
        (1, "The system"),
        (2, "Software"),
        (2, "Weight functions"),
        (1, "Related work"),
        (2, "Earlier weighting"),
        (1, "A. Summary"),
    ]
    assert paper.sections[2].text.startswith("The weight of a term")


def test_text_before_the_first_heading_with_no_abstract_label_is_kept(tmp_path: Path) -> None:
    # IEEE Micro's Google cluster article: no abstract's label, its introduction over a page
    # and more before its first heading; the longest paragraph (page 2's) was taken for the
    # abstract and the others went nowhere. Page 1's first paragraph stands for the abstract
    # now, and what follows it is the introduction
    _magazine(10, 12.5).save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert paper.abstract == ("Queries run on many machines. " * 8).strip()
    assert paper.sections[0].heading == "Introduction"
    assert paper.sections[0].text.startswith("Each cluster holds a few thousand machines")


def test_a_titles_last_line_shaped_like_a_name_over_the_names_is_the_titles(tmp_path: Path) -> None:
    # a real CMMR paper (Springer LNCS): "Automatic Classification of Guitar" in plain type,
    # "Playing Modes" in bold, both 14.4 pt, over the names in 10: "Playing Modes" was an author
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((120, 90), "Automatic Classification of Guitar", fontsize=14.4, fontname="helv")
    page.insert_text((220, 108), "Playing Modes", fontsize=14.4, fontname="hebo")
    page.insert_text((150, 135), "Raphael Foulon, Pierre Roy, and François Pachet", fontsize=10)
    page.insert_text((170, 150), "Sony Computer Science Laboratory, Paris, France", fontsize=9)
    text = "Abstract. Guitarists alternate between playing modes such as bass and solo melodies. " * 6
    page.insert_textbox((90, 170, 520, 320), text, fontsize=9)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert paper.title == "Automatic Classification of Guitar Playing Modes"
    assert paper.authors == ["Raphael Foulon", "Pierre Roy", "François Pachet"]


def test_a_tables_header_over_rows_of_numbers_without_their_zero_is_no_heading(tmp_path: Path) -> None:
    # MedleyDB (ISMIR 2014): "Genre VxR VxF RPA RCA OA" in bold over rows of ".73 (.16)", numbers
    # set without their leading zero, which were not read as a table's cells: the header was a
    # section of its own, the rows its text
    doc = _paper(
        "A Multitrack Dataset for Melody Research", "1. INTRODUCTION", "Melody is hard to annotate. "
    )
    page = doc.new_page()
    page.insert_text((72, 80), "Genre VxR VxF RPA RCA OA", fontsize=9, fontname="hebo")
    for row, genre in enumerate(("MUS", "POP", "ROC", "JAZ")):
        page.insert_text(
            (72, 95 + 12 * row), f"{genre} .73 (.16) .14 (.04) .74 (.18) .87 (.08) .73 (.14)", fontsize=9
        )
    page.insert_text((72, 160), "Table 3. Performance of Melodia on different genres.", fontsize=9)
    page.insert_textbox((72, 180, 540, 300), "Genres with singers are easier. " * 8, fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == ["1. INTRODUCTION"]
    assert any(table.startswith("Genre VxR VxF RPA RCA OA\nMUS .73 (.16)") for table in paper.tables)
    assert "Genres with singers are easier." in paper.sections[0].text


def test_a_figures_legend_over_its_panels_caption_is_no_heading(tmp_path: Path) -> None:
    # an ICASSP paper's plot: its legend "Piano Oboe Clarinet Trumpet Violin" in bold, right
    # over its panel's caption "(a) Weighted likelihood …", was a section of its own
    doc = _paper("Polyphonic Instrument Recognition", "1. INTRODUCTION", "Mixtures hide instruments. ")
    page = doc.new_page()
    page.insert_textbox((72, 72, 540, 160), "The likelihood is weighted per instrument. " * 6, fontsize=10)
    page.insert_text((90, 190), "Piano Oboe Clarinet Trumpet Violin", fontsize=7, fontname="hebo")
    page.insert_text((90, 215), "(a) Weighted likelihood optimization surfaces.", fontsize=8)
    page.insert_textbox((72, 240, 540, 330), "Each surface has one clear optimum. " * 6, fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert [s.heading for s in paper.sections] == ["1. INTRODUCTION"]
    assert "Each surface has one clear optimum." in paper.sections[0].text


def test_a_tables_last_row_read_apart_stays_with_the_table(tmp_path: Path) -> None:
    # "Ours 1.94 (.39) 3.68 (.47) 1.74" (an ICLR paper's table, its last row a block of its own):
    # too few numbers alone to be a table, it was read into the sentence the table cuts
    doc = _paper("Prompting Vision Models with Words", "1. INTRODUCTION", "Prompts steer models. ")
    page = doc.new_page()
    page.insert_textbox(
        (72, 72, 540, 110), "Our prompts bear considerable resemblance to those crafted", fontsize=10
    )
    for row, method in enumerate(("Human", "Random", "Search")):
        page.insert_text((72, 130 + 12 * row), f"{method} 2.28 (.45) 2.86 (.61) 0.58 1.1 2.2", fontsize=9)
    page.insert_text((72, 190), "Ours 1.94 (.39) 3.68 (.47) 1.74", fontsize=9)
    page.insert_text((72, 215), "Table 6. Our method enhances faithfulness.", fontsize=9)
    page.insert_textbox((72, 235, 540, 300), "by humans. The setup is constrained. " * 3, fontsize=10)
    doc.save(path := tmp_path / "paper.pdf")
    paper = extract_paper(path)
    assert "Ours 1.94" not in paper.full_text
    assert any(table.endswith("\nOurs 1.94 (.39) 3.68 (.47) 1.74") for table in paper.tables)


@pytest.mark.parametrize(
    ("font", "bold"),
    [
        ("NimbusRomNo9L-Medi", True),  # Ghostscript's medium weight, bold by its name alone
        ("Kp-Medium", True),
        ("Kp-MediumItalic", True),
        ("CMBX10", True),
        ("TrumpMediaeval-Bold", True),
        # the Computer Music Journal's text face (MIT Press): "Medi" in a word, no weight; its
        # whole page 1 read bold, so nothing was told apart from the body as its abstract
        ("TrumpMediaeval-Roman", False),
        ("ITCMedievalStd", False),
        ("CMR10", False),
    ],
)
def test_a_fonts_name_tells_its_weight(font: str, bold: bool) -> None:
    from papersum.pdffonts import BOLD_FONT

    assert bool(BOLD_FONT.search(font)) is bold


def test_a_teaser_figures_prose_in_small_type_is_not_taken_for_the_abstract(tmp_path: Path) -> None:
    # SpatialVLM: no abstract's label; a teaser figure's dialogue in 5.4 pt ("User After
    # estimating the distances …") comes before the abstract in 9.9: page 1's first paragraph of
    # prose stands for the abstract only in the abstract's type or larger
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), "Spatial Reasoning for Video Models", fontsize=20)
    page.insert_text((72, 110), "Ana Lima, Ben Ortiz", fontsize=11)
    dialogue = "User After estimating the distances, it is clear that the silver can is closest. " * 4
    page.insert_textbox((72, 130, 540, 200), dialogue, fontsize=5.4)
    abstract = "Understanding spatial relationships is a fundamental capability of video models. " * 6
    page.insert_textbox((72, 220, 540, 400), abstract, fontsize=9.9)
    page.insert_text((72, 430), "1 Introduction", fontsize=12, fontname="hebo")
    page.insert_textbox((72, 440, 540, 600), "Robots must judge distances. " * 10, fontsize=9.9)
    doc.save(path := tmp_path / "paper.pdf")
    assert extract_paper(path).abstract.startswith("Understanding spatial relationships")
