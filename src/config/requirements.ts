// Cross-key rules of the configuration: keys that are required only when another key has some value.

/** In production our origin must be configured: otherwise links and allow-lists would have nothing to trust. */
export function productionRequirements(e: {
  NODE_ENV: string;
  PUBLIC_BASE_URL?: string;
}): Array<{ key: string; message: string }> {
  if (e.NODE_ENV !== 'production' || e.PUBLIC_BASE_URL) return [];
  return [
    {
      key: 'PUBLIC_BASE_URL',
      message: 'required when NODE_ENV=production (e.g. https://tiepdan.example.vn)',
    },
  ];
}
