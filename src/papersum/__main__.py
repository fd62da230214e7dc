"""``python -m papersum`` runs the command-line interface."""

from papersum.cli import main

main()
