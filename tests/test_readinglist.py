"""The reading list parser: every entry shape of a real list, and a lossless round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from papersum.errors import ReadingListError
from papersum.readinglist import parse_reading_list, read_reading_list

from .conftest import DATA

REAL_LIST = DATA / "reading-list.md"


def test_the_real_list_renders_back_byte_for_byte() -> None:
    data = REAL_LIST.read_bytes()
    assert read_reading_list(REAL_LIST).render().encode() == data


@pytest.mark.parametrize(
    "text",
    [
        "- [ ] **A**\r\n    - [ ] Relevant?\r\n- [x] **B**\r\n",
        "- [ ] **A**\n\t- [x] Relevant\n- [ ] **B**",  # tabs, no final newline
        "# Liste\n\nIntro text, not a list.\n\n- [ ] **Über Klänge — ça va** 🎻\n\n\n- [ ] C\n",
        "",
        "\ufeff- [ ] **BOM first**\n",
        "- [ ] a\r\n\r\n* [X] b\n+ [ ] c\r",
    ],
)
def test_round_trip_is_lossless(text: str) -> None:
    assert parse_reading_list(text).render() == text


def test_unread_means_top_level_unchecked() -> None:
    rl = read_reading_list(REAL_LIST)
    assert [e.line for e in rl.unread] == [
        7,
        8,
        9,
        10,
        12,
        13,
        15,
        17,
        19,
        21,
        23,
        25,
        27,
        29,
        31,
        33,
        35,
        37,
        38,
    ]
    assert all(not e.checked and not e.indent for e in rl.unread)


def _entry(line: int):  # type: ignore[no-untyped-def]
    return next(e for e in read_reading_list(REAL_LIST).entries if e.line == line)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (7, "Deep audio-visual learning: A survey"),
        (8, "Audio to body dynamics"),  # a citation with its title in “quotes”
        (9, "this is so important to read"),  # a bare URL inside the bold text
        (12, "Cross-modal embeddings for video and audio retrieval"),  # unclosed **
        (35, "Vision Transfomers are Robust Learners"),  # malformed (Link)[url]
        (
            37,
            "ViLBERT: Pretraining Task-Agnostic Visiolinguistic Representations for "
            "Vision-and-Language Tasks",
        ),
        (38, "VideoBERT"),
    ],
)
def test_titles(line: int, title: str) -> None:
    assert _entry(line).title == title


@pytest.mark.parametrize(
    ("line", "kind", "url"),
    [
        (1, "markdown", "https://ar5iv.labs.arxiv.org/html/2206.06488"),
        (9, "bare", "https://arxiv.org/pdf/2007.10984"),
        (12, "markdown", "https://arxiv.org/abs/1801.02200"),
        (35, "malformed", "https://arxiv.org/abs/2105.07581"),
        (37, "markdown", ""),
    ],
)
def test_links(line: int, kind: str, url: str) -> None:
    (link,) = _entry(line).links
    assert (link.kind, link.url) == (kind, url)


def test_entries_without_links() -> None:
    assert _entry(8).links == ()
    assert _entry(38).links == ()


def test_relevant_children_in_any_spelling_and_indentation() -> None:
    box = _entry(5).relevant_box  # tab-indented "Relevant" without "?"
    assert box is not None and (box.line, box.indent, box.checked) == (6, "\t", True)
    box = _entry(35).relevant_box
    assert box is not None and (box.line, box.checked) == (36, True)
    box = _entry(10).relevant_box
    assert box is not None and (box.line, box.indent, box.checked) == (11, "    ", False)
    assert _entry(7).relevant_box is None


def test_a_child_that_is_not_a_relevant_box() -> None:
    rl = parse_reading_list("- [ ] **P**\n  - [x] skimmed\n  - [ ] RELEVANT ?\n")
    (entry, *_children) = rl.entries
    assert [c.label for c in entry.children] == ["skimmed", "RELEVANT ?"]
    assert entry.relevant_box is not None and entry.relevant_box.line == 3


def test_local_and_angle_bracket_links() -> None:
    rl = parse_reading_list("- [ ] **P** [pdf](<papers/my paper.pdf>) and <https://x.org/a.pdf>\n")
    assert [(link.kind, link.url) for link in rl.entries[0].links] == [
        ("markdown", "papers/my paper.pdf"),
        ("bare", "https://x.org/a.pdf"),
    ]


def test_a_list_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes("- [ ] **Über**\n".encode("latin-1"))
    with pytest.raises(ReadingListError, match=r"not UTF-8 .*byte 0xdc at offset 8"):
        read_reading_list(path)


def test_a_missing_list(tmp_path: Path) -> None:
    with pytest.raises(ReadingListError, match="no such file"):
        read_reading_list(tmp_path / "nope.md")


def test_every_gfm_task_item_shape_counts() -> None:
    rl = parse_reading_list(
        "- [ ] **A**\n* [ ] **B**\n+ [ ] **C**\n1. [ ] **D**\n   - [ ] Relevant?\n"
        "12) [x] **E**\n1. not a task\n"
    )
    assert [(e.title, e.unread) for e in rl.top_level] == [
        ("A", True),
        ("B", True),
        ("C", True),
        ("D", True),
        ("E", False),
    ]
    assert rl.top_level[3].relevant_box is not None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "[Deep Learning for Music Generation](https://link.springer.com/book/10.1007/978-3-319-70163-9)",
            "Deep Learning for Music Generation",
        ),
        (
            "Learning to Separate Object Sounds by Watching Unlabeled Video (Gao et al., ECCV 2018)",
            "Learning to Separate Object Sounds by Watching Unlabeled Video",
        ),
        (
            "Music Gesture for Visual Sound Separation, in Proc. CVPR 2020 [pdf](x.pdf)",
            "Music Gesture for Visual Sound Separation",
        ),
        ("Dance Revolution (2021) — recommended by a colleague", "Dance Revolution"),
        ("[PDF](https://a.org/b.pdf) The Real Title", "The Real Title"),
        ("**Deep Learning in NLP Systems** (Smith et al. 2020)", "Deep Learning in NLP Systems"),
    ],
)
def test_titles_as_people_write_them(text: str, title: str) -> None:
    (entry,) = parse_reading_list(f"- [ ] {text}\n").entries
    assert entry.title == title


def test_obsidian_links() -> None:
    (entry,) = parse_reading_list("- [ ] **P** ![[papers/my paper.pdf]] and [[x.pdf|the PDF]]\n").entries
    assert [(link.kind, link.url, link.text) for link in entry.links] == [
        ("wikilink", "papers/my paper.pdf", ""),
        ("wikilink", "x.pdf", "the PDF"),
    ]
