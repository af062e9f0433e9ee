import { ERROR_CODES } from '../../../src/http/error-codes';
import { appError } from '../../../src/http/errors';
import { vi } from '../../../src/i18n/strings.vi';

describe('error codes and their messages', () => {
  it('when the catalogue is read, then every error code has a non-empty Vietnamese message', () => {
    for (const code of ERROR_CODES) expect(vi.errors[code].trim()).not.toBe('');
  });

  it('when the catalogue is read, then it holds no message without an error code', () => {
    expect(Object.keys(vi.errors).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('when the code list is read, then no code appears twice', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('when an error is built for a code, then it carries that code and its catalogue message', () => {
    const err = appError('ticket_not_found', 404);
    expect(err).toMatchObject({ code: 'ticket_not_found', status: 404, message: vi.errors.ticket_not_found });
  });
});
