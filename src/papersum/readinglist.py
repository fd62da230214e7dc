"""Markdown checklist ⇄ entries, losslessly.

The list keeps every line exactly as read (line ending included), so rendering an unchanged list
gives back the file byte for byte; entries are parsed on top of those lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from papersum.errors import ReadingListError
from papersum.models import ChildBox, Entry, Link

_LINE = re.compile(r"[^\n]*\n|[^\n]+$")
_CHECKBOX = re.compile(
    r"^\ufeff?(?P<indent>[ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+\[(?P<mark>[ xX])\](?:[ \t]+(?P<text>.*))?$"
)
"""A GFM task item: ``-``, ``*``, ``+``, ``1.`` or ``1)``, then ``[ ]`` or ``[x]``."""
_MD_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<url><[^>]*>|[^)\s]*)\)")
_MALFORMED_LINK = re.compile(r"\((?P<text>[^()]*)\)\[(?P<url>[^\]\s]+)\]")
_WIKILINK = re.compile(r"!?\[\[(?P<url>[^\]|#]+)(?:#[^\]|]*)?(?:\|(?P<text>[^\]]*))?\]\]")
"""Obsidian's ``[[papers/x.pdf]]``, ``![[x.pdf]]`` and ``[[x.pdf|alias]]``."""
_BARE_URL = re.compile(r"<?(?P<url>(?:https?|file)://[^\s<>()\[\]*]+)>?")
_CITATION_TITLE = re.compile(r"[“\"](?P<title>[^”\"]{3,}?)[,.]?[”\"]")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")
_EDGE_JUNK = " \t-–—:;,.|()[]*_"
_GENERIC_LINK_TEXT = re.compile(
    r"^\s*(?:link|pdf|paper|arxiv|abs|html|doi|web|website|page|here|url|project|code|\d+)?\s*$",
    re.IGNORECASE,
)
_CITATION_TAIL = re.compile(
    r"\s*\((?=[^()]*(?:\bet al\b|\b(?:19|20)\d\d\b))[^()]*\)"  # (Gao et al., ECCV 2018)
    r"|,\s*(?:in|In)\s+.*$|\s+(?:in|In)\s+Proc(?:eedings|\.)?\s.*$"  # , in Proc. CVPR, 2018
    r"|\s+[—–]\s+.*$"  # — a note after a long dash
)


@dataclass(frozen=True)
class ReadingList:
    """A reading list: its raw lines (with line endings) and the checklist entries in them."""

    lines: tuple[str, ...]
    entries: tuple[Entry, ...]

    def render(self) -> str:
        """The list's text, byte for byte as it was parsed."""
        return "".join(self.lines)

    @property
    def unread(self) -> list[Entry]:
        """The top-level ``- [ ]`` entries, in list order."""
        return [e for e in self.entries if e.unread]

    @property
    def top_level(self) -> list[Entry]:
        """Every top-level checklist entry, read or not."""
        return [e for e in self.entries if not e.indent]


def read_reading_list(path: Path) -> ReadingList:
    """Read and parse a reading list file; a missing or non-UTF-8 file is a ``ReadingListError``."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReadingListError(f"{path}: no such file; give the path of your reading list") from exc
    except IsADirectoryError as exc:
        raise ReadingListError(f"{path} is a folder; give the path of a Markdown file") from exc
    except OSError as exc:
        raise ReadingListError(f"{path}: cannot read it ({exc.strerror})") from exc
    kind = _binary_kind(data)
    if kind is not None:
        raise ReadingListError(
            f"{path} is {kind}, not a Markdown reading list; give the path of your list (.md)"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadingListError(
            f"{path} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8 and try again"
        ) from exc
    return parse_reading_list(text)


_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a zip archive (a .docx, .odt or .zip file?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)


def _binary_kind(data: bytes) -> str | None:
    """What a file that is not a text list is, by its first bytes (None: text, or unknown)."""
    head = data.lstrip()[:8]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return "a binary file" if b"\x00" in data[:4096] else None


def parse_reading_list(text: str) -> ReadingList:
    """Parse Markdown text into a lossless ``ReadingList``."""
    lines = tuple(_LINE.findall(text))
    entries: list[Entry] = []
    children: dict[int, list[ChildBox]] = {}  # entry index → its nested checkboxes
    for number, content in enumerate(_strip_endings(lines), start=1):
        match = _CHECKBOX.match(content)
        if not match:
            continue
        entry = _entry_from_match(match, number)
        parent = _parent_of(entries, entry)
        if parent is not None:
            box = ChildBox(line=number, indent=entry.indent, checked=entry.checked, label=entry.text)
            children.setdefault(parent, []).append(box)
        entries.append(entry)
    for parent, boxes in children.items():
        entries[parent] = entries[parent].model_copy(update={"children": tuple(boxes)})
    return ReadingList(lines=lines, entries=tuple(entries))


def _strip_endings(lines: tuple[str, ...]) -> list[str]:
    return [line.rstrip("\n").rstrip("\r") for line in lines]


def _entry_from_match(match: re.Match[str], number: int) -> Entry:
    text = (match["text"] or "").rstrip()
    indent = match["indent"]
    links = find_links(text)
    return Entry(
        line=number,
        indent=indent,
        checked=match["mark"] != " ",
        text=text,
        title=extract_title(text),
        links=tuple(links),
    )


def _parent_of(entries: list[Entry], entry: Entry) -> int | None:
    """Index of the top-level entry an indented checkbox belongs to."""
    if not entry.indent:
        return None
    for index in range(len(entries) - 1, -1, -1):
        if not entries[index].indent:
            return index
    return None


def find_links(text: str) -> list[Link]:
    """Every link in an entry's text: ``[t](url)``, the malformed ``(t)[url]``, and bare URLs."""
    links: list[Link] = []
    if "[" not in text and "://" not in text:
        return links  # e.g. a nested "Relevant?" box: every pattern below needs one of them
    rest = text
    for pattern, kind in ((_WIKILINK, "wikilink"), (_MD_LINK, "markdown"), (_MALFORMED_LINK, "malformed")):
        for m in pattern.finditer(rest):
            url = m["url"].strip().strip("<>")
            links.append(Link(text=m["text"] or "", url=url, kind=kind))  # type: ignore[arg-type]
        rest = pattern.sub(" ", rest)
    for m in _BARE_URL.finditer(rest):
        links.append(Link(text="", url=m["url"].rstrip(".,;:!?'\""), kind="bare"))
    return links


def extract_title(text: str) -> str:
    """The paper title an entry names: its ``**bold**`` text, a quoted citation title, the text of
    its link (``[Title](url)``), or its plain text without citation tails, links and notes."""
    bold_start = text.find("**")
    if bold_start >= 0:
        bold_end = text.find("**", bold_start + 2)
        inner = text[bold_start + 2 : bold_end if bold_end >= 0 else len(text)]
        title = _clean_title(inner)
        if title:
            return title
    citation = _CITATION_TITLE.search(text)
    if citation:
        return _clean_title(citation["title"])
    link = next((m for m in _MD_LINK.finditer(text) if not _GENERIC_LINK_TEXT.match(m["text"])), None)
    if link is not None and len(_clean_title(link["text"])) >= len(_clean_title(_links_out(text))):
        return _clean_title(_CITATION_TAIL.sub("", link["text"]))
    return _clean_title(_CITATION_TAIL.sub("", _links_out(text)))


def title_context(entry_text: str, title: str) -> str:
    """An entry's text without its title and links: where its authors, venue and year are."""
    text = _links_out(entry_text).replace("**", " ")
    return " ".join((text.replace(title, " ") if title else text).split())


def _links_out(text: str) -> str:
    if "[" not in text and "://" not in text:
        return text  # every link pattern needs one of them
    for pattern in (_WIKILINK, _MD_LINK, _MALFORMED_LINK, _BARE_URL):
        text = pattern.sub(" ", text)
    return text


def _clean_title(text: str) -> str:
    text = _links_out(text)
    text = text.replace("**", " ")
    if "(" in text:
        text = _EMPTY_BRACKETS.sub(" ", text)
    return " ".join(text.split()).strip(_EDGE_JUNK)
