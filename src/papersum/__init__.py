"""papersum: summarize the unread papers of a Markdown reading list.

The package follows the data: ``readinglist`` (Markdown ⇄ entries) → ``resolve`` (entry → paper
reference) → ``extract`` (PDF → text) → ``summarize`` (text → ``PaperSummary``) → ``render``
(summary → Markdown) with ``store`` keeping the run state and ``pipeline`` running the steps.
"""

__version__ = "0.1.0"
