import type { LabDefinition } from '../../labs/types';
import { useAppStore } from '../app-store';
import { ExportMenu } from './ExportMenu';
import { RecordDialog } from './RecordDialog';

const mainView = () => document.querySelector<HTMLElement>('.app-main');
const say = (text: string, kind?: 'info' | 'error') => useAppStore.getState().say(text, kind);
// The message line sits above the lab: if it timed out mid-recording, the view would resize.
const messageClear = () => useAppStore.setState({ message: null });

/** Export and recording for the open lab, in the header; nothing for labs without a toolkit. */
export function ToolkitBar({ lab }: { lab: LabDefinition | undefined }) {
  if (!lab?.toolkit) return null;
  return (
    <div className="toolbar-group toolkit-bar" role="group" aria-label="Export and record">
      <ExportMenu lab={lab} getRoot={mainView} onMessage={say} />
      <RecordDialog lab={lab} getRoot={mainView} onMessage={say} onRecordStart={messageClear} />
    </div>
  );
}
