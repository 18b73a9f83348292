// The OpenTelemetry sink: rows as an OTLP/HTTP JSON logs request (ExportLogsServiceRequest), with the
// stable HTTP semantic-convention attributes and Request Doctor's own. Pure.
import type { TeamRow } from './record';

type AnyValue = { stringValue: string } | { intValue: string };
interface KeyValue { key: string; value: AnyValue }

const text = (key: string, value: string): KeyValue[] => (value ? [{ key, value: { stringValue: value } }] : []);
// OTLP JSON writes 64-bit integers as decimal strings.
const int = (key: string, value: number): KeyValue[] => (value ? [{ key, value: { intValue: String(value) } }] : []);

/** OpenTelemetry severity numbers: INFO 9, WARN 13, ERROR 17. */
const SEVERITY: Record<string, [number, string]> = { info: [9, 'INFO'], warning: [13, 'WARN'], error: [17, 'ERROR'] };

function logRecord(row: TeamRow): object {
  const [severityNumber, severityText] = SEVERITY[row.severity] ?? [9, 'INFO'];
  const nanos = `${BigInt(Math.round(row.time)) * 1_000_000n}`;
  return {
    timeUnixNano: nanos,
    observedTimeUnixNano: nanos,
    severityNumber,
    severityText,
    body: { stringValue: row.kind === 'dropped' ? `${row.count} failures dropped: queue full`
      : row.kind === 'recheck' ? `${row.method} ${row.url} rechecked: ${row.recheck}` : `${row.method} ${row.url} failed: ${row.code}` },
    attributes: [
      ...text('url.full', row.url),
      ...text('http.request.method', row.method),
      ...int('http.response.status_code', row.status),
      // error.type: the network error's name, else the status code (as the semantic conventions ask).
      ...text('error.type', row.kind === 'failure' ? (row.status ? String(row.status) : row.cause) : ''),
      ...text('server.address', row.host),
      ...text('request_doctor.id', row.id),
      ...text('request_doctor.kind', row.kind),
      ...text('request_doctor.stage', row.stage),
      ...text('request_doctor.cause', row.cause),
      ...text('request_doctor.code', row.code),
      ...text('request_doctor.resource_type', row.resource_type),
      ...text('request_doctor.page_host', row.page_host),
      ...text('request_doctor.recheck', row.recheck),
      ...int('request_doctor.count', row.count),
    ],
  };
}

/** One request body for `POST <endpoint>/v1/logs`. Rows of one queue share their sender. */
export function otlpLogs(rows: readonly TeamRow[]): object {
  const sender = rows[0];
  return {
    resourceLogs: [{
      resource: {
        attributes: [
          ...text('service.name', 'request-doctor'),
          ...text('service.version', sender?.extension_version ?? ''),
          ...text('service.instance.id', sender?.install_id ?? ''),
          ...text('browser.name', sender?.browser ?? ''),
          ...text('browser.version', sender?.browser_version ?? ''),
        ],
      },
      scopeLogs: [{ scope: { name: 'request-doctor', version: sender?.extension_version ?? '' }, logRecords: rows.map(logRecord) }],
    }],
  };
}

/** Where the logs go: the collector's base URL plus `/v1/logs` (a URL that already ends so is kept). */
export function otlpLogsUrl(endpoint: string): string {
  const url = new URL(endpoint);
  if (!url.pathname.endsWith('/v1/logs')) url.pathname = `${url.pathname.replace(/\/$/, '')}/v1/logs`;
  return url.href;
}
