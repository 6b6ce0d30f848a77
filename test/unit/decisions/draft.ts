// A decision draft as the Record Architecture Decision command builds it, for writer tests.
import type { DecisionDraft } from '../../../src/core/decisions';

export function sampleDraft(overrides: Partial<DecisionDraft> = {}): DecisionDraft {
  return {
    title: 'Choose a small CNN over ViT-tiny',
    kind: 'choose-candidate',
    status: 'accepted',
    date: '2024-05-02',
    decisionMakers: ['Ana Lima', 'Bo Chen, PhD'],
    consulted: ['Carla Diaz'],
    informed: ['Support leads'],
    context: 'Three candidates were evaluated on the frozen test set.\n\nWhich one goes to production?',
    drivers: ['f1 >= 0.85 (offline)', 'p95 latency <= 40 ms (online)'],
    options: [
      {
        id: 'cnn-small',
        title: 'Small CNN',
        cost: { effort_days: 5, compute_hours: 20, risk: 'low' },
        benefit: { expected: { f1: 0.88 }, confidence: 'medium' },
        evaluation: { metric: 'f1', value: 0.874, baseline: 0.812, commit: '3f2a9c1', dirty: true, datasetSha256: 'ab12cd34', at: '2024-05-01T10:00:00Z' },
        pros: ['fast on CPU'],
        cons: ['needs augmentation'],
      },
      { id: 'vit-tiny', title: 'ViT-tiny', cost: '12 effort days', pros: [], cons: ['slow on CPU'] },
    ],
    outcome: { option: 'cnn-small', reason: 'it meets both targets at the lowest cost' },
    consequences: ['Good, because the model runs on the existing CPU fleet'],
    candidates: ['cnn-small', 'vit-tiny'],
    ...overrides,
  };
}
