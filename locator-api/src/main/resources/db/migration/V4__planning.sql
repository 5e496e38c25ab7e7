-- Planning: uploaded demand (where outdoor workers are) and demand seen by the locator itself.

CREATE TABLE demand_set (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        varchar(200) NOT NULL,
    kind        varchar(10)  NOT NULL CHECK (kind IN ('demand', 'candidate')),
    created_by  varchar(60)  NOT NULL,
    created_at  timestamp(6) with time zone NOT NULL,
    points      integer      NOT NULL
);

-- Demand hotspots or candidate sites; "label" is a district name/key for demand, a site name for candidates.
CREATE TABLE demand_point (
    set_id   bigint NOT NULL REFERENCES demand_set (id) ON DELETE CASCADE,
    seq      integer NOT NULL,
    location geography(Point, 4326) NOT NULL,
    weight   double precision NOT NULL CHECK (weight >= 0),
    label    varchar(100),
    PRIMARY KEY (set_id, seq)
);

-- Origins of nearest-station queries, aggregated to grid cells of about 300 m per day. Raw
-- coordinates are never stored (PIPL): only the cell's integer indices and counts. Cells with
-- fewer than five queries are suppressed when read.
CREATE TABLE query_demand (
    cell_lat    integer NOT NULL,
    cell_lng    integer NOT NULL,
    day         date    NOT NULL,
    queries     integer NOT NULL,
    far_queries integer NOT NULL,
    PRIMARY KEY (cell_lat, cell_lng, day)
);
