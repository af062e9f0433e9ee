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

/** With ZALO_APP_ID set, the secrets the channel cannot work without must be set too. */
export function zaloRequirements(e: {
  ZALO_APP_ID?: string;
  ZALO_APP_SECRET?: string;
  ZALO_OA_SECRET_KEY?: string;
}): Array<{ key: string; message: string }> {
  if (!e.ZALO_APP_ID) return [];
  const required = { ZALO_APP_SECRET: e.ZALO_APP_SECRET, ZALO_OA_SECRET_KEY: e.ZALO_OA_SECRET_KEY };
  return Object.entries(required)
    .filter(([, v]) => !v)
    .map(([key]) => ({ key, message: 'required when ZALO_APP_ID is set' }));
}
