/**
 * Every lab's view, in the order of core/labs/registry.ts (the one list of labs). Each lab folder's
 * `index.ts` exports `view`, found here by file name, so adding a lab touches no list in the
 * renderer; a registered lab without a view, or a view for no registered lab, fails at start-up.
 */
import { LAB_DEFS } from '../../core/labs/registry';
import type { LabDefinition } from './types';

const found = import.meta.glob<LabDefinition>('./*/index.ts', { eager: true, import: 'view' });

function labViews(): LabDefinition[] {
  const byId = new Map<string, LabDefinition>();
  for (const [file, view] of Object.entries(found)) {
    if (!view) throw new Error(`${file} does not export a lab view as "view"`);
    if (byId.has(view.id)) throw new Error(`two lab views for "${view.id}"`);
    if (!LAB_DEFS.some((d) => d.id === view.id))
      throw new Error(`${file} draws "${view.id}", which core/labs/registry.ts does not list`);
    byId.set(view.id, view);
  }
  return LAB_DEFS.map((def) => {
    const view = byId.get(def.id);
    if (!view) throw new Error(`lab "${def.id}" has no view (renderer/labs/${def.id}/index.ts)`);
    return view;
  });
}

/** Every lab, in the order the lab list shows them. */
export const LABS: readonly LabDefinition[] = labViews();

export function labById(id: string): LabDefinition | undefined {
  return LABS.find((lab) => lab.id === id);
}
