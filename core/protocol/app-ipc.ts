/**
 * The window ↔ main contract (everything that is not compute traffic): menu commands, the
 * brokering of compute ports, lost-run notices, file dialogs and files opened from the system.
 * The preload exposes exactly the `MlLabBridge` below as `window.mlLab`; main validates every
 * payload it receives with the schemas in app-ipc-schemas.ts (kept apart so the sandboxed preload
 * stays small).
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
  /**
   * main → window: a scene or deck file the operating system asked the app to open
   * (double-click, command line, a second launch, macOS `open-file`); an `OpenedFileNotice`.
   */
  fileOpened: 'file:opened',
} as const;

export const menuCommands = [
  'open-scene',
  'save-scene',
  'open-deck',
  'save-deck',
  'deck-add-scene',
  'export-png',
  'toggle-presentation',
  'reset-view',
  'show-shortcuts',
  'show-about',
] as const;
export type MenuCommand = (typeof menuCommands)[number];

export const fileKinds = ['scene', 'png', 'csv', 'json', 'webm'] as const;
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

export const openedFileKinds = ['scene', 'deck'] as const;
/** `.mlscene` → `scene`, `.mldeck` → `deck`. */
export type OpenedFileKind = (typeof openedFileKinds)[number];

/**
 * Payload of `fileOpened`: the file's text, or why it could not be read. The text is untrusted
 * (any file with the right extension): parse it with `sceneParse` / `deckParse` from
 * core/scene, which validate everything.
 */
export type OpenedFileNotice =
  { path: string; kind: OpenedFileKind; text: string } | { path: string; error: string };

/** What the preload exposes to the renderer as `window.mlLab` (absent in the web build). */
export interface MlLabBridge {
  readonly platform: 'electron';
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onComputeLost(listener: (notice: ComputeLostNotice) => void): () => void;
  /**
   * Files opened from the operating system. Notices that arrive before the first listener
   * subscribes are kept and delivered to it, so files named at launch are not lost.
   */
  onFileOpened(listener: (notice: OpenedFileNotice) => void): () => void;
  saveFile(request: SaveFileRequest): Promise<FileOutcome>;
  openFile(request: OpenFileRequest): Promise<FileOutcome>;
}

/** The message the preload posts to the page to hand over a compute port. */
export const COMPUTE_PORT_MESSAGE = 'mllab:compute-port';
