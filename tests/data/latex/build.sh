#!/bin/sh
# Rebuild the fixture PDFs from their sources with TeX Live (Debian: texlive-latex-base,
# texlive-latex-recommended, texlive-fonts-recommended, texlive-publishers). The PDFs are
# committed, so the tests never need TeX.
set -e
cd "$(dirname "$0")"
for paper in ieee acm llncs draft; do
    pdflatex -interaction=nonstopmode -halt-on-error "$paper.tex" >/dev/null
    pdflatex -interaction=nonstopmode -halt-on-error "$paper.tex" >/dev/null
    rm -f "$paper.aux" "$paper.log" "$paper.out" comment.cut
done
