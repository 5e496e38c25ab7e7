package org.yizhan.locator.exporting;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yizhan.geo.station.StationRecord;
import org.yizhan.locator.station.StationRow;

/**
 * Streams stations out of the register as exchange records, in code order, inside a read-only
 * transaction so the driver uses a cursor: a national export never sits in memory at once.
 */
@Component
class RegisterReader {

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    RegisterReader(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Stations whose adcode matches one of the LIKE {@code patterns} and whose status is listed. */
    void forEach(
            List<String> patterns,
            List<String> statuses,
            List<String> codes,
            Consumer<Stream<StationRecord>> consumer) {
        StringBuilder where = new StringBuilder("s.adcode LIKE ANY (:patterns) AND s.status IN (:statuses)");
        if (!codes.isEmpty()) where.append(" AND s.code IN (:codes)");
        readOnly.executeWithoutResult(status -> {
            JdbcClient.StatementSpec sql = jdbc.sql(
                            "SELECT " + StationRow.COLUMNS + " FROM station s WHERE " + where + " ORDER BY s.code")
                    .withFetchSize(2_000)
                    .param("patterns", patterns.toArray(String[]::new))
                    .param("statuses", statuses);
            if (!codes.isEmpty()) sql = sql.param("codes", codes);
            try (Stream<StationRow> rows = sql.query(StationRow::map).stream()) {
                consumer.accept(rows.map(RegisterReader::toRecord));
            }
        });
    }

    static StationRecord toRecord(StationRow r) {
        return new StationRecord(
                r.code(),
                r.name(),
                r.nameEn(),
                r.address(),
                r.lat(),
                r.lng(),
                r.adcode(),
                r.hostType(),
                r.hostOrganisation(),
                r.contactPerson(),
                r.contactPhone(),
                r.openingHours(),
                new ArrayList<>(r.amenities()),
                r.status(),
                r.floorArea());
    }
}
