import { describe, expect, it } from 'vitest';
import { figureLabels } from '../../src/views/shared/figure-label';
import { sample } from '../util/sample-records';

const a = sample('sample:0001');

describe('figure labels', () => {
  it('adds the subject only where it is not the set’s usual one', () => {
    expect(figureLabels([a, { ...a, id: 'b', indicator: '到位资金' }])).toEqual(['协议投资额', '到位资金']);
    expect(
      figureLabels([a, { ...a, id: 'b', indicator: '到位资金', subject: '高新区' }, { ...a, id: 'c', indicator: '项目数' }]),
    ).toEqual(['协议投资额', '到位资金·高新区', '项目数']);
    expect(figureLabels([a, { ...a, id: 'b', indicator: '到位资金', subject: '高新区' }])).toEqual([
      '协议投资额·滨海新区', '到位资金·高新区',
    ]);
  });

  it('tells colliding labels apart by the first context that separates them all, else by a number', () => {
    const labels = figureLabels([
      { ...a, id: 'x', period: '截至2021年10月', section: '二(一)1' },
      { ...a, id: 'y', period: '', section: '二(一)2' },
      { ...a, id: 'z', period: '', section: '二(一)2' },
    ]);
    expect(labels).toEqual(['协议投资额', '协议投资额（2）', '协议投资额（3）']);
    const samePeriod = figureLabels([
      { ...a, id: 'x', period: '截至2021年10月', section: '二(一)1' },
      { ...a, id: 'y', period: '截至2021年10月', section: '二(一)2' },
    ]);
    expect(samePeriod).toEqual(['协议投资额（二(一)1节）', '协议投资额（二(一)2节）']);
    const byPeriod = figureLabels([
      { ...a, id: 'x', period: '截至2021年10月', section: '二' },
      { ...a, id: 'y', period: '2021年上半年', section: '二' },
    ]);
    expect(byPeriod).toEqual(['协议投资额（截至2021年10月）', '协议投资额（2021年上半年）']);
  });
});
