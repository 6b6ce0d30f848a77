import assert from 'node:assert/strict';
import { baseMetricName, defaultGoalOf, findMetricName, goalOfFromMetrics, primaryMetric } from '../../../src/core/results/metric-names';

describe('metric names and goals', () => {
  it('minimises losses, errors and error rates by name, maximises the rest', () => {
    for (const n of ['loss', 'val_loss', 'train/box_loss', 'eval_wer', 'test_cer', 'rmse', 'val_mae', 'MSE', 'perplexity', 'top1_error', 'latency_ms', 'fast_rcnn/false_negative']) {
      assert.equal(defaultGoalOf(n), 'minimize', n);
    }
    for (const n of ['accuracy', 'metrics/mAP50(B)', 'f1', 'eval_bleu', 'roc_auc', 'power', 'cancer_recall', 'answer']) {
      assert.equal(defaultGoalOf(n), 'maximize', n);
    }
  });

  it('strips split prefixes and namespaces to a base name', () => {
    assert.equal(baseMetricName('eval_wer'), 'wer');
    assert.equal(baseMetricName('metrics/mAP50(B)'), 'map50(b)');
    assert.equal(baseMetricName('accuracy.test'), 'accuracy');
    assert.equal(baseMetricName('val/box_loss'), 'box_loss');
    assert.equal(baseMetricName('metrics/mAP_0.5'), 'map_0.5');
    assert.equal(baseMetricName('val_accuracy'), 'accuracy');
    assert.equal(baseMetricName('test_acc_epoch'), 'acc_epoch');
  });

  it('finds the tool name of a roadmap metric, preferring held-out splits', () => {
    assert.equal(findMetricName(['train_accuracy', 'val_accuracy', 'test_accuracy'], 'accuracy'), 'test_accuracy');
    assert.equal(findMetricName(['train_wer', 'eval_wer'], 'wer'), 'eval_wer');
    assert.equal(findMetricName(['accuracy', 'test_accuracy'], 'accuracy'), 'accuracy');
    assert.equal(findMetricName(['metrics/mAP50(B)'], 'mAP50(B)'), 'metrics/mAP50(B)');
    assert.equal(findMetricName(['loss'], 'accuracy'), undefined);
    assert.equal(findMetricName(['accuracy.train', 'accuracy.test'], 'accuracy'), 'accuracy.test');
    assert.equal(findMetricName(['train/acc', 'val/acc'], 'acc'), 'val/acc');
  });

  it('matches a metric logged under another name by that name first, exactly; its goal follows it', () => {
    const map50 = { id: 'map50-b', logged_as: 'metrics/mAP50(B)' };
    assert.equal(findMetricName(['metrics/mAP50(B)', 'metrics/mAP50-95(B)'], map50), 'metrics/mAP50(B)');
    assert.equal(findMetricName(['metrics/mAP50(B)'], 'map50-b'), undefined, 'no valid id reaches that name by itself');
    // The logged name wins over the id's own matches; without it in the results, the id matches as usual.
    const wer = { id: 'wer', logged_as: 'eval/wer_clean' };
    assert.equal(findMetricName(['eval_wer', 'eval/wer_clean'], wer), 'eval/wer_clean');
    assert.equal(findMetricName(['eval_wer'], wer), 'eval_wer');
    assert.equal(findMetricName(['Metrics/mAP50(B)'], map50), undefined, 'exactly: the case counts');
    const goalOf = goalOfFromMetrics([{ id: 'val-error', goal: 'maximize', logged_as: 'val/error(%)' }]);
    assert.equal(goalOf('val/error(%)'), 'maximize', 'the roadmap, not the name heuristic');
  });

  it('lets the roadmap decide goals, by id or base name', () => {
    const goalOf = goalOfFromMetrics([
      { id: 'error_budget', goal: 'maximize' },
      { id: 'coverage', goal: 'minimize' },
    ]);
    assert.equal(goalOf('error_budget'), 'maximize');
    assert.equal(goalOf('eval_coverage'), 'minimize');
    assert.equal(goalOf('val_loss'), 'minimize');
  });

  it('takes the first roadmap metric as primary', () => {
    assert.equal(primaryMetric({ metrics: [] }), undefined);
    const m = { id: 'f1', goal: 'maximize' as const, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
    assert.equal(primaryMetric({ metrics: [m, { ...m, id: 'acc' }] })?.id, 'f1');
  });
});
