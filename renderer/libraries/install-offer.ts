// After a run fails with "ImportError: no module named 'X'", offers "Install X" in one click
// when a cached index or imported bundle has X; otherwise offers to look X up in Libraries
// (the person's click is what allows a search online). Before Run, the program's imports are
// checked the same way. Nothing here touches the network.
import { api } from '../api';
import { installLibraries, type LibrariesUi, openLibrariesDialog } from './libraries-dialog';
import { importedModules, missingModule, notBuiltIn } from './missing-module';

export interface OfferUi extends LibrariesUi {
  /** A notice with buttons; returns a function that takes it away. */
  offer(message: string, actions: Array<{ label: string; run: () => void }>): () => void;
}

/** Libraries offered during the current run, so the check before Run and the ImportError after it do not both offer. */
const offered = new Set<string>();

function offerLibrary(module: string, library: string, ui: OfferUi): void {
  if (offered.has(library)) return;
  offered.add(library);
  ui.offer(`The board has no module ${module}. The library ${library} provides it.`, [{ label: `Install ${library}`, run: () => void installLibraries([library], false, ui) }]);
}

/**
 * Before Run: the program's imports that are not built into the firmware, the board lacks, and a
 * cached index offers. Asks the board only when some import is in an index; never the network.
 */
export async function offerBeforeRun(source: string, flavour: 'micropython' | 'circuitpython', ui: OfferUi): Promise<string[]> {
  offered.clear();
  const modules = notBuiltIn(importedModules(source), flavour);
  if (!modules.length) return [];
  const found = await api.invoke('libraries:find-missing', { modules, checkBoard: true });
  if (!found.ok) return [];
  for (const f of found.value) offerLibrary(f.module, f.library, ui);
  return found.value.map((f) => f.library);
}

/** Looks at a run's error line; resolves with the library offered, or null. */
export async function offerInstallFor(errorLine: string, ui: OfferUi): Promise<string | null> {
  const module = missingModule(errorLine);
  if (!module) return null;
  const found = await api.invoke('libraries:find-missing', { modules: [module], checkBoard: false });
  const hit = found.ok ? found.value[0] : undefined;
  if (hit) {
    offerLibrary(module, hit.library, ui);
    return hit.library;
  }
  ui.offer(`The board has no module ${module}.`, [{ label: `Look for ${module} in Libraries`, run: () => void openLibrariesDialog(ui, module) }]);
  return null;
}
