-- Request Doctor team mode: queries for a team dashboard (Grafana's ClickHouse data source, Metabase,
-- Superset or clickhouse-client), as the read-only user. They run on Debian's 18.16 and on current versions.
-- A batch that was sent again can be in the table twice until ClickHouse merges it away: every count
-- below counts distinct ids (uniqExact(id)), so a retry never counts twice.

-- Top failing endpoints, last 24 hours.
SELECT host, path, code, uniqExact(id) AS failures, uniqExact(install_id) AS browsers, max(time) AS last_seen
FROM request_doctor.failures
WHERE kind = 'failure' AND time > now() - 86400
GROUP BY host, path, code
ORDER BY failures DESC
LIMIT 50;

-- Failures by stage over time, per 10 minutes, last 24 hours.
-- (toStartOfTenMinutes exists only in later versions; this works on every one.)
SELECT toDateTime(intDiv(toUInt32(time), 600) * 600) AS t, stage, uniqExact(id) AS failures
FROM request_doctor.failures
WHERE kind = 'failure' AND time > now() - 86400
GROUP BY t, stage
ORDER BY t, stage;

-- Browsers affected, by browser and version, last 7 days.
SELECT browser, browser_version, uniqExact(install_id) AS browsers, uniqExact(id) AS failures
FROM request_doctor.failures
WHERE kind = 'failure' AND time > now() - 7 * 86400
GROUP BY browser, browser_version
ORDER BY browsers DESC;

-- Failures each browser's queue had to drop (it holds 5,000 while the store is unreachable), last 7 days.
-- The same drop report may be sent again with a larger count: FINAL keeps the last one.
SELECT install_id, sum(count) AS dropped
FROM request_doctor.failures FINAL
WHERE kind = 'dropped' AND time > now() - 7 * 86400
GROUP BY install_id
ORDER BY dropped DESC;
