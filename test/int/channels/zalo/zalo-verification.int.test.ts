import request from 'supertest';
import { testSystem, type TestSystem } from '../../../helpers/system';

// Zalo verifies the webhook's domain before events are delivered; the domain is verified before the channel is set.
describe('Zalo domain verification', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await testSystem({ env: { ZALO_SITE_VERIFICATION: 'AbC123_xyz-9' } });
  });
  afterAll(async () => {
    await system.close();
  });

  it('when ZALO_SITE_VERIFICATION is set, then zalo_verifier<code>.html carries the verification meta tag', async () => {
    const res = await request(system.app).get('/zalo_verifierAbC123_xyz-9.html').expect(200);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('<meta name="zalo-platform-site-verification" content="AbC123_xyz-9" />');
  });

  it('when another verifier file is asked for, then 404', async () => {
    await request(system.app).get('/zalo_verifierOTHER.html').expect(404);
  });
});
