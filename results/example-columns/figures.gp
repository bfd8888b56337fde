# keyfig: the chart of one article's claims: one panel per kind, one horizontal bar per claim.
# keyfig fills in the placeholders (capitals between at signs) with numbers it computed and the font name. Every text
# from the article (title, labels) is read from the data file, never written into this script,
# so nothing in an article can run as a gnuplot command.
# To redraw by hand: cd into this directory and run `gnuplot figures.gp`.
set encoding utf8
font = "Noto Sans CJK SC"
data = "figures.dat"
W = 1200
H = 1308
LEFT = 366                  # pixels left of the bars, for the labels
NP = 5
array PKIND[NP] = [1, 3, 4, 8, 12]    # each panel's kind: an index into KNAME and KCOLOR
array PROWS[NP] = [1, 29, 1, 2, 1]    # bars in each panel
array PTOP[NP] = [108, 202, 1024, 1118, 1238]      # pixel rows (from the top) where each panel's bars begin ...
array PBOT[NP] = [134, 956, 1050, 1170, 1264]      # ... and end
array PLOG[NP] = [0, 1, 0, 1, 0]      # 1: logarithmic x axis (units or magnitudes differ)
array PXMIN[NP] = [0, 1, 0, 1, 0]
array PXMAX[NP] = [2500000, 1000000, 400000, 100, 10]
array PSTEP[NP] = [500000, 10, 100000, 10, 2]    # tic step of a linear axis

# In the order of kinds[] in src/cli/plot.c.
array KNAME[12] = ["金额 money", "百分比 percent", "数量 count", "长度 length", "面积 area", \
    "重量 mass", "体积 volume", "时长 duration", "比例 ratio", "比率 rate", "温度 temperature", "其他 other"]
array KCOLOR[12] = ["#d62728", "#9467bd", "#1f77b4", "#2ca02c", "#ff7f0e", "#8c564b", \
    "#17becf", "#e377c2", "#bcbd22", "#393b79", "#ad494a", "#7f7f7f"]

if (!exists("png_out")) png_out = "figures.png"
if (!exists("svg_out")) svg_out = "figures.svg"

set datafile separator "\t"
sx(px) = px / (1.0 * W)
sy(py) = 1.0 - py / (1.0 * H)
# Tic labels in the units a Chinese reader expects: 5万, 2亿.
cn(x) = abs(x) >= 1e8 ? sprintf("%g亿", x / 1e8) : abs(x) >= 1e4 ? sprintf("%g万", x / 1e4) : sprintf("%g", x)

# Block 0 of the data holds the title and subtitle: read them into variables.
stats data index 0 using (TITLE = strcol(2), SUBTITLE = strcol(3), 0) nooutput

do for [t = 1:2] {
    if (t == 1) {
        set terminal pngcairo size W, H font font.",11" noenhanced background "white"
        set output png_out
    } else {
        set terminal svg size W, H font font.",11" noenhanced background "white"
        set output svg_out
    }
    set multiplot
    set label 1 TITLE at screen 0.5, screen sy(30) center font font.":Bold,16"
    set label 2 SUBTITLE at screen 0.5, screen sy(58) center tc rgb "#555555"
    set border 3 lc rgb "#888888"
    set grid xtics lc rgb "#e0e0e0" lt 1
    set ytics nomirror scale 0 textcolor rgb "#222222" font font.",12"
    set lmargin at screen sx(LEFT)
    set rmargin at screen sx(W - 40)
    do for [k = 1:NP] {
        set tmargin at screen sy(PTOP[k])
        set bmargin at screen sy(PBOT[k])
        set label 3 KNAME[PKIND[k]].(PLOG[k] ? "   对数坐标 (log scale)" : "") \
            at screen sx(16), screen sy(PTOP[k] - 12) left font font.":Bold,12" tc rgb KCOLOR[PKIND[k]]
        set yrange [PROWS[k] + 0.5 : 0.5]
        if (PLOG[k]) { set logscale x 10 } else { unset logscale x }
        # A hair wider than the tics at both ends, which rounding would otherwise drop.
        E = PLOG[k] ? 0 : (PXMAX[k] - PXMIN[k]) * 1e-6
        set xrange [PXMIN[k] / (PLOG[k] ? 1.0001 : 1) - E : PXMAX[k] * (PLOG[k] ? 1.0001 : 1) + E]
        # Tics labelled 5万, 2亿: an explicit list, starting at the left end.
        set xtics nomirror out scale 0.5 textcolor rgb "#666666" (cn(PXMIN[k]) PXMIN[k])
        if (PLOG[k]) {
            D = int(log10(PXMAX[k] / PXMIN[k]) + 0.5)   # decades
            do for [e = 0:D - 1] {
                b = PXMIN[k] * 10**e
                set xtics add (cn(10 * b) 10 * b)
                if (D <= 3) { set xtics add (cn(2 * b) 2 * b, cn(5 * b) 5 * b) }
            }
        } else {
            do for [i = 1:int((PXMAX[k] - PXMIN[k]) / PSTEP[k] + 0.5)] { set xtics add (cn(PXMIN[k] + i * PSTEP[k]) PXMIN[k] + i * PSTEP[k]) }
        }
        # Columns: 1 row, 2 bar start, 3 bar end, 4 earlier value (NaN: none), 5 label.
        # The earlier value of a change is an empty frame behind the bar: 10 → 3.5.
        plot data index k using (($2 + $4) / 2):1:2:4:($1 - 0.36):($1 + 0.36) with boxxyerror \
                lc rgb KCOLOR[PKIND[k]] dt 2 lw 1.5 fill empty notitle, \
             data index k using (($2 + $3) / 2):1:2:3:($1 - 0.32):($1 + 0.32):ytic(5) with boxxyerror \
                fs solid 0.75 noborder lc rgb KCOLOR[PKIND[k]] notitle
        unset label 1
        unset label 2
    }
    unset multiplot
    set output
}
