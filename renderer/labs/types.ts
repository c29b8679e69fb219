import type { ComponentType, LazyExoticComponent } from 'react';

/** One lab: its id (kebab-case, the same in the registry, the URL and scene files) and its view. */
export interface LabDefinition {
  id: string;
  title: string;
  /** One sentence for the lab list. */
  summary: string;
  component: LazyExoticComponent<ComponentType>;
}
