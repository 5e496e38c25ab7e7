package org.yizhan.locator.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yizhan.geo.code.StationCode;
import org.yizhan.geo.station.StationCsv;
import org.yizhan.geo.station.StationRecord;
import org.yizhan.locator.account.Actor;
import org.yizhan.locator.config.YizhanProperties;
import org.yizhan.locator.station.StationForm;
import org.yizhan.locator.station.StationService;
import org.yizhan.locator.station.StatusForm;

/**
 * Fills an empty register with the demo stations shipped in geo-data, through the same service
 * as the write API, so demo stations get real codes and pass the same validation.
 */
@Component
class DemoDataLoader {

    static final String RESOURCE = "/org/yizhan/geo/demo/demo-stations.csv";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final Actor DEMO = Actor.system("demo-data");

    private final YizhanProperties properties;
    private final JdbcClient jdbc;
    private final StationService stations;

    DemoDataLoader(YizhanProperties properties, JdbcClient jdbc, StationService stations) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.stations = stations;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadIfEmpty() {
        if (!properties.demo().enabled()) return;
        long existing =
                jdbc.sql("SELECT count(*) FROM station").query(Long.class).single();
        if (existing > 0) return;
        int loaded = 0;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(RESOURCE), RESOURCE);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                Stream<StationRecord> records = StationCsv.read(reader)) {
            for (StationRecord record : (Iterable<StationRecord>) records::iterator) {
                StationCode code = stations.create(toForm(record), DEMO).code();
                if (!"active".equals(record.status())) {
                    stations.changeStatus(code, new StatusForm(record.status(), "演示数据", 0L), DEMO);
                }
                loaded++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Loaded {} demo stations", loaded);
    }

    private static StationForm toForm(StationRecord r) {
        return new StationForm(
                r.name(),
                r.nameEn(),
                r.address(),
                new StationForm.LocationForm(r.lat(), r.lng()),
                "wgs84",
                r.adcode(),
                r.hostType(),
                r.hostOrganisation(),
                r.contactPerson(),
                r.contactPhone(),
                r.openingHours(),
                r.amenities(),
                r.floorArea(),
                null);
    }
}
