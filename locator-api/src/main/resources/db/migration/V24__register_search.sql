-- Register search for union staff (GET /api/v1/register/search).
-- Name and address are matched as substrings ("海勃湾" inside "海勃湾区新华街驿站"): trigram GIN
-- indexes serve LIKE '%…%' for queries of three or more characters. pg_trgm ships with Debian's
-- postgresql-15 package and is a trusted extension, so the database owner may create it; under
-- the C.UTF-8 locale Chinese characters are word characters and yield trigrams.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX station_name_trgm_idx ON station USING gin (name gin_trgm_ops);
CREATE INDEX station_address_trgm_idx ON station USING gin (address gin_trgm_ops);

-- Codes typed with or without hyphens ("150302000174", "15030200017") match by prefix of the
-- hyphen-less code.
CREATE INDEX station_code_compact_idx ON station ((replace(code, '-', '')) text_pattern_ops);
