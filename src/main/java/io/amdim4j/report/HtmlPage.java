package io.amdim4j.report;

import java.util.List;

/**
 * A small builder for the self-contained report page: escaped text, tables, and figures linked
 * by relative file name, with the style sheet inline so the directory can be copied or mailed
 * whole and opened without a network.
 */
final class HtmlPage {

    private static final String STYLE = """
            body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222; margin: 0 auto;
                   max-width: 1320px; padding: 16px 24px; line-height: 1.4; }
            h1 { font-size: 26px; margin: 8px 0 4px; }
            h2 { font-size: 21px; border-bottom: 2px solid #1f4e9c; padding-bottom: 3px; margin-top: 32px; }
            h3 { font-size: 16px; margin: 18px 0 6px; }
            .meta { color: #555; font-size: 14px; }
            nav a { margin-right: 14px; }
            .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 12px; }
            figure { margin: 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
            table { border-collapse: collapse; font-size: 14px; margin: 6px 0; }
            th, td { border: 1px solid #ccc; padding: 3px 9px; text-align: left; }
            th { background: #eef2f8; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            td:nth-child(-n+4) { white-space: nowrap; }
            .two { display: flex; flex-wrap: wrap; gap: 32px; align-items: flex-start; }
            .note { background: #fff8e1; border-left: 4px solid #f0b400; padding: 8px 12px; }
            pre { background: #f4f4f4; padding: 8px 12px; overflow-x: auto; font-size: 13px; }
            .same { color: #2ca02c; font-weight: bold; }
            .other { color: #d62728; }
            """;

    private final StringBuilder body = new StringBuilder();
    private final String title;

    HtmlPage(String title) {
        this.title = title;
    }

    /** Escapes text for element content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Markup the caller built from escaped parts. */
    HtmlPage raw(String html) {
        body.append(html).append('\n');
        return this;
    }

    HtmlPage heading(int level, String id, String text) {
        String idAttribute = id == null ? "" : " id=\"" + escape(id) + "\"";
        return raw("<h" + level + idAttribute + ">" + escape(text) + "</h" + level + ">");
    }

    HtmlPage paragraph(String text) {
        return raw("<p>" + escape(text) + "</p>");
    }

    HtmlPage note(String text) {
        return raw("<p class=\"note\">" + escape(text) + "</p>");
    }

    HtmlPage code(String text) {
        return raw("<pre><code>" + escape(text) + "</code></pre>");
    }

    /**
     * A table of text cells.
     *
     * @param header column titles
     * @param rows text cells, escaped here
     * @param numeric per column, whether it is right-aligned
     */
    HtmlPage table(List<String> header, List<List<String>> rows, boolean[] numeric) {
        return tableOfMarkup(header, rows.stream().map(r -> r.stream().map(HtmlPage::escape).toList()).toList(),
                numeric);
    }

    /** A table whose cells are markup the caller built from escaped parts. */
    HtmlPage tableOfMarkup(List<String> header, List<List<String>> rows, boolean[] numeric) {
        StringBuilder t = new StringBuilder("<table>\n<thead><tr>");
        header.forEach(h -> t.append("<th>").append(escape(h)).append("</th>"));
        t.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            t.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                boolean num = c < numeric.length && numeric[c];
                t.append(num ? "<td class=\"num\">" : "<td>").append(row.get(c)).append("</td>");
            }
            t.append("</tr>\n");
        }
        return raw(t.append("</tbody>\n</table>").toString());
    }

    /** One figure: the PNG by relative name at its pixel size (shrunk to the page width); the title is in the image. */
    static String figure(Figure f) {
        return "<figure><img src=\"" + escape(f.file()) + "\" width=\"" + f.width() + "\" height=\"" + f.height()
                + "\" alt=\"" + escape(f.title()) + "\"></figure>";
    }

    HtmlPage figures(List<Figure> figures) {
        StringBuilder g = new StringBuilder("<div class=\"grid\">\n");
        figures.forEach(f -> g.append(figure(f)).append('\n'));
        return raw(g.append("</div>").toString());
    }

    String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }
}
