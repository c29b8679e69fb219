import { useEffect } from 'react';
import { descentLastStep, useDescentStore } from './store';

/** Advances the playback position at `speed` steps per second while playing (one rAF loop). */
export function useDescentPlayback(): void {
  useEffect(() => {
    let raf = 0;
    let lastTime = performance.now();
    let carry = 0;
    const tick = (now: number) => {
      const s = useDescentStore.getState();
      const dt = Math.min(0.25, (now - lastTime) / 1000);
      lastTime = now;
      if (s.playing && s.status === 'ready') {
        carry += dt * s.params.speed;
        const whole = Math.floor(carry);
        if (whole > 0) {
          carry -= whole;
          const last = descentLastStep(s);
          const next = Math.min(last, s.position + whole);
          useDescentStore.setState({ position: next, playing: next < last });
        }
      } else {
        carry = 0;
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (
        target &&
        /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) &&
        (target as HTMLInputElement).type !== 'range'
      )
        return;
      const s = useDescentStore.getState();
      if (e.key === ' ') {
        if (!s.playing && s.position >= descentLastStep(s)) s.setPosition(0);
        s.setPlaying(!s.playing);
      } else if (e.key === 'ArrowRight') {
        s.setPlaying(false);
        s.setPosition(s.position + 1);
      } else if (e.key === 'ArrowLeft') {
        s.setPlaying(false);
        s.setPosition(s.position - 1);
      } else if (e.key === 'Home') {
        s.setPosition(0);
      } else if (e.key === 'End') {
        s.setPosition(descentLastStep(s));
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
