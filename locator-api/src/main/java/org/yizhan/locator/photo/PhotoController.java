package org.yizhan.locator.photo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;
import org.yizhan.geo.code.StationCode;
import org.yizhan.locator.account.SignedInUser;
import org.yizhan.locator.config.YizhanProperties;
import org.yizhan.locator.station.StationCodes;
import org.yizhan.locator.web.ApiException;

/**
 * Station photos: unions upload them (editors inside their regions, as for every other write),
 * everyone reads them. Images never change under their id, so they are public, cacheable for a
 * day and revalidated by ETag; deleting a photo gives it a new id if it is ever uploaded again.
 */
@RestController
class PhotoController {

    private static final CacheControl IMAGES =
            CacheControl.maxAge(1, TimeUnit.DAYS).cachePublic();
    private static final CacheControl LIST =
            CacheControl.maxAge(1, TimeUnit.MINUTES).cachePublic();

    private final PhotoStore store;
    private final PhotoProcessor processor;
    private final YizhanProperties.Photos limits;

    PhotoController(PhotoStore store, PhotoProcessor processor, YizhanProperties properties) {
        this.store = store;
        this.processor = processor;
        this.limits = properties.photos();
    }

    @Schema(name = "Photo")
    record PhotoResponse(
            long id,

            @Schema(description = "The photo, at most 1600 px on the longer side (JPEG)")
            String url,

            int width,
            int height,

            @Schema(description = "At most 320 px on the longer side (JPEG)")
            String thumbnailUrl,

            int thumbnailWidth,
            int thumbnailHeight,
            Instant uploadedAt) {}

    record PhotosResponse(List<PhotoResponse> photos) {}

    @Operation(
            summary = "Photos of a station",
            description = "Oldest first, with the URLs of the image and its thumbnail.")
    @GetMapping("/api/v1/stations/{code}/photos")
    ResponseEntity<PhotosResponse> list(@PathVariable @Parameter(example = "150302-00017-4") String code) {
        StationCode parsed = StationCodes.parse(code);
        PhotoStore.StationRef station = station(parsed);
        List<PhotoResponse> photos =
                store.list(station.id()).stream().map(p -> response(parsed, p)).toList();
        return ResponseEntity.ok().cacheControl(LIST).body(new PhotosResponse(photos));
    }

    @Operation(
            summary = "A station photo (JPEG)",
            description = "Public and cacheable; send If-None-Match to get 304.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.IMAGE_JPEG_VALUE)))
    @GetMapping(
            value = "/api/v1/stations/{code}/photos/{id}",
            produces = {MediaType.IMAGE_JPEG_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<byte[]> image(@PathVariable String code, @PathVariable long id, WebRequest request) {
        return serve(code, id, false, request);
    }

    @Operation(
            summary = "A station photo's thumbnail (JPEG)",
            description = "Public and cacheable; send If-None-Match to get 304.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.IMAGE_JPEG_VALUE)))
    @GetMapping(
            value = "/api/v1/stations/{code}/photos/{id}/thumbnail",
            produces = {MediaType.IMAGE_JPEG_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<byte[]> thumbnail(@PathVariable String code, @PathVariable long id, WebRequest request) {
        return serve(code, id, true, request);
    }

    @Operation(
            summary = "Upload a photo of a station",
            description =
                    "multipart/form-data with the image in 'file' (JPEG or PNG, recognised by its bytes). The server "
                            + "re-encodes it as JPEG at most 1600 px plus a 320 px thumbnail, so EXIF and GPS data are removed. "
                            + "Editors may add photos to stations in their regions only.")
    @SecurityRequirement(name = "basic")
    @PostMapping(value = "/api/v1/stations/{code}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PhotoResponse> upload(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        StationCode parsed = StationCodes.parse(code);
        PhotoStore.StationRef station = station(parsed);
        user.actor().requireMayEdit(station.adcode());
        if (file == null || file.isEmpty()) throw ApiException.invalid("file", "photo.missing");
        if (file.getSize() > limits.maxBytes()) {
            throw ApiException.of(HttpStatus.CONTENT_TOO_LARGE, "photo.tooLarge", limits.maxBytes() / (1024 * 1024))
                    .with("field", "file");
        }
        if (store.count(station.id()) >= limits.perStation()) {
            throw ApiException.of(HttpStatus.CONFLICT, "photo.tooMany", limits.perStation());
        }
        long id = store.insert(station.id(), processor.process(file.getBytes()), user.username());
        PhotoStore.Photo saved = store.list(station.id()).stream()
                .filter(p -> p.id() == id)
                .findFirst()
                .orElseThrow();
        return ResponseEntity.created(URI.create(imageUrl(parsed, id))).body(response(parsed, saved));
    }

    @Operation(
            summary = "Delete a photo of a station",
            description = "Editors may delete photos of stations in their regions only.")
    @SecurityRequirement(name = "basic")
    @DeleteMapping("/api/v1/stations/{code}/photos/{id}")
    ResponseEntity<Void> delete(
            @PathVariable String code, @PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        PhotoStore.StationRef station = station(StationCodes.parse(code));
        user.actor().requireMayEdit(station.adcode());
        if (!store.delete(station.id(), id)) throw noSuchPhoto(id);
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<byte[]> serve(String code, long id, boolean thumbnail, WebRequest request) {
        PhotoStore.StationRef station = station(StationCodes.parse(code));
        String etag = store.etag(station.id(), id, thumbnail).orElseThrow(() -> noSuchPhoto(id));
        if (request.checkNotModified('"' + etag + '"')) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(IMAGES)
                    .build();
        }
        PhotoStore.Image image = store.image(station.id(), id, thumbnail).orElseThrow(() -> noSuchPhoto(id));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .eTag(image.etag())
                .cacheControl(IMAGES)
                .header("X-Content-Type-Options", "nosniff")
                .body(image.bytes());
    }

    private PhotoStore.StationRef station(StationCode code) {
        return store.station(code.value()).orElseThrow(() -> ApiException.notFound("station.unknown", code.value()));
    }

    private static ApiException noSuchPhoto(long id) {
        return ApiException.notFound("photo.unknown", id);
    }

    private static String imageUrl(StationCode code, long id) {
        return "/api/v1/stations/" + code.value() + "/photos/" + id;
    }

    private static PhotoResponse response(StationCode code, PhotoStore.Photo p) {
        String url = imageUrl(code, p.id());
        return new PhotoResponse(
                p.id(),
                url,
                p.width(),
                p.height(),
                url + "/thumbnail",
                p.thumbWidth(),
                p.thumbHeight(),
                p.uploadedAt());
    }
}
