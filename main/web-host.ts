// `npm run web -- [--port N] [--data DIR] [--extra-drive DIR] [--classroom DIR] [--open FILE]`: runs Mote's main services behind a loopback-only
// web server, for development and end-to-end tests where the Electron binary cannot run.
// Prints exactly one line with the URL to open (stdout), then serves until killed.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultDataDir } from './data-dir';
import { startWebHost } from './ipc/web-binding';
import { createLogger } from './log';
import { createServices } from './services';

interface Args {
  port: number;
  dataDir: string;
  host: string;
  /** Folders to treat as mounted board drives (a drive mounted where drivelist does not look; tests). */
  extraDrives: string[];
  /** Files to open as if the OS had asked (a double-clicked .py). */
  openFiles: string[];
  /** Folders to look in for mote-classroom.json before the data folder. */
  classroomFolders: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { port: 0, dataDir: defaultDataDir(), host: '127.0.0.1', extraDrives: [], classroomFolders: [], openFiles: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--port' && value !== undefined) {
      args.port = Number(value);
      if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error(`--port wants a number from 0 to 65535, not ${value}`);
      i++;
    } else if (flag === '--data' && value !== undefined) {
      args.dataDir = resolve(value);
      i++;
    } else if (flag === '--host' && value !== undefined) {
      args.host = value;
      i++;
    } else if (flag === '--extra-drive' && value !== undefined) {
      args.extraDrives.push(resolve(value));
      i++;
    } else if (flag === '--open' && value !== undefined) {
      args.openFiles.push(resolve(value));
      i++;
    } else if (flag === '--classroom' && value !== undefined) {
      args.classroomFolders.push(resolve(value));
      i++;
    } else {
      throw new Error(`Unknown option ${flag}. Usage: npm run web -- [--port N] [--data DIR] [--extra-drive DIR] [--classroom DIR] [--open FILE]`);
    }
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(args.dataDir, { recursive: true });
  const log = createLogger(args.dataDir, true);
  const services = createServices({ dataDir: args.dataDir, host: 'web', log, extraDrives: args.extraDrives, classroomFolders: [...args.classroomFolders, args.dataDir], openFiles: args.openFiles });
  const web = await startWebHost({ router: services.router, rendererDir: join(__dirname, '..', 'renderer'), log, host: args.host, port: args.port });
  process.stdout.write(`Mote web host: ${web.url}\n`);
  const stop = async () => {
    await web.close();
    await services.dispose();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`mote web host: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
