/**
 * ComputeHost: the Electron side of compute. Forks a pool of utility processes, and for each one
 * brokers a MessageChannelMain: one end to the utility process, the other to the window, so
 * compute traffic never passes through main. A process serves one window port at a time
 * (electron/compute/process.ts): a new one, or `disconnectAll`, stops the previous. Supervision (heartbeat, restart, lost runs) is the
 * process-neutral `ComputeSupervisor`.
 */
import {
  MessageChannelMain,
  utilityProcess,
  type BrowserWindow,
  type UtilityProcess,
} from 'electron';
import os from 'node:os';
import { ipcChannels, type ComputeLostNotice } from '../../core/protocol/app-ipc';
import { ipcSend } from './ipc-send';
import type { ControlMessage } from '../../core/protocol/messages';
import { ComputeSupervisor, computePoolSize, type ComputeChild } from './supervisor';

function childFromUtility(proc: UtilityProcess): ComputeChild {
  return {
    sendControl: (message: ControlMessage) => proc.postMessage(message),
    onControl: (listener) => proc.on('message', (data: unknown) => listener(data)),
    onExit: (listener) => proc.on('exit', (code: number) => listener(code)),
    kill: () => {
      proc.kill();
    },
  };
}

export class ComputeHost {
  private readonly utilities = new Map<number, UtilityProcess>();
  private readonly supervisor: ComputeSupervisor;

  constructor(
    entry: string,
    private readonly getWindow: () => BrowserWindow | null,
  ) {
    this.supervisor = new ComputeSupervisor(
      {
        launch: (lane) => {
          const proc = utilityProcess.fork(entry, [], {
            serviceName: `ML Math Lab compute ${lane + 1}`,
          });
          this.utilities.set(lane, proc);
          return childFromUtility(proc);
        },
      },
      {
        size: computePoolSize(os.cpus().length),
        onStarted: (lane) => this.connect(lane),
        onLost: (lane, runIds, reason) => {
          const notice: ComputeLostNotice = { lane, runIds, reason };
          ipcSend(this.getWindow()?.webContents, ipcChannels.computeLost, notice);
        },
      },
    );
  }

  start(): void {
    this.supervisor.start();
  }

  /**
   * Gives the current window a fresh port to every lane (after a window (re)load). Each compute
   * process then stops serving the port it had, so a reloaded page's runs do not go on.
   */
  connectAll(): void {
    for (const lane of this.utilities.keys()) this.connect(lane);
  }

  /** The window went away: every compute process stops serving its port. */
  disconnectAll(): void {
    for (const proc of this.utilities.values()) proc.postMessage({ type: 'disconnect' });
  }

  stop(): void {
    this.supervisor.stop();
  }

  private connect(lane: number): void {
    const win = this.getWindow();
    const proc = this.utilities.get(lane);
    if (!win || !proc) return;
    const { port1, port2 } = new MessageChannelMain();
    proc.postMessage({ type: 'connect' }, [port1]);
    ipcSend(win.webContents, ipcChannels.computePort, { lane }, [port2]);
  }
}
