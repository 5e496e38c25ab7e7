package org.yizhan.locator.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.yizhan.locator.support.ApiIT;
import org.yizhan.locator.support.StationForms;

/**
 * A cluster view is sent gzip-compressed to a client that asks for it (every browser), from bytes
 * compressed once and kept: the same answer as the uncompressed one, with the same validator, and
 * {@code Vary: Accept-Encoding} so a shared cache keeps both, and a Content-Length (Tomcat compressing
 * on the fly would send it chunked). Read with a client that does not
 * decompress by itself (REST Assured would).
 */
class ClusterGzipIT extends ApiIT {

    private static final String VIEW = "/api/v1/stations/clusters?bbox=73.4,18.1,135.1,53.6&columns=64";

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(@Nullable String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + VIEW));
        if (acceptEncoding != null) request.header("Accept-Encoding", acceptEncoding);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aBrowserGetsTheSameAnswerGzippedWithTheSameValidator() throws Exception {
        createStation(StationForms.haibowanStation());
        awaitIndexed();
        HttpResponse<byte[]> plain = get("identity");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(plain.body(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("{\"type\":\"FeatureCollection\"")
                .contains("\"count\":");

        for (String asks : new String[] {"gzip, deflate, br", "br;q=1.0, gzip;q=0.8", "*", "x-gzip"}) {
            HttpResponse<byte[]> zipped = get(asks);
            assertThat(zipped.statusCode()).as(asks).isEqualTo(200);
            assertThat(zipped.headers().firstValue("Content-Encoding")).as(asks).contains("gzip");
            assertThat(gunzip(zipped.body())).as(asks).isEqualTo(plain.body());
            // Kept bytes have a length; Tomcat's compression on the fly would stream them chunked.
            assertThat(zipped.headers().firstValueAsLong("Content-Length"))
                    .as(asks)
                    .hasValue(zipped.body().length);
            assertThat(zipped.headers().firstValue("ETag"))
                    .isEqualTo(plain.headers().firstValue("ETag"));
            assertThat(String.join(",", zipped.headers().allValues("Vary"))).containsIgnoringCase("Accept-Encoding");
        }
        for (String refuses : new String[] {"gzip;q=0", "gzip;q=0, *;q=1", "*;q=0", "br", "gzip;q=junk"}) {
            HttpResponse<byte[]> r = get(refuses);
            assertThat(r.headers().firstValue("Content-Encoding")).as(refuses).isEmpty();
            assertThat(r.body()).as(refuses).isEqualTo(plain.body());
        }
    }
}
