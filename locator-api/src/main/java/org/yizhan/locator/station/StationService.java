package org.yizhan.locator.station;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.code.StationCode;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.division.Division;
import org.yizhan.geo.division.DivisionBoundaries;
import org.yizhan.geo.division.Divisions;
import org.yizhan.geo.hours.ChineseOpeningHours;
import org.yizhan.geo.hours.InvalidOpeningHoursException;
import org.yizhan.geo.hours.OpeningHours;
import org.yizhan.locator.account.Actor;
import org.yizhan.locator.amenity.AmenityVocabulary;
import org.yizhan.locator.division.DistrictLocator;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.GeoParams;
import org.yizhan.locator.web.ProblemText;

/**
 * The rules of the register: validation beyond field shapes, region scope, code assignment,
 * optimistic locking, and the change history.
 */
@Service
public class StationService {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final StationRepository stations;
    private final StationCodeAllocator codes;
    private final AmenityVocabulary amenities;
    private final StationHistory history;
    private final DuplicateCheck duplicates;
    private final Divisions divisions = Divisions.standard();
    private final DivisionBoundaries boundaries = DivisionBoundaries.standard();
    private final Clock clock;
    private final DistrictLocator locator;

    StationService(
            StationRepository stations,
            StationCodeAllocator codes,
            AmenityVocabulary amenities,
            StationHistory history,
            DuplicateCheck duplicates,
            Clock clock,
            DistrictLocator locator) {
        this.locator = locator;
        this.stations = stations;
        this.codes = codes;
        this.amenities = amenities;
        this.history = history;
        this.duplicates = duplicates;
        this.clock = clock;
    }

    /** The code of a written station and the likely duplicates the writer should look at. */
    public record Saved(StationCode code, List<DuplicateCheck.Warning> warnings) {}

    /** Creates an active station and assigns its code. */
    @Transactional
    public Saved create(StationForm form, Actor actor) {
        String adcode = form.adcode() != null ? countyLevel(form.adcode()) : fromPoint(form);
        actor.requireMayEdit(adcode);
        Station station = new Station(clock.instant());
        LatLng at = apply(station, form, adcode);
        List<DuplicateCheck.Warning> warnings = duplicates.find(at, form.name().trim(), null);
        StationCode code = codes.next(adcode);
        station.assignCode(code.value());
        stations.saveAndFlush(station);
        history.record(id(station), actor.username(), "create", Map.of(), station.snapshot(), null);
        return new Saved(code, warnings);
    }

    @Transactional
    public Saved update(StationCode code, StationForm form, Actor actor) {
        if (form.version() == null) {
            throw ApiException.invalid("version", "station.version.required");
        }
        Station station = load(code);
        actor.requireMayEdit(station.getAdcode());
        checkVersion(station, form.version());
        String adcode = form.adcode() != null ? countyLevel(form.adcode()) : station.getAdcode();
        actor.requireMayEdit(adcode);
        Map<String, @Nullable Object> before = station.snapshot();
        LatLng at = apply(station, form, adcode);
        station.touch(clock.instant());
        stations.saveAndFlush(station);
        history.record(id(station), actor.username(), "update", before, station.snapshot(), null);
        return new Saved(code, duplicates.find(at, form.name().trim(), code.value()));
    }

    @Transactional
    public void changeStatus(StationCode code, StatusForm form, Actor actor) {
        Station station = load(code);
        actor.requireMayEdit(station.getAdcode());
        checkVersion(station, form.version());
        Map<String, @Nullable Object> before = station.snapshot();
        StationStatus status = StationStatus.parse(form.status()).orElseThrow();
        String reason = form.reason() == null || form.reason().isBlank()
                ? null
                : form.reason().trim();
        station.setStatus(status, reason);
        station.touch(clock.instant());
        stations.saveAndFlush(station);
        history.record(id(station), actor.username(), "status", before, station.snapshot(), reason);
    }

    /**
     * One status for many stations, all or nothing: a station that does not exist or that the
     * account may not edit rejects the whole batch. For clearing what was created by mistake
     * (an import into the wrong district, test entries); each station's history records it.
     */
    @Transactional
    public int changeStatuses(List<StationCode> codes, StationStatus status, @Nullable String reason, Actor actor) {
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        int changed = 0;
        for (StationCode code : codes) {
            Station station = load(code);
            actor.requireMayEdit(station.getAdcode());
            if (station.getStatus().equals(status.value())) continue;
            Map<String, @Nullable Object> before = station.snapshot();
            station.setStatus(status, why);
            station.touch(clock.instant());
            stations.save(station);
            history.record(id(station), actor.username(), "status", before, station.snapshot(), why);
            changed++;
        }
        stations.flush();
        return changed;
    }

    private static long id(Station station) {
        Long id = station.getId();
        if (id == null) throw new IllegalStateException("station not saved");
        return id;
    }

    private Station load(StationCode code) {
        return stations.findByCode(code.value())
                .orElseThrow(() -> ApiException.notFound("station.unknown", code.value()));
    }

    private static void checkVersion(Station station, long version) {
        if (station.getVersion() != version) {
            throw ApiException.of(HttpStatus.CONFLICT, "station.version.stale", version, station.getVersion())
                    .with("currentVersion", station.getVersion());
        }
    }

    private String countyLevel(String adcode) {
        Division division =
                divisions.find(adcode).orElseThrow(() -> ApiException.invalid("adcode", "division.unknown", adcode));
        if (division.level() != Division.Level.COUNTY) {
            throw ApiException.invalid("adcode", "division.notCounty", adcode, division.name());
        }
        return adcode;
    }

    /** Validates the form and writes it into the station; returns the position in WGS-84. */
    private LatLng apply(Station station, StationForm form, String adcode) {
        CoordinateSystem crs = GeoParams.crs(form.crs());
        LatLng wgs84 = wgs84(form);
        requireInsideDivision(adcode, wgs84, crs);
        OpeningHours hours = parseHours(form.openingHours());

        station.setName(form.name().trim());
        station.setNameEn(
                form.nameEn() == null || form.nameEn().isBlank()
                        ? null
                        : form.nameEn().trim());
        station.setAddress(form.address().trim());
        station.setLocation(WGS84.createPoint(new Coordinate(wgs84.lng(), wgs84.lat())));
        station.setAdcode(adcode);
        station.setHostType(HostType.parse(form.hostType()).orElseThrow());
        station.setHostOrganisation(form.hostOrganisation().trim());
        station.setContactPerson(form.contactPerson().trim());
        station.setContactPhone(form.contactPhone().trim());
        station.setOpeningHours(hours.value(), hours.isAlwaysOpen());
        station.setAmenities(amenities.validate("amenities", form.amenities()));
        station.setFloorArea(form.floorArea());
        return wgs84;
    }

    private static LatLng wgs84(StationForm form) {
        return GeoParams.crs(form.crs())
                .toWgs84(GeoParams.point(form.location().lat(), form.location().lng()));
    }

    /** A create without adcode: the division the boundaries put the point in, or a 422 listing the candidates. */
    private String fromPoint(StationForm form) {
        DistrictLocator.Located found = locator.locate(wgs84(form));
        if (found.adcode() != null) return found.adcode();
        if (found.area() == null) {
            throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "station.district.none")
                    .with("field", "adcode");
        }
        String choices = String.join(
                "、",
                found.candidates().stream().map(d -> d.name() + " " + d.code()).toList());
        Object hint = found.suggested() == null
                ? ""
                : divisions
                        .find(found.suggested())
                        .<Object>map(d -> new ProblemText("station.district.nearest", d.name(), d.code()))
                        .orElse("");
        throw ApiException.of(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "station.district.ambiguous",
                        found.area().name(),
                        found.area().code(),
                        choices,
                        hint)
                .with("field", "adcode")
                .with(
                        "candidates",
                        found.candidates().stream().map(Division::code).toList())
                .with("suggested", found.suggested() == null ? "" : found.suggested());
    }

    /**
     * A station must lie in its declared division. The shipped boundaries are city-level in the
     * provinces (county-level in the municipalities) and simplified, hence the 1 km tolerance;
     * where no boundary is shipped the check cannot say no.
     */
    private void requireInsideDivision(String adcode, LatLng wgs84, CoordinateSystem crs) {
        DivisionBoundaries.Verdict verdict = boundaries.check(adcode, wgs84);
        if (verdict.acceptable(DivisionBoundaries.DEFAULT_TOLERANCE_METRES)) return;
        String area = verdict.checkedCode() == null ? adcode : verdict.checkedCode();
        String name = divisions.find(area).map(Division::name).orElse(area);
        ProblemText hint = crs == CoordinateSystem.WGS84
                ? new ProblemText("station.location.hintWgs84")
                : new ProblemText("station.location.hintCrs", crs.id());
        Division lyingIn = locator.locate(wgs84).area();
        Object lies =
                lyingIn == null ? "" : new ProblemText("station.location.liesIn", divisions.fullName(lyingIn.code()));
        throw ApiException.of(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "station.location.outside",
                        Math.round(verdict.distanceMetres() / 100) / 10.0,
                        name,
                        area,
                        adcode,
                        lies,
                        hint)
                .with("field", "location");
    }

    /** OSM syntax as typed, or Chinese as staff write it ("周一至周六 7:30-19:30"), stored as OSM. */
    private static OpeningHours parseHours(String value) {
        try {
            return OpeningHours.parse(ChineseOpeningHours.read(value).osm());
        } catch (InvalidOpeningHoursException e) {
            throw OpeningHoursProblems.of(e, "openingHours");
        }
    }
}
