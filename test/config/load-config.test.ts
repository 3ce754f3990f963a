import { enabledChannels, loadCarelineConfig, maskCarelineSecrets } from '../../src/channels/careline-config.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { tempDir } from '../support/temp-dir.js';

function problemsOf(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  const dirs: { remove: () => void }[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

  describe('with no settings at all', () => {
    it('starts on the embedded store in ./data with Vietnamese as default language', () => {
      const config = loadCarelineConfig({ env: {}, cwd: '/srv/careline' });
      expect(config).toMatchObject({ port: 3000, dataDir: '/srv/careline/data', locales: { default: 'vi', supported: ['vi', 'en', 'cs', 'zh'] } });
      expect(config.mongodbUri).toBeUndefined();
      expect(config.businessHours.weekly.mon).toEqual([[480, 1050]]);
      expect(config.businessHours.weekly.sun).toEqual([]);
      expect(enabledChannels(config)).toMatchObject({ rest: false, webchat: true, telegram: false, zalo: false, whatsapp: false });
    });
  });

  describe('when a variable is wrong', () => {
    it('names the variable, what was given and what is expected', () => {
      const problems = problemsOf(() => loadCarelineConfig({ env: { PORT: 'eighty', CSAT_MIN_DAYS_BETWEEN: '-3', DEFAULT_LOCALE: 'fr', TIMEZONE: 'Mars/Olympus' } }));
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^PORT \(environment variable\) is "eighty": expected a whole number from 0 to 65535/),
          expect.stringMatching(/^CSAT_MIN_DAYS_BETWEEN \(environment variable\) is "-3": expected a whole number from 0 to 365/),
          expect.stringMatching(/^DEFAULT_LOCALE \(environment variable\) is "fr": .*"vi"\|"en"\|"cs"\|"zh"/),
          expect.stringMatching(/^TIMEZONE .*IANA time zone/),
        ]),
      );
    });

    it('does not print a secret it rejects', () => {
      const [problem] = problemsOf(() => loadCarelineConfig({ env: { MONGODB_URI: 'postgres://user:hunter2@db/x' } }));
      expect(problem).toMatch(/^MONGODB_URI .*mongodb:\/\//);
      expect(problem).not.toContain('hunter2');
    });

    it('explains a malformed business-hours entry', () => {
      const [problem] = problemsOf(() => loadCarelineConfig({ env: { BUSINESS_HOURS: 'mon-fri 9-5' } }));
      expect(problem).toMatch(/^BUSINESS_HOURS .*"mon-fri 9-5" is not like "mon-fri 08:00-17:30"/);
    });
  });

  describe('with a config file', () => {
    it('reads YAML, lets environment variables win, and enables channels with credentials', () => {
      const dir = tempDir();
      dirs.push(dir);
      const file = join(dir.path, 'careline.yaml');
      writeFileSync(file, 'port: 8080\nchannels:\n  telegram:\n    botToken: "123:abc"\nbusinessHours:\n  weekly: "mon-sun 00:00-24:00"\n  holidays: ["2026-12-25"]\n');
      const config = loadCarelineConfig({ env: { PORT: '9090' }, configFile: file });
      expect(config.port).toBe(9090);
      expect(config.businessHours.weekly.sun).toEqual([[0, 1440]]);
      expect(config.businessHours.holidays).toEqual(['2026-12-25']);
      expect(enabledChannels(config).telegram).toBe(true);
    });

    it('names the file and the field of a bad or unknown setting', () => {
      const dir = tempDir();
      dirs.push(dir);
      const file = join(dir.path, 'careline.json');
      writeFileSync(file, JSON.stringify({ csat: { delaySeconds: 'soon' }, chanels: {} }));
      const problems = problemsOf(() => loadCarelineConfig({ env: {}, configFile: file }));
      expect(problems).toEqual(
        expect.arrayContaining([
          `${file}: csat.delaySeconds is "soon": expected a whole number from 0 to 86400`,
          expect.stringMatching(new RegExp(`^${file}: .*unknown setting\\(s\\) "chanels"`)),
        ]),
      );
    });

    it('names a file that cannot be read or parsed', () => {
      const dir = tempDir();
      dirs.push(dir);
      const file = join(dir.path, 'broken.yaml');
      writeFileSync(file, 'port: [1,\n');
      expect(problemsOf(() => loadCarelineConfig({ env: {}, configFile: file }))[0]).toContain(`config file ${file} is not valid YAML`);
      expect(problemsOf(() => loadCarelineConfig({ env: { CARELINE_CONFIG: join(dir.path, 'missing.yaml') } }))[0]).toContain('cannot be read');
    });
  });

  describe('maskSecrets', () => {
    it('hides tokens and the MongoDB password but keeps the MongoDB host', () => {
      const config = loadCarelineConfig({ env: { TELEGRAM_BOT_TOKEN: '123:secret-token', MONGODB_URI: 'mongodb://app:pw123@db.example:27017/care' } });
      const text = JSON.stringify(maskCarelineSecrets(config));
      expect(text).not.toContain('secret-token');
      expect(text).not.toContain('pw123');
      expect(text).toContain('db.example:27017');
      expect(text).toContain('"weekly":"mon 08:00-17:30, tue 08:00-17:30');
    });
  });
});
