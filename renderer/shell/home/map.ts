/**
 * The home page's map of the subject, derived from the lab definitions: the curriculum's branches
 * in order, each with its labs in their suggested order and numbered along one path; labs whose
 * definition does not place them come last, in registry order.
 */
import { LAB_BRANCHES, type LabBranch } from '../../../core/labs/guide';

/** What the map reads from a lab definition. */
export interface MapLab {
  id: string;
  title: string;
  curriculum?: { branch: LabBranch; order: number; question: string };
}

export interface MapGroup<L> {
  /** A branch id, or 'more' for labs with no place yet. */
  id: LabBranch | 'more';
  title: string;
  blurb: string;
  /** The group's labs with their number on the suggested path (1, 2, … across all groups). */
  labs: { lab: L; step: number }[];
}

/** Every branch (empty ones included, so the map shows the whole subject), then unplaced labs. */
export function homeMap<L extends MapLab>(labs: readonly L[]): MapGroup<L>[] {
  const groups: MapGroup<L>[] = LAB_BRANCHES.map((b) => ({
    id: b.id,
    title: b.title,
    blurb: b.blurb,
    labs: labs
      .filter((l) => l.curriculum?.branch === b.id)
      .sort((a, b2) => a.curriculum!.order - b2.curriculum!.order)
      .map((lab) => ({ lab, step: 0 })),
  }));
  const more = labs.filter((l) => !l.curriculum);
  if (more.length > 0)
    groups.push({
      id: 'more',
      title: 'More labs',
      blurb: 'Labs not yet placed on the map.',
      labs: more.map((lab) => ({ lab, step: 0 })),
    });
  let step = 0;
  for (const g of groups) for (const entry of g.labs) entry.step = ++step;
  return groups;
}

/** The labs in the order of the suggested path. */
export function homePath<L extends MapLab>(labs: readonly L[]): L[] {
  return homeMap(labs).flatMap((g) => g.labs.map((e) => e.lab));
}
