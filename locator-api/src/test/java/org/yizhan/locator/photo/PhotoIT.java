package org.yizhan.locator.photo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.LatLng;
import org.yizhan.locator.support.Accounts;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.TestStations;

/** Unions upload station photos; riders see them. Re-encoded, metadata-free, size-limited, cacheable. */
class PhotoIT extends ApiIT {

    static final String PROBLEM = "application/problem+json";

    String station;
    String wuhaiEditor;
    String shiyanEditor;

    @BeforeEach
    void stationAndEditors() {
        Random random = new Random(27);
        station = TestStations.insert(
                jdbc,
                TestStations.Spec.active(
                                new LatLng(39.66 + random.nextDouble() * 0.02, 106.80 + random.nextDouble() * 0.02))
                        .withName("照片测试驿站"));
        wuhaiEditor = Accounts.create("editor", List.of("1503"));
        shiyanEditor = Accounts.create("editor", List.of("4203"));
    }

    @Test
    void uploadedJpegIsResizedAndLosesItsGpsAndExifBlocks() throws Exception {
        byte[] upload = TestImages.jpegWithExif(TestImages.picture(2400, 1800, 1), 39.6553, 106.8254, (short) 1);
        assertThat(metadata(upload).getFirstDirectoryOfType(GpsDirectory.class))
                .as("the upload carries a position")
                .isNotNull();

        Response created = upload(wuhaiEditor, upload, "IMG_0001.jpg", "image/jpeg");
        created.then().statusCode(201).header("Location", notNullValue());
        assertThat(created.jsonPath().getInt("width")).isEqualTo(1600);
        assertThat(created.jsonPath().getInt("height")).isEqualTo(1200);
        assertThat(created.jsonPath().getInt("thumbnailWidth")).isEqualTo(320);

        byte[] stored = given().get(created.jsonPath().getString("url"))
                .then()
                .statusCode(200)
                .contentType("image/jpeg")
                .header("Cache-Control", containsString("public"))
                .extract()
                .asByteArray();
        assertThat(indexOf(stored, "Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                .as("no EXIF block")
                .isEqualTo(-1);
        Metadata metadata = metadata(stored);
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class))
                .as("no GPS directory")
                .isNull();
        List<String> directories = new ArrayList<>();
        for (Directory d : metadata.getDirectories()) directories.add(d.getName());
        assertThat(directories)
                .noneMatch(name -> name.startsWith("Exif") || name.startsWith("GPS") || name.startsWith("XMP"));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(decoded.getWidth()).isEqualTo(1600);
        assertThat(decoded.getHeight()).isEqualTo(1200);

        // The bytes in the database are exactly what is served: nothing else holds a copy with metadata.
        byte[] inDatabase = jdbc.sql("SELECT image FROM station_photo WHERE id = :id")
                .param("id", created.jsonPath().getLong("id"))
                .query(byte[].class)
                .single();
        assertThat(inDatabase).isEqualTo(stored);

        BufferedImage thumbnail = ImageIO.read(
                new ByteArrayInputStream(given().get(created.jsonPath().getString("thumbnailUrl"))
                        .then()
                        .statusCode(200)
                        .contentType("image/jpeg")
                        .extract()
                        .asByteArray()));
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(240);
    }

    @Test
    void portraitPhotoIsTurnedUprightByItsExifOrientation() {
        // Orientation 6: the camera stored the pixels turned 90° anticlockwise; the viewer must turn them clockwise.
        byte[] upload = TestImages.jpegWithExif(TestImages.picture(800, 400, 2), 39.6553, 106.8254, (short) 6);

        Response created = upload(wuhaiEditor, upload, "portrait.jpg", "image/jpeg");

        created.then().statusCode(201);
        assertThat(created.jsonPath().getInt("width")).isEqualTo(400);
        assertThat(created.jsonPath().getInt("height")).isEqualTo(800);
    }

    @Test
    void listAndImagesArePublicWithEtagsAnd304() {
        Response created =
                upload(wuhaiEditor, TestImages.png(TestImages.picture(640, 480, 3)), "site.png", "image/png");
        long id = created.jsonPath().getLong("id");

        given().get("/api/v1/stations/{code}/photos", station)
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("public"))
                .body("photos.id", org.hamcrest.Matchers.hasItem((int) id))
                .body(
                        "photos.find { it.id == " + id + " }.thumbnailUrl",
                        equalTo("/api/v1/stations/" + station + "/photos/" + id + "/thumbnail"));

        String url = created.jsonPath().getString("thumbnailUrl");
        String etag = given().get(url).then().statusCode(200).extract().header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        byte[] notModified = given().header("If-None-Match", etag)
                .get(url)
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", containsString("public"))
                .extract()
                .asByteArray();
        assertThat(notModified).isEmpty();
        given().header("If-None-Match", "\"0000\"").get(url).then().statusCode(200);
        // The photo and its thumbnail are different images with different tags.
        assertThat(given().get(created.jsonPath().getString("url"))
                        .then()
                        .extract()
                        .header("ETag"))
                .isNotEqualTo(etag);
    }

    @Test
    void contentTypeComesFromTheBytesNotTheName() {
        // A PNG called .jpg is a PNG; it is stored as JPEG like everything else.
        upload(wuhaiEditor, TestImages.png(TestImages.picture(300, 200, 4)), "really-a-png.jpg", "image/jpeg")
                .then()
                .statusCode(201);

        upload(
                        wuhaiEditor,
                        "<svg onload=alert(1)>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "photo.jpg",
                        "image/jpeg")
                .then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("field", equalTo("file"));
        byte[] truncated = java.util.Arrays.copyOf(TestImages.jpeg(TestImages.picture(300, 200, 5)), 40);
        upload(wuhaiEditor, truncated, "broken.jpg", "image/jpeg")
                .then()
                .statusCode(422)
                .contentType(PROBLEM);
    }

    @Test
    void decompressionBombAndOversizedFilesAreRefused() {
        byte[] bomb = TestImages.pngBomb(60_000, 60_000);
        assertThat(bomb.length).isLessThan(2_000);
        upload(wuhaiEditor, bomb, "tiny.png", "image/png")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("title", equalTo("Image has too many pixels"))
                .body("width", equalTo(60_000));

        byte[] huge = new byte[PHOTO_MAX_BYTES + 200_000];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        upload(wuhaiEditor, huge, "huge.jpg", "image/jpeg")
                .then()
                .statusCode(413)
                .contentType(PROBLEM);
        given().get("/api/v1/stations/{code}/photos", station)
                .then()
                .statusCode(200)
                .body("photos", org.hamcrest.Matchers.empty());
    }

    @Test
    void onlyEditorsOfTheStationsRegionMayUploadOrDelete() {
        byte[] photo = TestImages.jpeg(TestImages.picture(200, 150, 6));
        upload(shiyanEditor, photo, "p.jpg", "image/jpeg")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("title", equalTo("Outside your region"));
        given().multiPart("file", "p.jpg", photo, "image/jpeg")
                .post("/api/v1/stations/{code}/photos", station)
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        String viewer = Accounts.create("viewer", List.of("1503"));
        upload(viewer, photo, "p.jpg", "image/jpeg").then().statusCode(403).contentType(PROBLEM);

        long id = upload(wuhaiEditor, photo, "p.jpg", "image/jpeg")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Accounts.as(shiyanEditor)
                .delete("/api/v1/stations/{code}/photos/{id}", station, id)
                .then()
                .statusCode(403);
        Accounts.as(wuhaiEditor)
                .delete("/api/v1/stations/{code}/photos/{id}", station, id)
                .then()
                .statusCode(204);
        given().get("/api/v1/stations/{code}/photos/{id}", station, id)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        given().get("/api/v1/stations/{code}/photos/{id}", station, "x")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void everyPhotoOperationIsInTheOpenApiDocument() {
        given().get("/v3/api-docs")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/stations/{code}/photos'.keySet()", org.hamcrest.Matchers.hasItems("get", "post"))
                .body(
                        "paths.'/api/v1/stations/{code}/photos/{id}'.keySet()",
                        org.hamcrest.Matchers.hasItems("get", "delete"))
                .body(
                        "paths.'/api/v1/stations/{code}/photos/{id}/thumbnail'.keySet()",
                        org.hamcrest.Matchers.hasItem("get"));
    }

    private Response upload(String username, byte[] bytes, String name, String contentType) {
        return Accounts.as(username)
                .multiPart("file", name, bytes, contentType)
                .post("/api/v1/stations/{code}/photos", station);
    }

    private static Metadata metadata(byte[] jpeg) throws Exception {
        return ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
