import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Where the shared evaluation data lives, relative to the repository root. */
export const SHARED_EVAL = path.join('..', 'shared', 'eval');

/** The nq-sapxep passages added to the demo corpus for the QA turn. */
export const NQ_SAPXEP_DIR = path.join(SHARED_EVAL, 'retrieval', 'nq-sapxep-2025');

/** One passage of an evaluation set. */
export interface Passage {
  id: string;
  title: string;
  text: string;
}

/** Whether ../shared/eval is present (the research sets are never copied into the repository). */
export function sharedAvailable(root: string): boolean {
  return existsSync(path.join(root, SHARED_EVAL));
}

async function readJsonl(file: string): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Every passage of every retrieval set under ../shared/eval/retrieval (the material replicated to size). */
export async function retrievalPassages(root: string): Promise<Passage[]> {
  const dir = path.join(root, SHARED_EVAL, 'retrieval');
  const sets = ['nq-sapxep-2025', 'alqac2023', 'viquad1-dev'];
  const all = await Promise.all(sets.map((s) => readJsonl(path.join(dir, s, 'passages.jsonl'))));
  return all.flat().map((p) => ({ id: String(p.id), title: String(p.title ?? ''), text: String(p.text) }));
}

/**
 * Real citizen-style questions: the seed QA set and the nq-sapxep questions, interleaved so a short run sees
 * both kinds.
 */
export async function realQuestions(root: string): Promise<string[]> {
  const seed = await readJsonl(path.join(root, SHARED_EVAL, 'seed-qa', 'dev.jsonl'));
  const nq = await readJsonl(path.join(root, NQ_SAPXEP_DIR, 'questions.jsonl'));
  const a = seed.filter((q) => q.answerable !== false).map((q) => String(q.question));
  const b = nq.map((q) => String(q.question));
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i]) out.push(a[i]!);
    if (b[i]) out.push(b[i]!);
  }
  return out;
}

/** Questions of the retrieval sets (used as vector queries against the replicated corpus). */
export async function retrievalQuestions(root: string): Promise<string[]> {
  const dir = path.join(root, SHARED_EVAL, 'retrieval');
  const sets = ['nq-sapxep-2025', 'alqac2023', 'viquad1-dev'];
  const all = await Promise.all(sets.map((s) => readJsonl(path.join(dir, s, 'questions.jsonl'))));
  // Round-robin across sets, so any prefix mixes the three.
  const out: string[] = [];
  for (let i = 0; i < Math.max(...all.map((a) => a.length)); i++)
    for (const set of all) if (set[i]) out.push(String(set[i]!.question));
  return out;
}

/** Citizen feedback texts (the triage dev set) for tickets and Zalo messages; a few built-in ones without it. */
export async function feedbackTexts(root: string): Promise<string[]> {
  const rows = await readJsonl(path.join(root, SHARED_EVAL, 'complaints', 'dev.jsonl'));
  const texts = rows.map((r) => String(r.text ?? '')).filter((t) => t.length >= 10);
  return texts.length > 0 ? texts : FALLBACK_FEEDBACK;
}

const FALLBACK_FEEDBACK = [
  'Đèn đường trước nhà văn hóa thôn bị hỏng đã hai tuần, buổi tối rất tối.',
  'Rác thải tập kết bên đường liên xã lâu ngày không được thu gom, bốc mùi.',
  'Mặt đường đoạn qua trường tiểu học có nhiều ổ gà, xe đi lại nguy hiểm.',
];

/** Questions about the demo corpus in knowledge/, for runs without ../shared. */
export const DEMO_QUESTIONS = [
  'Tỉnh Thanh Hóa xác định những khâu đột phá nào trong nhiệm kỳ?',
  'Thái Nguyên đưa Nghị quyết Đại hội Đảng vào cuộc sống như thế nào?',
  'Hậu Giang rút ra bài học kinh nghiệm gì sau nửa nhiệm kỳ thực hiện nghị quyết?',
  'Bí thư Tỉnh ủy Thanh Hóa kết luận gì tại hội nghị trực tuyến ngày 5/11/2021?',
];
