package org.advocacy.admin.dashboard.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.advocacy.shared.RichText;

/**
 * Charts drawn on the server as SVG: no chart library, no script. Every chart carries a
 * title and per-mark titles for screen readers, and the dashboard pairs each with a
 * table.
 */
final class SvgCharts {

    /** One bar: its label and value. */
    record Bar(String label, long value) {
    }

    private static final String BAR_COLOUR = "#1a66c9";

    /**
     * Tile positions (column, row) of a US tile map: the 50 states, DC and the
     * territories.
     */
    static final Map<String, int[]> TILES = Map.ofEntries(Map.entry("AK", new int[] { 0, 0 }),
            Map.entry("ME", new int[] { 11, 0 }), Map.entry("WI", new int[] { 6, 1 }),
            Map.entry("VT", new int[] { 10, 1 }), Map.entry("NH", new int[] { 11, 1 }),
            Map.entry("WA", new int[] { 1, 2 }), Map.entry("ID", new int[] { 2, 2 }),
            Map.entry("MT", new int[] { 3, 2 }), Map.entry("ND", new int[] { 4, 2 }),
            Map.entry("MN", new int[] { 5, 2 }), Map.entry("IL", new int[] { 6, 2 }),
            Map.entry("MI", new int[] { 7, 2 }), Map.entry("NY", new int[] { 9, 2 }),
            Map.entry("MA", new int[] { 10, 2 }), Map.entry("OR", new int[] { 1, 3 }),
            Map.entry("NV", new int[] { 2, 3 }), Map.entry("WY", new int[] { 3, 3 }),
            Map.entry("SD", new int[] { 4, 3 }), Map.entry("IA", new int[] { 5, 3 }),
            Map.entry("IN", new int[] { 6, 3 }), Map.entry("OH", new int[] { 7, 3 }),
            Map.entry("PA", new int[] { 8, 3 }), Map.entry("NJ", new int[] { 9, 3 }),
            Map.entry("CT", new int[] { 10, 3 }), Map.entry("RI", new int[] { 11, 3 }),
            Map.entry("CA", new int[] { 1, 4 }), Map.entry("UT", new int[] { 2, 4 }),
            Map.entry("CO", new int[] { 3, 4 }), Map.entry("NE", new int[] { 4, 4 }),
            Map.entry("MO", new int[] { 5, 4 }), Map.entry("KY", new int[] { 6, 4 }),
            Map.entry("WV", new int[] { 7, 4 }), Map.entry("VA", new int[] { 8, 4 }),
            Map.entry("MD", new int[] { 9, 4 }), Map.entry("DE", new int[] { 10, 4 }),
            Map.entry("AZ", new int[] { 2, 5 }), Map.entry("NM", new int[] { 3, 5 }),
            Map.entry("KS", new int[] { 4, 5 }), Map.entry("AR", new int[] { 5, 5 }),
            Map.entry("TN", new int[] { 6, 5 }), Map.entry("NC", new int[] { 7, 5 }),
            Map.entry("SC", new int[] { 8, 5 }), Map.entry("DC", new int[] { 9, 5 }),
            Map.entry("OK", new int[] { 4, 6 }), Map.entry("LA", new int[] { 5, 6 }),
            Map.entry("MS", new int[] { 6, 6 }), Map.entry("AL", new int[] { 7, 6 }),
            Map.entry("GA", new int[] { 8, 6 }), Map.entry("HI", new int[] { 0, 7 }),
            Map.entry("TX", new int[] { 4, 7 }), Map.entry("FL", new int[] { 9, 7 }),
            Map.entry("PR", new int[] { 11, 7 }), Map.entry("GU", new int[] { 0, 8 }),
            Map.entry("MP", new int[] { 1, 8 }), Map.entry("AS", new int[] { 2, 8 }),
            Map.entry("VI", new int[] { 11, 8 }));

    private SvgCharts() {
    }

    /**
     * Vertical bars, e.g. actions per day; labels are shown for every
     * {@code labelEvery}-th bar.
     */
    static String columns(String title, List<Bar> bars, int labelEvery) {
        int width = 720;
        int height = 220;
        int top = 10;
        int bottom = 40;
        int left = 40;
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        double slot = (width - left) / (double) Math.max(1, bars.size());
        StringBuilder svg = open(title, width, height);
        svg.append(text(left - 6, top + 10, String.valueOf(max), "end"));
        svg.append(text(left - 6, height - bottom, "0", "end"));
        svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#666'/>", left,
                height - bottom, width, height - bottom));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double barHeight = (height - top - bottom) * (bar.value() / (double) max);
            double x = left + i * slot + slot * 0.1;
            svg.append(String.format(Locale.ROOT,
                    "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'><title>%s: %d</title></rect>", x,
                    height - bottom - barHeight, slot * 0.8, barHeight, BAR_COLOUR, RichText.escape(bar.label()),
                    bar.value()));
            if (labelEvery > 0 && i % labelEvery == 0) {
                svg.append(text(x + slot * 0.4, height - bottom + 16, bar.label(), "middle"));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars with their labels and values, e.g. actions by type. */
    static String rows(String title, List<Bar> bars) {
        int width = 720;
        int rowHeight = 28;
        int left = 170;
        int height = Math.max(rowHeight, bars.size() * rowHeight) + 4;
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        StringBuilder svg = open(title, width, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double length = (width - left - 60) * (bar.value() / (double) max);
            int y = i * rowHeight + 2;
            svg.append(text(left - 8, y + 18, bar.label(), "end"));
            svg.append(String.format(Locale.ROOT,
                    "<rect x='%d' y='%d' width='%.1f' height='%d' fill='%s'><title>%s: %d</title></rect>", left, y + 4,
                    length, rowHeight - 8, BAR_COLOUR, RichText.escape(bar.label()), bar.value()));
            svg.append(text(left + length + 6, y + 18, String.valueOf(bar.value()), "start"));
        }
        return svg.append("</svg>").toString();
    }

    /** The US as equal tiles, shaded by value; states with no value are light grey. */
    static String tileMap(String title, Map<String, Long> values) {
        int size = 46;
        int gap = 4;
        int width = 12 * (size + gap);
        int height = 9 * (size + gap);
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        StringBuilder svg = open(title, width, height);
        TILES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(tile -> {
            long value = values.getOrDefault(tile.getKey(), 0L);
            double share = value / (double) max;
            int x = tile.getValue()[0] * (size + gap);
            int y = tile.getValue()[1] * (size + gap);
            String fill = value == 0 ? "#e6e6e6" : BAR_COLOUR;
            double opacity = value == 0 ? 1 : 0.25 + 0.75 * share;
            String ink = value > 0 && opacity > 0.55 ? "#ffffff" : "#1a1a1a";
            svg.append(String.format(Locale.ROOT,
                    "<g><title>%s: %d</title><rect x='%d' y='%d' width='%d' height='%d' rx='4' fill='%s' fill-opacity='%.2f'/>",
                    RichText.escape(tile.getKey()), value, x, y, size, size, fill, opacity));
            svg.append(String.format(Locale.ROOT,
                    "<text x='%d' y='%d' text-anchor='middle' font-size='13' font-family='sans-serif' fill='%s'>%s</text>",
                    x + size / 2, y + 20, ink, RichText.escape(tile.getKey())));
            svg.append(String.format(Locale.ROOT,
                    "<text x='%d' y='%d' text-anchor='middle' font-size='11' font-family='sans-serif' fill='%s'>%d</text></g>",
                    x + size / 2, y + 36, ink, value));
        });
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int width, int height) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d' width='100%%' role='img' "
                        + "aria-label='%s' style='max-width:%dpx'><title>%s</title>",
                width, height, RichText.escape(title), width, RichText.escape(title)));
    }

    private static String text(double x, double y, String label, String anchor) {
        return String.format(Locale.ROOT,
                "<text x='%.1f' y='%.1f' text-anchor='%s' font-size='12' font-family='sans-serif' fill='#1a1a1a'>%s</text>",
                x, y, anchor, RichText.escape(label));
    }

}
