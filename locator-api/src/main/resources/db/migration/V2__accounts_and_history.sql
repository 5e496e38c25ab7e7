-- Union accounts, their regions, and the change history of every station.

CREATE TABLE account (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      varchar(60)  NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9._@-]{3,60}$'),
    display_name  varchar(100) NOT NULL,
    -- Spring Security's delegating format, e.g. {bcrypt}$2a$... : the algorithm can change later.
    password_hash varchar(200) NOT NULL,
    role          varchar(10)  NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    enabled       boolean      NOT NULL DEFAULT true,
    created_at    timestamp(6) with time zone NOT NULL,
    updated_at    timestamp(6) with time zone NOT NULL,
    version       bigint       NOT NULL
);

-- An editor may change stations whose adcode starts with one of its prefixes:
-- '1503' is all of Wuhai, '150302' one district. Prefixes are 2, 4 or 6 digits (province, city, county).
CREATE TABLE account_scope (
    account_id    bigint     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    adcode_prefix varchar(6) NOT NULL CHECK (adcode_prefix ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6})$'),
    PRIMARY KEY (account_id, adcode_prefix)
);

CREATE TABLE station_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    station_id  bigint       NOT NULL REFERENCES station (id),
    changed_at  timestamp(6) with time zone NOT NULL,
    changed_by  varchar(60)  NOT NULL,
    action      varchar(12)  NOT NULL CHECK (action IN ('create', 'update', 'status', 'import')),
    -- {"field": {"before": ..., "after": ...}} for the fields that changed.
    changes     jsonb        NOT NULL,
    reason      varchar(200)
);

CREATE INDEX station_history_station_idx ON station_history (station_id, changed_at DESC);
