#!/usr/bin/python3
"""Wrap a text article in a news web page, the way a site would serve it: a script, navigation,
the article with its headline and paragraphs (commas written as &#44;), a share bar and a list
of related links. tests/formats.t and make results read it back.

usage: wrap_html.py IN.txt OUT.html"""
import html
import sys

paras = [p.strip() for p in open(sys.argv[1], encoding='utf-8').read().split('\n') if p.strip()]
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    f.write('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>%s</title>\n' % html.escape(paras[0]))
    f.write('<script>var x = "<p>1000家医院</p>";</script></head>\n<body>\n')
    f.write('<nav><a href="/">首页</a> <a href="/live">直播24小时</a></nav>\n')
    f.write('<article>\n<h1>%s</h1>\n' % html.escape(paras[0]))
    for p in paras[1:]:
        f.write('<p>%s</p>\n' % html.escape(p).replace(',', '&#44;'))
    f.write('<div class="share-bar">分享到 微信 已有56人分享</div>\n</article>\n')
    f.write('<ul class="related"><li><a href="/x">全市新建7所学校</a></li></ul>\n</body></html>\n')
