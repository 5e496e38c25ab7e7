-- Worker feedback (ratings, problem reports, check-ins) and station freshness.
-- Nothing here identifies a worker: no IP address, no position except a suggested pin for a
-- wrong-location report, and a device only as an HMAC of (day, device id) under a server secret,
-- which cannot be linked across days and serves only the one-per-day rules.

-- When a union last confirmed the station (POST .../verify or resolving a report).
ALTER TABLE station ADD COLUMN last_verified_at timestamp(6) with time zone;
-- Creation time of the third-newest unresolved closed_when_open report filed after
-- last_verified_at; the station is stale while it lies within the last 7 days. Kept by the
-- feedback service so nearest queries (served from memory) need no per-request lookup.
ALTER TABLE station ADD COLUMN closed_alarm_at timestamp(6) with time zone;

CREATE TABLE station_rating (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    station_id  bigint       NOT NULL REFERENCES station (id),
    stars       smallint     NOT NULL CHECK (stars BETWEEN 1 AND 5),
    tags        varchar(30)[] NOT NULL DEFAULT '{}',
    comment     varchar(200),
    -- Local (Asia/Shanghai) day of the rating and the device's hash for that day.
    day         date         NOT NULL,
    device_hash varchar(64)  NOT NULL CHECK (device_hash ~ '^[0-9a-f]{64}$'),
    created_at  timestamp(6) with time zone NOT NULL,
    CONSTRAINT station_rating_once_a_day UNIQUE (station_id, day, device_hash)
);
CREATE INDEX station_rating_station_idx ON station_rating (station_id, created_at);

CREATE TABLE station_report (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    station_id         bigint       NOT NULL REFERENCES station (id),
    reason             varchar(20)  NOT NULL CHECK (reason IN
                           ('closed_when_open', 'cannot_find', 'wrong_location', 'amenity_missing', 'other')),
    amenity            varchar(40)  REFERENCES amenity (key),
    suggested_location geography(Point, 4326),
    text               varchar(200),
    status             varchar(12)  NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
    day                date         NOT NULL,
    device_hash        varchar(64)  NOT NULL CHECK (device_hash ~ '^[0-9a-f]{64}$'),
    created_at         timestamp(6) with time zone NOT NULL,
    acknowledged_at    timestamp(6) with time zone,
    acknowledged_by    varchar(50),
    resolved_at        timestamp(6) with time zone,
    resolved_by        varchar(50),
    resolution_note    varchar(200),
    CHECK (reason <> 'wrong_location' OR suggested_location IS NOT NULL),
    CHECK (reason <> 'amenity_missing' OR amenity IS NOT NULL),
    CHECK ((status = 'resolved') = (resolved_at IS NOT NULL)),
    -- One report of each reason per device, station and day: one phone cannot flag a station stale.
    CONSTRAINT station_report_once_a_day UNIQUE (station_id, day, device_hash, reason)
);
CREATE INDEX station_report_station_idx ON station_report (station_id, created_at);
CREATE INDEX station_report_unresolved_idx ON station_report (created_at) WHERE status <> 'resolved';

-- "I used it": a time and a station, nothing else.
CREATE TABLE station_checkin (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    station_id  bigint NOT NULL REFERENCES station (id),
    created_at  timestamp(6) with time zone NOT NULL
);
CREATE INDEX station_checkin_station_idx ON station_checkin (station_id, created_at);
