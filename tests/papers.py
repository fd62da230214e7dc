"""Texts of made-up papers for tests: one at the heart of audio-visual music, one far from it."""

MUSIC_VIDEO_TITLE = "Listening to Musicians Move: Audio-Visual Learning from Music Performance Videos"
MUSIC_VIDEO = [
    (
        "Abstract",
        "We present an audio-visual model that learns from videos of music performances. "
        "The model associates the sound of each instrument with the body movements of the musician "
        "who plays it, using pose estimation on the video frames and spectrograms of the audio. "
        "On a new dataset of chamber music performance videos, cross-modal training improves "
        "audio-visual source separation by 2.1 dB over audio-only baselines.",
    ),
    (
        "1. Introduction",
        "Music is a multimodal experience: audiences hear the music and see the musicians perform. "
        "However, most music information retrieval systems ignore the visual modality. "
        "Video recordings of concerts show the gestures of violin and piano players, "
        "which are synchronized with the notes they play. "
        "We propose to exploit this audio-visual correspondence for musical source separation.",
    ),
    (
        "2. Method",
        "Our model consists of an audio network operating on mel spectrograms and a visual network "
        "operating on skeleton sequences extracted from the video. "
        "The two streams are fused with cross-modal attention to predict a separation mask per musician.",
    ),
    (
        "3. Results",
        "The audio-visual model outperforms the audio-only baseline on every instrument. "
        "Results show that body motion is most informative for string instruments.",
    ),
    (
        "4. Conclusion",
        "Audio-visual learning from music performance videos is a promising direction. "
        "A limitation is that the method fails when musicians are occluded in the video.",
    ),
]

CHEMISTRY_TITLE = "Coupled-Cluster Benchmarks for Transition-Metal Reaction Energies"
CHEMISTRY = [
    (
        "Abstract",
        "We present coupled-cluster benchmark calculations of reaction energies for transition-metal "
        "complexes. Density functional approximations are compared against CCSD(T) reference values "
        "with large basis sets. The best hybrid functionals reach a mean absolute deviation of "
        "1.8 kcal/mol on the benchmark set.",
    ),
    (
        "1. Introduction",
        "Accurate reaction energies of transition-metal catalysts remain a challenge for quantum "
        "chemistry. Static correlation makes single-reference methods unreliable for some complexes.",
    ),
    (
        "2. Methods",
        "All geometries were optimized with a hybrid functional and a triple-zeta basis set. "
        "Local correlation approximations make the coupled-cluster calculations affordable.",
    ),
    (
        "3. Results",
        "Range-separated hybrids outperform generalized gradient approximations on the benchmark. "
        "Dispersion corrections improve the agreement for the largest ligands.",
    ),
    (
        "4. Conclusion",
        "The benchmark provides reference data for the development of new density functionals.",
    ),
]
