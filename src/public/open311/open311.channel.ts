import type { DeliveryResult, OutboundChannel } from '../../ports';

/**
 * Citizens who reported through an Open311 client read progress from that client, which polls
 * `GET /open311/v2/requests/{id}`: a message to them is "delivered" by being published there.
 */
export const open311Channel: OutboundChannel = {
  channel: 'open311',
  async deliver(): Promise<DeliveryResult> {
    return { ok: true, externalId: 'published-via-open311' };
  },
};
