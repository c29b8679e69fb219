/**
 * Recently opened scenes and decks, kept in localStorage in the web build. What is read back is
 * untrusted: entries are checked with a schema (bad ones dropped) and the list is bounded in
 * count and size; reopening an entry goes through the same scene and deck readers as a file.
 */
import { z } from 'zod';

export const RECENT_KEY = 'ml-math-lab.recent.v1';
export const RECENT_MAX = 8;
/** A scene or deck text larger than this is not remembered (decks can reach 5 MiB). */
export const RECENT_TEXT_MAX = 256 * 1024;

const entrySchema = z.object({
  kind: z.enum(['scene', 'deck']),
  /** The file name (or "link") it was opened from. */
  name: z.string().min(1).max(200),
  /** The lab it opens in (a deck: its first scene's). */
  lab: z.string().min(1).max(64),
  title: z.string().max(200),
  /** How many scenes (1 for a scene). */
  scenes: z.number().int().min(1).max(10_000),
  openedAt: z.number().finite(),
  text: z.string().min(1).max(RECENT_TEXT_MAX),
});
export type RecentEntry = z.infer<typeof entrySchema>;

/** The stored list: valid entries only, newest first, at most RECENT_MAX. */
export function recentParse(raw: string | null): RecentEntry[] {
  if (!raw || raw.length > RECENT_MAX * (RECENT_TEXT_MAX + 2048)) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data
    .flatMap((d) => {
      const r = entrySchema.safeParse(d);
      return r.success ? [r.data] : [];
    })
    .sort((a, b) => b.openedAt - a.openedAt)
    .slice(0, RECENT_MAX);
}

/** The list with `entry` first (the same text opened again moves up instead of repeating). */
export function recentWith(list: readonly RecentEntry[], entry: RecentEntry): RecentEntry[] {
  if (!entrySchema.safeParse(entry).success) return [...list];
  return [entry, ...list.filter((e) => e.text !== entry.text)].slice(0, RECENT_MAX);
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function recentRead(): RecentEntry[] {
  return recentParse(storage()?.getItem(RECENT_KEY) ?? null);
}

const listeners = new Set<() => void>();

/** Calls `fn` when the list changes in this window. */
export function recentSubscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function recentWrite(list: RecentEntry[]): void {
  try {
    storage()?.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // Storage full or refused (private mode): recent files are a convenience, not state.
  }
  for (const fn of listeners) fn();
}

/** Remembers a scene or deck that was just opened. */
export function recentRemember(entry: Omit<RecentEntry, 'openedAt'>): void {
  recentWrite(recentWith(recentRead(), { ...entry, openedAt: Date.now() }));
}

export function recentClear(): void {
  recentWrite([]);
}
