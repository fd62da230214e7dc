"""What the arXiv stand-in knows for the real reading list (tests/data/reading-list.md): the
papers its entries name, under their arXiv ids, and similarly named decoys that must not win.

Titles and ids of real papers are as on arXiv where we know them; ``2004.09476`` is "Music Gesture
for Visual Sound Separation", so both entries linking it (lines 27 and 31) name other papers.
Decoy ids starting with ``29`` are made up.
"""

from __future__ import annotations

from .arxiv_server import Paper

PAPERS = [
    Paper("2001.04758", "Deep Audio-Visual Learning: A Survey", ("Hao Zhu", "Mandi Luo"), 2020),
    Paper(
        "1712.09382",
        "Audio to Body Dynamics",
        ("Eli Shlizerman", "Lucio M. Dery", "Hayden Schoen", "Ira Kemelmacher-Shlizerman"),
        2017,
    ),
    Paper("2007.10984", "Foley Music: Learning to Generate Music from Videos", ("Chuang Gan",), 2020),
    Paper(
        "2104.00437",
        "Enriched Music Representations with Multiple Cross-modal Contrastive Learning",
        ("Andres Ferraro",),
        2021,
    ),
    Paper("1801.02200", "Cross-modal Embeddings for Video and Audio Retrieval", ("Didac Suris",), 2018),
    Paper(
        "1908.03744",
        "Audio-Visual Embedding for Cross-Modal Music Video Retrieval through Supervised Deep CCA",
        ("Donghuo Zeng",),
        2019,
    ),
    Paper(
        "1612.08727",
        "Creating A Multitrack Classical Music Performance Dataset for Multimodal "
        "Music Analysis: Challenges, Insights, and Applications",
        ("Bochen Li",),
        2016,
    ),
    Paper("1609.03499", "WaveNet: A Generative Model for Raw Audio", ("Aaron van den Oord",), 2016),
    Paper(
        "1704.01279",
        "Neural Audio Synthesis of Musical Notes with WaveNet Autoencoders",
        ("Jesse Engel",),
        2017,
    ),
    Paper("2103.04037", "Vision Transformers: A Survey", ("S. Author",), 2021),
    Paper(
        "2203.11977",
        "MMT: Transformer for Multi-modal Multi-label Self-supervised Learning",
        ("M. Author",),
        2022,
    ),
    Paper(
        "1705.06455",
        "See and Listen: Score-Informed Association of Sound Tracks to Players in "
        "Chamber Music Performance Videos",
        ("Bochen Li",),
        2017,
    ),
    Paper("2004.09476", "Music Gesture for Visual Sound Separation", ("Chuang Gan",), 2020),
    Paper(
        "1906.00435",
        "Audio to Body Dynamics: Predicting Musician Body Movements from Audio",
        ("A. Student",),
        2019,
    ),
    Paper("2105.07581", "Vision Transformers are Robust Learners", ("Sayak Paul",), 2021),
    Paper(
        "1908.02265",
        "ViLBERT: Pretraining Task-Agnostic Visiolinguistic Representations for Vision-and-Language Tasks",
        ("Jiasen Lu",),
        2019,
    ),
    Paper(
        "1904.01766",
        "VideoBERT: A Joint Model for Video and Language Representation Learning",
        ("Chen Sun",),
        2019,
    ),
    # decoys: similar words, other papers
    Paper("2012.12556", "A Survey on Vision Transformer", ("Kai Han",), 2020),
    Paper("2101.01169", "Transformers in Vision: A Survey", ("Salman Khan",), 2021),
    Paper(
        "1711.10433", "Parallel WaveNet: Fast High-Fidelity Speech Synthesis", ("Aaron van den Oord",), 2017
    ),
    Paper(
        "1908.03557",
        "VisualBERT: A Simple and Performant Baseline for Vision and Language",
        ("Liunian Harold Li",),
        2019,
    ),
    Paper(
        "1906.05743",
        "Learning Video Representations using Contrastive Bidirectional Transformer",
        ("Chen Sun",),
        2019,
    ),
    Paper("2901.00001", "Audio-Visual Learning: A Survey", ("D. Coy",), 2029),
    Paper("2901.00002", "Audio to Body Dynamics for Dance Generation", ("D. Coy",), 2029),
    Paper(
        "2901.00003", "A Dataset for Singing Transcription in Music Information Retrieval", ("D. Coy",), 2029
    ),
    Paper("2901.00004", "Emotion Recognition in Music Performances from Audio", ("D. Coy",), 2029),
    Paper("2901.00005", "Audio-Visual Source Separation of Music Performances", ("D. Coy",), 2029),
]

EXPECTED = {
    7: "2001.04758",
    8: "1712.09382",
    9: "2007.10984",
    10: "2104.00437",
    12: "1801.02200",
    13: "1908.03744",
    15: "1612.08727",
    17: "1609.03499",
    19: "1704.01279",
    21: "2103.04037",
    23: "2203.11977",
    25: "1705.06455",
    27: None,
    29: "1906.00435",
    31: None,
    33: None,
    35: "2105.07581",
    37: "1908.02265",
    38: "1904.01766",
}
"""Line → the arXiv id it must resolve to; None: not on arXiv, so unresolved."""

MISMATCHED = {27, 31}
SEARCHED = {8, 17, 27, 31, 33, 37, 38}
"""The entries with no usable arXiv link (or a wrong one), which need a title search."""
