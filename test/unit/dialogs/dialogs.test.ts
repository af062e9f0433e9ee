import { vi } from '../../../src/i18n/strings.vi';
import {
  playCase,
  startDialogChat,
  TEST_CHANNEL,
  type DialogCase,
  type DialogFakes,
} from '../../helpers/dialog-harness';
import { FakeAnswers, FakeTickets, FakeTriage } from '../../helpers/fake-services';

const b = vi.bot;
const f = b.feedback;
const CODE = /Mã tra cứu: \*\*(TH-[A-Z0-9]{5})\*\*/;
const MENU = [b.menu.ask, b.menu.feedback, b.menu.business, b.menu.track, b.menu.rate];
const QUANG_PHU = { code: '16222', name: 'Phường Quảng Phú' };

/** The world every row runs in: one canned answer, two triage rules, one commune. */
function world(): DialogFakes {
  return {
    answers: new FakeAnswers([
      {
        match: /khau dot pha/,
        result: {
          // As the knowledge service writes it: the fact first, then its source line.
          answer: `Đại hội xác định 3 khâu đột phá chiến lược.\n\n${vi.knowledge.sourceLine(
            'Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX',
            '2025-10-01',
            null,
            false,
          )}`,
          grounded: true,
          citations: [
            {
              documentId: 'nghi-quyet-dai-hoi',
              title: 'Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX',
              source: null,
              date: '2025-10-01',
              quote: 'Cam kết hành động rõ ràng',
            },
          ],
        },
      },
    ]),
    triage: new FakeTriage(
      [
        { match: /khieu nai/, kind: 'complaint', category: 'dat-dai' },
        { match: /den duong|o ga|rac/, kind: 'feedback', category: 'giao-thong' },
      ],
      [QUANG_PHU],
    ),
    tickets: new FakeTickets(),
  };
}

const main: DialogCase[] = [
  ['xin chào', b.greetAgain],
  ['cam on', b.smalltalkThanks],
  ['tro giup', b.help],
  ['hủy', b.nothingToCancel],
  ['MENU', b.menuPrompt],
].map(([user, expected]) => ({
  name: `"${user}" with nothing running is answered with the menu`,
  turns: [{ user: user!, expect: expected!, buttons: MENU }],
}));

const ask: DialogCase[] = [
  {
    name: 'an unanswerable question is said so, and the citizen may decline forwarding',
    turns: [
      { user: b.menu.ask, expect: b.ask.prompt },
      {
        user: 'Thời tiết ngày mai thế nào?',
        expect: vi.knowledge.notFound,
        buttons: [b.ask.forwardYes, b.no],
      },
      { user: 'khong', expect: b.ask.notForwarded, buttons: MENU },
    ],
    then: (chat) => expect(chat.fakes.tickets.tickets).toHaveLength(0),
  },
  {
    name: 'an answered question is sent as the knowledge service wrote it, source line included, then the menu',
    turns: [
      { user: b.menu.ask },
      {
        user: 'Đại hội lần thứ XX xác định bao nhiêu khâu đột phá?',
        expect:
          /^Đại hội xác định 3 khâu đột phá chiến lược\.\n\nNguồn: «Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX», 2025-10-01\n/,
        buttons: MENU,
      },
    ],
  },
  {
    name: 'a forwarded question becomes a question ticket without asking for a place or photos',
    turns: [
      { user: 'Chính sách hỗ trợ học phí năm nay thế nào?', buttons: [b.ask.forwardYes, b.no] },
      { user: b.ask.forwardYes, buttons: [f.consentYes, b.skip] },
      {
        user: 'Bỏ qua',
        expect: `${f.summaryKind}: ${f.kinds.question}`,
        buttons: [f.confirmYes, f.confirmEdit, f.confirmNo],
      },
      { user: f.confirmYes, expect: [CODE, f.receivedHead.question('UBND tỉnh')] },
    ],
    then: ({ fakes }) =>
      expect(fakes.tickets.tickets.map((t) => t.input)).toMatchObject([
        { kind: 'question', description: 'Chính sách hỗ trợ học phí năm nay thế nào?', contact: undefined },
      ]),
  },
  {
    name: 'a too short question is re-asked; "trợ giúp" helps and re-prompts; "thôi" cancels',
    turns: [
      { user: b.menu.ask },
      { user: 'a', expect: b.ask.retry },
      { user: 'trợ giúp', expect: `${b.help}\n${b.ask.prompt}` },
      { user: 'thôi', expect: b.cancelled, buttons: MENU },
      { user: 'xin chào', expect: b.greetAgain },
    ],
  },
];

const feedback: DialogCase[] = [
  {
    name: 'feedback filed step by step with consent stores the contact, and withdrawing consent erases it',
    turns: [
      { user: b.menu.feedback, expect: f.intro(f.nouns.feedback), buttons: [f.citizen, f.business] },
      { user: 'nguoi dan', expect: f.categoryPrompt },
      { user: 'Môi trường, rác thải, ô nhiễm', expect: f.locationPrompt },
      { user: 'Thôn 3, phường Quảng Phú', expect: f.locationFound(QUANG_PHU.name) },
      { user: 'Bãi rác tự phát bốc mùi hôi cạnh trường học', expect: f.photosPrompt },
      { user: 'Bỏ qua', buttons: [f.consentYes, b.skip] },
      { user: f.consentYes, expect: f.namePrompt },
      { user: 'Lê Thị Hoa', expect: f.phonePrompt },
      { user: '12345', expect: f.phoneRetry },
      { user: '0912 345 678', expect: f.publishPrompt, buttons: [f.publishYes, f.publishNo] },
      { user: f.publishNo, expect: 'Lê Thị Hoa, 091****678', absent: '0912345678' },
      { user: f.confirmYes, expect: CODE, buttons: MENU },
      {
        user: 'Xóa thông tin cá nhân của tôi',
        expect: b.forget.confirmPrompt,
        buttons: [b.forget.yes, b.forget.no],
      },
      { user: b.forget.yes, expect: b.forget.erased(1) },
    ],
    then: ({ fakes, userId }) => {
      const [ticket] = fakes.tickets.tickets;
      expect(ticket?.input).toMatchObject({
        kind: 'feedback',
        category: 'moi-truong',
        communeCode: QUANG_PHU.code,
        description: 'Bãi rác tự phát bốc mùi hôi cạnh trường học',
        origin: { channel: TEST_CHANNEL, userId },
      });
      expect(ticket?.input.contact).toBeUndefined();
    },
  },
  {
    name: 'the summary shows the contact with the phone masked and the ticket carries it in full',
    turns: [
      { user: b.menu.business, expect: f.businessLocationPrompt },
      { user: 'Bỏ qua', expect: f.businessDescriptionPrompt },
      { user: 'Thủ tục thuê đất cho nhà xưởng chậm ba tháng', expect: f.businessNamePrompt },
      { user: 'Công ty TNHH Minh An', expect: f.taxCodePrompt },
      { user: 'Bỏ qua', expect: f.projectPrompt },
      { user: 'Bỏ qua', buttons: [f.consentYes, b.skip] },
      { user: f.consentYes },
      { user: 'Trần Văn An' },
      { user: '0987.654.321', expect: f.publishPrompt },
      { user: f.publishNo, expect: 'Trần Văn An, 098****321' },
      { user: f.confirmYes, expect: CODE },
    ],
    then: ({ fakes }) =>
      expect(fakes.tickets.tickets[0]?.input.contact).toEqual({
        name: 'Trần Văn An',
        phone: '0987654321',
        consentAt: expect.any(Date),
      }),
  },
  {
    name: 'withdrawing consent without stored contact details, or changing one’s mind, erases nothing',
    turns: [
      { user: 'rut lai dong y', expect: b.forget.confirmPrompt },
      { user: b.forget.no, expect: b.forget.kept },
      { user: 'xoa so dien thoai cua toi' },
      { user: b.forget.yes, expect: b.forget.nothing },
    ],
  },
  {
    name: 'a complaint-like message starts the feedback flow prefilled with what it said',
    turns: [
      {
        user: 'Tôi muốn khiếu nại việc xã thu hồi đất nhà tôi không bồi thường',
        expect: [f.prefilled(f.nouns.complaint), f.complaintProcedure],
      },
      { user: f.citizen },
      { user: 'xã Hoằng Hóa', expect: f.locationUnknown },
      { user: 'Bỏ qua', buttons: [f.consentYes, b.skip] },
      { user: 'Bỏ qua', expect: `${f.summaryKind}: ${f.kinds.complaint}` },
      { user: f.confirmYes, expect: CODE },
    ],
    then: ({ fakes }) =>
      expect(fakes.tickets.tickets[0]?.input).toMatchObject({
        kind: 'complaint',
        category: 'dat-dai',
        description: expect.stringContaining('không bồi thường'),
      }),
  },
  {
    name: 'a shared location is recorded instead of a typed place',
    turns: [
      { user: b.menu.feedback },
      { user: f.citizen },
      { user: '1', expect: f.locationPrompt },
      {
        user: '',
        extra: { entities: [{ type: 'GeoCoordinates', latitude: 19.807, longitude: 105.776 }] },
        expect: f.locationShared,
      },
      { user: 'Ổ gà lớn giữa đường trước cổng chợ', expect: f.photosPrompt },
      { user: 'Bỏ qua' },
      { user: 'Bỏ qua', expect: f.publishPrompt },
      { user: f.publishNo, expect: `${f.summaryLocation}: 19.807, 105.776` },
    ],
  },
  {
    name: 'a business obstacle from the menu knows its submitter and asks where the business or project is first',
    turns: [{ user: b.menu.business, expect: [f.intro(f.nouns.business), f.businessLocationPrompt] }],
  },
  {
    name: 'an answer outside the choices is re-asked with the buttons; "menu" leaves the flow',
    turns: [
      { user: b.menu.feedback },
      { user: 'không biết', expect: b.choiceRetry, buttons: [f.citizen, f.business] },
      { user: 'menu', buttons: MENU },
      { user: 'hủy', expect: b.nothingToCancel },
    ],
  },
  {
    name: 'declining at the summary files nothing',
    turns: [
      { user: 'Tôi muốn khiếu nại việc xã thu hồi đất nhà tôi không bồi thường' },
      { user: f.citizen },
      { user: 'Bỏ qua', expect: f.photosPrompt },
      { user: 'Bỏ qua' },
      { user: 'Bỏ qua', buttons: [f.confirmYes, f.confirmEdit, f.confirmNo] },
      { user: f.confirmNo, expect: f.notSent(f.nouns.complaint), buttons: MENU },
    ],
    then: ({ fakes }) => expect(fakes.tickets.tickets).toHaveLength(0),
  },
];

/** Files one ticket from this channel before the conversation starts. */
const fileOne = async ({ tickets }: DialogFakes) => {
  await tickets.create({
    kind: 'feedback',
    category: 'giao-thong',
    description: 'Ổ gà trên đường liên xã',
    origin: { channel: TEST_CHANNEL, conversationId: 'earlier', userId: 'someone' },
    idempotencyKey: 'earlier:1',
  });
};

const trackAndRate: DialogCase[] = [
  {
    name: 'a tracking code typed with the right PIN shows the status',
    given: fileOne,
    turns: [
      { user: 'tra cứu {code}', expect: b.track.pinPrompt },
      { user: '{pin}', expect: /^Phản ánh TH-[A-Z0-9]{5}: đã chuyển cơ quan xử lý\./, buttons: MENU },
    ],
  },
  {
    name: 'a malformed code or a wrong PIN is re-asked, then nothing is found',
    given: fileOne,
    turns: [
      { user: b.menu.track, expect: b.track.codePrompt },
      { user: 'abc', expect: b.track.codeRetry },
      { user: '{code}', expect: b.track.pinPrompt },
      { user: '12', expect: b.track.pinRetry },
      { user: '000000', expect: b.track.notFound, buttons: MENU },
    ],
  },
  {
    name: 'an answered ticket shows its answer when tracked',
    given: async (fakes) => {
      await fileOne(fakes);
      fakes.tickets.answer(fakes.tickets.tickets[0]!.receipt.trackingCode, 'Đã vá ổ gà.');
    },
    turns: [{ user: '{code}' }, { user: '{pin}', expect: b.track.answer('Đã vá ổ gà.') }],
  },
  {
    name: 'a rating of 1 with a comment is stored and the ticket reopened',
    given: async (fakes) => {
      await fileOne(fakes);
      fakes.tickets.answer(fakes.tickets.tickets[0]!.receipt.trackingCode, 'Đã vá ổ gà.');
    },
    turns: [
      { user: b.menu.rate, expect: b.rate.intro },
      { user: '{code}' },
      { user: '{pin}', buttons: b.rate.ratings },
      { user: 'tuyệt vời', expect: b.choiceRetry },
      { user: '1', expect: b.rate.commentPrompt },
      { user: 'Chưa sửa xong', expect: b.rate.reopened },
    ],
    then: ({ fakes }) =>
      expect(fakes.tickets.tickets[0]).toMatchObject({
        rating: 1,
        comment: 'Chưa sửa xong',
        status: 'reopened',
      }),
  },
  {
    name: 'rating a ticket without an answer is refused politely',
    given: fileOne,
    turns: [
      { user: b.menu.rate },
      { user: '{code}' },
      { user: '{pin}' },
      { user: '5 - Rất hài lòng' },
      { user: 'Bỏ qua', expect: vi.errors.ticket_not_answered, buttons: MENU },
    ],
    then: ({ fakes }) => expect(fakes.tickets.tickets[0]?.rating).toBeNull(),
  },
];

describe('bot dialogs over the test adapter (real Agents SDK and dialogs, fake services)', () => {
  it('when a conversation starts, then the bot greets in Vietnamese and offers the menu as buttons', async () => {
    const chat = await startDialogChat(world());
    expect(chat.greeting).toEqual([{ text: b.welcome, buttons: MENU }]);
  });

  describe.each([
    ['main', main],
    ['ask-question', ask],
    ['file-feedback and forget-contact', feedback],
    ['track-ticket and rate-answer', trackAndRate],
  ])('%s', (_area, rows) => {
    it.each(rows.map((row) => [row.name, row] as const))('when %s', async (_name, row) => {
      await playCase(row, world());
    });
  });
});
