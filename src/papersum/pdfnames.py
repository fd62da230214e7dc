"""A person's name as page 1 prints it, told from an affiliation, an address, a title's line:
split from the others on its line, in capitals or run together, marks taken off."""

from __future__ import annotations

import itertools
import re

from papersum.pdfflow import ends_sentence

_INSTITUTION_WORDS = (
    r"universit|universid|institut|school|college|department|departam|dept\.|laborator|laboratoi|"
    r"école|ecole|scuola|escuela|politecn|polytechn|hochschule|technische|fakult|research|inc\.|\bltd\b|\bllc\b|\bplc\b|corporation|"
    r"centre|center|centro|zentrum|academy|faculty|company|\bgroup\b|\blab\b|\bproject\b|technolog|gmbh|international|"
    r"dipartiment|istitut|facolt|departement|fachbereich|lehrstuhl|"  # Italian, French, German
    r"recherche|forschung|ricerca|investigaci|"  # "Directeur de Recherche au CNRS"
    r"\b(?:UC|MIT|ETH|EPFL|CMU|UCL|KAIST|INRIA|IRCAM|Google|Microsoft|Facebook|DeepMind|OpenAI|"
    r"Adobe|NVIDIA|IBM|Intel|Sony|Spotify|Deezer|Baidu|Tencent|Alibaba|ByteDance|Huawei|Samsung|"
    r"Meta(?!-)|FAIR|AWS|Amazon|Apple|Anthropic|Qualcomm|Netflix|Salesforce|"
    r"Compaq|Xerox|PARC|Yahoo|AT&T|Nokia|Siemens|Mitsubishi|Toshiba|Hitachi|NTT|NEC|Xiaomi|Kuaishou|"
    r"NetEase|Dolby|Yamaha|Fraunhofer|Gracenote|Pandora|SoundCloud|Shazam|Smule|Disney|Uber|Twitter|"
    r"LinkedIn|Labs|(?-i:AI))\b"  # not Bosch, Bose, Roland: also names ("Juan J. Bosch", "Roland Badeau");
    # a company's "AI" in capitals ("Curious AI"), not the surname Ai ("Wei Ai")
)


INSTITUTION = re.compile(_INSTITUTION_WORDS, re.I)
"""What an author's affiliation names, beyond its city and country."""


_COUNTRIES = (
    r"usa|uk|united states|united kingdom|canada|mexico|brazil|argentina|chile|colombia|peru|"
    r"france|germany|austria|switzerland|italy|spain|portugal|netherlands|belgium|luxembourg|"
    r"ireland|denmark|norway|sweden|finland|iceland|poland|czechia|czech republic|slovakia|"
    r"hungary|romania|bulgaria|greece|slovenia|croatia|serbia|estonia|latvia|lithuania|"
    r"ukraine|russia|turkey|israel|iran|egypt|morocco|nigeria|kenya|south africa|india|"
    r"pakistan|bangladesh|sri lanka|nepal|china|hong kong|taiwan|japan|korea|singapore|"
    r"malaysia|indonesia|thailand|vietnam|philippines|australia|new zealand|saudi arabia|"
    r"qatar|united arab emirates|uae"
)
"""Countries an address ends with (not Jordan, Chad or Georgia, which are also given names)."""


AFFILIATION = re.compile(
    _INSTITUTION_WORDS + r"|@|\d|spotify|google|\bcity\b|\b(?:" + _COUNTRIES + r")\b|"
    r"computer|robotics|informatics|intelligence|acoustic|"
    r"\b(?:music|audio|speech|signal|vision|media)\b|"  # a field: "Robotics and Computer Vision"
    r"science|technology|engineering|master|doctor|bachelor|degree|thesis|dissertation|"  # a thesis's
    r"\breport series\b|\btechnical report\b|"  # a report's ("BRICS Report Series")
    r",\s+[A-Z]{2}(?:\s+\d{5})?$",  # a town and its state ("Mountain View, CA")
    re.I,
)


def names_in_capitals_alone(texts: list[str]) -> list[str]:
    """The names in capitals that are lines of their own over their affiliations (short lines
    not in capitals, no sentence: not "I. INTRODUCTION" over its text), title-cased; a given
    name alone on its line joined to the rest on the next (JACM 1985: "MICHAEL" / "J. FISCHER" /
    "Yale University, New Haven, Connecticut")."""
    texts = [text for text in texts if text.upper() != "AND"]
    if sum(map(str.isupper, texts)) < 2:  # most pages: names not in capitals
        return []
    names: list[str] = []
    index = 0
    while index < len(texts):
        whole, after = texts[index], index + 1
        if (
            whole.isalpha()
            and after < len(texts)
            and texts[after].isupper()
            and len(texts[after].split()) > 1
        ):
            whole, after = f"{whole} {texts[after]}", after + 1  # a given name over the rest
        over = texts[after] if after < len(texts) else ""
        affiliation = AFFILIATION.search(over) or (len(over) <= AUTHOR_CELL_MOST and not ends_sentence(over))
        if (
            whole.isupper()
            and (not over or (not over.isupper() and affiliation))
            and is_lone_name(whole.title())
        ):
            names.append(whole.title())
        index = after
    return names


AUTHOR_CELL_MOST = 60
"""Characters of a line of a table of authors (a name, an affiliation, an address), at most."""


def names_in_capitals(text: str) -> list[str]:
    """The names in capitals that lead a line of names and their affiliation, as ACM's journals
    set them, in title case, or one name as written before its affiliation; none when the
    affiliation is in capitals too ("SONY CSL, PARIS")."""
    parts = [re.sub(r"^(?:and|&)\s+", "", part.strip()) for part in text.split(",")]
    lead = list(itertools.takewhile(lambda part: part.replace(" and ", " ").isupper(), parts))
    as_written = (
        not lead
        and not AFFILIATION.search(parts[0])
        and len(split_names(parts[0])) == 1
        and all(word[:1].isupper() or word in _PARTICLES for word in parts[0].split()[1:])
        and parts[0].split()[0] not in _NOT_GIVEN_NAMES
    )
    if as_written:
        lead = parts[:1]  # one name as written, then its affiliation ("Sam U. Llaun, Academy of …")
    rest = ",".join(parts[len(lead) :])
    if not lead or not rest or not any(c.islower() for c in rest) or not INSTITUTION.search(rest):
        return []  # "INESC TEC, Porto, Portugal": an institute's acronym before its city
    names = [name for part in lead if not AFFILIATION.search(part) for name in split_names(part)]
    return names if as_written else [name.title() for name in names]


_PARTICLES = frozenset(
    ("van", "von", "de", "der", "den", "da", "di", "del", "della", "la", "le", "du", "dos", "das", "bin")
)
"""Lowercase words a name may hold ("Ana de Lima", "Jan van Dijk")."""


_NOT_GIVEN_NAMES = frozenset(("The", "Division", "Department", "School", "Faculty", "Dept."))
"""First words of an affiliation or a document's kind that look like a given name."""


def split_names(text: str, *, one_word: bool = False) -> list[str]:
    # names on one line apart only by their affiliation marks ("Ana Lima¹ Ben Ortiz²", ICML):
    # the marks, smaller type, are left out of the line, their spaces stay
    # Springer's svjour3 sets names apart by a middle dot: "Ana Lima · Ben Ortiz"
    # and a scan's text layer reads the marks in line, a space after them ("Bernd-Uwe Pagel**
    # Hans-Werner Six** …", PODS 1993); a slash between names ("Gisli R. Hjaltason/Hanan Samet",
    # a metadata field), not between words of a title ("… for Fast Key/Value Data", Bitcask's)
    parts = re.split(r",|;|\band\b|&|\s{2,}|[·⋅•]|(?<=[^\W\d_])[*∗†‡§¶~]+\s", text, flags=re.IGNORECASE)
    parts = [name for part in parts for name in _slashed(part)]
    # marks that an OCR layer reads in line ("Clément Laroche!”", "Matthieu Kowalski??")
    names = [
        _STOP_AFTER.sub("", _MARKS_AROUND.sub("", _SPACED_STOP.sub(".", " ".join(p.split())))) for p in parts
    ]
    if len(names) == 1:  # no separator at all: maybe names one after the other
        names = _names_run_together(names[0])
    full = [n for n in names if _is_name(n)]
    single = [n for n in names if _ONE_WORD_NAME.fullmatch(n)] if one_word else []
    if len(single) > len(full):  # "Lima, Ana; Ortiz, Ben": surnames and given names apart
        single = []
    return [n for n in names if n in full or n in single]


def _slashed(part: str) -> list[str]:
    """``part`` split at its slashes when every piece is a name; a part with a slash between
    other words is no name ("Archimedes/Athena RC", an institute's); one after a name is an OCR
    layer's mark ("Kantapon Kaewti/")."""
    pieces = [piece for piece in part.split("/") if piece.strip()]
    if len(pieces) <= 1:
        return pieces
    return pieces if all(_is_name(" ".join(piece.split())) for piece in pieces) else []


def _names_run_together(text: str) -> list[str]:
    """Names one after the other with nothing but a space between them, as mupdf reads a line of
    names set apart by wide spaces and marks ("Imanol Schlag Kazuki Irie Jürgen Schmidhuber",
    ICML's; "Woosuk KwonZhuohan Li", a mark between them dropped): each a given name, its
    initials and a surname, when the words pair up so; else ``text`` as it is."""
    words = _GLUED_NAMES.sub(r"\1 \2", text).split()
    if (
        len(words) < _RUN_TOGETHER_LEAST
        or not all(_NAME_WORD.fullmatch(w) for w in words)
        or any(w.lower() in _NOT_IN_NAMES for w in words)  # a title in capitals, title-cased
    ):
        return [text]
    names: list[list[str]] = []
    for word in words:
        if names and (len(names[-1]) == 1 or _INITIAL.fullmatch(names[-1][-1]) or _INITIAL.fullmatch(word)):
            names[-1].append(word)  # an initial after the given name, or the surname after them
            # (its stop may be left out: "Rune Haubo B Christensen")
        else:
            names.append([word])
    if len(names) > 1 and len(names[-1]) == 1:
        last = names.pop()
        names[-1] += last  # a name of three words ("Cody Hao Yu"): taken to be the last
    if any(len(name) < 2 or _INITIAL.fullmatch(name[-1]) for name in names):
        return [text]
    return [" ".join(name) for name in names]


_RUN_TOGETHER_LEAST = 4


_NAME_WORD = re.compile(r"[A-Z][^\W\d_]*(?:[-'’][A-Z][^\W\d_]*)?|[A-Z]\.(?:-?[A-Z]\.)*")


_NOT_IN_NAMES = frozenset(("the", "of", "for", "in", "on", "to", "no", "em", "para", "und", "et"))


_INITIAL = re.compile(r"[A-Z]\.?(?:-?[A-Z]\.)*")


_GLUED_NAMES = re.compile(r"([a-z])(?<![A-Z]c)(?<![A-Z]ac)(?<!\b[LD][ae])(?<!\bD[iu])([A-Z][a-z])")
"""A surname and the next given name with no space between them ("KwonZhuohan")."""


_ONE_WORD_NAME = re.compile(r"[A-Z][^\W\d_]{2,}")
"""A name of one word: a capital and two letters or more."""


_SPACED_STOP = re.compile(r"(?<=\b[A-Z]) \.")
"""An initial's stop set apart by a scan's text layer ("STEPHANE G . MALLAT", IEEE TPAMI 1989)."""


_STOP_AFTER = re.compile(r"(?<=[^\W\d_]{3})\.$")
"""A stop after the last name of a byline ("Joakim Andén · Mathieu Lagrange.", a Springer
manuscript's), not an initial's nor "Jr."'s."""


_MARKS_AROUND = re.compile(
    r"^[\d*†‡§¶∥‖∗⋆♯♭!?“”\"'’¹²³⁴⁵⁶⁷⁸⁹⁰\x00-\x08\x0e-\x1f]+\s*|"
    r"(?:\s*[\d*†‡§¶∥‖∗⋆♯♭!?“”\"'’¹²³⁴⁵⁶⁷⁸⁹⁰~\x00-\x08\x0e-\x1f]+)+$"
)
"""Marks before a name and after it (not the period of "jr." or of an initial): SciPy's
proceedings mark affiliations "¶", "∥", "∗" and "∗∗" ("Brian McFee¶∥∗"), DeepMind's a star and
a number apart ("Soham De* 1"); a mark in a font that maps it to a control character
(Elsevier's older star: "H.E. Stanley\x02")."""


_PLACEHOLDER_NAME = re.compile(r"\banonymous\b|\bauthor(?:s|\(s\))?\b|\bmember\b|\bfellow\b", re.I)
"""A review copy's or a template's stand-in ("Anonymous Author(s)", "First Author"), or an IEEE
membership grade after a name ("Joakim Andén, Student Member, IEEE")."""


_PARTICLED_NAME = re.compile(
    rf"(?:[A-Z][^\s]*\s+){{1,4}}(?:(?:{'|'.join(sorted(_PARTICLES))})\s+){{1,3}}[A-Z][^\s]*"
)
"""A long name with its particles before its surname alone: "K. E. A. van de Sande" (not
"Corso di Laurea in Informatica", "Tesis de la Facultad de Ingeniería")."""


def is_lone_name(text: str) -> bool:
    """Whether ``text`` is one person's name and nothing else ("Suyash Saxena"), not a line in
    capitals ("FOR JACoW CONFERENCES", a title's)."""
    capitals, words = sum(map(str.isupper, text)), text.split()
    if capitals * 2 >= sum(map(str.isalpha, text)) or AFFILIATION.search(text):
        return False  # nor an affiliation's or a degree's words ("MSc Music Technology")
    if any(not (w[:1].isupper() or w in _PARTICLES) or (w.isalpha() and w.isupper()) for w in words):
        return False  # every word capitalised, no acronym: not "Submitted to", "TU Darmstadt"
    return split_names(text) == [" ".join(words)]


def _is_name(text: str) -> bool:
    words = text.split()
    return (
        (2 <= len(words) <= 5 or _PARTICLED_NAME.fullmatch(text) is not None)
        and not _PLACEHOLDER_NAME.search(text)
        and all(w[:1].isupper() for w in words if len(w) > 3)
        and all(any(c.isalpha() for c in w) for w in words)
        and not words[0].islower()  # an address's tail ("of London."), not a given name
        and words[0] not in _NOT_GIVEN_NAMES  # nor a subtitle's article ("The Story of Squeak")
        and not any(w in _NOT_IN_NAMES for w in words[1:-1])
        and ":" not in text  # a label's ("Maintainer: James Thorne")
    )
