import { vi } from '../../../src/i18n/strings.vi';
import type { AskResult } from '../../../src/ports';
import { playCase, type DialogCase, type DialogFakes } from '../../helpers/dialog-harness';
import { FakeAnswers, FakeTickets, FakeTriage } from '../../helpers/fake-services';

const b = vi.bot;
const f = b.feedback;
const MENU = [b.menu.ask, b.menu.feedback, b.menu.business, b.menu.track, b.menu.rate];

const Q2030 = 'Thanh Hóa đặt mục tiêu gì đến năm 2030?';
const Q2045 = 'Thanh Hóa đặt mục tiêu gì đến năm 2045?';
const FOLLOW = 'còn đến năm 2045 thì sao?';
const BUDGET = 'Thái Nguyên thu ngân sách nhà nước năm 2020 được bao nhiêu?';

function grounded(fact: string): AskResult {
  return {
    answer: `${fact}\n\n${vi.knowledge.sourceLine('Văn kiện Đại hội', '2025-10-01', null, false)}`,
    grounded: true,
    citations: [
      { documentId: 'van-kien', title: 'Văn kiện Đại hội', source: null, date: '2025-10-01', quote: fact },
    ],
  };
}

const FACT_2030 = 'Đến năm 2030, Thanh Hóa trở thành tỉnh thuộc nhóm dẫn đầu cả nước.';
const FACT_2045 = 'Đến năm 2045, Thanh Hóa trở thành tỉnh giàu đẹp, văn minh, hạnh phúc.';
const FACT_BUDGET = 'Thu ngân sách năm 2020 đạt 15.608 tỷ đồng.';

/** Answers about Thanh Hóa's 2030 and 2045 targets and Thái Nguyên's budget; everything else is not found. */
function world(): DialogFakes {
  return {
    answers: new FakeAnswers([
      { match: /^thanh hoa dat muc tieu gi den nam 2030/, result: grounded(FACT_2030) },
      { match: /^thanh hoa dat muc tieu gi den nam 2045/, result: grounded(FACT_2045) },
      { match: /^thai nguyen thu ngan sach/, result: grounded(FACT_BUDGET) },
    ]),
    triage: new FakeTriage([{ match: /o ga/, kind: 'feedback', category: 'giao-thong' }]),
    tickets: new FakeTickets(),
  };
}

const asked =
  (...questions: string[]) =>
  ({ fakes }: { fakes: DialogFakes }) =>
    expect(fakes.answers.asked).toEqual(questions);

const rows: DialogCase[] = [
  {
    name: 'a follow-up typed as a fresh message after an answer is asked as the question it completes',
    turns: [
      { user: Q2030, expect: FACT_2030, buttons: MENU },
      { user: FOLLOW, expect: FACT_2045, buttons: MENU },
    ],
    then: asked(Q2030, Q2045),
  },
  {
    name: 'a follow-up typed at the ask prompt (menu button) is completed from the subject too',
    turns: [
      { user: Q2030, expect: FACT_2030 },
      { user: b.menu.ask, expect: b.ask.prompt },
      { user: FOLLOW, expect: FACT_2045 },
    ],
    then: asked(Q2030, Q2045),
  },
  {
    name: 'an answered follow-up becomes the subject: the next follow-up completes it',
    turns: [
      { user: Q2030 },
      { user: FOLLOW, expect: FACT_2045 },
      { user: 'còn đến năm 2030 thì sao?', expect: FACT_2030 },
    ],
    then: asked(Q2030, Q2045, Q2030),
  },
  {
    name: 'a new subject replaces the old one',
    turns: [
      { user: Q2030, expect: FACT_2030 },
      { user: BUDGET, expect: FACT_BUDGET },
      { user: 'còn Thanh Hóa thì sao?', expect: vi.knowledge.notFound },
    ],
    then: asked(Q2030, BUDGET, 'Thanh Hóa thu ngân sách nhà nước năm 2020 được bao nhiêu?'),
  },
  {
    name: 'the subject lasts three messages: a follow-up after two others is still completed',
    turns: [{ user: Q2030 }, { user: 'xin chào' }, { user: 'cảm ơn' }, { user: FOLLOW, expect: FACT_2045 }],
    then: asked(Q2030, Q2045),
  },
  {
    name: 'the subject expires: a follow-up after three other messages is asked as typed',
    turns: [
      { user: Q2030 },
      { user: 'xin chào' },
      { user: 'cảm ơn' },
      { user: 'xin chào' },
      { user: FOLLOW, expect: vi.knowledge.notFound },
    ],
    then: asked(Q2030, FOLLOW),
  },
  {
    name: 'without an earlier answer a follow-up is asked as typed',
    turns: [{ user: FOLLOW, expect: vi.knowledge.notFound, buttons: [b.ask.forwardYes, b.no] }],
    then: asked(FOLLOW),
  },
  {
    name: 'the forward offer never blocks: a follow-up typed instead of answering it is completed',
    turns: [
      { user: Q2030 },
      { user: 'Thời tiết ngày mai thế nào?', buttons: [b.ask.forwardYes, b.no] },
      { user: FOLLOW, expect: FACT_2045, absent: b.choiceRetry, buttons: MENU },
    ],
    then: asked(Q2030, 'Thời tiết ngày mai thế nào?', Q2045),
  },
  {
    name: 'a new question typed instead of answering the forward offer is answered',
    turns: [
      { user: 'Thời tiết ngày mai thế nào?', buttons: [b.ask.forwardYes, b.no] },
      { user: Q2030, expect: FACT_2030, absent: b.choiceRetry },
    ],
  },
  {
    name: 'with a subject kept, accepting the forward offer still runs the feedback flow to its next prompt',
    turns: [
      { user: Q2030 },
      { user: 'Chính sách hỗ trợ học phí năm nay thế nào?', buttons: [b.ask.forwardYes, b.no] },
      { user: b.ask.forwardYes, buttons: [f.consentYes, b.skip] },
      { user: 'Bỏ qua', expect: `${f.summaryKind}: ${f.kinds.question}` },
    ],
  },
  {
    name: 'feedback typed while a subject is kept goes to the feedback flow, not to the knowledge answer',
    turns: [{ user: Q2030 }, { user: 'Đường thôn 3 có ổ gà rất nguy hiểm' }],
    then: asked(Q2030),
  },
];

describe('follow-up questions over the test adapter (the subject kept in conversation state)', () => {
  it.each(rows.map((row) => [row.name, row] as const))('when %s', async (_name, row) => {
    await playCase(row, world());
  });
});
