import { describe, expect, it } from 'vitest';
import { deckParse, deckSerialize, type DeckFile } from '../../../core/scene/deck';
import type { SceneFile } from '../../../core/scene/scene';
import { descentScene, labs } from './fixtures';

const netScene: SceneFile = {
  format: 'ml-math-lab-scene',
  version: 2,
  lab: 'neural-net',
  params: { layers: [2, 16, 16, 1], activation: 'relu' },
  seed: 3,
  title: 'Two hidden layers',
};

const deck = (scenes: unknown[], patch: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'ml-math-lab-deck', version: 1, title: 'Lecture 4', scenes, ...patch });

function failure(text: string): string {
  const result = deckParse(text, labs);
  if (result.ok) throw new Error('expected a failure');
  return result.message;
}

describe('decks', () => {
  it('round-trip: serialize → parse gives a deep-equal deck', () => {
    const value: DeckFile = {
      format: 'ml-math-lab-deck',
      version: 1,
      title: 'Optimisers — Woche 3',
      scenes: [descentScene(), netScene],
    };
    const text = deckSerialize(value);
    expect(deckParse(text, labs)).toEqual({ ok: true, deck: value });
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('a failing scene is named by its index and position', () => {
    const bad = { ...descentScene(), params: { ...(descentScene().params as object), steps: 0 } };
    expect(failure(deck([descentScene(), netScene, bad, netScene]))).toBe(
      'scenes[2] (scene 3 of 4): params.steps: must be ≥ 1',
    );
    expect(failure(deck([netScene, { format: 'ml-math-lab-scene', version: 9 }]))).toBe(
      'scenes[1] (scene 2 of 2): this scene was made by a newer version of ML Math Lab (version 9); this app reads up to 2',
    );
    expect(failure(deck([42]))).toBe(
      'scenes[0] (scene 1 of 1): not an ML Math Lab scene file: expected a JSON object, got 42',
    );
  });

  it('version 1 scenes inside a deck are migrated', () => {
    const old = {
      format: 'ml-math-lab-scene',
      version: 1,
      lab: 'neural-net',
      params: netScene.params,
      seed: 1,
    };
    const result = deckParse(deck([old]), labs);
    expect(result.ok && result.deck.scenes[0].version).toBe(2);
  });

  it('needs 1 to 500 scenes', () => {
    expect(failure(deck([]))).toBe('scenes: a deck needs at least one scene');
    expect(failure(deck(Array(501).fill(netScene)))).toBe(
      'scenes: a deck holds at most 500 scenes (this one has 501)',
    );
    expect(deckParse(deck(Array(500).fill(netScene)), labs).ok).toBe(true);
    expect(failure(deck([], { scenes: { a: 1 } }))).toBe(
      'scenes: expected an array, got an object',
    );
  });

  it('format, version and envelope messages', () => {
    expect(failure(JSON.stringify(descentScene()))).toBe(
      'this is an ML Math Lab scene, not a deck: open it as a scene',
    );
    expect(failure('{"format": "pptx"}')).toBe(
      'not an ML Math Lab deck file (its format is "pptx")',
    );
    expect(failure(deck([netScene], { version: 3 }))).toBe(
      'this deck was made by a newer version of ML Math Lab (version 3); this app reads up to 1',
    );
    expect(failure(deck([netScene], { title: 5 }))).toBe('title: expected a string, got 5');
    expect(failure(deck([netScene], { notes: '' }))).toBe('unknown field "notes"');
    expect(failure('{"scenes": [}')).toMatch(/^not valid JSON at line 1, column 13/);
    expect(failure('')).toBe('the deck file is empty');
  });
});
