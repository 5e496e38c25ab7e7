package org.yizhan.locator.station;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;
import org.yizhan.geo.station.FieldLimits;

/**
 * A station as written: the JPA entity behind create, update and status changes. Never
 * serialised to clients; reads use {@link StationRow}. The write boundary to the database: it
 * carries {@code @Version} locking and Hibernate's schema validation (docs/DECISIONS.md, "One
 * station model per boundary"). Enumerations are stored as their
 * lower-case API values so SQL and API agree.
 */
@Entity
@Table(name = "station")
public class Station {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, updatable = false, length = 14)
    private String code = "";

    @Column(nullable = false, length = FieldLimits.NAME)
    private String name = "";

    @Column(name = "name_en", length = FieldLimits.NAME_EN)
    private @Nullable String nameEn;

    @Column(nullable = false, length = FieldLimits.ADDRESS)
    private String address = "";

    /** WGS-84, longitude as x. */
    @Column(nullable = false, columnDefinition = "geography(Point,4326)")
    private @Nullable Point location;

    @Column(nullable = false, length = 6)
    private String adcode = "";

    @Column(name = "host_type", nullable = false, length = 12)
    private String hostType = HostType.SELF_BUILT.value();

    @Column(name = "host_organisation", nullable = false, length = FieldLimits.HOST_ORGANISATION)
    private String hostOrganisation = "";

    @Column(name = "contact_person", nullable = false, length = FieldLimits.CONTACT_PERSON)
    private String contactPerson = "";

    @Column(name = "contact_phone", nullable = false, length = FieldLimits.CONTACT_PHONE)
    private String contactPhone = "";

    @Column(name = "opening_hours", nullable = false, length = FieldLimits.OPENING_HOURS)
    private String openingHours = "";

    @Column(name = "always_open", nullable = false)
    private boolean alwaysOpen;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(40)[]")
    private List<String> amenities = List.of();

    @Column(nullable = false, length = 12)
    private String status = StationStatus.ACTIVE.value();

    @Column(name = "status_reason", length = 200)
    private @Nullable String statusReason;

    @Column(name = "floor_area")
    private @Nullable Double floorArea;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @Version
    private long version;

    protected Station() {}

    Station(Instant now) {
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Codes are assigned once, when the station is first saved. */
    void assignCode(String code) {
        if (!this.code.isEmpty()) throw new IllegalStateException("station already has code " + this.code);
        this.code = code;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getAdcode() {
        return adcode;
    }

    public long getVersion() {
        return version;
    }

    public String getStatus() {
        return status;
    }

    void setName(String name) {
        this.name = name;
    }

    void setNameEn(@Nullable String nameEn) {
        this.nameEn = nameEn;
    }

    void setAddress(String address) {
        this.address = address;
    }

    void setLocation(Point location) {
        this.location = location;
    }

    void setAdcode(String adcode) {
        this.adcode = adcode;
    }

    void setHostType(HostType hostType) {
        this.hostType = hostType.value();
    }

    void setHostOrganisation(String hostOrganisation) {
        this.hostOrganisation = hostOrganisation;
    }

    void setContactPerson(String contactPerson) {
        this.contactPerson = contactPerson;
    }

    void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    void setOpeningHours(String openingHours, boolean alwaysOpen) {
        this.openingHours = openingHours;
        this.alwaysOpen = alwaysOpen;
    }

    void setAmenities(List<String> amenities) {
        this.amenities = List.copyOf(amenities);
    }

    void setStatus(StationStatus status, @Nullable String reason) {
        this.status = status.value();
        this.statusReason = reason;
    }

    void setFloorArea(@Nullable Double floorArea) {
        this.floorArea = floorArea;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    /** The fields a person edits, for the change history; coordinates in WGS-84. */
    Map<String, @Nullable Object> snapshot() {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("nameEn", nameEn);
        fields.put("address", address);
        fields.put("lat", location == null ? null : location.getY());
        fields.put("lng", location == null ? null : location.getX());
        fields.put("adcode", adcode);
        fields.put("hostType", hostType);
        fields.put("hostOrganisation", hostOrganisation);
        fields.put("contactPerson", contactPerson);
        fields.put("contactPhone", contactPhone);
        fields.put("openingHours", openingHours);
        fields.put("amenities", List.copyOf(amenities));
        fields.put("status", status);
        fields.put("statusReason", statusReason);
        fields.put("floorArea", floorArea);
        return fields;
    }
}
