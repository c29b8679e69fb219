/**
 * A line about how the open view is drawn (mesh size, what software WebGL made it give up), for
 * the status bar: the lab sets it, the shell shows it. One line at a time; null hides it.
 */
import { useSyncExternalStore } from 'react';

let text: string | null = null;
const listeners = new Set<() => void>();

export function viewStatusSet(next: string | null): void {
  if (next === text) return;
  text = next;
  for (const l of listeners) l();
}

export function useViewStatus(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => text,
  );
}
