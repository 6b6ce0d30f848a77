// What each Discovery stage and each usual Production track is for: titles and purposes that views show. Titles and
// purposes are read when shown (getters), so they are in the display language the host configured by then.
import * as l10n from '@vscode/l10n';
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
    get title() {
      return l10n.t({ message: 'Understand', comment: ['A stage of Discovery (Design Thinking: understand, define, ideate, prototype, test)'] });
    },
    diamond: 'problem',
    get purpose() {
      return l10n.t('Learn the business problem from the people who have it, get to know the data, and review what others already built.');
    },
  },
  define: {
    id: 'define',
    get title() {
      return l10n.t({ message: 'Define', comment: ['A stage of Discovery (Design Thinking: understand, define, ideate, prototype, test)'] });
    },
    diamond: 'problem',
    get purpose() {
      return l10n.t('Turn customer expectations into metrics with targets, and freeze the dataset every candidate is evaluated on.');
    },
  },
  ideate: {
    id: 'ideate',
    get title() {
      return l10n.t({ message: 'Ideate', comment: ['A stage of Discovery (Design Thinking: understand, define, ideate, prototype, test)'] });
    },
    diamond: 'solution',
    get purpose() {
      return l10n.t('Stand up the automated evaluation with a dumb baseline, then brainstorm several architectures and rank them by cost and benefit.');
    },
  },
  prototype: {
    id: 'prototype',
    get title() {
      return l10n.t({ message: 'Prototype', comment: ['A stage of Discovery (Design Thinking: understand, define, ideate, prototype, test)'] });
    },
    diamond: 'solution',
    get purpose() {
      return l10n.t('Build the most promising candidates quickly and measure each one through the same evaluation pipeline.');
    },
  },
  test: {
    id: 'test',
    get title() {
      return l10n.t({ message: 'Test', comment: ['A stage of Discovery (Design Thinking: understand, define, ideate, prototype, test)'] });
    },
    diamond: 'solution',
    get purpose() {
      return l10n.t('Check the best candidate in real conditions (A/B test, demo, focus group) and record the decision.');
    },
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
    get title() {
      return l10n.t('Data pipeline');
    },
    role: 'data_engineers',
    get purpose() {
      return l10n.t('Collect, clean and version the production data the model is trained and served on.');
    },
  },
  {
    id: 'training-pipeline',
    get title() {
      return l10n.t('Training pipeline');
    },
    role: 'data_engineers',
    get purpose() {
      return l10n.t('Retrain the chosen architecture automatically and reproducibly, with the evaluation as a gate.');
    },
  },
  {
    id: 'serving',
    get title() {
      return l10n.t('Serving layer');
    },
    role: 'software_engineers',
    get purpose() {
      return l10n.t('Expose the model to its users with the latency and cost the metrics demand.');
    },
  },
  {
    id: 'monitoring',
    get title() {
      return l10n.t('Monitoring');
    },
    role: 'ml_engineers',
    get purpose() {
      return l10n.t('Watch live metrics and data drift, and alert before customers notice a regression.');
    },
  },
];
