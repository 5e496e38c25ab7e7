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
 * @param admin the bootstrap administrator; an empty password disables writes
 * @param demo whether to load the demo register into an empty database
 * @param index the in-memory station index for nearest queries
 * @param publicBaseUrl the address the public reaches the map at, printed in plaque QR codes;
 *     empty means "the address of the request"
 */
@ConfigurationProperties("yizhan")
public record YizhanProperties(
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue("65536") int maxRequestBytes,
        @DefaultValue("52428800") long maxImportBytes,
        @DefaultValue Admin admin,
        @DefaultValue Demo demo,
        @DefaultValue Index index,
        @DefaultValue("") String publicBaseUrl) {

    public record Admin(@DefaultValue("admin") String username, @DefaultValue("") String password) {}

    public record Demo(@DefaultValue("false") boolean enabled) {}

    /**
     * With the index off, nearest queries go to PostGIS (as they do while the index loads).
     *
     * @param repairInterval how often the index re-reads stations whose change counter moved
     *     since the check before last, repairing edits whose notification was lost
     */
    public record Index(@DefaultValue("true") boolean enabled, @DefaultValue("30s") java.time.Duration repairInterval) {}
}
