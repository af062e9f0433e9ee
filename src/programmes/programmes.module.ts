import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import type { AnswerService } from '../ports';
import { loadAdminUnits } from '../reference/admin-units/admin-units';
import { ProgrammeAnswerService, type ProgrammeAnswerOptions } from './answer/programme-answer.service';
import { foldedSyllables } from './answer/programme-matcher';
import { announceImportEndpoint, holdsDataDir, newImportToken } from './import/control-file';
import { noProgrammes } from './import/import.repository';
import { importProgrammeFile, type ImportResult } from './import/import.service';
import type { Jobs } from '../jobs/job-runner';
import { ProgrammeFollowService, PROGRAMME_STATUS_JOB } from './follow/follow.service';
import { OversightService } from './oversight/oversight.service';
import { PROGRAMME_REMINDER_JOB, ReportingService } from './oversight/reporting.service';
import { ProgrammeReportService } from './programme-report.service';
import { ProgrammeService } from './programme.service';
import { programmePortalRoutes } from './portal/portal.routes';
import { programmeRoutes } from './programmes.routes';

/** The demonstration programme built from the seed articles, loaded on a fresh database (marked as sample data). */
export const DEMO_PROGRAMMES_CSV = path.join(__dirname, 'data', 'demo-programmes.csv');

/** How often followed items are checked for a status change (statuses also change with the date alone). */
const FOLLOW_INTERVAL_MS = 10 * 60_000;

/** How often the reporting reminders are checked (each goes out once per agency and period). */
const REMINDER_INTERVAL_MS = 60 * 60_000;

/** Largest import file accepted over HTTP. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The action-programmes area, wired: service, routes, the chat's answer wrapper, start-up seeding. */
export interface ProgrammesModule {
  service: ProgrammeService;
  routers: Router[];
  /** Portal pages (agencies' items and reports, the administrators' import), mounted inside the portal. */
  portalRouters: Router[];
  /** The answer service the chat and /api/ask use: programme questions first, the fallback for the rest. */
  answers(fallback: AnswerService): AnswerService;
  /** Loads the demo programme when no programme exists yet; null when there was one. */
  seedDemoIfEmpty(): Promise<ImportResult | null>;
  /** Tells import CLIs where this server takes imports while it holds the embedded database. */
  announce(url: string): Promise<void>;
  stop(): Promise<void>;
  /** Citizens following items; its job tells them about status changes. */
  follow: ProgrammeFollowService;
  /** Reporting periods: reminders to lead agencies, missing and late reports. */
  reporting: ReportingService;
}

/** What createProgrammes needs. */
export interface ProgrammesDeps {
  db: Database;
  config: Config;
  logger: Logger;
  clock?: () => Date;
  /** Where the follow notification job is registered (absent: no job, e.g. the import CLI). */
  jobs?: Jobs;
}

/** Links and the province names questions are checked against (the entity rule of the knowledge answers). */
function placeOptions(config: Config): ProgrammeAnswerOptions {
  const admin = loadAdminUnits();
  const provinces = admin.units.filter((u) => u.level === 'province');
  const fold = (name: string) => foldedSyllables(name.replace(/^(Tỉnh|Thành phố)\s+/, '')).join(' ');
  const own = provinces.find((u) => u.code === config.provinceCode);
  // Provinces merged in 2025 (Hậu Giang, …) are still named in resolutions and by citizens.
  const former = admin.former.map((f) => fold(f.oldProvinceName));
  return {
    baseUrl: (config.publicBaseUrl ?? '').replace(/\/+$/, ''),
    places: [...new Set([...provinces.map((u) => fold(u.shortName)), ...former])],
    ownPlace: own ? fold(own.shortName) : null,
  };
}

/** Builds the programmes area over one database. */
export function createProgrammes(deps: ProgrammesDeps): ProgrammesModule {
  const { db, config } = deps;
  const log = deps.logger.child({ component: 'programmes' });
  const clock = deps.clock ?? (() => new Date());
  const service = new ProgrammeService(db, clock);
  const places = placeOptions(config);
  const follow = new ProgrammeFollowService(db, service, places.baseUrl);
  // The report is stored whatever happens here; a failed notification is retried by the timer job.
  const reports = new ProgrammeReportService(db, clock, (code) =>
    follow.notifyItem(code, clock()).then(
      () => undefined,
      (err: unknown) => log.warn({ err, code }, 'follow notification after a report failed'),
    ),
  );
  const oversight = new OversightService(db, clock, service);
  const reporting = new ReportingService(db, service);
  deps.jobs?.add({
    name: PROGRAMME_REMINDER_JOB,
    intervalMs: REMINDER_INTERVAL_MS,
    perform: async (now) => {
      await reporting.remind(now);
    },
  });
  deps.jobs?.add({
    name: PROGRAMME_STATUS_JOB,
    intervalMs: FOLLOW_INTERVAL_MS,
    perform: async (now) => {
      await follow.notifyChanges(now);
    },
  });
  let token: string | null = null;
  let unannounce: (() => Promise<void>) | null = null;
  return {
    service,
    routers: [programmeRoutes({ db, service, importToken: () => token, maxImportBytes: MAX_IMPORT_BYTES })],
    portalRouters: [
      programmePortalRoutes({
        db,
        service,
        reports,
        oversight,
        reporting,
        clock,
        maxImportBytes: MAX_IMPORT_BYTES,
      }),
    ],
    reporting,
    follow,
    answers: (fallback) => new ProgrammeAnswerService(db, service, fallback, places),
    async seedDemoIfEmpty() {
      if (!(await noProgrammes(db))) return null;
      const result = await importProgrammeFile(db, await readFile(DEMO_PROGRAMMES_CSV), { sample: true });
      log.info({ items: result.items, errors: result.errors.length }, 'demo programme loaded (sample data)');
      return result;
    },
    async announce(url) {
      // With a Postgres server the CLI connects itself; only the embedded database is held by one process.
      if (config.databaseUrl || db.driver !== 'pglite' || !(await holdsDataDir(config.dataDir))) return;
      token = newImportToken();
      unannounce = await announceImportEndpoint(config.dataDir, { pid: process.pid, url, token });
    },
    async stop() {
      await unannounce?.();
      token = null;
    },
  };
}
