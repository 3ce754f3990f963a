import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, exited, repoRoot, runCareline, startCareline, type RunningCareline } from '../support/careline-process.js';
import { restApiAuth, testRestApiKey } from '../support/rest-api.js';
import { tempDir } from '../support/temp-dir.js';

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...restApiAuth }, body: JSON.stringify(body) });

describe('the careline server process', () => {
  const dir = tempDir('careline-proc-');
  beforeAll(() => buildOnce(), 120_000);
  afterAll(() => dir.remove());

  // One server serves the checks of a first start with a broken knowledge-base file and is then
  // killed with SIGKILL while customers write (neither check depends on the other: the chats of
  // the first come from senders of their own); the restart is a second server on the same data.
  describe('when a knowledge-base file has a broken front matter', () => {
    const kb = join(dir.path, 'kb-broken');
    const env = { DATA_DIR: join(dir.path, 'kb-data'), KNOWLEDGE_BASE_DIR: kb, REST_API_KEY: testRestApiKey };
    let first: RunningCareline;
    beforeAll(async () => {
      cpSync(join(repoRoot, 'knowledge-base'), kb, { recursive: true });
      writeFileSync(join(kb, 'warranty', 'warranty-period.vi.md'), '---\nid: warranty-period\nlocale: vi\ntitle: Bảo hành bao lâu?\ncategory: warranty\nstatus: maybe\n---\nTivi 24 tháng.\n');
      first = await startCareline(env);
    });
    afterAll(() => void first?.child.kill('SIGKILL'));

    it('names the file and field at start-up and every other article still answers', async () => {
      expect(first.output()).toMatch(/warranty[\\/]warranty-period\.vi\.md: status: /);
      expect(first.output()).toContain('1 knowledge-base problem(s)');
      const answer = (await (await post(`${first.url}/api/chat`, { sender: 's1', text: 'phi ship bao nhieu' })).json()) as { replies: { text: string }[] };
      expect(answer.replies[0]!.text).toContain('Phí giao hàng là bao nhiêu?');
      // The same article's English version is fine and still answers.
      const english = (await (await post(`${first.url}/api/chat`, { sender: 's2', text: 'how long is the warranty' })).json()) as { replies: { text: string }[] };
      expect(english.replies[0]!.text).toContain('warranty');
    });

    describe('when killed with SIGKILL while customers are writing', () => {
      it('keeps every acknowledged message after a restart', async () => {
        const acknowledged: { conversationId: string; text: string }[] = [];
        const writes = Array.from({ length: 60 }, async (_, i) => {
          const response = await post(`${first.url}/api/chat`, { sender: `customer-${i % 6}`, text: `message ${i}`, messageId: `m-${i}` });
          if (response.status === 201) acknowledged.push({ ...((await response.json()) as { conversationId: string }), text: `message ${i}` });
        });
        // Kill as soon as half are acknowledged; the rest may or may not have landed.
        await new Promise<void>((resolve) => {
          const check = setInterval(() => {
            if (acknowledged.length >= 30) {
              clearInterval(check);
              resolve();
            }
          }, 1);
        });
        first.child.kill('SIGKILL');
        await Promise.allSettled(writes);
        await exited(first.child);
        const ackedNow = [...acknowledged];

        const second = await startCareline(env);
        try {
          for (const { conversationId, text } of ackedNow) {
            const sender = `customer-${Number(text.split(' ')[1]) % 6}`;
            const transcript = (await (await fetch(`${second.url}/api/chat/conversations/${conversationId}/messages?sender=${sender}`, { headers: restApiAuth })).json()) as { messages: { text: string }[] };
            expect(transcript.messages.map((m) => m.text)).toContain(text);
          }
          // A redelivery after the restart is still recognised.
          const again = await post(`${second.url}/api/chat`, { sender: 'customer-0', text: 'message 0', messageId: 'm-0' });
          if (ackedNow.some((a) => a.text === 'message 0')) expect(await again.json()).toMatchObject({ duplicate: true });
          expect(await (await fetch(`${second.url}/readyz`)).json()).toEqual({ status: 'ready', store: 'embedded' });
        } finally {
          second.child.kill('SIGTERM');
          expect(await exited(second.child)).toBe(0);
        }
        expect(ackedNow.length).toBeGreaterThanOrEqual(30);
      });
    });
  });

  // Each of these runs its own process on its own data (or none): they run side by side, so one's wait is not the others'.
  describe('with an unreachable MONGODB_URI', { concurrent: true }, () => {
    it('gives up instead of hanging, naming the host', async () => {
      // The shortest budget the setting allows: giving up is the outcome expected here, so a
      // short one only brings it sooner and a loaded machine cannot turn it into a pass or a
      // different failure (the message does not depend on why the connection failed).
      const result = await runCareline({ MONGODB_URI: 'mongodb://careline:pw@127.0.0.1:9/careline', MONGODB_TIMEOUT_MS: '100' });
      expect(result.code).toBe(1);
      // Not a speed figure: mongoose's default waits 30 s before giving up; ours waits
      // MONGODB_TIMEOUT_MS (5 s by default, 0.1 s here). The bound is loose so a loaded CI machine still passes.
      expect(result.ms).toBeLessThan(20_000);
      expect(result.stderr).toContain('Cannot reach MongoDB at 127.0.0.1:9');
      expect(result.stderr).not.toContain('pw@');
    });
  });

  describe('with a bad configuration value', { concurrent: true }, () => {
    it('exits 2 naming the variable and what it expects', async () => {
      const result = await runCareline({ PORT: 'eighty', DATA_DIR: dir.path });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('PORT (environment variable) is "eighty": expected a whole number from 0 to 65535');
    });
  });

  describe('commands', { concurrent: true }, () => {
    it('prints help', async () => {
      const result = await runCareline({}, ['--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Usage: careline \[command\]/);
    });

    it('prints the configuration with secrets masked', async () => {
      const result = await runCareline({ TELEGRAM_BOT_TOKEN: '123:super-secret', DATA_DIR: dir.path }, ['config']);
      expect(result.code).toBe(0);
      const printed = JSON.parse(result.stdout) as { channels: { telegram: { botToken: string } }; enabledChannels: Record<string, boolean> };
      expect(printed.channels.telegram.botToken).toBe('****');
      expect(printed.enabledChannels.telegram).toBe(true);
      expect(result.stdout).not.toContain('super-secret');
    });

    it('rejects an unknown command', async () => {
      const result = await runCareline({}, ['frobnicate']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Unknown command "frobnicate"');
    });
  });

  describe('when an intent file is broken', { concurrent: true }, () => {
    it('exits 2 naming the file and field', async () => {
      const intents = join(dir.path, 'intents-broken');
      cpSync(join(repoRoot, 'intents'), intents, { recursive: true });
      writeFileSync(join(intents, 'thanks.yaml'), 'intent: thanks\nexamples: {vi: [cam on], en: [thanks], cs: [dekuji], zh: []}\nresponses: {vi: [x], en: [x], cs: [x], zh: [x]}\n');
      const result = await runCareline({ DATA_DIR: join(dir.path, 'intent-data'), INTENTS_DIR: intents }, ['serve']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/thanks\.yaml: examples\.zh: /);
    });
  });

  describe('user accounts from the command line', { concurrent: true }, () => {
    it('adds an agent with a generated password, refuses a duplicate and a bad e-mail', async () => {
      const env = { DATA_DIR: join(dir.path, 'users-data') };
      const added = await runCareline(env, ['user', 'add', '--email', 'lan@anphat.example', '--name', 'Lan', '--role', 'agent']);
      expect(added.code).toBe(0);
      expect(added.stdout).toMatch(/^Added lan@anphat\.example \(agent\) with the password [A-Za-z0-9]{16}\n$/);
      const again = await runCareline(env, ['user', 'add', '--email', 'lan@anphat.example']);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already exists');
      const bad = await runCareline(env, ['user', 'add', '--email', 'not-an-email']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--email');
    });
  });

  // One server serves the checks of a first start and is stopped; the next start is stopped too.
  describe('on its very first start', () => {
    const env = { DATA_DIR: join(dir.path, 'first-admin-data') };
    let first: RunningCareline;
    beforeAll(async () => {
      first = await startCareline(env);
    });
    afterAll(() => void first?.child.kill('SIGKILL'));

    it('creates the first admin and prints its password once; the banner says what is off and limited', () => {
      expect(first.output()).toMatch(/First admin: +admin@careline\.local \/ [A-Za-z0-9]{16}/);
      // No REST_API_KEY: the banner says the chat API is off and how to turn it on, and what is limited.
      expect(first.output()).toMatch(/Chat API: +off \(set REST_API_KEY to serve \/api\/chat\)/);
      expect(first.output()).toMatch(/Rate limits: +120\/min per address, 30\/min per sender; client address from the connection/);
    });

    it('finishes and exits 0 on SIGTERM while an agent console has its live updates open', async () => {
      const [, email, password] = /First admin: +(\S+) \/ (\S+)/.exec(first.output())!;
      const login = await fetch(`${first.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      // An event stream never ends by itself; shutdown must not wait for it.
      const events = await fetch(`${first.url}/api/agent/events`, { headers: { cookie, accept: 'text/event-stream' } });
      expect(events.status).toBe(200);
      first.child.kill('SIGTERM');
      expect(await exited(first.child)).toBe(0);
      // The shutdown cut the stream; cancelling an errored stream rejects, which says nothing here.
      await events.body?.cancel().catch(() => undefined);
    });

    it('creates no other admin on the next start, and finishes and exits 0 on SIGTERM', async () => {
      await exited(first.child);
      const second = await startCareline(env);
      expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
      second.child.kill('SIGTERM');
      expect(await exited(second.child)).toBe(0);
      expect(second.output()).not.toContain('First admin');
    });
  });
});
