-- Request Doctor team mode: everything the ClickHouse sink needs. Runs as is on an empty server, from
-- Debian's ClickHouse 18.16 up:  clickhouse-client --multiquery < schema.sql
CREATE DATABASE IF NOT EXISTS request_doctor;

-- One row per failure a browser saw on its person's "Sites I work on", or per batch of records the
-- browser's queue had to drop (kind = 'dropped', count = how many).
-- A retry sends the same id again: ReplacingMergeTree keeps one row per sorting key (which ends in the
-- id) when parts merge. Until then a row may be there twice, so counts use uniqExact(id), or FINAL.
CREATE TABLE IF NOT EXISTS request_doctor.failures
(
    id String,
    kind String,
    time DateTime,
    install_id String,
    url String,
    host String,
    path String,
    query String,
    method String,
    code String,
    status UInt16,
    stage String,
    cause String,
    severity String,
    resource_type String,
    page_host String,
    browser String,
    browser_version String,
    extension_version String,
    recheck String,
    count UInt32
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(time)
ORDER BY (host, path, code, time, id);
