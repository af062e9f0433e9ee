import { vi } from '../../../src/i18n/strings.vi';

/** Every sentence under a catalogue node, functions called with placeholder arguments. */
function sentences(node: unknown, path: string): Array<[string, string]> {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function')
    return [[path, String((node as (...a: string[]) => unknown)('X', 'Y', 'Z', 'W', 'V'))]];
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([k, v]) => sentences(v, `${path}.${k}`));
  return [];
}

// The LLM's own instructions address the model, not the citizen.
const citizenFacing = [
  ...sentences(vi.bot, 'bot'),
  ...sentences(vi.tickets, 'tickets'),
  ...sentences(vi.public, 'public'),
  ...sentences({ ...vi.knowledge, llmSystem: '' }, 'knowledge'),
];

describe('one voice for citizens', () => {
  it.each(citizenFacing)(
    'when %s is said to a citizen, then it says "anh/chị", never "bạn"',
    (_path, text) => {
      expect(text).not.toMatch(/(^|[^\p{L}])bạn([^\p{L}]|$)/iu);
    },
  );
});
