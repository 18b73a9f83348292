// @ts-check
// A local OTLP/HTTP logs receiver that decodes every request with the official OTLP definitions (the code
// @opentelemetry/otlp-transformer generated from opentelemetry-proto), never with a parser of our own.
import http from 'node:http';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';

const require = createRequire(import.meta.url);
/** The generated protobufjs module (0.52: later releases no longer ship it). */
const generated = /** @type {any} */ (require('@opentelemetry/otlp-transformer/build/src/generated/root.js'));
const { opentelemetry } = generated;
const Request = opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;

/**
 * Without the fields at their default value ('', 0, false, []): OTLP/JSON may leave them out, protobuf does.
 * @param {unknown} value
 * @returns {unknown}
 */
function withoutDefaults(value) {
  if (Array.isArray(value)) return value.map(withoutDefaults);
  if (value === null || typeof value !== 'object') return value;
  const kept = Object.entries(value).map(([key, inner]) => [key, withoutDefaults(inner)])
    .filter(([, inner]) => inner !== '' && inner !== 0 && inner !== '0' && inner !== false && !(Array.isArray(inner) && inner.length === 0));
  return Object.fromEntries(kept);
}

/**
 * OTLP/JSON → the protobuf message → its binary encoding → decoded again → JSON. A field the definitions do
 * not have, of the wrong type or wrongly named is lost on the way, and the two JSONs differ.
 * @param {unknown} json
 * @returns {{ ok: true, request: any } | { ok: false, reason: string }}
 */
export function decodeLogs(json) {
  /** @type {any} */
  let message;
  try {
    message = Request.fromObject(json);
  } catch (error) {
    return { ok: false, reason: String(error) };
  }
  const problem = Request.verify(message);
  if (problem) return { ok: false, reason: problem };
  const decoded = Request.toObject(Request.decode(Request.encode(message).finish()), { longs: String, enums: Number });
  if (!isDeepStrictEqual(withoutDefaults(JSON.parse(JSON.stringify(decoded))), withoutDefaults(json))) {
    return { ok: false, reason: `not OTLP as sent: ${JSON.stringify(json).slice(0, 300)} decoded as ${JSON.stringify(decoded).slice(0, 300)}` };
  }
  return { ok: true, request: decoded };
}

/**
 * Starts the receiver on a free loopback port. `token`: the bearer token it requires.
 * @param {{ token: string }} options
 */
export async function startOtlpReceiver({ token }) {
  /** @type {any[]} */
  const requests = [];
  /** @type {string[]} */
  const rejected = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      const answer = (/** @type {number} */ status, /** @type {string} */ text) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(text);
      };
      if (req.method !== 'POST' || req.url !== '/v1/logs') return answer(404, '{}');
      if (req.headers.authorization !== `Bearer ${token}`) return answer(401, '{"code":16,"message":"unauthenticated"}');
      if (!String(req.headers['content-type']).startsWith('application/json')) return answer(415, '{}');
      let json;
      try {
        json = JSON.parse(body);
      } catch {
        rejected.push('not JSON');
        return answer(400, '{}');
      }
      const decoded = decodeLogs(json);
      if (!decoded.ok) {
        rejected.push(decoded.reason);
        return answer(400, JSON.stringify({ code: 3, message: decoded.reason }));
      }
      requests.push(decoded.request);
      answer(200, '{}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  /** Every log record received, with its attributes as a plain object. */
  const records = () => requests.flatMap((request) => request.resourceLogs ?? []).flatMap((/** @type {any} */ resource) =>
    (resource.scopeLogs ?? []).flatMap((/** @type {any} */ scope) => (scope.logRecords ?? []).map((/** @type {any} */ record) => ({
      ...record,
      resource: Object.fromEntries((resource.resource?.attributes ?? []).map((/** @type {any} */ a) => [a.key, Object.values(a.value)[0]])),
      attrs: Object.fromEntries((record.attributes ?? []).map((/** @type {any} */ a) => [a.key, Object.values(a.value)[0]])),
    }))));
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    rejected,
    records,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve(undefined)); }),
  };
}
