import { adminVi } from './admin.vi';
import { botVi } from './bot.vi';
import { errorsVi } from './errors.vi';
import { programmesVi } from './programmes.vi';
import { knowledgeVi } from './knowledge.vi';
import { portalVi } from './portal.vi';
import { publicVi } from './public.vi';
import { ticketsVi } from './tickets.vi';
import { zaloVi } from './zalo.vi';

/**
 * Every sentence tiepdan shows to a person, in Vietnamese. Code refers to keys, never to literal text,
 * so wording is reviewed and changed in one place; each area's sentences live in their own file here.
 */
export const vi = {
  errors: errorsVi,
  bot: botVi,
  public: publicVi,
  admin: adminVi,
  portal: portalVi,
  tickets: ticketsVi,
  knowledge: knowledgeVi,
  programmes: programmesVi,
  zalo: zaloVi,
} as const;
