/** Whether the command palette is open (Ctrl/Cmd+K, the home page's search button). */
import { create } from 'zustand';

export const usePaletteStore = create<{ open: boolean }>(() => ({ open: false }));

export function paletteOpen(): void {
  usePaletteStore.setState({ open: true });
}

export function paletteClose(): void {
  usePaletteStore.setState({ open: false });
}
