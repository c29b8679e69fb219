import { useState } from 'react';
import type { LabDefinition } from '../../labs/types';
import { exportPng, PNG_SCALES, pngTargets, type PngScale, type PngTarget } from './png';
import { fileSave, type SaveOutcome } from './save-file';
import './toolkit.css';

export interface ToolkitProps {
  lab: LabDefinition;
  /** The element holding the lab's view (its canvases and charts). */
  getRoot(): HTMLElement | null;
  onMessage(text: string, kind?: 'info' | 'error'): void;
}

function outcomeSay(onMessage: ToolkitProps['onMessage'], name: string, out: SaveOutcome) {
  if (out.ok) onMessage(`Saved ${name} (${out.where}).`);
  else if (out.cancelled) onMessage(`${name} was not saved.`);
  else onMessage(out.message, 'error');
}

/** Header menu: PNG of the whole view, the 3D view or a chart at 1×/2×/4×; the data behind the view. */
export function ExportMenu({ lab, getRoot, onMessage }: ToolkitProps) {
  const [scale, setScale] = useState<PngScale>(2);
  const [targets, setTargets] = useState<PngTarget[]>([]);
  const [busy, setBusy] = useState(false);
  const files = lab.toolkit?.exportData ? lab.toolkit.exportData.bind(lab.toolkit) : null;

  const savePng = async (t: PngTarget) => {
    if (!t.el.isConnected) {
      onMessage(`${t.label} is no longer on screen; open the menu again.`, 'error');
      return;
    }
    setBusy(true);
    try {
      const name = `${lab.id}-${t.id}@${scale}x.png`;
      outcomeSay(onMessage, name, await fileSave('png', name, await exportPng(t.el, scale)));
    } catch (err) {
      onMessage(`Could not export ${t.label}: ${(err as Error).message}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  const saveData = async () => {
    const list = files?.() ?? [];
    for (const f of list) {
      const kind = f.mime.includes('json') || f.name.endsWith('.json') ? 'json' : 'csv';
      outcomeSay(onMessage, f.name, await fileSave(kind, f.name, f.content));
    }
  };

  return (
    <details
      className="toolkit-menu"
      data-testid="export-menu"
      onToggle={(e) => {
        // The view may have changed since the last time: list what is on screen now.
        const root = getRoot();
        if (e.currentTarget.open) setTargets(root ? pngTargets(root) : []);
      }}
    >
      <summary title="Export a picture of the view or the data behind it">Export</summary>
      <div className="toolkit-popover" role="group" aria-label="Export">
        <div className="toolkit-row" role="radiogroup" aria-label="PNG scale">
          <span className="toolkit-nowrap">PNG scale</span>
          {PNG_SCALES.map((s) => (
            <label key={s}>
              <input
                type="radio"
                name="png-scale"
                checked={scale === s}
                onChange={() => setScale(s)}
                data-testid={`export-scale-${s}`}
              />
              {s}×
            </label>
          ))}
        </div>
        {targets.length <= 1 && <p className="toolkit-note">Nothing on screen to picture yet.</p>}
        {targets.length > 1 &&
          targets.map((t) => (
            <button
              key={t.id}
              disabled={busy}
              onClick={() => void savePng(t)}
              data-testid={`export-png-${t.id}`}
            >
              PNG {scale}× — {t.label}
            </button>
          ))}
        <button
          disabled={!files}
          onClick={() => void saveData()}
          data-testid="export-data"
          title={files ? 'Trajectories, paths and datasets as CSV, settings as JSON' : undefined}
        >
          Data (CSV/JSON)
        </button>
      </div>
    </details>
  );
}
