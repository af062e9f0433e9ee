// The layer picture as data, read by eslint.config.mjs (import-x/no-restricted-paths) and by the test that
// proves the rules fail an upward import. Paths are globs relative to the repository root
// (the rule wants each list either all globs or none).

/** Base modules: shared by every area; they import only other base modules and packages. */
export const BASE = [
  './src/i18n/**',
  './src/text/**',
  './src/config/**',
  './src/db/**',
  './src/http/**',
  './src/jobs/**',
  './src/reference/**',
  './src/{logger,ports}.ts',
];

/** Areas: features built on the base; they never import channels or the composition root. */
export const AREAS = [
  './src/knowledge/**',
  './src/tickets/**',
  './src/agencies/**',
  './src/public/**',
  './src/bot/**',
  './dialogs/**',
];

/** Channels: adapters from the outside world onto the bot and the areas, and the web chat page. */
export const CHANNELS = ['./src/channels/**', './src/web/**'];

/** The composition root: builds and starts everything; nothing below it imports it. */
export const ROOT = ['./src/{server,app,main}.ts', './src/system*.ts', './src/system*/**'];

/** Zones for import-x/no-restricted-paths: `target` may not import `from`. */
export const layerZones = [
  {
    target: BASE,
    from: [...AREAS, ...CHANNELS, ...ROOT],
    message:
      'Base modules never import areas, channels or the composition root: move the code down or invert it through src/ports.ts.',
  },
  {
    target: AREAS,
    from: [...CHANNELS, ...ROOT],
    message:
      'Areas never import channels or the composition root: take the dependency as a constructor argument.',
  },
  {
    target: ['./src/knowledge/**'],
    from: ['./src/agencies/**', './src/tickets/**'],
    message:
      'Knowledge never imports agencies or tickets: share the piece through a base module or src/ports.ts.',
  },
];
