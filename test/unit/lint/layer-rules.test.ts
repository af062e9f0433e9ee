import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The project's own ESLint config, run by the real CLI over a throwaway tree laid out like the repository: each
// probe file imports across a layer line, and the lint run must name it.
const repo = path.resolve(__dirname, '../../..');
const eslintBin = path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');

const exported = (name: string) => `/** A probe export. */\nexport const ${name} = 1;\n`;
const importing = (spec: string, name: string) =>
  `import { target } from '${spec}';\n\n/** A probe export. */\nexport const ${name} = target;\n`;

/** Files the probes import; they import nothing themselves. */
const targets: Record<string, string> = {
  'src/tickets/target.ts': exported('target'),
  'src/agencies/target.ts': exported('target'),
  'src/knowledge/target.ts': exported('target'),
  'src/channels/zalo/target.ts': exported('target'),
  'src/system/target.ts': exported('target'),
  'src/server.ts': exported('target'),
  'dialogs/target.ts': exported('target'),
  'src/text/target.ts': exported('target'),
  'src/web/target.ts': exported('target'),
};

const BASE = /^Base modules never/;
const AREA = /^Areas never/;
const KNOWLEDGE = /^Knowledge never/;

/** One probe per rule, as [importing file, import, the message the rule must give (null: allowed)]. */
const probes: Array<[string, string, RegExp | null]> = [
  ['src/http/probe.ts', '../tickets/target', BASE],
  ['src/i18n/probe.ts', '../../dialogs/target', BASE],
  ['src/db/probe.ts', '../channels/zalo/target', BASE],
  ['src/tickets/probe.ts', '../channels/zalo/target', AREA],
  ['src/public/probe.ts', '../web/target', AREA],
  ['dialogs/probe.ts', '../src/server', AREA],
  ['src/bot/probe.ts', '../system/target', AREA],
  ['src/knowledge/probe.ts', '../tickets/target', KNOWLEDGE],
  ['src/knowledge/probe2.ts', '../agencies/target', KNOWLEDGE],
  ['src/tickets/probe2.ts', '../text/target', null],
  ['src/tickets/probe3.ts', '../knowledge/target', null],
  ['src/channels/probe.ts', '../tickets/target', null],
];
const rows = probes.map(([file, spec, wanted]) => ({ file, spec, expect: wanted }));

interface LintMessage {
  ruleId: string | null;
  message: string;
}

let root: string;
let results: Map<string, LintMessage[]>;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'layer-rules-'));
  const files: Record<string, string> = { ...targets };
  for (const row of rows) files[row.file] = importing(row.spec, 'probe');
  // Two base modules importing each other: the cycle check must name both.
  files['src/http/cycle-a.ts'] = importing('./cycle-b', 'probe');
  files['src/http/cycle-b.ts'] = importing('./cycle-a', 'target');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const run = spawnSync(
    process.execPath,
    [eslintBin, '--config', path.join(repo, 'eslint.config.mjs'), '--format', 'json', 'src', 'dialogs'],
    { cwd: root, encoding: 'utf8' },
  );
  const parsed = JSON.parse(run.stdout) as Array<{ filePath: string; messages: LintMessage[] }>;
  results = new Map(
    parsed.map((r) => [path.relative(root, r.filePath).split(path.sep).join('/'), r.messages]),
  );
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('layer rules in eslint.config.mjs', () => {
  it.each(rows)(
    'when $file imports $spec, then lint reports the layer it crosses (or nothing)',
    ({ file, expect: expected }) => {
      const messages = (results.get(file) ?? []).filter((m) => m.ruleId === 'import-x/no-restricted-paths');
      if (expected === null) {
        expect(results.has(file)).toBe(true);
        expect(messages).toEqual([]);
      } else {
        expect(messages).toHaveLength(1);
        expect(
          messages[0]!.message.replace(/^Unexpected path .* imported in restricted zone\. /, ''),
        ).toMatch(expected);
      }
    },
  );

  it('when two modules import each other, then lint reports the cycle in both', () => {
    for (const file of ['src/http/cycle-a.ts', 'src/http/cycle-b.ts']) {
      expect((results.get(file) ?? []).map((m) => m.ruleId)).toContain('import-x/no-cycle');
    }
  });

  it('when a file stays within its layer, then the layer rules report nothing', () => {
    const clean = ['src/tickets/target.ts', 'src/text/target.ts', 'src/server.ts'];
    for (const file of clean) expect(results.get(file)).toEqual([]);
  });
});
