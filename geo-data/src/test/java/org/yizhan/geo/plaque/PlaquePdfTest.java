package org.yizhan.geo.plaque;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.station.StationRecord;

/**
 * Plaques are checked the way a person would: the PDF's text is extracted, and the page is rendered
 * with poppler's pdftoppm (Debian poppler-utils, see scripts/prerequisites.sh) and its QR codes
 * scanned. The rendered pages stay in target/plaques for a look.
 */
class PlaquePdfTest {

    private static final Path OUT = Path.of("target", "plaques");
    private static final String BASE_URL = "https://yizhan.example.org";

    static StationRecord xinhuaStreet() {
        return new StationRecord(
                "150302-00017-4",
                "海勃湾区新华街爱心驿站",
                null,
                "乌海市海勃湾区新华街12号",
                39.6733,
                106.8152,
                "150302",
                "co_built",
                "新华街社区党群服务中心",
                "张红",
                "0473-2012345",
                "Mo-Su 08:00-20:00",
                List.of(
                        "drinking_water",
                        "microwave",
                        "refrigerator",
                        "first_aid",
                        "seating",
                        "phone_charging",
                        "ebike_charging",
                        "air_conditioning",
                        "umbrella",
                        "toilet",
                        "wifi",
                        "summer_supplies"),
                "active",
                25.0);
    }

    static StationRecord longName(int sequence) {
        return new StationRecord(
                org.yizhan.geo.code.StationCode.of("150303", sequence).value(),
                "海南区拉僧庙镇人民路社区党群服务中心暖心驿站（第" + sequence + "站）",
                null,
                "乌海市海南区",
                39.44,
                106.89,
                "150303",
                "self_built",
                "海南区总工会",
                "李强",
                "13904731234",
                "24/7",
                List.of("drinking_water", "toilet"),
                "active",
                null);
    }

    private static Path write(String name, PlaqueOptions options, List<StationRecord> stations) throws IOException {
        Files.createDirectories(OUT);
        Path pdf = OUT.resolve(name + ".pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            PlaquePdf.write(stations.stream(), options, out);
        }
        return pdf;
    }

    private static BufferedImage render(Path pdf, int page) throws IOException, InterruptedException {
        Path prefix = OUT.resolve(pdf.getFileName().toString().replace(".pdf", "-p" + page));
        Process p = new ProcessBuilder(
                        "pdftoppm",
                        "-r",
                        "110",
                        "-png",
                        "-singlefile",
                        "-f",
                        "" + page,
                        "-l",
                        "" + page,
                        pdf.toString(),
                        prefix.toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("pdftoppm (poppler-utils) failed: %s", log).isZero();
        return ImageIO.read(prefix.resolveSibling(prefix.getFileName() + ".png").toFile());
    }

    private static List<String> scanQrCodes(BufferedImage image) throws NotFoundException {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        Result[] results = new QRCodeMultiReader().decodeMultiple(bitmap, Map.of(DecodeHintType.TRY_HARDER, true));
        return Arrays.stream(results).map(Result::getText).sorted().toList();
    }

    @Test
    void onePlaquePerPageHasNameCodeUnionAndAScannableQrCode() throws Exception {
        Path pdf = write("single", PlaqueOptions.of("乌海市总工会", BASE_URL + "/"), List.of(xinhuaStreet()));

        PdfReader reader = new PdfReader(pdf.toString());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        assertThat(text).contains("乌海市总工会", "海勃湾区新华街爱心驿站", "150302-00017-4", "电瓶车充电", BASE_URL + "/s/150302-00017-4");
        assertThat(scanQrCodes(render(pdf, 1))).containsExactly(BASE_URL + "/s/150302-00017-4");
    }

    @Test
    void fourPerPageFillsTwoSheetsForFiveStationsAndEveryCodeScans() throws Exception {
        List<StationRecord> five = Stream.concat(
                        Stream.of(xinhuaStreet()), Stream.of(1, 2, 3, 4).map(PlaquePdfTest::longName))
                .toList();
        Path pdf = write("four-up", PlaqueOptions.of("乌海市总工会", BASE_URL).withPerPage(4), five);

        PdfReader reader = new PdfReader(pdf.toString());
        assertThat(reader.getNumberOfPages()).isEqualTo(2);
        assertThat(new PdfTextExtractor(reader).getTextFromPage(2)).contains("150303-00004-");
        assertThat(scanQrCodes(render(pdf, 1)))
                .containsExactly(
                        BASE_URL + "/s/150302-00017-4",
                        BASE_URL + "/s/" + five.get(1).code(),
                        BASE_URL + "/s/" + five.get(2).code(),
                        BASE_URL + "/s/" + five.get(3).code());
    }

    @Test
    void theFontIsEmbeddedAsASubset() throws Exception {
        Path pdf = write(
                "two-up", PlaqueOptions.of("乌海市总工会", BASE_URL).withPerPage(2), List.of(xinhuaStreet(), longName(7)));

        String raw = new String(Files.readAllBytes(pdf), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("/FontFile2").containsPattern("/BaseFont ?/[A-Z]{6}\\+");
        assertThat(Files.size(pdf)).as("a subset, not the 5 MB collection").isLessThan(400_000);
    }

    @Test
    void aStationWithoutCodeIsRefused() {
        StationRecord uncoded = new StationRecord(
                null,
                "新站",
                null,
                "某路",
                39.6,
                106.8,
                "150302",
                "self_built",
                "u",
                "p",
                "13904731234",
                "24/7",
                List.of(),
                "active",
                null);

        assertThatThrownBy(() -> PlaquePdf.write(
                        Stream.of(uncoded), PlaqueOptions.of("乌海市总工会", BASE_URL), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no code");
    }
}
