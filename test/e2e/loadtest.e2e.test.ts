import { spawn } from 'node:child_process';
import path from 'node:path';

const CLI = path.resolve(__dirname, '../../dist/loadtest/loadtest.cli.js');

interface Summary {
  ok: boolean;
  scenarios: Array<{
    name: string;
    ok: boolean;
    checks: Array<{ name: string; ok: boolean; detail: string }>;
    metrics: Record<string, number>;
  }>;
}

function runLoadtest(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run loadtest (small counts)', () => {
  it('when the suite runs load, kill -9, redelivery and fuzzing against the real server, then every invariant holds', async () => {
    const run = await runLoadtest([
      '--messages',
      '100',
      '--conversations',
      '20',
      '--kill-messages',
      '60',
      '--redeliver-feedbacks',
      '30',
      '--redeliver-conversations',
      '10',
      '--fuzz-cases',
      '300',
      '--zalo-lease-ms',
      '5000',
      '--json',
    ]);
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Summary;
    const failed = summary.scenarios?.flatMap((s) =>
      s.checks.filter((c) => !c.ok).map((c) => `${s.name}: ${c.name}: ${c.detail}`),
    );
    expect({ code: run.code, failed }).toEqual({ code: 0, failed: [] });
    expect(summary.ok).toBe(true);
    expect(summary.scenarios.map((s) => s.name)).toHaveLength(4);
    const [load, kill, redeliver, fuzz] = summary.scenarios;
    expect(load!.metrics).toMatchObject({ feedbacks: 100, tickets: 100 });
    expect(kill!.metrics.tickets).toBeGreaterThanOrEqual(55);
    expect(redeliver!.metrics.redeliveries).toBeGreaterThan(0);
    expect(fuzz!.metrics).toMatchObject({ cases: 300, fiveXX: 0, violations: 0 });
  }, 180_000);

  it('when a flag is not a whole number, then it exits 2 with the usage', async () => {
    const run = await runLoadtest(['--messages', 'many']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--messages must be a whole number');
  });
});
