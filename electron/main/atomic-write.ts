/**
 * Atomic file writes: data goes to a temporary file beside the target, is flushed to disk, and
 * only then renamed over the target. A crash mid-save leaves the old file (or none), never a
 * truncated one. Node-only; used by main's save dialogs.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function fileWriteAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
