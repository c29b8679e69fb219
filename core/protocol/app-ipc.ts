/**
 * The window ↔ main contract (everything that is not compute traffic): menu commands, the
 * brokering of compute ports, lost-run notices and file dialogs. The preload exposes exactly the
 * `MlLabBridge` below as `window.mlLab`; main validates every payload it receives with the schemas
 * in app-ipc-schemas.ts (kept apart so the sandboxed preload stays small).
 */
export const ipcChannels = {
  /** main → window: a menu item was chosen. */
  menu: 'menu:command',
  /** main → window: a MessagePort to compute lane `lane` (in `event.ports[0]`). */
  computePort: 'compute:port',
  /** main → window: a compute process died; these runs were lost. */
  computeLost: 'compute:lost',
  /** window → main (invoke): save data through a native dialog, atomically. */
  saveFile: 'file:save',
  /** window → main (invoke): open a text file through a native dialog. */
  openFile: 'file:open',
} as const;

export const menuCommands = [
  'open-scene',
  'save-scene',
  'export-png',
  'toggle-presentation',
  'reset-view',
  'show-shortcuts',
  'show-about',
] as const;
export type MenuCommand = (typeof menuCommands)[number];

export const fileKinds = ['scene', 'png', 'csv', 'json'] as const;
export type FileKind = (typeof fileKinds)[number];

/** Payload of `saveFile`; validated in main by `saveFileRequestSchema` (app-ipc-schemas.ts). */
export interface SaveFileRequest {
  kind: FileKind;
  /** File name offered in the dialog (no directories). */
  suggestedName: string;
  /** Text content, or bytes for binary files. */
  data: string | Uint8Array;
}

/** Payload of `openFile`. */
export interface OpenFileRequest {
  kind: FileKind;
}

export type FileOutcome =
  { ok: true; path: string; text?: string } | { ok: false; cancelled: boolean; message: string };

export interface ComputeLostNotice {
  lane: number;
  runIds: string[];
  reason: string;
}

/** What the preload exposes to the renderer as `window.mlLab` (absent in the web build). */
export interface MlLabBridge {
  readonly platform: 'electron';
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onComputeLost(listener: (notice: ComputeLostNotice) => void): () => void;
  saveFile(request: SaveFileRequest): Promise<FileOutcome>;
  openFile(request: OpenFileRequest): Promise<FileOutcome>;
}

/** The message the preload posts to the page to hand over a compute port. */
export const COMPUTE_PORT_MESSAGE = 'mllab:compute-port';
