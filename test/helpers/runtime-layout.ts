import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';

/** The project root: the build stage's /app holds the same files after `npm run build`. */
export const ROOT = path.resolve(__dirname, '../..');

/** What the Dockerfile's last stage puts into the image. */
export interface RuntimeStage {
  workdir: string;
  /** Paths relative to the project root (for `--from=build`, to the build stage's WORKDIR) → relative to WORKDIR. */
  copies: Array<{ source: string; target: string }>;
  env: Record<string, string>;
  command: string[];
}

// One instruction per line; the runtime stage is everything after the last FROM.
function runtimeLines(dockerfile: string): string[] {
  const lines = dockerfile.split('\n').map((l) => l.trim());
  const from = lines.map((l, i) => (/^FROM\s/i.test(l) ? i : -1)).filter((i) => i >= 0);
  return lines.slice((from[from.length - 1] ?? 0) + 1).filter((l) => l !== '' && !l.startsWith('#'));
}

/** Reads the runtime stage's WORKDIR, COPY, ENV and CMD lines from the Dockerfile. */
export function readRuntimeStage(dockerfile = path.join(ROOT, 'infra', 'Dockerfile')): RuntimeStage {
  const stage: RuntimeStage = { workdir: '/', copies: [], env: {}, command: [] };
  const buildWorkdir = /^WORKDIR\s+(\S+)/im.exec(readFileSync(dockerfile, 'utf8'))?.[1] ?? '/';
  for (const line of runtimeLines(readFileSync(dockerfile, 'utf8'))) {
    const [word = '', ...rest] = line.split(/\s+/);
    const op = word.toUpperCase();
    if (op === 'WORKDIR') stage.workdir = rest[0] ?? '/';
    if (op === 'CMD') stage.command = JSON.parse(rest.join(' ')) as string[];
    if (op === 'ENV') for (const pair of rest) stage.env[pair.split('=')[0] ?? ''] = pair.split('=')[1] ?? '';
    if (op !== 'COPY') continue;
    const fromBuild = rest[0]?.startsWith('--from=') ?? false;
    const [source = '', target = ''] = fromBuild ? rest.slice(1) : rest;
    const relative = fromBuild ? path.posix.relative(buildWorkdir, source) : source;
    stage.copies.push({
      source: relative,
      target: path.posix.relative(stage.workdir, path.posix.resolve(stage.workdir, target)),
    });
  }
  return stage;
}

/**
 * Lays out `dir` as the image's WORKDIR from the local build. node_modules is linked rather than copied (889 MB);
 * everything else is a real copy, so a file the code reads from outside these paths is missing here as in the image.
 */
export function assembleRuntimeLayout(stage: RuntimeStage, dir: string): void {
  for (const { source, target } of stage.copies) {
    const from = path.join(ROOT, source);
    const to = path.join(dir, target === '' ? path.basename(source) : target);
    if (source === 'node_modules') symlinkSync(from, to, 'dir');
    else cpSync(from, to, { recursive: true });
  }
}
