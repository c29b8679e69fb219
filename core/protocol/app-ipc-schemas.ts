/** Runtime validation of window → main payloads (see app-ipc.ts for the contract). */
import { z } from 'zod';
import { fileKinds, type OpenFileRequest, type SaveFileRequest } from './app-ipc';

export const saveFileRequestSchema: z.ZodType<SaveFileRequest> = z.object({
  kind: z.enum(fileKinds),
  /** File name offered in the dialog (no directories). */
  suggestedName: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^/\\]+$/, 'a file name, not a path'),
  /** Text content, or bytes for binary files. At most 256 MiB. */
  data: z.union([z.string().max(256 * 1024 * 1024), z.instanceof(Uint8Array)]),
});

export const openFileRequestSchema: z.ZodType<OpenFileRequest> = z.object({
  kind: z.enum(fileKinds),
});
