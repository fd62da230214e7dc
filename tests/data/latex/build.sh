#!/bin/sh
# Rebuild the fixture PDFs from their sources with TeX Live (Debian: texlive-latex-base,
# texlive-latex-recommended, texlive-latex-extra, texlive-fonts-recommended,
# texlive-publishers; lmodern for apa7; texlive-fonts-extra and texlive-plain-generic for
# acmart). The PDFs are committed, so the tests never need TeX.
#
# neurips, iclr, acl-review, mdpi, svjour, sagej, interact, nime, frontiers, sn-jnl, ismir, icml, cvpr, icassp and interspeech need their conferences' style files, which are
# not in TeX Live and not ours to commit: put neurips_2023.sty, iclr2024_conference.sty, acl.sty, MDPI's Definitions/
# folder (mdpi.cls and its logos), svjour3.cls and svglov3.clo (Springer's), sagej.cls (SAGE's), interact.cls (Taylor & Francis's), nimeart.cls (NIME's), FrontiersinHarvard.cls with logo1-eps-converted-to.pdf (Frontiers'), sn-jnl.cls (Springer Nature's), ismir.sty with cc_by.pdf (ISMIR's), icml2024.sty (with the
# algorithm.sty and algorithmic.sty of ICML's author kit), cvpr.sty
# (github.com/cvpr-org/author-kit), spconf.sty (ICASSP's and ICIP's author kit) and
# Interspeech.cls (Interspeech 2025's kit; it needs texlive-science and tipa) in a folder and
# pass it as STYLES=/that/folder; without it those fifteen are left as they are.
set -e
cd "$(dirname "$0")"
build() {
    pdflatex -interaction=nonstopmode -halt-on-error "$1.tex" >/dev/null
    pdflatex -interaction=nonstopmode -halt-on-error "$1.tex" >/dev/null
    rm -f "$1.aux" "$1.log" "$1.out" "$1.spl" "$1.abs" "$1.ttt" "$1Notes.bib" comment.cut
}
for paper in ieee acm acmtog acmlarge acm-mm llncs draft ieee-journal ieee-review ieee-draft elsarticle cas-dc apa-man apa-jou pmlr plos revtex-jasa amsart koma article article-starred article-appendix article-unnumbered acmsmall nature report manuscript spie; do
    build "$paper"
done
if [ -n "$STYLES" ]; then
    for paper in neurips iclr acl-review mdpi svjour sagej interact nime frontiers sn-jnl ismir icml cvpr icassp interspeech; do
        # Frontiers' class includes ./logo1.eps, which epstopdf takes from the current folder
        [ "$paper" = frontiers ] && cp "$STYLES/logo1-eps-converted-to.pdf" .
        TEXINPUTS="$STYLES:" build "$paper"
        rm -f logo1-eps-converted-to.pdf
    done
    # the same ICASSP paper the older way, latex, dvips and Ghostscript's ps2pdf (as arXiv
    # builds a PostScript source): the fonts' weights are only in their names
    for pass in 1 2; do
        TEXINPUTS="$STYLES:" latex -interaction=nonstopmode -halt-on-error icassp.tex >/dev/null
    done
    dvips -q -o icassp.ps icassp.dvi && ps2pdf icassp.ps icassp-dvips.pdf
    rm -f icassp.aux icassp.log icassp.out icassp.dvi icassp.ps
else
    echo "STYLES not set: neurips, iclr, acl-review, mdpi, svjour, sagej, interact, nime, frontiers, sn-jnl, ismir, icml, cvpr, icassp and interspeech not rebuilt" >&2
fi
