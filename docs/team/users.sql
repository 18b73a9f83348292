-- Request Doctor team mode: the two users, for ClickHouse versions with SQL access control (20.5 and later).
-- Run as an admin after schema.sql. Replace both passwords; narrow HOST to where your team connects from.
-- (The ClickHouse that Debian ships, 18.16, has no SQL users: use users.xml there.)

-- Limits per user name (every browser of the team shares it): a browser sends a batch at most every 10 s,
-- and a card asks at most once a minute per failure.
CREATE SETTINGS PROFILE IF NOT EXISTS request_doctor_insert SETTINGS max_execution_time = 10, max_insert_block_size = 10000;
CREATE SETTINGS PROFILE IF NOT EXISTS request_doctor_read SETTINGS readonly = 1, max_execution_time = 5, max_result_rows = 1000, result_overflow_mode = 'throw';

-- The extension's Endpoint/User/Password: inserts rows, reads nothing.
CREATE USER IF NOT EXISTS request_doctor_writer IDENTIFIED WITH sha256_password BY 'CHANGE-ME-WRITER'
    HOST ANY SETTINGS PROFILE 'request_doctor_insert';
-- Test connection checks the table's columns in system.columns: the writer may read that much of its own table.
GRANT INSERT, SHOW COLUMNS ON request_doctor.failures TO request_doctor_writer;

-- The extension's read-only user ("is it only me?") and your dashboards.
CREATE USER IF NOT EXISTS request_doctor_reader IDENTIFIED WITH sha256_password BY 'CHANGE-ME-READER'
    HOST ANY SETTINGS PROFILE 'request_doctor_read';
GRANT SELECT ON request_doctor.failures TO request_doctor_reader;

CREATE QUOTA IF NOT EXISTS request_doctor_insert FOR INTERVAL 1 hour MAX queries = 100000, errors = 10000 TO request_doctor_writer;
CREATE QUOTA IF NOT EXISTS request_doctor_read FOR INTERVAL 1 hour MAX queries = 50000, errors = 5000, result_rows = 5000000, read_rows = 5000000000 TO request_doctor_reader;
