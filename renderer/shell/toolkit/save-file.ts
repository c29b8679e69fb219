/**
 * Saving and opening files from the renderer, whichever host it runs in: through main's native
 * dialogs (atomic writes) in Electron, or as a download / file picker in the web build.
 */
import type { FileKind } from '../../../core/protocol/app-ipc';

export type SaveOutcome =
  { ok: true; where: string } | { ok: false; cancelled: boolean; message: string };

/** Saves `data` as `name`; resolves with where it went or why not. */
export async function fileSave(
  kind: FileKind,
  name: string,
  data: string | Blob,
): Promise<SaveOutcome> {
  const bridge = window.mlLab;
  if (bridge) {
    const payload = typeof data === 'string' ? data : new Uint8Array(await data.arrayBuffer());
    const r = await bridge.saveFile({ kind, suggestedName: name, data: payload });
    return r.ok
      ? { ok: true, where: r.path }
      : { ok: false, cancelled: r.cancelled, message: r.message };
  }
  const blob =
    typeof data === 'string' ? new Blob([data], { type: 'text/plain;charset=utf-8' }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, where: `downloaded as ${name}` };
}

export type OpenOutcome =
  { ok: true; name: string; text: string } | { ok: false; cancelled: boolean; message: string };

const ACCEPT: Record<FileKind, string> = {
  scene: '.mlscene,.mldeck,application/json',
  png: 'image/png',
  csv: '.csv,text/csv',
  json: '.json,application/json',
  webm: '.webm,video/webm',
};

/** Lets the person pick a text file (scene or deck) and reads it. */
export function fileOpenText(kind: FileKind): Promise<OpenOutcome> {
  const bridge = window.mlLab;
  if (bridge) {
    return bridge
      .openFile({ kind })
      .then((r) =>
        r.ok
          ? { ok: true, name: r.path, text: r.text ?? '' }
          : { ok: false, cancelled: r.cancelled, message: r.message },
      );
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT[kind];
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve({ ok: false, cancelled: true, message: 'cancelled' });
      if (file.size > 64 * 1024 * 1024)
        return resolve({
          ok: false,
          cancelled: false,
          message: `${file.name} is too large to be a scene (${file.size} bytes)`,
        });
      file.text().then(
        (text) => resolve({ ok: true, name: file.name, text }),
        (err: unknown) =>
          resolve({
            ok: false,
            cancelled: false,
            message: `could not read ${file.name}: ${String(err)}`,
          }),
      );
    });
    input.addEventListener('cancel', () =>
      resolve({ ok: false, cancelled: true, message: 'cancelled' }),
    );
    input.click();
  });
}
