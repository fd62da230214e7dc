"""A paper's abstract, and its introduction where no heading names it: APA's journals and
Nature's set the introduction's prose right after the abstract (and keywords), with no heading
over it; an APA manuscript prints the title again over it."""

from __future__ import annotations

import re

from papersum.models import Section
from papersum.pdfflow import FOOTNOTE_SMALLER, NOT_CONTENT, ends_sentence, join_lines
from papersum.pdfheadings import heading_key, is_back_matter, is_numbered, unnumbered
from papersum.pdflines import Line

ABSTRACT = re.compile(r"^abstract\b[\s.:—–-]*", re.I)


_LABEL_ALONE = re.compile(r"(?i:abstract)[.:]?")
"""An abstract's label, a paragraph of its own."""


_LABEL_LEAD = re.compile(r"^(?i:abstract)(?:\s*[.:—–-]\s*|\s+(?=[A-Z]))")
"""An abstract's label at its start ("Abstract. The consensus problem …", "Abstract This paper
…"), not a sentence's first word ("Abstract interpretation is …")."""


ABSTRACT_LABEL = re.compile(r"abstract\s*[.:—–-]", re.I)
"""An abstract's label run in ("Abstract: …", MDPI's, Frontiers'): it starts a paragraph even in
a block with the affiliations above it (a word processor's page 1, evenly spaced)."""


KEYWORDS_AFTER = re.compile(
    r"(?:^|(?<=[.!?])\s+|\n\n)(?:(?:Index Terms|Keywords|Key[- ][Ww]ords|CCS Concepts|Mots-cl[ée]s"
    r"|Categories and Subject Descriptors"
    r"|Palabras clave|Schlüsselwörter|Parole chiave)\s*[—–:.-]"
    r"|(?:CCS CONCEPTS|KEYWORDS|ACM Reference Format)(?=\s|:))"  # ACM's, headings in capitals
    r"|\n\n(?:Keywords|Key [Ww]ords|Index Terms|CCS Concepts|General Terms|Additional Information"
    r"|Categories and Subject Descriptors|(?:\d{4} )?ACM Subject Classification|CONTENTS|Contents"
    r"|(?:1\.?|I\.) (?:Introduction|INTRODUCTION)|Résumé|Resumen|Zusammenfassung)\b"
)
"""Where the keywords that follow an abstract start ("… misleads. Index Terms— audio, music"),
or stand alone under its heading (an abstract left empty in a draft); or a paragraph after it
that starts so with no stop (LIPIcs' "2012 ACM Subject Classification" and "Keywords and
phrases", "General Terms", a contents page, the introduction read into it, the abstract again in
French, Spanish or German, "Mots-clés :")."""


COPYRIGHT_AFTER = re.compile(
    r"\s*(?:©|\(c\)|c\u20dd|Copyright)\s*(?:\d{4}|by)[^©\n]{0,120}?"
    r"(?:rights reserved|Elsevier|Published by|Ltd|Inc)\.?(?: [^©\n]{0,80}?\b(?:19|20)\d\d)?\.?\s*$",
    re.IGNORECASE,
)
"""A publisher's copyright line that ends an abstract ("© 2003 Elsevier B.V. All rights
reserved.", the encircled c that LaTeX draws read as "c⃝"), with the journal's citation after
it ("© 2003 Wiley Periodicals, Inc. Random Struct. Alg., 22: 60–65, 2002")."""


OPEN_LICENCE_AFTER = re.compile(
    r"\s*(?:©|\(c\)|c\u20dd|V)\s*(?:19|20)\d\d\s+(?:The\s+)?Authors?(?:\(s\))?\.[^©\n]{0,200}?"
    r"licen[cs]ed under [^\n]{0,200}$"
)
"""An open-access licence that ends an abstract (JASA's "V 2017 Author(s). All article content,
except where otherwise noted, is licensed under a Creative Commons Attribution (CC BY) license
(…). [http://dx.doi.org/…]", its © read as "V" from ASA's symbol font)."""


_SUMMARY = re.compile(r"summary", re.I)
"""The abstract's name in Cell Press's and the Lancet's journals, as the first heading."""


_ABSTRACT_MOST = 3000
"""An abstract longer than this ran into what follows it: it is cut at a paragraph."""


_INTRODUCTIONS = {"introduction", "background", "motivation"}
_INTRODUCTION_LEAST = 200
"""Characters of prose after the abstract, at least, that make an introduction with no heading."""


def take_abstract(sections: list[Section], front: list[Line], body_size: float) -> tuple[str, list[Section]]:
    """The abstract (at most ``_ABSTRACT_MOST`` characters, cut at a paragraph): a section so
    named, an inline ``Abstract—`` paragraph, the paragraph the keywords follow, one in bold
    before the prose (Nature's), the longest front block, else (a paper with no abstract, like a
    ReScience replication) the first paragraph of its first section. The sections, with an
    "Introduction" first when the front's prose after the abstract has no heading."""
    abstract, sections, rest = _find_abstract(sections, front, body_size)
    if after := KEYWORDS_AFTER.search(abstract):  # ICASSP's "Index Terms—" run on after it
        abstract, sections = abstract[: after.start()], _run_on(abstract[after.start() :], sections)
    abstract = COPYRIGHT_AFTER.sub("", abstract)  # Elsevier's "© 2003 Elsevier B.V. All rights …"
    abstract = OPEN_LICENCE_AFTER.sub("", abstract)
    first = next((s for s in sections if not NOT_CONTENT.match(unnumbered(s.heading).strip())), None)
    if not abstract and first is not None:
        abstract = next((p for p in first.text.split("\n\n") if len(p) >= 200), "")
    abstract = _LABEL_LEAD.sub("", abstract, count=1)  # its label, found with it in another way
    if len(abstract) > _ABSTRACT_MOST:
        cut = abstract[:_ABSTRACT_MOST].rfind("\n\n")
        cut = cut if cut > 0 else abstract[:_ABSTRACT_MOST].rfind(". ") + 1 or _ABSTRACT_MOST
        abstract = abstract[:cut].strip()  # at a paragraph's end, else a sentence's
    return abstract, _unheaded_introduction(rest, sections, body_size)


def _run_on(after: str, sections: list[Section]) -> list[Section]:
    """The sections, with the introduction first when it was read into the abstract (``after``
    it), its numbered heading missed (DivideMix's "1 INTRODUCTION", in ICLR's small capitals),
    unless they have one of their own (a contents page's line); else what ran on is front
    matter (keywords, CCS concepts, a contents page, the abstract in French)."""
    head = _INTRODUCTION_HEAD.match(after := after.strip())
    if head is None or not (text := after[head.end() :].strip()):
        return sections
    if any(heading_key(section.heading) in _INTRODUCTIONS for section in sections):
        return sections
    return [Section(heading=head[0], text=text, level=1), *sections]


_INTRODUCTION_HEAD = re.compile(r"(?:1\.?|I\.) (?:Introduction|INTRODUCTION)\b")


def _find_abstract(
    sections: list[Section], front: list[Line], body_size: float
) -> tuple[str, list[Section], list[list[Line]]]:
    """The abstract, the sections without it, and the front's paragraphs after it when it is
    found in the front by a sure sign (its label, the keywords after it, its bold or larger
    type)."""
    groups = _paragraphs(front)
    paragraphs = [join_lines(group) for group in groups]
    labelled = next((k for k, p in enumerate(paragraphs) if ABSTRACT.match(p) and len(p) > 200), None)
    for index, section in enumerate(sections):
        if ABSTRACT.match(section.heading):
            if labelled is not None and any(is_numbered(s.heading) for s in sections[:index]):
                break  # page 1's "Abstract—…", not a table's "Abstract" after the introduction
            inline = ABSTRACT.sub("", section.heading).strip()
            text = f"{inline} {section.text}".strip()
            return text, sections[:index] + sections[index + 1 :], []
    if sections and _SUMMARY.fullmatch(sections[0].heading) and len(sections) > 1:
        return sections[0].text, sections[1:], []  # the first of several: no closing summary
    if labelled is not None:
        return ABSTRACT.sub("", paragraphs[labelled]).strip(), sections, groups[labelled + 1 :]
    # its label alone over it (Elsevier's "ABSTRACT" beside the article's info and keywords): the
    # paragraphs of prose after it, in its type on its page
    alone = next((k + 1 for k, p in enumerate(paragraphs[:-1]) if _LABEL_ALONE.fullmatch(p)), None)
    if alone is not None and (_is_abstract(paragraphs[alone]) or _is_sentence(paragraphs[alone])):
        end = alone + 1
        while end < len(groups) and _goes_on(groups[alone], groups[end], paragraphs[end]):
            end += 1
        return "\n\n".join(paragraphs[alone:end]), sections, groups[end:]
    # the paragraph the keywords follow (APA's, where the introduction has no heading either),
    # one sentence long too ("This manifesto paper will introduce …", then "K eywords: …" as a
    # browser's print spaces it)
    keywords = next((k for k, p in enumerate(paragraphs) if k and _is_keywords(p)), 0)
    if keywords:
        # past a footnote between them: smaller type below the keywords (ACM's two columns: the
        # permission block at the first column's foot, read before the CCS concepts atop the
        # second); an abstract in smaller type stands above its keywords
        k, label = keywords - 1, groups[keywords][0]
        while k > 1 and groups[k][0].size <= label.size - FOOTNOTE_SMALLER and groups[k][0].top > label.top:
            k -= 1
        if _is_abstract(before := paragraphs[k]) or _is_sentence(before):
            first = k  # and its paragraphs before, in its type on its page (ACM TODS's, unlabelled)
            while first > 1 and _goes_on_before(groups[first - 1], groups[first], paragraphs[first - 1]):
                first -= 1
            return "\n\n".join(paragraphs[first : k + 1]), sections, groups[keywords:]
    # an abstract in bold or in larger type before prose that is not (Nature's journals', whose
    # introduction has no heading)
    for k, group in enumerate(groups):
        if (
            all(_set_apart(line, body_size) for line in group)
            and _is_abstract(paragraphs[k])
            and (all(line.bold for line in group) or ends_sentence(paragraphs[k]))  # not the names
        ):
            after = range(k + 1, len(groups))
            if any(not _set_apart(groups[j][0], body_size) and _is_abstract(paragraphs[j]) for j in after):
                return paragraphs[k], sections, groups[k + 1 :]
            break
    prose = [p for p in paragraphs if ". . ." not in p and "..." not in p and not _PERMISSION.match(p)]
    longest = max(prose, key=len, default="")
    if not _is_abstract(longest):
        return "", sections, []
    # the first paragraph of page 1's prose before it, in its type or larger, rather: the longest
    # of the front may be the introduction's, over a page later (IEEE Micro's, Einstein's)
    at = paragraphs.index(longest)
    chosen = next(
        (
            k
            for k, group in enumerate(groups[:at])
            if group[0].page == 0
            and group[0].size >= groups[at][0].size - _SAME_TYPE
            and paragraphs[k] in prose
            and _is_abstract(paragraphs[k])
            and ends_sentence(paragraphs[k])
            and not any(_set_apart(line, body_size) for line in group)
        ),
        at,
    )
    # the front's other paragraphs of prose in the body's type are the text before the first
    # heading found: an introduction (a magazine's, IEEE Micro's, over pages before its first)
    rest = [
        group
        for k, group in enumerate(groups)
        if k != chosen
        and _is_abstract(paragraphs[k])
        and not any(_set_apart(line, body_size) for line in group)
    ]
    return paragraphs[chosen], sections, rest


_SAME_TYPE = 1.0
"""Points under the longest paragraph's type, at most, of a paragraph before it taken for the
abstract: not a teaser figure's dialogue in 5.4 pt over an abstract in 9.9 (SpatialVLM's)."""


_PERMISSION = re.compile(r"Permission to (?:make digital|copy without fee)", re.I)
"""ACM's permission notice on page 1 ("Permission to copy without fee all or part of this
material is granted …", POPL 1982), the longest of a front with no abstract: no abstract."""


def _set_apart(line: Line, body_size: float) -> bool:
    """Whether a line of the front is set apart from the body's text: bold, or in larger type
    (Nature Communications' abstract in 10 pt over the introduction in 8.2)."""
    return line.bold or (line.styled and line.size >= body_size + _LARGER_LEAST)


_LARGER_LEAST = 1.5
"""Points of type over the body's, at least, that set a paragraph apart."""


def _paragraphs(front: list[Line]) -> list[list[Line]]:
    """The front's paragraphs: its blocks, and a block whose sentence runs on into the next (an
    abstract with no heading whose lines mupdf reads as blocks of their own, Nature's)."""
    groups: list[list[Line]] = []
    for line in front:
        previous = groups[-1][-1] if groups else None
        if previous is not None and (
            (
                (previous.page, previous.block) == (line.page, line.block)
                and not ABSTRACT_LABEL.match(line.text)
            )
            or (
                (line.text[:1].islower() or _is_formula_piece(line, groups[-1]))
                and not ends_sentence(previous.text)
            )
        ):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _is_formula_piece(line: Line, group: list[Line]) -> bool:
    """Whether ``line`` is a piece of a displayed formula that the sentence of ``group`` (a
    paragraph's lines) runs into, each read as a block of its own (amsart's abstract: "…
    required to ensure" / "E" / "sup" / "x∈T" / "∥Φx∥" / "< ε," / "i.e. so that …"): short, no
    word of four letters, on the paragraph's page, in its type or smaller."""
    return (
        len(line.text) <= _FORMULA_PIECE_MOST
        and line.page == group[0].page
        and line.size <= group[0].size
        and group[-1].text[-1:] not in ")]"  # not after a citation's "[http://dx.doi.org/…]"
        and _WORD.search(line.text) is None
    )


_FORMULA_PIECE_MOST = 12
"""Characters of a piece of a displayed formula read as a block, at most."""


_WORD = re.compile(r"[^\W\d_]{4,}")
"""A word of four letters or more ("Abstract." alone on its line is no formula's)."""


def _is_keywords(paragraph: str) -> bool:
    """Whether ``paragraph`` is the keywords that follow an abstract, their label as printed
    ("CCS Concepts:", "Index Terms—") or read unspaced ("K eywords:")."""
    return any(KEYWORDS_AFTER.match(text) for text in (paragraph, _unspaced(paragraph)))


def _unspaced(paragraph: str) -> str:
    """A paragraph's first word without the spaces a print may set between its letters."""
    head, _, rest = paragraph.partition(":")
    return f"{head.replace(' ', '')}:{rest}" if rest and len(head) <= _LABEL_MOST else paragraph


_LABEL_MOST = 14
"""Characters of a label before its colon ("K eywords", "Index Terms"), at most."""


def _goes_on_before(above: list[Line], group: list[Line], paragraph: str) -> bool:
    """Whether ``paragraph`` (``above``'s lines) is an earlier paragraph of the abstract that
    ``group`` goes on: in its type, on its page, sentences with no address in them."""
    return (
        (above[0].page, above[0].size) == (group[0].page, group[0].size)
        and _is_abstract(paragraph)
        and "@" not in paragraph
    )


def _goes_on(first: list[Line], group: list[Line], paragraph: str) -> bool:
    """Whether ``paragraph`` (``group``'s lines) goes on the abstract that ``first`` starts: in its
    type, on its page, a sentence or more with no address in it."""
    same = (group[0].page, group[0].size) == (first[0].page, first[0].size)
    return same and (_is_abstract(paragraph) or _is_sentence(paragraph)) and "@" not in paragraph


def _is_sentence(paragraph: str) -> bool:
    """A sentence of some length, one at least."""
    return len(paragraph) >= _SENTENCE_LEAST and paragraph.endswith(".") and paragraph[:1].isupper()


_SENTENCE_LEAST = 100


def _is_abstract(paragraph: str) -> bool:
    # a short abstract with no heading (revtex, KOMA) is still sentences, unlike an address
    sentences = paragraph.endswith(".") and ". " in paragraph
    return len(paragraph) >= 300 or (len(paragraph) >= 150 and sentences)


def _unheaded_introduction(
    rest: list[list[Line]], sections: list[Section], body_size: float
) -> list[Section]:
    """The sections, with the introduction first when it has no heading: the prose in the body's
    type of the front's paragraphs ``rest`` after the abstract (its keywords left out), unless
    the first heading is the introduction's own."""
    if not rest or (sections and heading_key(sections[0].heading) in _INTRODUCTIONS):
        return sections
    small = body_size - FOOTNOTE_SMALLER
    body = [
        line
        for group in rest
        if not _is_keywords(group[0].text)
        for line in group
        if not (line.styled and line.size <= small) and not line.text.isdigit()  # a page's number
    ]
    text = join_lines(body)
    if len(text) < _INTRODUCTION_LEAST or ". " not in text:
        return sections
    return [Section(heading="Introduction", text=text, level=1), *sections]


def title_over_introduction(lines: list[Line], headings: dict[int, int], title: str) -> list[Line]:
    """The lines, where the title printed again in bold over the introduction (APA's manuscripts:
    a title page, the abstract's page, then the title over the introduction's first page) reads
    "Introduction", a heading (added to ``headings``): after the abstract's heading, before any
    other."""
    key = heading_key(title)
    after_abstract = False
    for i, line in enumerate(lines):
        if i in headings:
            if not ABSTRACT.match(line.text):
                break
            after_abstract = True
        elif after_abstract and line.bold and line.alone and line.page and heading_key(line.text) == key:
            headings[i] = 1
            return [*lines[:i], line._replace(text="Introduction"), *lines[i + 1 :]]
    return lines


def lay_summary_first(lines: list[Line], headings: dict[int, int]) -> dict[int, int]:
    """``headings`` without a lay summary's ("Author summary", PLOS's, under the abstract) that
    comes after the paper's sections have begun: PLOS's older pages set it in a box that mupdf
    reads inside the Results, whose text would then run on under it."""
    begun = False
    kept: dict[int, int] = {}
    for index in sorted(headings):
        key, text = heading_key(lines[index].text), lines[index].text
        if key == "authorsummary" and begun:
            continue
        begun = begun or not (key in _FRONT_KEYS or key == "authorsummary" or is_back_matter(text))
        kept[index] = headings[index]
    return kept


_FRONT_KEYS = frozenset(("abstract", "summary", "keywords"))
"""Headings of the front matter, before which a lay summary may come (and a sidebar's
statements, ``BACK_MATTER``, which PLOS prints on page 1)."""
