package org.yizhan.locator.ogcapi;

import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML encoding OGC API – Features asks for: plain server-rendered pages a person can
 * browse, with every value from the register escaped (station text is shown as text).
 */
final class OgcHtml {

    private final StringBuilder body = new StringBuilder();
    private final String title;

    OgcHtml(String title) {
        this.title = title;
        body.append("<h1>").append(e(title)).append("</h1>\n");
    }

    OgcHtml paragraph(String text) {
        body.append("<p>").append(e(text)).append("</p>\n");
        return this;
    }

    OgcHtml links(String heading, List<Map<String, Object>> links) {
        body.append("<h2>").append(e(heading)).append("</h2>\n<ul>\n");
        for (Map<String, Object> link : links) {
            body.append("<li><a href=\"")
                    .append(e(String.valueOf(link.get("href"))))
                    .append("\">")
                    .append(e(String.valueOf(link.getOrDefault("title", link.get("href")))))
                    .append("</a> <small>")
                    .append(e(link.get("rel") + " · " + link.get("type")))
                    .append("</small></li>\n");
        }
        body.append("</ul>\n");
        return this;
    }

    OgcHtml list(String heading, List<String> items) {
        body.append("<h2>").append(e(heading)).append("</h2>\n<ul>\n");
        for (String item : items) body.append("<li>").append(e(item)).append("</li>\n");
        body.append("</ul>\n");
        return this;
    }

    /** One row per entry of {@code rows}; the columns are the keys of the first row. */
    OgcHtml table(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) return paragraph("—");
        body.append("<table>\n<thead><tr>");
        for (String column : rows.get(0).keySet())
            body.append("<th>").append(e(column)).append("</th>");
        body.append("</tr></thead>\n<tbody>\n");
        for (Map<String, Object> row : rows) {
            body.append("<tr>");
            for (Object value : row.values())
                body.append("<td>")
                        .append(e(value == null ? "" : String.valueOf(value)))
                        .append("</td>");
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        return this;
    }

    ResponseEntity<String> response() {
        String page = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + e(title)
                + "</title>\n"
                + "<style>body{font-family:system-ui,sans-serif;margin:1rem 2rem;max-width:80rem}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}small{color:#555}</style>\n"
                + "</head>\n<body>\n<main>\n" + body + "</main>\n</body>\n</html>\n";
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(page);
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
