/**
 * Runtime validation of every window ↔ main payload (see app-ipc.ts for the contract): one map
 * from channel to schema, read by main for what it receives (invokes) and sends, and by the
 * preload for what it receives, so neither side keeps hand-written guards.
 */
// zod/mini: the same schemas in the tree-shakable form, so the sandboxed preload stays small.
import * as z from 'zod/mini';
import {
  fileKinds,
  ipcChannels,
  menuCommands,
  openedFileKinds,
  type ComputeLostNotice,
  type MenuCommand,
  type OpenFileRequest,
  type OpenedFileNotice,
  type SaveFileRequest,
} from './app-ipc';

export const saveFileRequestSchema: z.ZodMiniType<SaveFileRequest> = z.object({
  kind: z.enum(fileKinds),
  /** File name offered in the dialog (no directories). */
  suggestedName: z
    .string()
    .check(z.minLength(1), z.maxLength(200), z.regex(/^[^/\\]+$/, 'a file name, not a path')),
  /** Text content, or bytes for binary files. At most 256 MiB. */
  data: z.union([z.string().check(z.maxLength(256 * 1024 * 1024)), z.instanceof(Uint8Array)]),
});

export const openFileRequestSchema: z.ZodMiniType<OpenFileRequest> = z.object({
  kind: z.enum(fileKinds),
});

const lane = z.int().check(z.minimum(0), z.maximum(64));

/** Every channel name of the window ↔ main contract. */
export type IpcChannel = (typeof ipcChannels)[keyof typeof ipcChannels];

/** Channel → schema of its payload. */
export const ipcPayloadSchemas = {
  [ipcChannels.menu]: z.enum(menuCommands) satisfies z.ZodMiniType<MenuCommand>,
  [ipcChannels.computePort]: z.object({ lane }),
  [ipcChannels.computeLost]: z.object({
    lane,
    runIds: z.array(z.string().check(z.maxLength(128))).check(z.maxLength(10_000)),
    reason: z.string().check(z.maxLength(4000)),
  }) satisfies z.ZodMiniType<ComputeLostNotice>,
  [ipcChannels.saveFile]: saveFileRequestSchema,
  [ipcChannels.openFile]: openFileRequestSchema,
  [ipcChannels.fileOpened]: z.union([
    z.object({
      path: z.string().check(z.maxLength(4096)),
      kind: z.enum(openedFileKinds),
      text: z.string(),
    }),
    z.object({
      path: z.string().check(z.maxLength(4096)),
      error: z.string().check(z.maxLength(4000)),
    }),
  ]) satisfies z.ZodMiniType<OpenedFileNotice>,
} as const satisfies Record<IpcChannel, z.ZodMiniType>;
export type IpcPayload<C extends IpcChannel> = z.infer<(typeof ipcPayloadSchemas)[C]>;

/** The payload if it is valid for `channel`, else null. */
export function ipcPayloadParse<C extends IpcChannel>(
  channel: C,
  value: unknown,
): IpcPayload<C> | null {
  const r = (ipcPayloadSchemas[channel] as z.ZodMiniType).safeParse(value);
  return r.success ? (r.data as IpcPayload<C>) : null;
}
