# keyfig: one metric over time, a point per distinct figure (value and article date); a figure
# repeated by several articles is one point, labelled with how many said it.
# keyfig fills in the placeholders (capitals between at signs) with numbers it computed and the font name. Every text
# from the articles (subject, unit) is read from the data file, never written into this script.
# To redraw by hand: cd into this directory and run `gnuplot trend.gp`.
set encoding utf8
font = "Noto Sans CJK SC"
data = "trend.dat"
W = 1000
H = 560
N = 6                  # points (block 1 of the data)

if (!exists("png_out")) png_out = "trend.png"
if (!exists("svg_out")) svg_out = "trend.svg"

set datafile separator "\t"
# Block 0 of the data: title, subtitle, y axis label.
stats data index 0 using (TITLE = strcol(2), SUBTITLE = strcol(3), YLABEL = strcol(4), 0) nooutput

set xdata time
set timefmt "%Y-%m-%d"
set format x "%Y-%m"
set offsets graph 0.05, graph 0.05, graph 0.12, graph 0.08

do for [t = 1:2] {
    if (t == 1) {
        set terminal pngcairo size W, H font font.",11" noenhanced background "white"
        set output png_out
    } else {
        set terminal svg size W, H font font.",11" noenhanced background "white"
        set output svg_out
    }
    set title TITLE."\n".SUBTITLE font font.":Bold,15"
    set ylabel YLABEL
    set border 3 lc rgb "#888888"
    set grid ytics lc rgb "#e0e0e0" lt 1
    set xtics nomirror out scale 0.5 textcolor rgb "#444444" rotate by -30
    set ytics nomirror out scale 0.5 textcolor rgb "#444444"
    # Columns of block 1: 1 date, 2 value in the axis unit, 3 articles saying it, 4 label.
    plot data index 1 using 1:2 with linespoints lw 2 pt 7 ps 1.3 lc rgb "#1f77b4" notitle, \
         data index 1 using 1:2:4 with labels offset 0, 1.2 tc rgb "#222222" notitle
    set output
}
