"""Entries → paper references: local PDFs, and arXiv ids recognised in every link form."""

from __future__ import annotations

from pathlib import Path

import pytest

from papersum.readinglist import parse_reading_list, read_reading_list
from papersum.resolve import arxiv_id_of, resolve_entry, slugify

from .conftest import DATA


@pytest.mark.parametrize(
    ("text", "arxiv_id"),
    [
        ("https://arxiv.org/abs/2001.04758", "2001.04758"),
        ("https://arxiv.org/abs/2001.04758v3", "2001.04758"),
        ("https://arxiv.org/pdf/2007.10984", "2007.10984"),
        ("https://arxiv.org/pdf/2007.10984v2.pdf", "2007.10984"),
        ("http://www.arxiv.org/pdf/1704.01279.pdf", "1704.01279"),
        ("https://export.arxiv.org/abs/1801.02200", "1801.02200"),
        ("https://ar5iv.labs.arxiv.org/html/2206.06488", "2206.06488"),
        ("https://ar5iv.org/abs/1908.03744", "1908.03744"),
        ("https://arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001"),
        ("https://arxiv.org/abs/math.GT/0309136", "math.GT/0309136"),
        ("see arXiv:2105.07581v1, it is good", "2105.07581"),
        ("arXiv: 1612.08727", "1612.08727"),
        ("https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=10677849", None),
        ("https://paperswithcode.com/dataset/mir-st500", None),
        ("https://arxiv.org/abs/2001.047581", None),  # too many digits: not an id
        ("", None),
    ],
)
def test_arxiv_ids_in_every_link_form(text: str, arxiv_id: str | None) -> None:
    assert arxiv_id_of(text) == arxiv_id


def test_entries_of_the_real_list_keep_their_arxiv_id(tmp_path: Path) -> None:
    refs = {e.line: resolve_entry(e, tmp_path) for e in read_reading_list(DATA / "reading-list.md").unread}
    assert {line: ref.arxiv_id for line, ref in refs.items() if ref.arxiv_id} == {
        7: "2001.04758", 9: "2007.10984", 10: "2104.00437", 12: "1801.02200", 13: "1908.03744",
        15: "1612.08727", 19: "1704.01279", 21: "2103.04037", 23: "2203.11977", 25: "1705.06455",
        27: "2004.09476", 29: "1906.00435", 31: "2004.09476", 35: "2105.07581",
    }
    assert refs[7].key == "2001.04758"
    assert refs[38].key == "videobert" and refs[38].arxiv_id is None
    assert all(ref.status == "needs-network" for ref in refs.values())


def test_a_local_pdf_link(tmp_path: Path) -> None:
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "my paper.pdf").write_bytes(b"%PDF-1.7\n")
    entry = parse_reading_list("- [ ] **My Paper** [pdf](<papers/my paper.pdf>)\n").entries[0]
    ref = resolve_entry(entry, tmp_path)
    assert (ref.status, ref.key, ref.source) == ("local", "my-paper", "local-file")
    assert ref.pdf_path == tmp_path / "papers" / "my paper.pdf"


def test_an_old_style_id_makes_a_safe_key(tmp_path: Path) -> None:
    entry = parse_reading_list("- [ ] **Old** [abs](https://arxiv.org/abs/hep-th/9901001)\n").entries[0]
    assert resolve_entry(entry, tmp_path).key == "hep-th_9901001"


def test_slugs_end_on_a_whole_word() -> None:
    assert slugify("Über Klänge: a study of sound, ça va?") == "uber-klange-a-study-of-sound-ca-va"
    assert slugify("word " * 30, limit=12) == "word-word"
