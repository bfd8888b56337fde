#!/usr/bin/python3
"""Typeset a text article as a PDF with Pango and cairo (Debian's python3-gi-cairo), the way a
newspaper or bulletin would: tests/formats.t and make results read the PDFs back.

usage: mkpdf.py MODE IN.txt OUT.pdf
  plain      one column, A4 pages
  columns    a headline across the page, then two columns per page, read down the first, then the second
  columns3   the same with three columns
  furniture  one column with a running head, a footer and page numbers on every page
  image      a page holding only a picture (no text layer), like a scan

Each paragraph (line of IN.txt) is laid out by Pango and placed line by line, so paragraphs run
on across columns and pages. The PDF's creation date is fixed, so the output is reproducible."""
import sys

import cairo
import gi

gi.require_version('Pango', '1.0')
gi.require_version('PangoCairo', '1.0')
from gi.repository import Pango, PangoCairo  # noqa: E402

W, H = 595.0, 842.0  # A4, in points
MARGIN_X, TOP, BOTTOM = 56.0, 90.0, 752.0
GAP = 24.0
FONT = 'Noto Sans CJK SC 10'


def surface(path):
    s = cairo.PDFSurface(path, W, H)
    s.set_metadata(cairo.PDFMetadata.CREATE_DATE, '2024-01-01T00:00:00')
    return s


def furniture(cr, page):
    lay = PangoCairo.create_layout(cr)
    lay.set_font_description(Pango.FontDescription.from_string('Noto Sans CJK SC 8'))
    for text, y in (('卫生健康简报 2024年第3期', 36.0), ('本刊地址：某市健康路1号 电话：0578-1234567', 790.0),
                    ('- %d -' % page, 806.0)):
        lay.set_text(text, -1)
        w = lay.get_pixel_extents()[1].width
        cr.move_to((W - w) / 2, y)
        PangoCairo.show_layout(cr, lay)


def typeset(mode, paragraphs, path):
    s = surface(path)
    cr = cairo.Context(s)
    ncols = {'columns': 2, 'columns3': 3}.get(mode, 1)
    colw = (W - 2 * MARGIN_X - GAP * (ncols - 1)) / ncols
    font = Pango.FontDescription.from_string(FONT)
    page, col, y = 1, 0, TOP
    if mode == 'furniture':
        furniture(cr, page)
    if ncols > 1:  # the headline runs across the columns, as on a newspaper page
        lay = PangoCairo.create_layout(cr)
        lay.set_font_description(Pango.FontDescription.from_string('Noto Sans CJK SC Bold 16'))
        lay.set_width(int((W - 2 * MARGIN_X) * Pango.SCALE))
        lay.set_text(paragraphs[0], -1)
        cr.move_to(MARGIN_X, y)
        PangoCairo.show_layout(cr, lay)
        y += lay.get_pixel_extents()[1].height + 12
        paragraphs = paragraphs[1:]
    top = y
    for para in paragraphs:
        lay = PangoCairo.create_layout(cr)
        lay.set_font_description(font)
        lay.set_width(int(colw * Pango.SCALE))
        lay.set_wrap(Pango.WrapMode.WORD_CHAR)
        lay.set_text(para, -1)
        it = lay.get_iter()
        while True:
            line = it.get_line_readonly()
            ink, logical = it.get_line_extents()
            height = logical.height / Pango.SCALE
            if y + height > BOTTOM:
                col += 1
                y = top if col < ncols else TOP
                if col == ncols:
                    cr.show_page()
                    page, col, top = page + 1, 0, TOP
                    if mode == 'furniture':
                        furniture(cr, page)
            x = MARGIN_X + col * (colw + GAP) + logical.x / Pango.SCALE
            cr.move_to(x, y + it.get_baseline() / Pango.SCALE - logical.y / Pango.SCALE)
            PangoCairo.show_layout_line(cr, line)
            y += height
            if not it.next_line():
                break
        y += 6
    s.finish()


def image_only(path):
    s = surface(path)
    cr = cairo.Context(s)
    img = cairo.ImageSurface(cairo.FORMAT_RGB24, 64, 64)
    ic = cairo.Context(img)
    ic.set_source_rgb(0.9, 0.9, 0.85)
    ic.paint()
    ic.set_source_rgb(0.2, 0.2, 0.2)
    for i in range(8):  # grey bars where a scan would show lines of print
        ic.rectangle(6, 6 + 7 * i, 52, 3)
    ic.fill()
    cr.scale(6, 6)
    cr.set_source_surface(img, 8, 8)
    cr.paint()
    s.finish()


def main():
    mode, src, out = sys.argv[1:4]
    if mode == 'image':
        image_only(out)
        return
    with open(src, encoding='utf-8') as f:
        paragraphs = [p.strip() for p in f.read().split('\n') if p.strip()]
    typeset(mode, paragraphs, out)


if __name__ == '__main__':
    main()
