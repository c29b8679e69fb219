// The one channel → schema map of the window ↔ main contract: every channel has a schema, good
// payloads pass, and malformed ones (what a compromised page or a bug would send) are refused.
import { describe, expect, it } from 'vitest';
import { ipcChannels } from '../../core/protocol/app-ipc';
import { ipcPayloadParse, ipcPayloadSchemas } from '../../core/protocol/app-ipc-schemas';

describe('ipc payload schemas', () => {
  it('cover every channel', () => {
    expect(Object.keys(ipcPayloadSchemas).sort()).toEqual(Object.values(ipcChannels).sort());
  });

  it('accept well-formed payloads', () => {
    expect(ipcPayloadParse(ipcChannels.menu, 'save-scene')).toBe('save-scene');
    expect(ipcPayloadParse(ipcChannels.computePort, { lane: 1 })).toEqual({ lane: 1 });
    expect(
      ipcPayloadParse(ipcChannels.computeLost, { lane: 0, runIds: ['r1'], reason: 'crashed' }),
    ).toEqual({ lane: 0, runIds: ['r1'], reason: 'crashed' });
    expect(
      ipcPayloadParse(ipcChannels.fileOpened, { path: '/a.mlscene', kind: 'scene', text: '{}' }),
    ).not.toBeNull();
    expect(
      ipcPayloadParse(ipcChannels.fileOpened, { path: '/a.mldeck', error: 'too large' }),
    ).not.toBeNull();
    expect(
      ipcPayloadParse(ipcChannels.saveFile, { kind: 'png', suggestedName: 'a.png', data: 'x' }),
    ).not.toBeNull();
  });

  it('refuse malformed payloads', () => {
    expect(ipcPayloadParse(ipcChannels.menu, 'format-disk')).toBeNull();
    expect(ipcPayloadParse(ipcChannels.computePort, { lane: -1 })).toBeNull();
    expect(ipcPayloadParse(ipcChannels.computePort, {})).toBeNull();
    expect(
      ipcPayloadParse(ipcChannels.computeLost, { lane: 0, runIds: 'r1', reason: '' }),
    ).toBeNull();
    expect(
      ipcPayloadParse(ipcChannels.fileOpened, { path: '/a', kind: 'exe', text: '' }),
    ).toBeNull();
    expect(ipcPayloadParse(ipcChannels.fileOpened, { path: 3, error: 'x' })).toBeNull();
    expect(
      ipcPayloadParse(ipcChannels.saveFile, { kind: 'png', suggestedName: '../x.png', data: '' }),
    ).toBeNull();
    expect(ipcPayloadParse(ipcChannels.openFile, { kind: 'scene', extra: 1 })).not.toBeNull();
    expect(ipcPayloadParse(ipcChannels.openFile, { kind: 'html' })).toBeNull();
  });
});
