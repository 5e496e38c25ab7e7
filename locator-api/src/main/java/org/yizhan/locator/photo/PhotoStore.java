package org.yizhan.locator.photo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Photos in PostgreSQL (bytea), next to the register, so every instance and replica serves them. */
@Repository
class PhotoStore {

    /** What the list shows; the bytes stay in the database until an image is asked for. */
    record Photo(long id, int width, int height, int thumbWidth, int thumbHeight, Instant uploadedAt) {}

    /** One stored image and its entity tag. */
    record Image(byte[] bytes, String etag) {}

    /** The station a code names, for the region check. */
    record StationRef(long id, String adcode) {}

    private final JdbcClient jdbc;

    PhotoStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StationRef> station(String code) {
        return jdbc.sql("SELECT id, adcode FROM station WHERE code = :code")
                .param("code", code)
                .query((rs, n) -> new StationRef(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    List<Photo> list(long stationId) {
        return jdbc.sql("""
                SELECT id, width, height, thumb_width, thumb_height, uploaded_at FROM station_photo
                WHERE station_id = :station ORDER BY id""")
                .param("station", stationId)
                .query((rs, n) -> new Photo(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    int count(long stationId) {
        return jdbc.sql("SELECT count(*) FROM station_photo WHERE station_id = :station")
                .param("station", stationId)
                .query(Integer.class)
                .single();
    }

    long insert(long stationId, PhotoProcessor.Processed photo, String username) {
        return jdbc.sql("""
                INSERT INTO station_photo (station_id, width, height, image, image_etag,
                                           thumb_width, thumb_height, thumbnail, thumbnail_etag, uploaded_by)
                VALUES (:station, :width, :height, :image, :imageEtag, :thumbWidth, :thumbHeight, :thumbnail, :thumbnailEtag, :by)
                RETURNING id""")
                .param("station", stationId)
                .param("width", photo.image().width())
                .param("height", photo.image().height())
                .param("image", photo.image().bytes())
                .param("imageEtag", etag(photo.image().bytes()))
                .param("thumbWidth", photo.thumbnail().width())
                .param("thumbHeight", photo.thumbnail().height())
                .param("thumbnail", photo.thumbnail().bytes())
                .param("thumbnailEtag", etag(photo.thumbnail().bytes()))
                .param("by", username)
                .query(Long.class)
                .single();
    }

    Optional<Image> image(long stationId, long photoId, boolean thumbnail) {
        String sql = thumbnail
                ? "SELECT thumbnail, thumbnail_etag FROM station_photo WHERE id = :id AND station_id = :station"
                : "SELECT image, image_etag FROM station_photo WHERE id = :id AND station_id = :station";
        return jdbc.sql(sql)
                .param("id", photoId)
                .param("station", stationId)
                .query((rs, n) -> new Image(rs.getBytes(1), rs.getString(2)))
                .optional();
    }

    /** An entity tag only reads the tag column, so a 304 never loads the bytes. */
    Optional<String> etag(long stationId, long photoId, boolean thumbnail) {
        String sql = thumbnail
                ? "SELECT thumbnail_etag FROM station_photo WHERE id = :id AND station_id = :station"
                : "SELECT image_etag FROM station_photo WHERE id = :id AND station_id = :station";
        return jdbc.sql(sql)
                .param("id", photoId)
                .param("station", stationId)
                .query(String.class)
                .optional();
    }

    boolean delete(long stationId, long photoId) {
        return jdbc.sql("DELETE FROM station_photo WHERE id = :id AND station_id = :station")
                        .param("id", photoId)
                        .param("station", stationId)
                        .update()
                > 0;
    }

    private static String etag(byte[] bytes) {
        try {
            // 128 bits of SHA-256: a strong validator for bytes that never change under one id.
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
