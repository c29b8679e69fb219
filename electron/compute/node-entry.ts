/** Compute process entry for a plain Node child process (tests, and hosts without Electron). */
import { nodeParentChannel } from './node-adapter';
import { computeProcessStart } from './process';

computeProcessStart(nodeParentChannel(process));
