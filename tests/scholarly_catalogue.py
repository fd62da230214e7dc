"""What the OpenAlex / Semantic Scholar stand-in knows: real papers of the field that are not (or
not only) on arXiv, and decoys that must never win.

Titles, authors, years and venues are the real papers'. DOIs under ``10.5281`` are the real Zenodo
ones; DOIs under ``10.5555`` (Crossref's prefix for tests) are made up. The PDFs of broman, hajic
and nieto are the real open-licensed ones bundled in ``examples/papers`` (CC BY 4.0, see its
README); the others are made with pymupdf.
"""

from __future__ import annotations

from .conftest import EXAMPLES
from .scholarly_server import Work

PAPERS = EXAMPLES / "papers"
ISMIR = "International Society for Music Information Retrieval Conference"

BROMAN = Work(
    "broman",
    "Reproducibility report: Identifying essential genes by mutagenesis",
    ("Karl W. Broman",),
    2020,
    doi="10.5281/zenodo.3959516",
    venue="ReScience C",
    pdf=PAPERS / "broman-rescience2020-essential-genes.pdf",
)
HAJIC = Work(
    "hajic",
    "Further Steps Towards a Standard Testbed for Optical Music Recognition",
    ("Jan Hajič", "Jiří Novotný", "Pavel Pecina", "Jaroslav Pokorný"),
    2016,
    doi="10.5555/ismir2016.omr-testbed",
    pdf=PAPERS / "hajic-ismir2016-omr-testbed.pdf",
)
NIETO = Work(
    "nieto",
    "The Harmonix Set: Beats, Downbeats, and Functional Segment Annotations of Western Popular Music",
    (
        "Oriol Nieto",
        "Matthew McCallum",
        "Matthew E. P. Davies",
        "Andrew Robertson",
        "Adam Stark",
        "Eran Egozy",
    ),
    2019,
    doi="10.5555/ismir2019.harmonix",
    pdf=PAPERS / "nieto-ismir2019-harmonix-set.pdf",
)
LOSTANLEN = Work(
    "lostanlen",
    "Deep Convolutional Networks on the Pitch Spiral for Musical Instrument Recognition",
    ("Vincent Lostanlen", "Carmine-Emanuele Cella"),
    2016,
    doi="10.5555/ismir2016.pitch-spiral",
    arxiv_id="1605.06644",
    oa=False,
)
GAO = Work(
    "gao",
    "Learning to Separate Object Sounds by Watching Unlabeled Video",
    ("Ruohan Gao", "Rogerio Feris", "Kristen Grauman"),
    2018,
    doi="10.5555/eccv2018.object-sounds",
    venue="European Conference on Computer Vision",
    services=frozenset({"s2"}),
)
BODY = Work(
    "body",
    "Audio to Body Dynamics",
    ("Eli Shlizerman", "Lucio M. Dery", "Hayden Schoen", "Ira Kemelmacher-Shlizerman"),
    2018,
    doi="10.5555/cvpr2018.body-dynamics",
    venue="IEEE/CVF Conference on Computer Vision and Pattern Recognition",
    services=frozenset({"openalex"}),
)
PAYWALLED = Work(
    "paywalled",
    "Audio-Visual Analysis of Music Performances: An Overview of an Emerging Field",
    ("Zhiyao Duan", "Slim Essid", "Cynthia C. S. Liem", "Gaël Richard", "Gaurav Sharma"),
    2019,
    doi="10.5555/spm.2019.av-music",
    venue="IEEE Signal Processing Magazine",
    oa=False,
)
PUBLISHER = Work(
    "nime",
    "Sonification of Musician Gestures in Live Performance Video",
    ("Marta Example", "Jonas Sample"),
    2021,
    doi="10.5555/nime.2021.gestures",
    venue="New Interfaces for Musical Expression",
    page_pdf=False,
)
DATASET = Work("mir-st500", "MIR-ST500 dataset", ("Dataset Page",), 2021, meta=False, services=frozenset())

# Decoys: similar or identical titles of other papers
NIETO_TWIN = Work(
    "nieto-twin", NIETO.title, ("Dee Coy", "Ann Other"), 2021, doi="10.5555/decoy.1", venue="A Workshop"
)
"""The same title by other people in another year, which the search engine ranks first."""
GAO_TWIN = Work("gao-twin", GAO.title, ("D. Coy",), 2009, doi="10.5555/decoy.2", services=frozenset({"s2"}))
BODY_TWIN = Work(
    "body-twin",
    "Audio to Body Dynamics for Dance Generation",
    ("D. Coy",),
    2029,
    doi="10.5555/decoy.3",
    services=frozenset({"openalex"}),
)
TESTBED_TWIN = Work(
    "testbed-twin",
    "Towards a Standard Testbed for Optical Music Recognition: Definitions, Metrics, and Page Images",
    ("Donald Byrd", "Jakob Simonsen"),
    2015,
    doi="10.5555/decoy.4",
    venue="Journal of New Music Research",
    oa=False,
)

WORKS = [
    BROMAN,
    HAJIC,
    NIETO_TWIN,
    NIETO,
    LOSTANLEN,
    GAO,
    GAO_TWIN,
    BODY,
    BODY_TWIN,
    PAYWALLED,
    PUBLISHER,
    DATASET,
    TESTBED_TWIN,
]

# The two entries of tests/data/reading-list.md whose arXiv link names another paper, as non-arXiv
# papers the services know (made-up DOIs and authors).
EMOTION = Work(
    "emotion",
    "Visual and Audio-Based Emotion Recognition in Music Performances",
    ("Ann Author", "Ben Author"),
    2020,
    doi="10.5555/icassp.2020.emotion",
    venue="IEEE International Conference on Acoustics, Speech and Signal Processing",
)
SKELETON = Work(
    "skeleton",
    "Skeleton-Based Audio-Visual Learning for Source Separation in Music Performances",
    ("Cay Author",),
    2021,
    doi="10.5555/tmm.2021.skeleton",
    venue="IEEE Transactions on Multimedia",
    services=frozenset({"s2"}),
)
