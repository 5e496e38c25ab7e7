-- Issue 12: API keys for other people's apps, and the request counts behind their quotas.

-- A key is shown once, when issued; only its SHA-256 is kept (the key is 256 random bits, so an
-- unsalted hash is enough: nobody can guess a preimage). The prefix identifies it in lists.
CREATE TABLE api_key (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key_hash    bytea        NOT NULL UNIQUE CHECK (length(key_hash) = 32),
    key_prefix  varchar(16)  NOT NULL,
    app_name    varchar(120) NOT NULL,
    contact     varchar(200) NOT NULL,
    per_minute  integer      NOT NULL CHECK (per_minute > 0),
    per_day     integer      NOT NULL CHECK (per_day > 0),
    created_at  timestamptz  NOT NULL DEFAULT now(),
    created_by  varchar(64)  NOT NULL,
    revoked_at  timestamptz
);

-- Requests counted per caller and fixed window, shared by every API instance: each instance adds
-- what it counted about once a second (QuotaCounters). subject is 'k<key id>' for a key and
-- 'a' + a keyed hash of the client address for anonymous callers (never the address itself). Day windows of keys are the keys' daily use and
-- are kept; minute windows and anonymous days are deleted once over.
CREATE TABLE api_usage (
    subject        varchar(80) NOT NULL,
    window_seconds integer     NOT NULL,
    window_start   timestamptz NOT NULL,
    requests       bigint      NOT NULL,
    PRIMARY KEY (subject, window_seconds, window_start)
);
CREATE INDEX api_usage_window_start_idx ON api_usage (window_start);
