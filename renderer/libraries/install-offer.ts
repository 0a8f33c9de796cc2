// After a run fails with "ImportError: no module named 'X'", offers "Install X" in one click
// when a cached index or imported bundle has X; otherwise offers to look X up in Libraries
// (the person's click is what allows a search online). Nothing here touches the network.
import { api } from '../api';
import { installLibraries, type LibrariesUi, openLibrariesDialog } from './libraries-dialog';
import { missingModule } from './missing-module';

export interface OfferUi extends LibrariesUi {
  /** A notice with buttons; returns a function that takes it away. */
  offer(message: string, actions: Array<{ label: string; run: () => void }>): () => void;
}

/** Looks at a run's error line; resolves with the library offered, or null. */
export async function offerInstallFor(errorLine: string, ui: OfferUi): Promise<string | null> {
  const module = missingModule(errorLine);
  if (!module) return null;
  const found = await api.invoke('libraries:find-missing', { modules: [module] });
  const name = found.ok ? found.value[0] : undefined;
  if (name) {
    ui.offer(`The board has no module ${module}. The library ${name} provides it.`, [{ label: `Install ${name}`, run: () => void installLibraries([name], false, ui) }]);
    return name;
  }
  ui.offer(`The board has no module ${module}.`, [{ label: `Look for ${module} in Libraries`, run: () => void openLibrariesDialog(ui, module) }]);
  return null;
}
