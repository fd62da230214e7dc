"""Rebuild the word-processor fixtures: the paper of ``../latex/body.tex`` laid out as papers
written in a word processor are (a conference's two-column template with headings typed in
bold, a journal's one-column template with heading styles, a running head, "Abstract:" run in
and review line numbers), written as OpenDocument (flat XML) and exported to PDF by LibreOffice.

    python tests/data/office/build.py      # needs soffice (Debian: libreoffice-writer-nogui)

The PDFs are committed, so the tests never need LibreOffice.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
BODY = HERE.parent / "latex" / "body.tex"

TITLE = "Seeing the Bow: Motion Cues for Separating Same-Instrument Duets"
ABSTRACT = (
    "Separating two violins that play together is hard from the sound alone. We show that the motion "
    "of the players, read from body and hand keypoints, lets a separation network tell them apart, and "
    "we measure where the video helps and where it misleads."
)
ACKNOWLEDGEMENTS = "We thank the musicians who recorded the test duets."
REFERENCES = (
    "H. Zhao, C. Gan, A. Rouditchenko, C. Vondrick, J. McDermott and A. Torralba: “The sound of "
    "pixels,” Proc. ECCV, 2018.",
    "C. Gan, D. Huang, H. Zhao, J. B. Tenenbaum and A. Torralba: “Music gesture for visual sound "
    "separation,” Proc. CVPR, 2020.",
)


@dataclass
class Block:
    kind: str  # "h1", "h2", "h3", "p", "equation", "table"
    text: str = ""
    footnote: str = ""
    caption: str = ""
    rows: tuple[tuple[str, ...], ...] = ()


def read_body() -> list[Block]:
    """The sections, paragraphs, footnote, equation and table of ``body.tex``."""
    source = re.sub(r"(?m)^%.*\n", "", BODY.read_text())
    blocks: list[Block] = []
    table = re.search(r"\\begin\{table\}.*?\\end\{table\}", source, re.S)
    assert table
    caption = re.search(r"\\caption\{(.*?)\}\n", table[0])
    assert caption
    rows = tuple(
        tuple(cell.strip() for cell in row.split("&"))
        for row in re.findall(r"^(.*?)\s*\\\\$", table[0], re.M)
    )
    source = source.replace(table[0], "\n\\TABLE\n")
    source = re.sub(r"(?m)^(\\(?:sub)*section\{.*\})$", r"\n\1\n", source)  # a block each
    for chunk in re.split(r"\n\s*\n", source):
        chunk = chunk.strip()
        if not chunk:
            continue
        if heading := re.fullmatch(r"\\((?:sub)*)section\{(.*)\}", chunk):
            blocks.append(Block(f"h{heading[1].count('sub') + 1}", heading[2]))
        elif chunk == "\\TABLE":
            blocks.append(Block("table", caption=caption[1], rows=rows))
        elif "\\begin{equation}" in chunk:
            before, rest = chunk.split("\\begin{equation}")
            equation, after = rest.split("\\end{equation}")
            blocks.append(Block("p", _plain(before)))
            blocks.append(Block("equation", _plain(equation)))
            blocks.append(Block("p", _plain(after)))
        else:
            note = re.search(r"\\footnote\{(.*?)\}(?=\n|\s|$)", chunk, re.S)
            text = chunk.replace(note[0], "\x00") if note else chunk
            blocks.append(Block("p", _plain(text), footnote=_plain(note[1]) if note else ""))
    return blocks


def _plain(latex: str) -> str:
    """LaTeX's text as a word processor holds it: math in Unicode, commands out."""
    text = " ".join(latex.split())
    for command, character in (
        (r"\hat{M}", "M̂"), (r"\hat{S}", "Ŝ"), (r"\sigma", "σ"), (r"\odot", "⊙"),
        (r"\left", ""), (r"\right", ""), (r"~\ref{tab:results}", " 1"), (r"\texttt", ""),
    ):  # fmt: skip
        text = text.replace(command, character)
    text = re.sub(r"_(\w)", r"\1", text).replace("$", "").replace("{", "").replace("}", "")
    return text.replace("\\", "").strip(" ,")


# --- OpenDocument ---------------------------------------------------------------------------

NAMESPACES = " ".join(
    f'xmlns:{prefix}="urn:oasis:names:tc:opendocument:xmlns:{name}"'
    for prefix, name in (
        ("office", "office:1.0"), ("style", "style:1.0"), ("text", "text:1.0"),
        ("table", "table:1.0"), ("fo", "xsl-fo-compatible:1.0"), ("svg", "svg-compatible:1.0"),
        ("meta", "meta:1.0"),
    )
) + ' xmlns:dc="http://purl.org/dc/elements/1.1/"'  # fmt: skip


@dataclass
class Layout:
    name: str
    font: str
    heading_font: str
    size: float
    columns: int
    numbered: bool  # headings in heading styles (an outline in the PDF), else typed in bold
    capitals: bool  # top-level headings in capitals ("1. INTRODUCTION")
    head: str  # the running head of later pages, "" for none
    line_numbers: bool
    metadata_title: str
    metadata_author: str
    left_margin: float = 2.0
    line_height: int = 100  # per cent: 200 for a manuscript's double spacing


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def heading_text(layout: Layout, level: int, numbers: list[int], text: str) -> str:
    if layout.name.startswith("ieee"):  # I., A., 1): the small capitals are the style's
        return (f"{ROMAN[numbers[0] - 1]}.", f"{'ABCDEFGH'[numbers[1] - 1]}.", f"{numbers[2]})")[
            level - 1
        ] + f" {text}"
    number = ".".join(map(str, numbers[:level]))
    if layout.capitals and level == 1:
        return f"{number}. {text.upper()}"
    return f"{number}. {text}" if level == 1 or layout.name.startswith("journal") else f"{number} {text}"


def document(layout: Layout, blocks: list[Block]) -> str:
    styles = f"""
<office:font-face-decls>
 <style:font-face style:name="{layout.font}" svg:font-family="'{layout.font}'"/>
 <style:font-face style:name="{layout.heading_font}" svg:font-family="'{layout.heading_font}'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="{layout.font}" fo:font-size="{layout.size}pt" fo:language="en"
   fo:country="US" fo:hyphenate="true" fo:hyphenation-remain-char-count="3" fo:hyphenation-push-char-count="3"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.08cm" fo:text-indent="0cm"
   fo:line-height="{layout.line_height}%"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/>
  <style:text-properties style:font-name="{layout.heading_font}" fo:font-size="{layout.size + 7}pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Authors" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.1cm"/>
  <style:text-properties fo:font-size="{layout.size + 1}pt"/>
 </style:style>
 <style:style style:name="Affiliation" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="{layout.size - 1}pt"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="{layout.heading_font}" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Heading_1" style:display-name="Heading 1" style:family="paragraph"
  style:parent-style-name="Heading" style:default-outline-level="1">
  <style:text-properties fo:font-size="{layout.size + 1}pt"/>
 </style:style>
 <style:style style:name="Heading_2" style:display-name="Heading 2" style:family="paragraph"
  style:parent-style-name="Heading" style:default-outline-level="2">
  <style:text-properties fo:font-size="{layout.size}pt" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Heading_3" style:display-name="Heading 3" style:family="paragraph"
  style:parent-style-name="Heading" style:default-outline-level="3">
  <style:text-properties fo:font-size="{layout.size}pt" fo:font-weight="normal" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="IeeeH1" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-top="0.28cm" fo:margin-bottom="0.14cm" fo:keep-with-next="always"/>
 </style:style>
 <style:style style:name="IeeeH2" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.21cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
 </style:style>
 <style:style style:name="Caption" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-top="0.2cm" fo:margin-bottom="0.1cm"/>
  <style:text-properties fo:font-size="{layout.size - 1}pt"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph">
  <style:text-properties fo:font-size="{layout.size - 2}pt"/>
 </style:style>
 <style:style style:name="Reference" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="0.6cm" fo:text-indent="-0.6cm" fo:text-align="justify"/>
  <style:text-properties fo:font-size="{layout.size - 1}pt"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end"/>
  <style:text-properties fo:font-size="{layout.size - 2}pt"/>
 </style:style>
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0"
  text:footnotes-position="page" text:start-numbering-at="document"/>
 {'<text:linenumbering-configuration text:number-lines="true" text:offset="0.4cm" style:num-format="1" text:number-position="left" text:increment="1" text:restart-on-page="false"/>' if layout.line_numbers else ""}
</office:styles>
<office:automatic-styles>
 <style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Italic" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="BoldItalic" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>
 <style:style style:name="SmallCaps" style:family="text"><style:text-properties fo:font-variant="small-caps"/></style:style>
 <style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
 <style:style style:name="Columns" style:family="section">
  <style:section-properties><style:columns fo:column-count="{layout.columns}" fo:column-gap="0.8cm"/></style:section-properties>
 </style:style>
 <style:style style:name="Cell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.05cm" fo:border-top="0.5pt solid #000000" fo:border-bottom="0.5pt solid #000000"/>
 </style:style>
 <style:page-layout style:name="Page">
  <style:page-layout-properties fo:page-width="21.59cm" fo:page-height="27.94cm" fo:margin-top="2cm"
   fo:margin-bottom="2.5cm" fo:margin-left="{layout.left_margin}cm" fo:margin-right="2cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.4cm"/></style:header-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="Page">{_running_head(layout)}</style:master-page>
</office:master-styles>"""
    meta = (
        f"<office:meta><dc:title>{escape(layout.metadata_title)}</dc:title>"
        f"<dc:creator>{escape(layout.metadata_author)}</dc:creator>"
        f"<meta:initial-creator>{escape(layout.metadata_author)}</meta:initial-creator></office:meta>"
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document {NAMESPACES} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
        f"{meta}{styles}<office:body><office:text>{_front(layout)}{_body(layout, blocks)}</office:text></office:body></office:document>"
    )


def _running_head(layout: Layout) -> str:
    if not layout.head:
        return ""
    return (
        '<style:header-first><text:p text:style-name="Header"/></style:header-first>'
        f'<style:header><text:p text:style-name="Header">{escape(layout.head)} '
        '<text:page-number text:select-page="current"/> of <text:page-count/></text:p></style:header>'
    )


def _front(layout: Layout) -> str:
    sup = '<text:span text:style-name="Sup">{}</text:span>'.format
    parts = [f'<text:p text:style-name="Title">{escape(TITLE)}</text:p>']
    if layout.name.startswith("journal"):
        parts += [
            f'<text:p text:style-name="Authors">Ana Lima {sup("1,*")} and Ben Ortiz {sup("2")}</text:p>',
            f'<text:p text:style-name="Affiliation">{sup("1")} Example University, Porto, Portugal</text:p>',
            f'<text:p text:style-name="Affiliation">{sup("2")} Example Institute, Lyon, France</text:p>',
            '<text:p text:style-name="Affiliation">* Correspondence: ana.lima@example.org</text:p>',
            '<text:p text:style-name="Standard"><text:span text:style-name="Bold">Abstract:</text:span> '
            f"{escape(ABSTRACT)}</text:p>",
            '<text:p text:style-name="Standard"><text:span text:style-name="Bold">Keywords:</text:span> '
            "source separation; audio-visual learning; music performance</text:p>",
        ]
    elif layout.name.startswith("ieee"):  # IEEE's: a cell each of five lines
        parts.append(
            '<table:table table:name="Authors"><table:table-column table:number-columns-repeated="2"/>'
        )
        parts.append("<table:table-row>")
        for name, department, organisation, city in IEEE_AUTHORS:
            parts.append(
                f'<table:table-cell office:value-type="string"><text:p text:style-name="Authors">{name}</text:p>'
                f'<text:p text:style-name="Affiliation"><text:span text:style-name="Italic">{department}</text:span></text:p>'
                f'<text:p text:style-name="Affiliation"><text:span text:style-name="Italic">{organisation}</text:span></text:p>'
                f'<text:p text:style-name="Affiliation">{city}</text:p>'
                f'<text:p text:style-name="Affiliation">{name.split()[0].lower()}@example.org</text:p></table:table-cell>'
            )
        parts.append("</table:table-row></table:table>")
    else:  # a table of authors, a cell each: name, affiliation, address (ISMIR's template)
        parts.append(
            '<table:table table:name="Authors"><table:table-column table:number-columns-repeated="3"/>'
        )
        parts.append("<table:table-row>")
        for name, affiliation, address in CONFERENCE_AUTHORS:
            parts.append(
                f'<table:table-cell office:value-type="string"><text:p text:style-name="Authors">{name}</text:p>'
                f'<text:p text:style-name="Affiliation">{affiliation}</text:p>'
                f'<text:p text:style-name="Affiliation">{address}</text:p></table:table-cell>'
            )
        parts.append("</table:table-row></table:table>")
    return "".join(parts)


CONFERENCE_AUTHORS = (
    ("Ana Lima", "Example University", "ana.lima@example.org"),
    ("Ben Ortiz", "Example Institute", "ben.ortiz@example.org"),
    ("Chen Wei", "Sample College", "chen.wei@example.org"),
)


IEEE_AUTHORS = (
    ("Ana Lima", "dept. of Music Technology", "Example University", "Porto, Portugal"),
    ("Ben Ortiz", "dept. of Computer Science", "Example Institute", "Lyon, France"),
)


def _body(layout: Layout, blocks: list[Block]) -> str:
    parts = ['<text:section text:name="Body" text:style-name="Columns">']
    if layout.name.startswith("ieee"):  # "Abstract—" run in, bold and italic, as "Keywords—"
        for lead, text in (
            ("Abstract", ABSTRACT),
            ("Keywords", "source separation, audio-visual learning, music"),
        ):
            parts.append(
                f'<text:p text:style-name="Standard"><text:span text:style-name="BoldItalic">{lead}—'
                f"{escape(text)}</text:span></text:p>"
            )
    elif not layout.name.startswith("journal"):
        parts.append(_heading(layout, 1, "ABSTRACT", centred=True))
        parts.append(f'<text:p text:style-name="Standard">{escape(ABSTRACT)}</text:p>')
    numbers = [0, 0, 0]
    for block in blocks:
        if block.kind.startswith("h"):
            level = int(block.kind[1])
            numbers[level - 1] += 1
            numbers[level:] = [0] * (3 - level)
            parts.append(_heading(layout, level, heading_text(layout, level, numbers, block.text)))
        elif block.kind == "table":
            parts.append(f'<text:p text:style-name="Caption">Table 1. {escape(block.caption)}</text:p>')
            parts.append(_table(block.rows))
        elif block.kind == "equation":
            parts.append(f'<text:p text:style-name="Caption">{escape(block.text)}<text:tab/>(1)</text:p>')
        else:
            text = escape(block.text)
            if block.footnote:
                note = (
                    '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                    f'<text:note-body><text:p text:style-name="Footnote">{escape(block.footnote)}</text:p>'
                    "</text:note-body></text:note>"
                )
                text = text.replace("\x00", note)
            parts.append(f'<text:p text:style-name="Standard">{text}</text:p>')
    acknowledgements = "ACKNOWLEDGMENTS" if layout.capitals else "Acknowledgments"
    if layout.name.startswith("ieee"):
        acknowledgements = "Acknowledgment"
    parts.append(_heading(layout, 1, acknowledgements, numbered=False))
    parts.append(f'<text:p text:style-name="Standard">{escape(ACKNOWLEDGEMENTS)}</text:p>')
    parts.append(_heading(layout, 1, "REFERENCES" if layout.capitals else "References", numbered=False))
    for number, reference in enumerate(REFERENCES, 1):
        parts.append(f'<text:p text:style-name="Reference">[{number}]<text:tab/>{escape(reference)}</text:p>')
    parts.append("</text:section>")
    return "".join(parts)


def _heading(layout: Layout, level: int, text: str, *, centred: bool = False, numbered: bool = True) -> str:
    if layout.name.startswith("ieee"):  # I. in small capitals, centred; A. and 1) in italics
        style, span = ("IeeeH1", "SmallCaps") if level == 1 else ("IeeeH2", "Italic")
        return f'<text:p text:style-name="{style}"><text:span text:style-name="{span}">{escape(text)}</text:span></text:p>'
    if layout.numbered:
        return (
            f'<text:h text:style-name="Heading_{level}" text:outline-level="{level}">{escape(text)}</text:h>'
        )
    # typed in bold in a body paragraph, as many fill a template in
    style = "Caption" if centred else "Standard"
    return f'<text:p text:style-name="{style}"><text:span text:style-name="Bold">{escape(text)}</text:span></text:p>'


def _table(rows: tuple[tuple[str, ...], ...]) -> str:
    cells = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell table:style-name="Cell" office:value-type="string"><text:p>{escape(c)}</text:p></table:table-cell>'
            for c in row
        )
        + "</table:table-row>"
        for row in rows
    )
    return (
        f'<table:table table:name="Results"><table:table-column table:number-columns-repeated="{len(rows[0])}"/>'
        f"{cells}</table:table>"
    )


LAYOUTS = (
    # a conference's Word template (ISMIR, NIME, SMC, ICMC): two columns of Times, "1. INTRODUCTION"
    # and "2.1 Audio-only source separation" typed in bold, the authors in a table; no outline
    Layout("conference-word", "Liberation Serif", "Liberation Serif", 11, 2, False, True, "", False,
           "Microsoft Word - paper_final.docx", "jdoe", 3.0),
    # a journal's template (MDPI's, Frontiers'): one column, sans-serif heading styles (an outline),
    # "Abstract:" run in, a running head with "2 of 4" on later pages
    Layout("journal-word", "Liberation Serif", "Liberation Sans", 10, 1, True, False,
           "Appl. Sci. 2025, 15, 1234", False, "Seeing the Bow", "Windows User", 6.0),
    # a manuscript as a journal asks for it: 12 pt type (mupdf's XHTML makes each line of it an
    # h3), double spaced, every line numbered, four pages with a running head
    Layout("journal-manuscript", "Liberation Serif", "Liberation Sans", 12, 1, True, False,
           "Lima and Ortiz: Seeing the Bow", True, "", "", 2.5, 200),
    # IEEE's conference template: two columns, "I. Introduction" in small capitals (which a word
    # processor makes of capitals in two sizes), "A." subsections in italics, "Abstract—" run in
    Layout("ieee-word", "Liberation Serif", "Liberation Serif", 10, 2, False, False, "", False,
           "Paper Title (use style: paper title)", "IEEE", 1.8),
    # the same as submitted for review: every line numbered in the margin
    Layout("journal-word-review", "Liberation Serif", "Liberation Sans", 10, 1, True, False,
           "Appl. Sci. 2025, 15, 1234", True, "Seeing the Bow", "Windows User", 6.0),
)  # fmt: skip


# --- a thesis ---------------------------------------------------------------------------------

THESIS_STYLES = """<office:styles>
 <style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Serif"
  fo:font-size="12pt" fo:language="en" fo:country="GB" fo:hyphenate="true"/></style:default-style>
 <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"
  fo:line-height="150%" fo:margin-bottom="0.2cm" fo:hyphenation-ladder-count="no-limit"/></style:style>
 <style:style style:name="Centre" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm"/></style:style>
 <style:style style:name="ThesisTitle" style:family="paragraph" style:parent-style-name="Centre">
  <style:text-properties fo:font-size="22pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Front" style:family="paragraph"><style:paragraph-properties fo:break-before="page"
  fo:margin-bottom="0.6cm"/><style:text-properties fo:font-size="20pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="ChapterLabel" style:family="paragraph"><style:paragraph-properties fo:break-before="page"
  fo:margin-top="2cm"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Heading_1" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.8cm"/>
  <style:text-properties fo:font-size="22pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Heading_2" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.5cm"
  fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Heading_3" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.4cm"
  fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Contents" style:family="paragraph"><style:paragraph-properties><style:tab-stops>
  <style:tab-stop style:position="15cm" style:type="right" style:leader-style="dotted" style:leader-text="."/>
  </style:tab-stops></style:paragraph-properties></style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.05cm"
  fo:border-bottom="0.5pt solid #000000"/></style:style>
 <style:page-layout style:name="Page"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
  fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="2.5cm"/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="Page"><style:footer>
 <text:p text:style-name="Centre"><text:page-number text:select-page="current"/></text:p></style:footer></style:master-page>
</office:master-styles>"""


def thesis(blocks: list[Block]) -> str:
    """A master's thesis as a word processor sets it: a title page (the supervisor named), the
    abstract and acknowledgements on pages of their own, a table of contents with dotted leaders,
    a chapter a page ("Chapter 1" over its title, no space between), 12 pt one and a half spaced
    (a block a line to mupdf), a bibliography; no outline (printed to PDF)."""
    body, contents, numbers = [], [], [0, 0, 0]
    for block in blocks:
        if block.kind.startswith("h"):
            level = int(block.kind[1])
            numbers[level - 1] += 1
            numbers[level:] = [0] * (3 - level)
            number = ".".join(map(str, numbers[:level]))
            if level == 1:
                body.append(f'<text:p text:style-name="ChapterLabel">Chapter {numbers[0]}</text:p>')
            heading = escape(block.text) if level == 1 else f"{number} {escape(block.text)}"
            body.append(f'<text:p text:style-name="Heading_{level}">{heading}</text:p>')
            contents.append(
                f'<text:p text:style-name="Contents">{number} {escape(block.text)}<text:tab/>{numbers[0] + 3}</text:p>'
            )
        elif block.kind == "table":
            body.append(
                f'<text:p text:style-name="Body">Table 4.1: {escape(block.caption)}</text:p>{_table(block.rows)}'
            )
        elif block.kind == "equation":
            body.append(f'<text:p text:style-name="Body">{escape(block.text)}<text:tab/>(3.1)</text:p>')
        else:
            body.append(f'<text:p text:style-name="Body">{escape(block.text.replace(chr(0), ""))}</text:p>')
    centred = [
        "EXAMPLE UNIVERSITY", "Faculty of Engineering", f"<ThesisTitle>{escape(TITLE)}",
        "A thesis submitted in partial fulfilment of the requirements for the degree of Master of "
        "Science in Music Technology", "by", "Ana Lima", "Supervisor: Prof. Ben Ortiz", "Porto, July 2024",
    ]  # fmt: skip
    front = "".join(
        f'<text:p text:style-name="ThesisTitle">{line[13:]}</text:p>'
        if line.startswith("<ThesisTitle>")
        else f'<text:p text:style-name="Centre">{line}</text:p>'
        for line in centred
    )
    for heading, text in (("Abstract", ABSTRACT), ("Acknowledgements", ACKNOWLEDGEMENTS)):
        front += f'<text:p text:style-name="Front">{heading}</text:p><text:p text:style-name="Body">{escape(text)}</text:p>'
    front += '<text:p text:style-name="Front">Contents</text:p>' + "".join(contents)
    references = '<text:p text:style-name="Front">Bibliography</text:p>' + "".join(
        f'<text:p text:style-name="Body">{escape(reference)}</text:p>' for reference in REFERENCES
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document {NAMESPACES} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
        f"<office:meta><dc:title>Thesis</dc:title><dc:creator>Ana</dc:creator></office:meta>{THESIS_STYLES}"
        f"<office:body><office:text>{front}{''.join(body)}{references}</office:text></office:body></office:document>"
    )


NO_OUTLINE = 'pdf:writer_pdf_Export:{"ExportBookmarks":{"type":"boolean","value":"false"}}'
"""LibreOffice's PDF export without bookmarks: a PDF printed to a file has no outline."""


def main() -> None:
    blocks = read_body()
    documents = [(layout.name, document(layout, blocks), "pdf") for layout in LAYOUTS]
    documents.append(("thesis-word", thesis(blocks), NO_OUTLINE))
    with tempfile.TemporaryDirectory() as tmp:
        for name, text, export in documents:
            source = Path(tmp) / f"{name}.fodt"
            source.write_text(text, encoding="utf-8")
            subprocess.run(
                ["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                 "--convert-to", export, "--outdir", str(HERE), str(source)],
                check=True, capture_output=True,
            )  # fmt: skip
            print(HERE / f"{name}.pdf", file=sys.stderr)


if __name__ == "__main__":
    main()
