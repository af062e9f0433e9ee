import { vi } from '../../../src/i18n/strings.vi';
import { webchatHtml, WEBCHAT_APP_JS } from '../../../src/web/webchat.page';

describe('the web chat page', () => {
  it('when the page script is loaded, then it parses as JavaScript (it is served as a file, not type-checked)', () => {
    expect(() => new Function(WEBCHAT_APP_JS)).not.toThrow();
  });

  it('when the page is rendered, then it offers the location button and speaks to the citizen as "anh/chị"', () => {
    const page = webchatHtml('1', '1');
    expect(page).toContain(
      `<button id="share-location" type="button">${vi.bot.webchat.shareLocation}</button>`,
    );
    expect(page).toContain(`data-location-denied="${vi.bot.webchat.locationDenied}"`);
    expect(`${page}${WEBCHAT_APP_JS}`).not.toMatch(/\bbạn\b/i);
  });
});
