import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadClassroomProfile } from './classroom-profile';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function folder(profile?: string): string {
  const d = mkdtempSync(join(tmpdir(), 'mote-class-'));
  dirs.push(d);
  if (profile !== undefined) writeFileSync(join(d, 'mote-classroom.json'), profile);
  return d;
}

describe('classroom profile', () => {
  test('the one next to the app wins over the one in the data folder', () => {
    const app = folder('{"offlineOnly": true, "language": "es"}');
    const data = folder('{"offlineOnly": false}');
    const info = loadClassroomProfile([app, data]);
    expect(info).toEqual({ profile: { offlineOnly: true, language: 'es' }, source: join(app, 'mote-classroom.json'), problems: [] });
    expect(loadClassroomProfile([folder(), data]).profile).toEqual({ offlineOnly: false });
  });

  test('no file: no profile', () => {
    expect(loadClassroomProfile([folder()])).toEqual({ profile: {}, source: null, problems: [] });
  });

  test('a wrong field is dropped and reported; the rest applies', () => {
    const info = loadClassroomProfile([folder('\uFEFF{"offlineOnly": "yes", "mirror": "http://mirror.school.lan/mote", "panels": {"plotter": false}, "colour": 3, "workspaceDir": "students/work"}')]);
    expect(info.profile).toEqual({ mirror: 'http://mirror.school.lan/mote', panels: { plotter: false } });
    expect(info.problems).toHaveLength(3);
    expect(info.problems.join('\n')).toMatch(/offlineOnly/);
    expect(info.problems.join('\n')).toMatch(/"colour" is not a profile setting/);
    expect(info.problems.join('\n')).toMatch(/workspaceDir: "students\/work" is not an absolute path/);
  });

  test('~ means the user home; a file that is not JSON is reported, not fatal', () => {
    expect(loadClassroomProfile([folder('{"workspaceDir": "~/Mote class"}')]).profile.workspaceDir).toBe(join(homedir(), 'Mote class'));
    const broken = loadClassroomProfile([folder('{oops')]);
    expect(broken.profile).toEqual({});
    expect(broken.problems[0]).toMatch(/not valid JSON/);
  });
});
