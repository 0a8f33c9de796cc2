// What the classroom profile changes in the window: panels the class does not use are hidden,
// and a profile with mistakes says so (once, in words a teacher can act on).
import type { ClassroomInfo } from '../../shared/contracts/classroom';
import type { Layout } from './layout';
import type { Notices } from '../ui/notices';

export function applyClassroom(info: ClassroomInfo | undefined, layout: Layout, notices: Notices): void {
  if (!info?.source) return;
  const panels = info.profile.panels ?? {};
  for (const [name, region] of [['plotter', layout.plotter], ['files', layout.files], ['board', layout.board], ['repl', layout.repl]] as const) {
    region.element.hidden = panels[name] === false;
  }
  document.body.dataset.classroom = 'true';
  if (info.problems.length) {
    notices.show(`The classroom profile ${info.source} has settings Mote cannot use, and skipped them: ${info.problems.join('; ')}.`, 'warning');
  }
}
