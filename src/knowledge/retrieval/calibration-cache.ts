import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SynonymList } from '../synonyms/synonyms.js';
import type { IndexableArticle } from './candidate.js';
import type { Calibration } from './confidence.js';
import type { CalibrationReport } from './self-calibration.js';

/** A fitted calibration and what its fit saw. */
export interface FittedCalibration {
  calibration: Calibration;
  report: CalibrationReport;
}

const memoryLimit = 32;

let shared: CalibrationCache | null = null;

/** The process's calibration cache, keyed on the code a fit depends on (made on first use). */
export function sharedCalibrationCache(): CalibrationCache {
  return (shared ??= new CalibrationCache(codeFingerprint()));
}

/**
 * The code a fit depends on (this folder's modules and the text analysis, synonyms and
 * out-of-scope set they use), so a changed analysis or fit never reuses an old one.
 */
function codeFingerprint(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha1');
  for (const folder of [here, join(here, '..', 'text'), join(here, '..', 'synonyms'), join(here, '..', 'calibration')]) {
    for (const name of readdirSync(folder).sort()) if (/\.(js|ts)$/.test(name)) hash.update(name).update(readFileSync(join(folder, name)));
  }
  return hash.digest('hex');
}

/**
 * Remembers fitted calibrations by what they were fitted on: the articles, the synonyms and
 * the code that analyses, ranks and fits (`code`: a fingerprint of it), in memory and in a
 * folder (the system's temporary folder by default), so restarts, reloads and test worlds
 * that load the same knowledge base do not fit it again. A fit is a pure function of those
 * inputs, so a remembered one is the one that would be computed. An unreadable or
 * unwritable folder only costs the fit.
 */
export class CalibrationCache {
  private readonly memory = new Map<string, FittedCalibration>();

  constructor(
    private readonly code: string,
    private readonly folder: string | null = join(tmpdir(), 'careline-calibrations'),
  ) {}

  /** The key of a knowledge base's fit. */
  key(articles: readonly IndexableArticle[], synonyms: readonly SynonymList[]): string {
    const hash = createHash('sha1').update(this.code);
    for (const article of articles) hash.update(`${article.slug}\u0000${article.locale}\u0000${article.title}\u0000${article.questions.join('\u0001')}\u0000${article.answer}\u0002`);
    hash.update(JSON.stringify(synonyms.map(({ locale, groups }) => ({ locale, groups }))));
    return hash.digest('hex');
  }

  /** The remembered fit for `key`, or the one `fit` makes (then remembered). */
  getOrFit(key: string, fit: () => FittedCalibration): FittedCalibration {
    return this.remembered(key) ?? this.remember(key, fit());
  }

  /** `getOrFit` for a fit that runs in slices. */
  async getOrFitInSlices(key: string, fit: () => Promise<FittedCalibration>): Promise<FittedCalibration> {
    return this.remembered(key) ?? this.remember(key, await fit());
  }

  private remembered(key: string): FittedCalibration | null {
    const known = this.memory.get(key) ?? this.read(key);
    if (known) this.keep(key, known);
    return known;
  }

  private remember(key: string, fitted: FittedCalibration): FittedCalibration {
    this.keep(key, fitted);
    this.write(key, fitted);
    return fitted;
  }

  private keep(key: string, fitted: FittedCalibration): void {
    this.memory.delete(key);
    this.memory.set(key, fitted);
    if (this.memory.size > memoryLimit) this.memory.delete(this.memory.keys().next().value!);
  }

  private read(key: string): FittedCalibration | null {
    if (!this.folder) return null;
    try {
      return JSON.parse(readFileSync(join(this.folder, `${key}.json`), 'utf8')) as FittedCalibration;
    } catch {
      // Not there yet (or unreadable): fitting again gives the same result.
      return null;
    }
  }

  private write(key: string, fitted: FittedCalibration): void {
    if (!this.folder) return;
    try {
      mkdirSync(this.folder, { recursive: true });
      const temporary = join(this.folder, `${key}.${process.pid}.tmp`);
      writeFileSync(temporary, JSON.stringify(fitted));
      renameSync(temporary, join(this.folder, `${key}.json`));
    } catch {
      // A read-only or full disk only means the next start fits again.
    }
  }
}
