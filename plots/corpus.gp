# keyfig: the overview of a corpus: one stacked horizontal bar per article, its claims by kind.
# keyfig fills in the placeholders (capitals between at signs) with numbers it computed and the font name. Every text
# from the articles (ids, titles) is read from the data file, never written into this script.
# To redraw by hand: cd into this directory and run `gnuplot corpus.gp`.
set encoding utf8
font = "@FONT@"
data = "@DATA@"
W = @WIDTH@
H = @HEIGHT@
N = @NROWS@                    # articles (rows)
NK = @NKINDS@                  # kinds present, one data column each
array KIND[NK] = [@KINDS@]     # the kind of each column: an index into KNAME and KCOLOR
XMAX = @XMAX@
LEFT = @LEFT@                  # pixels left of the bars, for the labels
TOP = 110                      # pixels above the bars: title, subtitle, top tics
ROW = 26                       # pixels per article

# In the order of kinds[] in src/cli/plot.c.
array KNAME[12] = ["金额 money", "百分比 percent", "数量 count", "长度 length", "面积 area", \
    "重量 mass", "体积 volume", "时长 duration", "比例 ratio", "比率 rate", "温度 temperature", "其他 other"]
array KCOLOR[12] = ["#d62728", "#9467bd", "#1f77b4", "#2ca02c", "#ff7f0e", "#8c564b", \
    "#17becf", "#e377c2", "#bcbd22", "#393b79", "#ad494a", "#7f7f7f"]

if (!exists("png_out")) png_out = "corpus.png"
if (!exists("svg_out")) svg_out = "corpus.svg"

set datafile separator "\t"
sx(px) = px / (1.0 * W)
sy(py) = 1.0 - py / (1.0 * H)

# Block 0 of the data holds the title and subtitle: read them into variables.
stats data index 0 using (TITLE = strcol(2), SUBTITLE = strcol(3), 0) nooutput

# Columns of block 1: 1 row, 2 article, 3 claims, then 4.. the claims of each kind.
# Where the segment of column k starts: the sum of the columns before it.
start(k) = sum [j = 1:k - 1] column(3 + j)

do for [t = 1:2] {
    if (t == 1) {
        set terminal pngcairo size W, H font font.",11" noenhanced background "white"
        set output png_out
    } else {
        set terminal svg size W, H font font.",11" noenhanced background "white"
        set output svg_out
    }
    set label 1 TITLE at screen 0.5, screen sy(30) center font font.":Bold,16"
    set label 2 SUBTITLE at screen 0.5, screen sy(58) center tc rgb "#555555"
    set lmargin at screen sx(LEFT)
    set rmargin at screen sx(W - 60)
    set tmargin at screen sy(TOP)
    set bmargin at screen sy(TOP + N * ROW)
    # The key goes under the bottom tics, as many kinds a line as fit.
    set key at screen sx(LEFT), screen sy(TOP + N * ROW + 40) left top horizontal reverse Left samplen 1.5 width 2
    set border 3 lc rgb "#888888"
    set grid xtics lc rgb "#e0e0e0" lt 1
    set ytics nomirror scale 0 textcolor rgb "#222222" font font.",12"
    set xtics nomirror out scale 0.5 textcolor rgb "#666666"
    set x2tics nomirror out scale 0.5 textcolor rgb "#666666"
    set link x2
    set yrange [N + 0.5 : 0.5]
    set xrange [0 : XMAX]
    plot for [k = 1:NK] data index 1 using (start(k) + column(3 + k) / 2.0):1:(start(k)):(start(k) + column(3 + k)):($1 - 0.38):($1 + 0.38):ytic(2) \
            with boxxyerror fs solid 0.8 noborder lc rgb KCOLOR[KIND[k]] title KNAME[KIND[k]], \
         data index 1 using 3:1:(sprintf(" %d", $3)) with labels left tc rgb "#333333" notitle
    set output
}
