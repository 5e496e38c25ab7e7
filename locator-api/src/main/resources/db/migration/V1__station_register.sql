-- The station register. Flyway owns this schema; Hibernate only validates it.

-- Controlled amenity vocabulary. New keys arrive by migration, never as free text from clients.
CREATE TABLE amenity (
    key        varchar(40)  PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]{1,39}$'),
    label_zh   varchar(40)  NOT NULL,
    label_en   varchar(60)  NOT NULL,
    icon       varchar(8)   NOT NULL,
    sort_order integer      NOT NULL
);

INSERT INTO amenity (key, label_zh, label_en, icon, sort_order) VALUES
    ('drinking_water',   '饮水/热水',   'Drinking water',     '🚰', 10),
    ('kettle',           '烧水壶',      'Kettle',             '🫖', 20),
    ('microwave',        '微波炉',      'Microwave',          '🍱', 30),
    ('refrigerator',     '冰箱',        'Refrigerator',       '🧊', 40),
    ('first_aid',        '医药箱',      'First aid kit',      '🩹', 50),
    ('seating',          '桌椅休息',    'Seating',            '🪑', 60),
    ('phone_charging',   '手机充电',    'Phone charging',     '🔌', 70),
    ('ebike_charging',   '电瓶车充电',  'E-bike charging',    '🛵', 80),
    ('air_conditioning', '空调',        'Air conditioning',   '❄️', 90),
    ('umbrella',         '爱心雨伞',    'Umbrella loan',      '☂️', 100),
    ('books',            '图书角',      'Reading corner',     '📚', 110),
    ('tool_cabinet',     '工具柜',      'Tool cabinet',       '🧰', 120),
    ('toilet',           '卫生间',      'Toilet',             '🚻', 130),
    ('wifi',             '无线网络',    'Wi-Fi',              '📶', 140),
    ('summer_supplies',  '防暑用品',    'Heat-relief supplies','🍵', 150);

-- One counter per county-level division. Codes are never reused: the counter only grows,
-- and the row lock taken by INSERT ... ON CONFLICT DO UPDATE serialises concurrent creates.
CREATE TABLE station_code_sequence (
    adcode        varchar(6) PRIMARY KEY CHECK (adcode ~ '^[0-9]{6}$'),
    last_sequence integer    NOT NULL CHECK (last_sequence BETWEEN 1 AND 99999)
);

CREATE TABLE station (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code              varchar(14)  NOT NULL UNIQUE CHECK (code ~ '^[0-9]{6}-[0-9]{5}-[0-9X]$'),
    name              varchar(100) NOT NULL CHECK (length(btrim(name)) > 0),
    name_en           varchar(150),
    address           varchar(200) NOT NULL,
    location          geography(Point, 4326) NOT NULL,
    adcode            varchar(6)   NOT NULL CHECK (adcode ~ '^[0-9]{6}$'),
    host_type         varchar(12)  NOT NULL CHECK (host_type IN ('self_built', 'co_built')),
    host_organisation varchar(100) NOT NULL,
    contact_person    varchar(50)  NOT NULL,
    contact_phone     varchar(30)  NOT NULL,
    opening_hours     varchar(255) NOT NULL,
    -- Denormalised from opening_hours so "open now" can skip evaluating 24-hour stations.
    always_open       boolean      NOT NULL,
    amenities         varchar(40)[] NOT NULL DEFAULT '{}',
    status            varchar(12)  NOT NULL CHECK (status IN ('active', 'suspended', 'closed')),
    status_reason     varchar(200),
    floor_area        double precision CHECK (floor_area > 0 AND floor_area < 10000),
    created_at        timestamp(6) with time zone NOT NULL,
    updated_at        timestamp(6) with time zone NOT NULL,
    version           bigint       NOT NULL
);

-- Nearest queries only ever want active stations: a partial index keeps KNN on the rows that matter.
CREATE INDEX station_active_location_idx ON station USING gist (location) WHERE status = 'active';
CREATE INDEX station_location_idx ON station USING gist (location);
CREATE INDEX station_amenities_idx ON station USING gin (amenities);
CREATE INDEX station_adcode_idx ON station (adcode);

-- Arrays cannot carry foreign keys, so a trigger keeps amenities inside the vocabulary.
CREATE FUNCTION station_check_amenities() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unknown text;
BEGIN
    SELECT a INTO unknown FROM unnest(NEW.amenities) AS a
     WHERE NOT EXISTS (SELECT 1 FROM amenity WHERE key = a) LIMIT 1;
    IF unknown IS NOT NULL THEN
        RAISE EXCEPTION 'unknown amenity %', unknown USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER station_amenities_in_vocabulary
    BEFORE INSERT OR UPDATE OF amenities ON station
    FOR EACH ROW EXECUTE FUNCTION station_check_amenities();

-- Viewport queries compare plain longitude/latitude boxes (a geography box would follow great
-- circles), so they get a geometry index of their own.
CREATE INDEX station_location_geom_idx ON station USING gist ((location::geometry));
