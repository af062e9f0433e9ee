import { eventDedupeKey, toInbound, zaloEventSchema } from '../../../../src/channels/zalo/zalo.events';
import * as fx from '../../../fixtures/zalo-events';

const at = 1_763_000_000_000;
const parse = (e: unknown) => zaloEventSchema.parse(e);

describe('Zalo event mapping', () => {
  it('when a user sends text, then it maps to a text inbound with the sender and msg_id', () => {
    const e = parse(fx.textEvent('Đèn đường hỏng ở ngõ 5', at, 'm-1'));
    expect(toInbound(e)).toEqual({
      kind: 'text',
      userId: fx.ZALO_IDS.user,
      messageId: 'm-1',
      text: 'Đèn đường hỏng ở ngõ 5',
    });
    expect(eventDedupeKey(e)).toBe('msg:m-1');
  });

  it('when each other documented event arrives, then it maps to the matching inbound kind', () => {
    expect(toInbound(parse(fx.imageEvent(at)))).toMatchObject({
      kind: 'image',
      urls: ['https://photo.example.vn/a.jpg'],
      text: 'ảnh hiện trường',
    });
    expect(toInbound(parse(fx.fileEvent(at)))).toMatchObject({
      kind: 'file',
      name: 'don.pdf',
      url: 'https://f.example.vn/don.pdf',
    });
    expect(toInbound(parse(fx.locationEvent(at)))).toMatchObject({
      kind: 'location',
      latitude: 19.8066,
      longitude: 105.7852,
    });
    expect(toInbound(parse(fx.stickerEvent(at)))).toMatchObject({ kind: 'sticker' });
    expect(toInbound(parse(fx.followEvent(at)))).toEqual({ kind: 'follow', userId: fx.ZALO_IDS.user });
    expect(toInbound(parse(fx.followEvent(at, 'unfollow')))).toEqual({
      kind: 'unfollow',
      userId: fx.ZALO_IDS.user,
    });
    expect(toInbound(parse(fx.submitInfoEvent(at)))).toMatchObject({
      kind: 'contact',
      name: 'Nguyễn Văn A',
      phone: '84912345678',
      address: 'Thiệu Toán, Thiệu Hóa, Thanh Hóa',
    });
    expect(toInbound(parse(fx.receiptEvent(at, 'seen', ['a', 'b'])))).toEqual({
      kind: 'receipt',
      userId: fx.ZALO_IDS.user,
      messageIds: ['a', 'b'],
      receipt: 'seen',
    });
    expect(toInbound(parse(fx.unknownEvent(at)))).toMatchObject({ kind: 'ignored' });
  });

  it.each(['audio', 'video', 'link', 'business_card'] as const)(
    'when a user sends %s, then it maps to a media inbound the bot answers without a turn',
    (kind) => {
      const inbound = toInbound(zaloEventSchema.parse(fx.mediaEvent(kind, 1_763_600_000_000)));
      expect(inbound).toMatchObject({ kind: 'media', media: kind, url: `https://media.example.vn/${kind}` });
    },
  );

  it('when an event has no msg_id, then its dedupe key combines name, user and timestamp', () => {
    expect(eventDedupeKey(parse(fx.followEvent(at)))).toBe(`evt:follow:${fx.ZALO_IDS.user}:${at}:`);
    expect(eventDedupeKey(parse(fx.receiptEvent(at, 'received', ['x'])))).toBe(
      `evt:user_received_message:${fx.ZALO_IDS.user}:${at}:x`,
    );
  });

  it('when ids arrive as numbers or fields are malformed, then numbers become strings and garbage is rejected', () => {
    const e = parse({ ...fx.textEvent('x', at), app_id: 3608465249409 });
    expect(e.app_id).toBe('3608465249409');
    expect(zaloEventSchema.safeParse({ ...fx.textEvent('x', at), timestamp: 'yesterday' }).success).toBe(
      false,
    );
    expect(zaloEventSchema.safeParse({ event_name: 'user_send_text' }).success).toBe(false);
  });
});
