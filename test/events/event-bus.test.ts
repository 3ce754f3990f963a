import { describe, expect, it } from 'vitest';
import { EventBus } from '../../src/events/event-bus.js';

describe('EventBus', () => {
  describe('idle()', () => {
    it('resolves once the work a listener started is done, also when it started more of it', async () => {
      const bus = new EventBus();
      const done: string[] = [];
      bus.on('agent.online', async ({ agentId }) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        done.push(agentId);
        if (agentId === 'usr_1') bus.emit('agent.online', { agentId: 'usr_2' });
      });
      bus.emit('agent.online', { agentId: 'usr_1' });
      expect(await bus.idle()).toBe(true);
      expect(done).toEqual(['usr_1', 'usr_2']);
      expect(await bus.idle()).toBe(false);
    });

    it('resolves after a listener that failed, which is reported', async () => {
      const failures: string[] = [];
      const bus = new EventBus((event) => failures.push(event));
      bus.on('agent.online', async () => {
        throw new Error('the listener broke');
      });
      bus.emit('agent.online', { agentId: 'usr_1' });
      await bus.idle();
      expect(failures).toEqual(['agent.online']);
    });
  });
});
