// @ts-check
// `node test/servers/serve.mjs [--port 8080]`: runs the failure site by hand or for `npm start`.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NGINX_BIN } from './nginx.mjs';
import { startSite } from './site.mjs';

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid --port ${values.port}`);
  process.exit(2);
}

// The demo still works without nginx, just with Node stand-ins for the gateway errors.
const nginx = existsSync(NGINX_BIN);
if (!nginx) console.warn('nginx is missing (apt-get install -y nginx-light): gateway failures are skipped');

const site = await startSite({ port, nginx });
console.log(`origin         ${site.origin}`);
console.log(`httpsOrigin    ${site.httpsOrigin}`);
console.log(`refusedOrigin  ${site.refusedOrigin}`);
console.log(`nginxOrigin    ${site.nginxOrigin}`);
for (const [name, url] of Object.entries(site.urls)) console.log(`  ${name.padEnd(19)}${url}`);
console.log(`\nDemo page: ${site.urls.demo}\nPress Ctrl-C to stop.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await site.close();
  // No process.exit(): the process ending by itself proves nothing leaked.
  console.log('stopped');
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
