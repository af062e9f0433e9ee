import { answerItemSchema, declined, gradeTurn, turnsOf } from '../../../src/knowledge/eval/answers-eval';
import { vi } from '../../../src/i18n/strings.vi';

const reply = (text: string, knowledge?: object) => [{ text, buttons: [], channelData: knowledge ? { knowledge } : null }];

describe('answers evaluation grading', () => {
  it('when an answer holds an expected fact (any case or tone placement) and cites the document, then it is right', () => {
    const r = reply('Có 8 Nhiệm vụ trọng tâm.', { grounded: true, documentIds: ['a.txt'] });
    expect(gradeTurn(r, { expect_any: ['8 nhiệm vụ trọng tâm'], doc: 'a.txt' })).toBeNull();
    expect(gradeTurn(r, { expect_any: ['5 quan điểm'] })).toBe('expected fact missing');
    expect(gradeTurn(r, { doc: 'b.txt' })).toBe('expected document not cited');
    expect(gradeTurn(r, { forbid: ['8 nhiệm vụ'] })).toBe('states a forbidden fact');
  });

  it('when the bot declines (not found, or another entity said as such), then an unanswerable question is right', () => {
    expect(declined(reply(vi.knowledge.notFound))).toBe(true);
    expect(gradeTurn(reply('x', { grounded: false, documentIds: ['a.txt'] }), { answerable: false })).toBeNull();
    expect(gradeTurn(reply('x', { grounded: true, documentIds: ['a.txt'] }), { answerable: false })).toBe(
      'answered an unanswerable question',
    );
    expect(gradeTurn(reply(vi.knowledge.notFound), { expect_any: ['8'] })).toBe('refused an answerable question');
  });

  it('when an item has turns, then the last is graded on the item and object turns on their own expectations', () => {
    const item = answerItemSchema.parse({ id: 'f', turns: [{ say: 'a', expect_any: ['x'] }, 'b'], expect_any: ['y'] });
    expect(turnsOf(item).map((t) => [t.say, t.expect?.expect_any])).toEqual([
      ['a', ['x']],
      ['b', ['y']],
    ]);
    expect(answerItemSchema.safeParse({ id: 'z' }).success).toBe(false);
  });
});
