import { useRef } from 'react';
import { NET_DATASETS, type NetDatasetId } from '../../../core/ml/net-data';
import { netCsvRead, netCsvWrite } from '../../../core/labs/networks/csv';
import { networksTask, networksUserPoints } from '../../../core/labs/networks/model';
import { NET_MAX_CLASSES } from '../../../core/labs/networks/params';
import { CLASS_COLORS } from './colors';
import { useNetworksStore } from './store';

const DATASET_IDS = Object.keys(NET_DATASETS) as NetDatasetId[];

/** Saves text as a file through the browser (a blob link; the app's own origin allows it). */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Which data: a generated set with its noise and split, or the user's own points and CSV. */
export function DataControls() {
  const p = useNetworksStore((s) => s.params);
  const setNet = useNetworksStore((s) => s.setNet);
  const setParams = useNetworksStore((s) => s.setParams);
  const csvMessage = useNetworksStore((s) => s.csvMessage);
  const file = useRef<HTMLInputElement>(null);
  const task = networksTask(p);
  const custom = p.dataset === 'custom';

  const onFile = async (f: File | undefined) => {
    if (!f) return;
    const r = netCsvRead(await f.text());
    if (file.current) file.current.value = '';
    if (!r.ok) {
      useNetworksStore.setState({ csvMessage: r.message });
      return;
    }
    useNetworksStore.setState({ csvMessage: '' });
    setNet({ dataset: 'custom', custom: { task: r.task, points: r.points } });
  };

  return (
    <fieldset className="net-group">
      <legend>Data</legend>
      <label>
        Dataset
        <select
          value={p.dataset}
          data-testid="net-dataset"
          onChange={(e) => setNet({ dataset: e.target.value as NetDatasetId | 'custom' })}
        >
          {DATASET_IDS.map((id) => (
            <option key={id} value={id}>
              {NET_DATASETS[id].label}
            </option>
          ))}
          <option value="custom">Your points ({p.custom.points.length})</option>
        </select>
      </label>
      {!custom ? (
        <>
          <label>
            Points <span className="value">{p.count}</span>
            <input
              type="range"
              min={20}
              max={1000}
              step={10}
              value={p.count}
              onChange={(e) => setNet({ count: Number(e.target.value) })}
            />
          </label>
          <label>
            Noise <span className="value">{Math.round(p.noise * 100)} %</span>
            <input
              type="range"
              min={0}
              max={50}
              step={5}
              value={Math.round(p.noise * 100)}
              onChange={(e) => setNet({ noise: Number(e.target.value) / 100 })}
              data-testid="net-noise"
            />
          </label>
        </>
      ) : null}
      <label>
        Training share <span className="value">{Math.round(p.trainRatio * 100)} %</span>
        <input
          type="range"
          min={10}
          max={90}
          step={10}
          value={Math.round(p.trainRatio * 100)}
          onChange={(e) => setNet({ trainRatio: Number(e.target.value) / 100 })}
        />
      </label>
      <div className="net-add">
        <span>
          Click on the plane adds {task === 'classification' ? 'class' : 'target'}
          {task === 'regression' ? <span className="value"> {p.addValue.toFixed(1)}</span> : null}:
        </span>
        {task === 'classification' ? (
          <div className="net-classes" role="group" aria-label="Class a click adds">
            {Array.from({ length: NET_MAX_CLASSES }, (_, c) => (
              <button
                key={c}
                aria-pressed={Math.round(p.addValue) === c}
                style={{ borderColor: CLASS_COLORS[c], color: CLASS_COLORS[c] }}
                onClick={() => setParams({ addValue: c })}
                data-testid={`net-class-${c}`}
              >
                {c}
              </button>
            ))}
          </div>
        ) : (
          <input
            type="range"
            min={-1}
            max={1}
            step={0.1}
            value={p.addValue}
            aria-label="Target a click adds"
            onChange={(e) => setParams({ addValue: Number(e.target.value) })}
          />
        )}
        <span className="net-muted">Shift-click removes the nearest point.</span>
      </div>
      <div className="net-row">
        <button onClick={() => file.current?.click()} data-testid="net-csv-import">
          Import CSV
        </button>
        <button
          onClick={() =>
            download(
              'network-points.csv',
              netCsvWrite(task, custom ? p.custom.points : networksUserPoints(p)),
            )
          }
          data-testid="net-csv-export"
        >
          Export CSV
        </button>
        {custom ? (
          <button onClick={() => setNet({ custom: { task: p.custom.task, points: [] } })}>
            Clear
          </button>
        ) : null}
        <input
          ref={file}
          type="file"
          accept=".csv,text/csv,text/plain"
          hidden
          data-testid="net-csv-file"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </div>
      {csvMessage ? (
        <p className="net-error" role="alert" data-testid="net-csv-message">
          {csvMessage}
        </p>
      ) : null}
    </fieldset>
  );
}
