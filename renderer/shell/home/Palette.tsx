import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { verifyCheckForFormula } from '../../../core/sim/verify';
import { Tex } from '../../components/Tex';
import { LABS } from '../../labs/registry';
import { paletteEntryOpen } from './open-target';
import { paletteIndex, paletteSearch, type PaletteEntry, type PalettePage } from './palette-index';
import { paletteClose, paletteOpen, usePaletteStore } from './palette-store';
import './palette.css';

const KIND_LABEL: Record<PaletteEntry['kind'], string> = {
  lab: 'Lab',
  view: 'View',
  story: 'Story',
  formula: 'Formula',
  tour: 'Tour',
  page: 'Page',
};
/** Pages of the app that are not labs. */
const PAGES: readonly PalettePage[] = [
  {
    route: 'verify',
    title: 'How we know it’s right',
    detail: 'Run the app’s own checks on this machine',
    keywords: ['verify', 'checks', 'gradient check', 'finite difference', 'tests', 'correct'],
  },
];
const SHOWN = 40;

/** Ctrl+K (⌘K on a Mac) opens the palette from anywhere, even while typing in a field. */
function usePaletteKey() {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        e.stopImmediatePropagation();
        if (usePaletteStore.getState().open) paletteClose();
        else paletteOpen();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}

/**
 * The command palette: one field that finds any lab, view, story, formula or tour by name and
 * opens it. A modal dialog: focus stays in it (Tab does not leave), arrows move the choice,
 * Enter opens it, Esc closes and gives focus back to where it was.
 */
export function Palette() {
  usePaletteKey();
  const open = usePaletteStore((s) => s.open);
  return open ? <PaletteDialog /> : null;
}

function PaletteDialog() {
  const index = useMemo(
    () =>
      paletteIndex(
        LABS.map((l) => l.def),
        PAGES,
      ),
    [],
  );
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const found = useMemo(() => paletteSearch(index, query).slice(0, SHOWN), [index, query]);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const id = useId();
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    input.current?.focus();
    return () => before?.focus?.();
  }, []);
  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  const choose = (e: PaletteEntry | undefined) => {
    if (!e) return;
    paletteClose();
    paletteEntryOpen(e);
  };
  const onKey = (e: KeyboardEvent) => {
    const n = found.length;
    if (e.key === 'ArrowDown') setActive((a) => (n ? (a + 1) % n : 0));
    else if (e.key === 'ArrowUp') setActive((a) => (n ? (a - 1 + n) % n : 0));
    else if (e.key === 'Home' && e.ctrlKey) setActive(0);
    else if (e.key === 'End' && e.ctrlKey) setActive(Math.max(0, n - 1));
    else if (e.key === 'Enter') choose(found[active]);
    else if (e.key === 'Escape') paletteClose();
    else if (e.key === 'Tab') input.current?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const current = found[active];
  const check =
    current?.kind === 'formula' ? verifyCheckForFormula(current.labId, current.id) : null;
  return (
    <div className="palette-backdrop" onMouseDown={paletteClose}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        data-testid="palette"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={onKey}
      >
        <h2 id={`${id}-title`} className="visually-hidden">
          Search labs, views, stories, formulas and tours
        </h2>
        <input
          ref={input}
          role="combobox"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-activedescendant={current ? `${id}-${active}` : undefined}
          aria-autocomplete="list"
          aria-label="Search"
          placeholder="Type a name: softmax Jacobian, Huber, Nesterov…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="palette-input"
        />
        <ul ref={list} id={`${id}-list`} role="listbox" aria-label="Results">
          {found.map((e, k) => (
            <li
              key={`${e.kind}-${e.labId}-${e.id}`}
              id={`${id}-${k}`}
              role="option"
              aria-selected={k === active}
              data-testid={`palette-option-${e.kind}-${e.labId}-${e.id}`}
              onMouseMove={() => setActive(k)}
              onClick={() => choose(e)}
            >
              <span className={`palette-kind kind-${e.kind}`}>{KIND_LABEL[e.kind]}</span>
              <span className="palette-title">{e.title}</span>
              <span className="palette-detail">{e.detail}</span>
            </li>
          ))}
        </ul>
        <p className="visually-hidden" role="status">
          {found.length === 1 ? '1 result' : `${found.length} results`}
        </p>
        {found.length === 0 && <p className="palette-empty">Nothing is called “{query}”.</p>}
        {current?.tex && (
          <div className="palette-preview" aria-hidden="true">
            <Tex tex={current.tex} block />
          </div>
        )}
        {check && (
          <a
            className="palette-check"
            href={`#/verify?check=${check.id}`}
            onClick={paletteClose}
            data-testid="palette-check"
          >
            Checked live: {check.name} →
          </a>
        )}
        <p className="palette-help" aria-hidden="true">
          <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close
        </p>
      </div>
    </div>
  );
}
