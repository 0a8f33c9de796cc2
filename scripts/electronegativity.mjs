// Security gate: Doyensec's electronegativity (pinned, run through npx so it is not a
// dependency) over Mote's Electron code. Every finding must be in
// scripts/electronegativity-allowlist.json with the reason it is safe; any other finding, or
// an allowlist entry that no longer matches anything, fails the run (npm test runs this).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VERSION = '1.10.3';
const ROOT = join(import.meta.dirname, '..');
const ELECTRON = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const allowlist = JSON.parse(readFileSync(join(import.meta.dirname, 'electronegativity-allowlist.json'), 'utf8')).allowed;

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines (a finding's code sample can). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell.trim());
      cell = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell.trim());
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell.trim()]);
  return rows;
}

// The tool scans a folder; main and renderer together, so checks that span both (navigation
// limits in main, the page in renderer) see the whole app. Tests are not the app.
const scan = mkdtempSync(join(tmpdir(), 'mote-eneg-'));
const csv = join(scan, 'findings.csv');
try {
  for (const dir of ['main', 'renderer', 'shared']) cpSync(join(ROOT, dir), join(scan, 'src', dir), { recursive: true, filter: (f) => !/\.(test|spec)\.ts$/.test(f) });
  execFileSync('npx', ['-y', `@doyensec/electronegativity@${VERSION}`, '-i', join(scan, 'src'), '-e', ELECTRON, '-r', '-o', csv], { stdio: ['ignore', 'ignore', 'inherit'] });
  const text = readFileSync(csv, 'utf8');
  const rows = parseCsv(text).slice(1).filter((r) => r.length > 1 || r[0]);
  const findings = rows.map((cells) => {
    if (cells.length < 5) throw new Error(`electronegativity wrote a row this script cannot read: ${JSON.stringify(cells).slice(0, 300)}\n${text.slice(0, 2000)}`);
    const [check, , , file, location] = cells;
    return { check, file: file.replace(/\\/g, '/'), location };
  });
  const allowed = (f) => allowlist.find((a) => a.check === f.check && a.file === f.file);
  const refused = findings.filter((f) => !allowed(f));
  const stale = allowlist.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file));
  for (const f of findings.filter(allowed)) console.log(`electronegativity: allowed ${f.check} in ${f.file}: ${allowed(f).why}`);
  for (const f of refused) console.error(`electronegativity: FINDING ${f.check} at ${f.file}:${f.location} (not in scripts/electronegativity-allowlist.json)`);
  for (const a of stale) console.error(`electronegativity: allowlist entry ${a.check} in ${a.file} matches nothing now; remove it`);
  console.log(`electronegativity ${VERSION} (Electron ${ELECTRON}): ${findings.length} findings, ${findings.length - refused.length} allowed, ${refused.length} refused, ${stale.length} stale allowlist entries`);
  if (refused.length || stale.length) process.exitCode = 1;
} finally {
  if (!process.env.MOTE_KEEP_SCAN) rmSync(scan, { recursive: true, force: true });
}
