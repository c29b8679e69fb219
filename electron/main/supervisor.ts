// The supervisor is process-neutral and shared with the browser build, whose Web Workers it
// supervises too: its one home is core/protocol/supervisor.ts.
export {
  ComputeSupervisor,
  computePoolSize,
  type ComputeChild,
  type ComputeLauncher,
  type SupervisorOptions,
} from '../../core/protocol/supervisor';
