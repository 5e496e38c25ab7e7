package org.yizhan.locator.config;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code yizhan.*}; application.yaml carries a commented example.
 *
 * @param timeZone zone in which opening hours are evaluated
 * @param maxRequestBytes largest request body accepted
 * @param maxImportBytes largest register file accepted by the import
 * @param maxPlanningBytes largest planning point file accepted (a city's delivery demand: 100,000
 *     points as CSV are about 3 MB)
 * @param admin the bootstrap administrator; an empty password disables writes
 * @param demo whether to load the demo register into an empty database
 * @param index the in-memory station index for nearest queries
 * @param publicBaseUrl the address the public reaches the map at, printed in plaque QR codes;
 *     empty means "the address of the request"
 * @param photos limits and sizes for station photos
 */
@ConfigurationProperties("yizhan")
public record YizhanProperties(
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue("65536") int maxRequestBytes,
        @DefaultValue("52428800") long maxImportBytes,
        @DefaultValue("20971520") long maxPlanningBytes,
        @DefaultValue Admin admin,
        @DefaultValue Demo demo,
        @DefaultValue Index index,
        @DefaultValue("") String publicBaseUrl,
        @DefaultValue Photos photos) {

    public record Admin(
            @DefaultValue("admin") String username,
            @DefaultValue("") String password) {}

    public record Demo(@DefaultValue("false") boolean enabled) {}

    /**
     * Station photos: uploads up to {@code maxBytes} and {@code maxPixels} (checked from the header
     * before decoding), kept at most {@code maxEdge} pixels on the longer side plus a
     * {@code thumbnailEdge} thumbnail, at most {@code perStation} per station.
     */
    public record Photos(
            @DefaultValue("12582912") long maxBytes,
            @DefaultValue("50000000") long maxPixels,
            @DefaultValue("1600") int maxEdge,
            @DefaultValue("320") int thumbnailEdge,
            @DefaultValue("12") int perStation) {}

    /**
     * With the index off, nearest queries go to PostGIS (as they do while the index loads).
     *
     * @param repairInterval how often the index re-reads stations whose change counter moved
     *     since the check before last, repairing edits whose notification was lost
     * @param listenUrl JDBC URL of the primary for the index's LISTEN connection, for an instance
     *     whose datasource is a streaming replica (a standby can neither LISTEN nor receive NOTIFY);
     *     empty: the application's own datasource, which is then the primary
     * @param listenUsername user for {@code listenUrl}; empty: {@code spring.datasource.username}
     * @param listenPassword password for {@code listenUrl}; empty: {@code spring.datasource.password}
     * @param replicaWait with {@code listenUrl} set, how long a notified change waits for the replica
     *     to replay the primary's WAL before it is read from the primary instead (with a warning)
     * @param loadConnections connections a full load of the index reads the register over at once,
     *     each COPYing a share of the table in one shared snapshot; 1 (default): a single COPY, which
     *     was as fast on 2 cores (docs/SCALING.md); more for machines with cores to spare
     * @param snapshotFile where the index is saved after a full load and read back at start-up,
     *     catching up on the rows changed since; empty (default): every start-up reads the
     *     database. Not used with {@code listenUrl} (a replica cannot take the lock that makes a
     *     saved load exact)
     */
    public record Index(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30s") java.time.Duration repairInterval,
            @DefaultValue("") String listenUrl,
            @DefaultValue("") String listenUsername,
            @DefaultValue("") String listenPassword,
            @DefaultValue("5s") java.time.Duration replicaWait,
            @DefaultValue("1") int loadConnections,
            @DefaultValue("") String snapshotFile) {}
}
