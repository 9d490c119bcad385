/**
 * The stand-in hub from the command line (Playwright's webServer):
 * `npx tsx e2e/hub/hub-cli.ts --root <dir> --port <n> [--host <h>]` prints
 * `hub listening on <url>` once it listens, and stops on SIGINT or SIGTERM.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startHubServer, type HubServerOptions } from './hub-server';

function parseCli(argv: string[]): HubServerOptions {
  const opts: Partial<HubServerOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--root' && value !== undefined) opts.root = argv[++i];
    else if (flag === '--port' && value !== undefined) opts.port = Number(argv[++i]);
    else if (flag === '--host' && value !== undefined) opts.host = argv[++i];
    else throw new Error(`unknown or incomplete argument: ${flag}`);
  }
  if (!opts.root) throw new Error('usage: npx tsx e2e/hub/hub-cli.ts --root <dir> --port <n> [--host <h>]');
  if (opts.port !== undefined && !(Number.isInteger(opts.port) && opts.port >= 0)) {
    throw new Error('--port must be a whole number');
  }
  return opts as HubServerOptions;
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(resolve(entry)).href) {
  // No top-level await: Playwright's loader may import this module too (for its types and helpers).
  Promise.resolve()
    .then(() => startHubServer(parseCli(process.argv.slice(2))))
    .then((hub) => {
      console.log(`hub listening on ${hub.url}`);
      const shutdown = () => void hub.stop().finally(() => process.exit(0));
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
