// What each Discovery stage and each usual Production track is for: titles and purposes that views show.
import type { RoleName, Stage } from '../roadmap/model';

export interface StageDescription {
  readonly id: Stage;
  readonly title: string;
  /** Design Thinking's double diamond: the problem space (understand, define) or the solution space. */
  readonly diamond: 'problem' | 'solution';
  readonly purpose: string;
}

export const STAGE_DESCRIPTIONS: Readonly<Record<Stage, StageDescription>> = {
  understand: {
    id: 'understand',
    title: 'Understand',
    diamond: 'problem',
    purpose: 'Learn the business problem from the people who have it, get to know the data, and review what others already built.',
  },
  define: {
    id: 'define',
    title: 'Define',
    diamond: 'problem',
    purpose: 'Turn customer expectations into metrics with targets, and freeze the dataset every candidate is evaluated on.',
  },
  ideate: {
    id: 'ideate',
    title: 'Ideate',
    diamond: 'solution',
    purpose: 'Stand up the automated evaluation with a dumb baseline, then brainstorm several architectures and rank them by cost and benefit.',
  },
  prototype: {
    id: 'prototype',
    title: 'Prototype',
    diamond: 'solution',
    purpose: 'Build the most promising candidates quickly and measure each one through the same evaluation pipeline.',
  },
  test: {
    id: 'test',
    title: 'Test',
    diamond: 'solution',
    purpose: 'Check the best candidate in real conditions (A/B test, demo, focus group) and record the decision.',
  },
};

export interface TrackDescription {
  readonly id: string;
  readonly title: string;
  readonly role: RoleName;
  readonly purpose: string;
}

/** The Production tracks a starter roadmap holds, run in parallel by different roles. */
export const USUAL_TRACKS: readonly TrackDescription[] = [
  {
    id: 'data-pipeline',
    title: 'Data pipeline',
    role: 'data_engineers',
    purpose: 'Collect, clean and version the production data the model is trained and served on.',
  },
  {
    id: 'training-pipeline',
    title: 'Training pipeline',
    role: 'data_engineers',
    purpose: 'Retrain the chosen architecture automatically and reproducibly, with the evaluation as a gate.',
  },
  {
    id: 'serving',
    title: 'Serving layer',
    role: 'software_engineers',
    purpose: 'Expose the model to its users with the latency and cost the metrics demand.',
  },
  {
    id: 'monitoring',
    title: 'Monitoring',
    role: 'ml_engineers',
    purpose: 'Watch live metrics and data drift, and alert before customers notice a regression.',
  },
];
