"""Papers that are not (only) on arXiv: DOIs, landing pages, OpenAlex and Semantic Scholar —
through papersum's real clients and httpx, against local stand-ins of those services."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from papersum.models import PaperRecord
from papersum.titles import best_match, clues_of

from .arxiv_catalogue import EXPECTED, MISMATCHED
from .arxiv_server import ArxivStandIn, Fault
from .conftest import DATA, RunCli
from .scholarly_catalogue import (
    BODY,
    BROMAN,
    EMOTION,
    GAO,
    HAJIC,
    LOSTANLEN,
    NIETO,
    NIETO_TWIN,
    PAYWALLED,
    PUBLISHER,
    SKELETON,
)
from .scholarly_server import ScholarlyStandIn, Work


def services(arxiv: ArxivStandIn, scholarly: ScholarlyStandIn) -> dict[str, str]:
    """The environment that points papersum at the stand-ins."""
    return {
        "PAPERSUM_ARXIV_API": arxiv.api,
        "PAPERSUM_OPENALEX_API": scholarly.openalex,
        "PAPERSUM_S2_API": scholarly.s2,
    }


def write_list(tmp_path: Path, scholarly: ScholarlyStandIn) -> Path:
    """A reading list of papers of the field written as people write them."""
    listing = tmp_path / "reading-list.md"
    listing.write_text(
        "# Not on arXiv\n"
        "\n"
        f"1. [ ] **{BROMAN.title}** ([doi](https://doi.org/{BROMAN.doi}))\n"  # 3
        f"2. [ ] [{HAJIC.title}]({scholarly.page('hajic')})\n"  # 4: link text, a proceedings page
        "   - [ ] Relevant?\n"
        f"3) [ ] {NIETO.title} (Nieto et al., ISMIR 2019)\n"  # 6: plain title with a citation tail
        f"* [ ] **{LOSTANLEN.title}** doi:{LOSTANLEN.doi}\n"  # 7: a DOI in the text; on arXiv too
        f"+ [ ] {GAO.title} (Gao et al., ECCV 2018)\n"  # 8: Semantic Scholar only
        "- [ ] **Audio to Body Dynamics: Predicting Musician Body Movements from Audio**\n"  # 9
        f"- [ ] **{PAYWALLED.title}** [Link](https://doi.org/{PAYWALLED.doi})\n"  # 10: paywalled
        f"- [ ] **{PUBLISHER.title}** [Link]({scholarly.page('nime')})\n"  # 11: page with a DOI only
        f"- [ ] **{NIETO.title}**\n"  # 12: two papers of this title, nothing to tell them apart
        f"- [ ] **MIR-ST500: A Dataset for Music Information Retrieval** [Link]({scholarly.page('mir-st500')})\n"  # 13
        f"- [ ] **{HAJIC.title}** [Link]({scholarly.page('nime')})\n",  # 14: a page of another paper
        encoding="utf-8",
    )
    return listing


def test_papers_beyond_arxiv_resolve_from_every_link_shape(
    papersum: RunCli, arxiv: ArxivStandIn, scholarly: ScholarlyStandIn, tmp_path: Path
) -> None:
    arxiv.papers.pop("1906.00435")  # so only "Audio to Body Dynamics" itself exists
    listing = write_list(tmp_path, scholarly)
    before = listing.read_bytes()
    result = papersum("resolve", listing, "--json", env=services(arxiv, scholarly))
    assert result.returncode == 1, result.stderr  # three entries stay unresolved
    rows = {row["line"]: row for row in json.loads(result.stdout)}
    got = {
        line: (row["status"], row["source"], row["doi"], row["arxiv_id"], row["pdf_url"])
        for line, row in rows.items()
    }
    assert got == {
        3: ("resolved", "doi", BROMAN.doi, None, scholarly.file("broman")),
        4: ("resolved", "landing-page", HAJIC.doi, None, scholarly.file("hajic")),
        6: ("resolved", "openalex", NIETO.doi, None, scholarly.file("nieto")),
        7: ("resolved", "doi", LOSTANLEN.doi, "1605.06644", f"{arxiv.base}/pdf/1605.06644v1"),
        8: ("resolved", "semantic-scholar", GAO.doi, None, scholarly.file("gao")),
        9: ("resolved", "openalex", BODY.doi, None, scholarly.file("body")),
        10: ("unresolved", None, PAYWALLED.doi, None, None),
        11: ("resolved", "landing-page", PUBLISHER.doi, None, scholarly.file("nime")),
        12: ("unresolved", None, None, None, None),
        13: ("unresolved", None, None, None, None),
        14: ("resolved", "openalex", HAJIC.doi, None, scholarly.file("hajic")),
    }
    paywalled = " ".join(rows[10]["warnings"])
    assert f"DOI {PAYWALLED.doi}" in paywalled and "IEEE Signal Processing Magazine" in paywalled
    assert "no open-access PDF" in paywalled and "papers/" in paywalled
    ambiguous = rows[12]["warnings"][0]
    assert ambiguous.startswith(f'no confident match for "{NIETO.title}"')
    assert f"DOI {NIETO.doi}" in ambiguous and f"DOI {NIETO_TWIN.doi}" in ambiguous
    assert rows[14]["warnings"][0] == (
        f'mismatch: the page at {scholarly.page("nime")} is "{PUBLISHER.title}", not "{HAJIC.title}"'
    )
    assert listing.read_bytes() == before

    asked = len(scholarly.requests) + len(arxiv.requests)
    again = papersum("resolve", listing, "--json", env=services(arxiv, scholarly))
    assert json.loads(again.stdout) == json.loads(result.stdout)
    assert len(scholarly.requests) + len(arxiv.requests) == asked  # all from the cache


def test_the_entrys_authors_and_year_rule_out_a_twin_ranked_first(
    papersum: RunCli, arxiv: ArxivStandIn, scholarly: ScholarlyStandIn, tmp_path: Path
) -> None:
    listing = tmp_path / "list.md"
    listing.write_text(
        f"- [ ] {NIETO.title} (McCallum et al., 2019)\n"
        f"- [ ] A. Other and D. Coy, “{NIETO.title},” in Proc. a workshop, 2021\n"
    )
    result = papersum("resolve", listing, "--json", env=services(arxiv, scholarly))
    first, second = json.loads(result.stdout)
    assert (first["status"], first["doi"]) == ("resolved", NIETO.doi)
    assert (second["status"], second["doi"]) == ("resolved", NIETO_TWIN.doi)


def record(title: str, authors: tuple[str, ...], year: int, doi: str) -> PaperRecord:
    return PaperRecord(title=title, authors=list(authors), year=year, doi=doi, source="openalex")


def test_a_year_or_authors_the_entry_gives_decide_between_twins() -> None:
    real = record(GAO.title, GAO.authors, 2018, "10.1/real")
    twin = record(GAO.title, ("D. Coy",), 2009, "10.1/twin")
    assert best_match(GAO.title, [twin, real])[0] is None  # nothing tells them apart
    for context in ("ECCV 2018", "Gao et al.", "R. Gao, R. Feris and K. Grauman, in Proc. ECCV"):
        match, _ = best_match(GAO.title, [twin, real], clues_of(context))
        assert match is not None and match.paper.doi == "10.1/real", context
    match, ranked = best_match(GAO.title, [twin], clues_of("(Gao et al., ECCV 2018)"))
    assert match is None and ranked[0].score < 90  # the only candidate, and still not it
    preprint = record(GAO.title, GAO.authors, 2017, "10.1/preprint")
    assert best_match(GAO.title, [preprint], clues_of("ECCV 2018"))[0] is not None


def test_one_paper_listed_twice_by_a_service_is_not_ambiguous() -> None:
    published = record(NIETO.title, NIETO.authors, 2019, NIETO.doi or "")
    preprint = PaperRecord(
        title=NIETO.title,
        authors=["O. Nieto", "M. McCallum"],
        year=2019,
        arxiv_id="1907.00001",
        source="openalex",
    )
    match, _ = best_match(NIETO.title, [published, preprint])
    assert match is not None and match.paper.doi == NIETO.doi and match.paper.arxiv_id == "1907.00001"


def test_summaries_describe_the_resolved_paper(
    papersum: RunCli, arxiv: ArxivStandIn, scholarly: ScholarlyStandIn, tmp_path: Path
) -> None:
    listing = tmp_path / "list.md"
    listing.write_text(
        f"- [ ] **{BROMAN.title}** <https://doi.org/{BROMAN.doi}>\n"
        f"- [ ] [{LOSTANLEN.title}](https://link.springer.com/chapter/{LOSTANLEN.doi})\n"
        "- [ ] **Skeleton-Based Audio-Visual Learning for Source Separation in Music Performances** "
        "[Link](https://arxiv.org/abs/2004.09476)\n"
    )
    arxiv.papers["2901.00099"] = arxiv.papers["2901.00005"].__class__(
        "2901.00099",
        "Skeleton-Based Audio-Visual Learning for Source Separation in Music Performances",
        ("Real Author",),
        2021,
    )
    result = papersum("run", listing, env=services(arxiv, scholarly))
    assert "3 summarized, 0 skipped, 0 failed" in result.stdout, result.stdout + result.stderr

    broman = tmp_path / "summaries" / "reproducibility-report-identifying-essential-genes-by-mutagenesis.md"
    front = broman.read_text().split("---\n")[1]
    assert f'doi: "{BROMAN.doi}"' in front
    assert "year: 2020" in front and 'authors: ["Karl W. Broman"]' in front
    assert f'url: "https://doi.org/{BROMAN.doi}"' in front

    lostanlen = (tmp_path / "summaries" / "1605.06644.md").read_text()
    assert f'doi: "{LOSTANLEN.doi}"' in lostanlen and 'arxiv: "1605.06644"' in lostanlen
    assert "year: 2016" in lostanlen
    assert f"[PDF](<{arxiv.base}/pdf/1605.06644v1>)" in lostanlen  # the arXiv copy, not a paywall

    skeleton = (tmp_path / "summaries" / "2901.00099.md").read_text()
    assert 'url: "https://arxiv.org/abs/2901.00099"' in skeleton
    assert "year: 2021" in skeleton and 'authors: ["Real Author"]' in skeleton
    assert "2004.09476" not in skeleton.split("# ")[1].split("\n")[2]  # the byline: not the wrong link
    assert "mismatch: the link points to arXiv 2004.09476" in skeleton


def test_a_direct_pdf_link_to_another_paper_is_a_mismatch(
    papersum: RunCli, arxiv: ArxivStandIn, scholarly: ScholarlyStandIn, tmp_path: Path
) -> None:
    listing = tmp_path / "list.md"
    listing.write_text(
        f"- [ ] **{HAJIC.title}** [pdf]({scholarly.file('broman')})\n"
        f"- [ ] **{BROMAN.title}** [pdf]({scholarly.file('broman')})\n"
    )
    result = papersum("run", listing, env=services(arxiv, scholarly))
    assert result.returncode == 1
    assert f"mismatch: the PDF at {scholarly.file('broman')} is" in result.stdout
    assert "1 summarized, 0 skipped, 1 failed" in result.stdout


def test_a_429_is_waited_out_and_keys_are_sent(
    papersum: RunCli, arxiv: ArxivStandIn, scholarly: ScholarlyStandIn, tmp_path: Path
) -> None:
    listing = tmp_path / "list.md"
    listing.write_text(f"- [ ] **{GAO.title}**\n")
    scholarly.add_faults("/openalex/works", Fault("status", 429, {"Retry-After": "1"}))
    env = {
        **services(arxiv, scholarly),
        "PAPERSUM_EMAIL": "me@example.org",
        "SEMANTIC_SCHOLAR_API_KEY": "s2-key",
    }
    result = papersum("resolve", listing, "--json", env=env)
    (row,) = json.loads(result.stdout)
    assert (row["status"], row["source"]) == ("resolved", "semantic-scholar")
    searches = scholarly.calls("/openalex/works")
    assert len(searches) == 2 and searches[1].at - searches[0].at >= 1.0
    assert all(r.params["mailto"] == "me@example.org" for r in searches)
    s2 = [h for r, h in zip(scholarly.requests, scholarly.headers, strict=True) if r.path.startswith("/s2/")]
    assert s2 and all(h["x-api-key"] == "s2-key" for h in s2)


def test_offline_asks_no_service(
    papersum: RunCli, arxiv: ArxivStandIn, scholarly: ScholarlyStandIn, tmp_path: Path
) -> None:
    listing = write_list(tmp_path, scholarly)
    result = papersum("resolve", listing, "--json", "--offline", env=services(arxiv, scholarly))
    assert {row["status"] for row in json.loads(result.stdout)} == {"unresolved"}
    assert scholarly.requests == [] and arxiv.requests == []


def test_the_real_list_finds_its_papers_beyond_arxiv(
    papersum: RunCli, arxiv: ArxivStandIn, scholarly: ScholarlyStandIn, tmp_path: Path
) -> None:
    scholarly.works.update({w.slug: w for w in (EMOTION, SKELETON)})
    listing = tmp_path / "reading-list.md"
    shutil.copy(DATA / "reading-list.md", listing)
    result = papersum("resolve", listing, "--json", env=services(arxiv, scholarly))
    rows = {row["line"]: row for row in json.loads(result.stdout)}
    assert {line: row["arxiv_id"] for line, row in rows.items() if line not in (27, 31, 33)} == {
        line: arxiv_id for line, arxiv_id in EXPECTED.items() if arxiv_id
    }
    assert (rows[27]["source"], rows[27]["doi"]) == ("openalex", EMOTION.doi)
    assert (rows[31]["source"], rows[31]["doi"]) == ("semantic-scholar", SKELETON.doi)
    assert {
        line for line, row in rows.items() if any("mismatch" in w for w in row["warnings"])
    } == MISMATCHED  # the wrong links are still flagged
    assert rows[33]["status"] == "unresolved"  # the dataset page names no paper, the title none either
    assert result.returncode == 1
    assert listing.read_bytes() == (DATA / "reading-list.md").read_bytes()


def test_when_arxiv_is_down_the_other_services_find_the_title(
    papersum: RunCli, arxiv: ArxivStandIn, scholarly: ScholarlyStandIn, tmp_path: Path
) -> None:
    listing = tmp_path / "list.md"
    listing.write_text(f"- [ ] **{HAJIC.title}** [arXiv](https://arxiv.org/abs/1605.00001)\n")
    env = {**services(arxiv, scholarly), "PAPERSUM_ARXIV_API": "http://127.0.0.1:9/api/query"}
    result = papersum("resolve", listing, "--json", env=env)
    (row,) = json.loads(result.stdout)
    assert (row["status"], row["source"], row["doi"]) == ("resolved", "openalex", HAJIC.doi)
    assert result.returncode == 0


def test_dois_are_looked_up_fifty_to_a_request(papersum: RunCli, arxiv: ArxivStandIn, tmp_path: Path) -> None:
    """60 DOI links: two OpenAlex filter requests (50 DOIs OR-ed each), one Semantic Scholar batch
    for the DOIs OpenAlex did not return, and no request one DOI at a time."""
    works = [
        Work(
            f"w{i}",
            f"Gesture and Timbre in Ensemble Performance, Part {i}",
            ("Ada Player", "Ben Listener"),
            2021,
            doi=f"10.5555/ens.{i}",
            services=frozenset({"openalex", "s2"} if i < 50 else {"s2"} if i < 58 else set()),
        )
        for i in range(60)
    ]
    scholarly = ScholarlyStandIn(works, arxiv_base=arxiv.base).start()
    try:
        listing = tmp_path / "reading-list.md"
        listing.write_text("".join(f"- [ ] **{w.title}** [Link](https://doi.org/{w.doi})\n" for w in works))
        result = papersum("resolve", listing, "--json", env=services(arxiv, scholarly))
        rows = json.loads(result.stdout)
        assert [(r["status"], r["doi"]) for r in rows[:58]] == [("resolved", w.doi) for w in works[:58]]
        assert {r["source"] for r in rows[:58]} == {"doi"}
        assert [r["status"] for r in rows[58:]] == ["unresolved", "unresolved"]
        assert "neither OpenAlex nor Semantic Scholar knows it" in rows[58]["warnings"][0]
        filters = [r for r in scholarly.calls("/openalex/works") if "filter" in r.params]
        assert [r.params["filter"].count("|") + 1 for r in filters] == [50, 10]
        assert len(scholarly.calls("/s2/paper/batch")) == 1
        lookups = [r for r in scholarly.requests if "search" not in r.path and "search" not in r.params]
        assert len(lookups) == 3  # no DOI asked on its own; the two unknown ones are searched by title
        asked = len(scholarly.requests)
        again = papersum("resolve", listing, "--json", env=services(arxiv, scholarly))
        assert json.loads(again.stdout) == rows
        assert len(scholarly.requests) == asked
    finally:
        scholarly.stop()


def test_abstracts_come_from_openalex_and_semantic_scholar_as_they_give_them(arxiv: ArxivStandIn) -> None:
    """OpenAlex gives an inverted index (word → positions), Semantic Scholar plain text or null."""
    from papersum.sources.openalex import work_record
    from papersum.sources.semantic_scholar import paper_record

    text = "We separate the sounds of instruments in videos of music performances, and we localize them."
    work = Work(
        "sep", "Seeing the Sound of Instruments", ("A. Player",), 2021, doi="10.5555/sep", abstract=text
    )
    bare = Work("bare", "No Abstract Here", ("B. Player",), 2021)
    server = ScholarlyStandIn([work, bare], arxiv_base=arxiv.base).start()
    server.stop()  # only its answer shapes are needed
    openalex = server.openalex_work(work)
    assert isinstance(openalex["abstract_inverted_index"], dict)
    assert (record := work_record(openalex)) is not None and record.abstract == text
    assert (record := paper_record(server.s2_paper(work))) is not None and record.abstract == text
    assert (record := work_record(server.openalex_work(bare))) is not None and record.abstract == ""
    assert (record := paper_record(server.s2_paper(bare))) is not None and record.abstract == ""
