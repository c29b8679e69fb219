import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * Shows its children from the `frames`-th animation frame after it mounts, rendered as a
 * transition (in slices, between frames). A view with several heavy panels mounts them one frame
 * apart instead of in one long task; the panel boxes are laid out from the start, so nothing moves.
 */
export function Later({ frames = 1, children }: { frames?: number; children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let left = frames;
    let id = 0;
    const tick = () => {
      if (--left > 0) id = requestAnimationFrame(tick);
      else startTransition(() => setShown(true));
    };
    id = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(id);
  }, [frames]);
  return shown ? children : null;
}
