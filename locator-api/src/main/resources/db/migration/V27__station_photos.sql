-- Photos of stations, uploaded by unions. The bytes live in the register's own database so that
-- every API instance (and every replica) serves the same photos with no shared file system.
-- Both sizes are re-encoded JPEGs: EXIF, GPS and any other metadata of the upload are gone.
CREATE TABLE station_photo (
    id               bigserial    PRIMARY KEY,
    station_id       bigint       NOT NULL REFERENCES station (id) ON DELETE CASCADE,
    width            integer      NOT NULL CHECK (width > 0),
    height           integer      NOT NULL CHECK (height > 0),
    image            bytea        NOT NULL,
    image_etag       varchar(64)  NOT NULL,
    thumb_width      integer      NOT NULL CHECK (thumb_width > 0),
    thumb_height     integer      NOT NULL CHECK (thumb_height > 0),
    thumbnail        bytea        NOT NULL,
    thumbnail_etag   varchar(64)  NOT NULL,
    uploaded_by      varchar(64)  NOT NULL,
    uploaded_at      timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX station_photo_station ON station_photo (station_id, id);
-- The bytes are already compressed: keep them out of TOAST's pointless pglz pass.
ALTER TABLE station_photo ALTER COLUMN image SET STORAGE EXTERNAL;
ALTER TABLE station_photo ALTER COLUMN thumbnail SET STORAGE EXTERNAL;
