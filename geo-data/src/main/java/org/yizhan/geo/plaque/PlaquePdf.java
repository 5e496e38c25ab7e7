package org.yizhan.geo.plaque;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.yizhan.geo.exchange.AmenityLabels;
import org.yizhan.geo.station.StationRecord;

/**
 * Writes station plaques as an A4 PDF: one, two or four per sheet with dashed cutting lines
 * between them. Each plaque has the union's name, the station's name, its code in large type, its
 * amenities and a QR code to its public page. The font is subset and embedded, so the file prints
 * the same anywhere.
 *
 * <p>A plaque is drawn once in a fixed 842 × 595 pt design space (A4 landscape) and scaled into its
 * slot; every layout's slot has the same √2 proportions.
 */
public final class PlaquePdf {

    static final float W = 842;
    static final float H = 595;
    private static final float PAGE_MARGIN = 12;
    private static final int[] RED = {200, 22, 29};
    private static final int[] INK = {34, 34, 34};
    private static final int[] GREY = {110, 110, 110};
    private static final String TITLE = "户外劳动者服务站点";
    private static final String CAPTION = "扫码查看开放时间、导航到站";
    private static final String PROMISE = "冷可取暖 · 热可纳凉 · 渴可喝水 · 累可歇脚 · 食可加热 · 伤可用药";

    private PlaquePdf() {}

    /**
     * Writes one plaque per station, in stream order; flushes but does not close {@code out}.
     *
     * @throws IllegalArgumentException if there is no station or a station has no code yet; what was
     *     written to {@code out} by then is not a usable PDF
     */
    public static void write(Stream<StationRecord> stations, PlaqueOptions options, OutputStream out)
            throws IOException {
        Iterator<StationRecord> it = stations.iterator();
        if (!it.hasNext()) {
            throw new IllegalArgumentException("no stations to print plaques for");
        }
        Rectangle page = options.perPage() == 2 ? PageSize.A4 : PageSize.A4.rotate();
        Document doc = new Document(page, 0, 0, 0, 0);
        boolean complete = false;
        try {
            BaseFont font =
                    BaseFont.createFont(CjkFont.openPdfName(options.font()), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            doc.addTitle("站点标牌 " + options.unionName());
            doc.addCreator("Yizhan");
            doc.open();
            PdfContentByte cb = writer.getDirectContent();
            List<float[]> slots = slots(page, options.perPage());
            for (int i = 0; it.hasNext(); i++) {
                StationRecord station = it.next();
                String code = station.code();
                if (code == null) {
                    throw new IllegalArgumentException(
                            "station '" + station.name() + "' has no code yet; plaques need one");
                }
                int slot = i % slots.size();
                if (slot == 0 && i > 0) {
                    doc.newPage();
                }
                if (slot == 0 && slots.size() > 1) {
                    cuttingLines(cb, page, options.perPage());
                }
                float[] s = slots.get(slot);
                cb.saveState();
                cb.concatCTM(s[2], 0, 0, s[2], s[0], s[1]);
                new Plaque(cb, font, options, station, code).draw();
                cb.restoreState();
            }
            complete = true;
        } catch (DocumentException e) {
            throw new IOException("could not write the plaque PDF: " + e.getMessage(), e);
        } finally {
            closeKeepingFirstFailure(doc, complete);
        }
        out.flush();
    }

    private static void closeKeepingFirstFailure(Document doc, boolean complete) {
        try {
            doc.close();
        } catch (RuntimeException e) {
            if (complete) {
                throw e;
            } // otherwise the failure that stopped the drawing is the one to report ("no pages" would hide it)
        }
    }

    /** Lower-left corner and scale of each slot on the page, top to bottom, left to right. */
    private static List<float[]> slots(Rectangle page, int perPage) {
        int cols = perPage == 4 ? 2 : 1;
        int rows = perPage == 1 ? 1 : 2;
        float cellW = page.getWidth() / cols;
        float cellH = page.getHeight() / rows;
        float scale = Math.min((cellW - 2 * PAGE_MARGIN) / W, (cellH - 2 * PAGE_MARGIN) / H);
        List<float[]> slots = new ArrayList<>();
        for (int r = rows - 1; r >= 0; r--) {
            for (int c = 0; c < cols; c++) {
                float x = c * cellW + (cellW - W * scale) / 2;
                float y = r * cellH + (cellH - H * scale) / 2;
                slots.add(new float[] {x, y, scale});
            }
        }
        return slots;
    }

    private static void cuttingLines(PdfContentByte cb, Rectangle page, int perPage) {
        cb.saveState();
        cb.setRGBColorStroke(160, 160, 160);
        cb.setLineWidth(0.5f);
        cb.setLineDash(4, 4);
        cb.moveTo(0, page.getHeight() / 2);
        cb.lineTo(page.getWidth(), page.getHeight() / 2);
        if (perPage == 4) {
            cb.moveTo(page.getWidth() / 2, 0);
            cb.lineTo(page.getWidth() / 2, page.getHeight());
        }
        cb.stroke();
        cb.restoreState();
    }

    /** Draws one plaque in design space. */
    private static final class Plaque {
        private final PdfContentByte cb;
        private final BaseFont font;
        private final PlaqueOptions options;
        private final StationRecord station;
        /** The station's code, checked present before a plaque is made. */
        private final String code;

        Plaque(PdfContentByte cb, BaseFont font, PlaqueOptions options, StationRecord station, String code) {
            this.cb = cb;
            this.font = font;
            this.options = options;
            this.station = station;
            this.code = code;
        }

        void draw() {
            frame();
            text(options.unionName(), 40, 506, 38, true, new int[] {255, 255, 255}, PdfContentByte.ALIGN_LEFT);
            text(TITLE, 802, 506, 30, false, new int[] {255, 255, 255}, PdfContentByte.ALIGN_RIGHT);
            stationName();
            text("站点编码", 44, 318, 16, false, GREY, PdfContentByte.ALIGN_LEFT);
            text(code, 40, 256, 62, true, INK, PdfContentByte.ALIGN_LEFT);
            amenities();
            QrCode.draw(cb, options.stationUrl(code), 572, 218, 236);
            text(CAPTION, 690, 196, 17, false, INK, PdfContentByte.ALIGN_CENTER);
            text(options.stationUrl(code), 690, 176, 10, false, GREY, PdfContentByte.ALIGN_CENTER);
            text(PROMISE, W / 2, 40, 20, false, RED, PdfContentByte.ALIGN_CENTER);
        }

        private void frame() {
            cb.saveState();
            cb.roundRectangle(14, 14, W - 28, H - 28, 18);
            cb.clip();
            cb.newPath();
            fill(RED);
            cb.rectangle(14, H - 14 - 100, W - 28, 100);
            cb.fill();
            cb.restoreState();
            cb.saveState();
            stroke(RED, 4);
            cb.roundRectangle(14, 14, W - 28, H - 28, 18);
            cb.stroke();
            stroke(RED, 1.2f);
            cb.moveTo(44, 82);
            cb.lineTo(W - 44, 82);
            cb.stroke();
            cb.restoreState();
        }

        /** Up to two lines at 40 pt, shrinking to 30 pt before wrapping; a longer name ends in an ellipsis. */
        private void stationName() {
            float maxWidth = 500;
            String name = station.name();
            float size = 40;
            while (size > 30 && font.getWidthPoint(name, size) > maxWidth) {
                size -= 2;
            }
            List<String> lines = wrap(name, size, maxWidth);
            if (lines.size() > 2) {
                String second = lines.get(1);
                lines = List.of(lines.get(0), second.substring(0, second.length() - 1) + "…");
            }
            float baseline = lines.size() == 1 ? 404 : 424;
            for (String line : lines) {
                text(line, 44, baseline, size, true, INK, PdfContentByte.ALIGN_LEFT);
                baseline -= size * 1.25f;
            }
        }

        private List<String> wrap(String s, float size, float maxWidth) {
            List<String> lines = new ArrayList<>();
            int start = 0;
            for (int end = 1; end <= s.length(); end++) {
                if (font.getWidthPoint(s.substring(start, end), size) > maxWidth) {
                    lines.add(s.substring(start, end - 1));
                    start = end - 1;
                }
            }
            lines.add(s.substring(start));
            return lines;
        }

        /** Amenity labels as rounded chips flowing over at most four rows. */
        private void amenities() {
            if (station.amenities().isEmpty()) {
                return;
            }
            text("服务设施", 44, 216, 16, false, GREY, PdfContentByte.ALIGN_LEFT);
            float size = 17;
            float x = 44;
            float top = 204;
            float chipH = 28;
            int row = 0;
            for (String key : station.amenities()) {
                String label = "✓ " + AmenityLabels.label(key);
                float w = font.getWidthPoint(label, size) + 20;
                if (x + w > 544) {
                    if (++row == 4) {
                        return;
                    }
                    x = 44;
                }
                float y = top - (row + 1) * chipH - row * 6;
                cb.saveState();
                fill(new int[] {253, 236, 236});
                stroke(RED, 1);
                cb.roundRectangle(x, y, w, chipH, 8);
                cb.fillStroke();
                cb.restoreState();
                text(label, x + 10, y + 8, size, false, RED, PdfContentByte.ALIGN_LEFT);
                x += w + 8;
            }
        }

        /** Text in the embedded font; "bold" thickens the strokes, as the font has one weight. */
        private void text(String s, float x, float y, float size, boolean bold, int[] rgb, int align) {
            cb.saveState();
            fill(rgb);
            if (bold) {
                stroke(rgb, size * 0.035f);
                cb.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE);
            }
            cb.beginText();
            cb.setFontAndSize(font, size);
            cb.showTextAligned(align, s, x, y, 0);
            cb.endText();
            cb.restoreState();
        }

        private void fill(int[] rgb) {
            cb.setRGBColorFill(rgb[0], rgb[1], rgb[2]);
        }

        private void stroke(int[] rgb, float width) {
            cb.setRGBColorStroke(rgb[0], rgb[1], rgb[2]);
            cb.setLineWidth(width);
        }
    }
}
