import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Customer, CustomerIdentity } from '../../src/customers/customer.js';
import type { CustomerMergeRecord } from '../../src/customers/customer-merge.js';
import { createEngineWorld, type EngineWorld } from '../support/engine-world.js';

describe('CustomerMerge on the embedded store', () => {
  let world: EngineWorld;
  const services = () => world.careline.services;

  beforeEach(async () => {
    world = await createEngineWorld({ BUSINESS_HOURS: 'mon-sun 00:00-24:00' });
    world.careline.presence.connect('usr_agent');
  });
  afterEach(async () => {
    await world.close();
  });

  /** One person who wrote on Zalo (bot answer, then a hand-off with a ticket and a CSAT rating) and on the web (a question). */
  const twoRecordsOfOnePerson = async () => {
    const onZalo = await world.say('zalo-user-1', 'bao hanh bao lau', { channel: 'zalo' });
    const handedOff = await world.say('zalo-user-1', 'cho gap nhan vien', { channel: 'zalo' });
    const ticket = (await services().tickets.waiting())[0]!;
    await services().csat.record({ conversationId: handedOff.conversation._id, ticketId: ticket._id, customerId: onZalo.customer._id, score: 5, agentId: 'usr_agent', handledBy: 'agent', channel: 'zalo', locale: 'vi', segment: 'new', promptedAt: new Date(), answeredAt: new Date() });
    const onWeb = await world.say('visitor-9', 'phi ship bao nhieu', { channel: 'webchat' });
    await services().customers.update(onWeb.customer._id, { displayName: 'Lan Nguyen', email: 'lan@example.vn', tags: ['web'] });
    await services().customers.update(onZalo.customer._id, { segment: 'vip', tags: ['zalo'] });
    return { zalo: onZalo.customer, web: onWeb.customer, ticket, zaloConversation: handedOff.conversation, webConversation: onWeb.conversation };
  };

  const counts = async (customerId: string) => {
    const count = (name: string) => world.store.collection<{ _id: string }>(name).countDocuments({ customerId });
    return { identities: await count('customer_identities'), conversations: await count('conversations'), messages: await count('messages'), tickets: await count('tickets'), csat: await count('csat_responses') };
  };

  it('moves identities, conversations, messages, tickets and CSAT responses to the surviving customer', async () => {
    const { zalo, web, ticket, zaloConversation, webConversation } = await twoRecordsOfOnePerson();
    const before = { zalo: await counts(zalo._id), web: await counts(web._id) };
    const record = await services().merges.merge({ survivorId: web._id, mergedId: zalo._id, reason: 'agent', actorId: 'usr_agent' });
    expect(record).toMatchObject({ status: 'completed', survivorId: web._id, mergedId: zalo._id, reason: 'agent', actorId: 'usr_agent' });
    expect(await counts(zalo._id)).toEqual({ identities: 0, conversations: 0, messages: 0, tickets: 0, csat: 0 });
    const after = await counts(web._id);
    for (const key of Object.keys(after) as (keyof typeof after)[]) expect(after[key]).toBe(before.zalo[key] + before.web[key]);
    expect((await services().tickets.get(ticket._id))!.customerId).toBe(web._id);
    expect((await services().csat.forConversation(zaloConversation._id))!.customerId).toBe(web._id);
    // One history across channels.
    expect((await services().conversations.listByCustomer(web._id)).map((conversation) => conversation._id).sort()).toEqual([zaloConversation._id, webConversation._id].sort());
    expect((await services().customers.identitiesOf(web._id)).map((identity) => identity.channel).sort()).toEqual(['webchat', 'zalo']);
  });

  it('keeps the merged record, completes the survivor\'s profile and keeps the audit trail', async () => {
    const { zalo, web } = await twoRecordsOfOnePerson();
    await services().merges.merge({ survivorId: web._id, mergedId: zalo._id, reason: 'agent', actorId: 'usr_agent' });
    const survivor = (await services().customers.get(web._id))!;
    expect(survivor).toMatchObject({ displayName: 'Lan Nguyen', email: 'lan@example.vn', segment: 'vip' });
    expect(survivor.tags.sort()).toEqual(['web', 'zalo']);
    expect(survivor.createdAt.getTime()).toBe(zalo.createdAt.getTime());
    expect(await services().customers.get(zalo._id)).toMatchObject({ _id: zalo._id, mergedInto: web._id, segment: 'vip' });
    const [audit] = await services().merges.history(web._id);
    expect(audit).toMatchObject({ mergedId: zalo._id, mergedSnapshot: expect.objectContaining({ _id: zalo._id, segment: 'vip' }), moved: expect.objectContaining({ conversations: 1, tickets: 1, csat_responses: 1, customer_identities: 1 }) });
  });

  it('is idempotent: merging again changes nothing; merging into someone else is refused', async () => {
    const { zalo, web } = await twoRecordsOfOnePerson();
    const first = await services().merges.merge({ survivorId: web._id, mergedId: zalo._id, reason: 'agent' });
    const snapshot = await counts(web._id);
    const second = await services().merges.merge({ survivorId: web._id, mergedId: zalo._id, reason: 'agent' });
    expect(second).toEqual(first);
    expect(await counts(web._id)).toEqual(snapshot);
    const third = await world.say('someone-else', 'xin chao');
    await expect(services().merges.merge({ survivorId: third.customer._id, mergedId: zalo._id, reason: 'agent' })).rejects.toMatchObject({ status: 409 });
    await expect(services().merges.merge({ survivorId: zalo._id, mergedId: third.customer._id, reason: 'agent' })).rejects.toMatchObject({ status: 409 });
    await expect(services().merges.merge({ survivorId: web._id, mergedId: web._id, reason: 'agent' })).rejects.toMatchObject({ status: 400 });
    await expect(services().merges.merge({ survivorId: web._id, mergedId: 'cus_missing', reason: 'agent' })).rejects.toMatchObject({ status: 404 });
  });

  it('finishes a merge that was interrupted after its audit record was written', async () => {
    const { zalo, web } = await twoRecordsOfOnePerson();
    // As if the process died right after recording the merge and moving the identities.
    await world.store.collection<CustomerMergeRecord>('customer_merges').insertOne({ _id: `merge:${zalo._id}`, survivorId: web._id, mergedId: zalo._id, reason: 'agent', status: 'started', mergedSnapshot: { ...zalo }, moved: {}, startedAt: new Date() });
    await world.store.collection<{ _id: string; customerId: string }>('customer_identities').updateMany({ customerId: zalo._id }, { $set: { customerId: web._id } });
    const record = await services().merges.merge({ survivorId: web._id, mergedId: zalo._id, reason: 'agent' });
    expect(record.status).toBe('completed');
    expect(await counts(zalo._id)).toEqual({ identities: 0, conversations: 0, messages: 0, tickets: 0, csat: 0 });
  });

  it('lets the merged identities continue the survivor\'s conversations afterwards', async () => {
    const { zalo, web, zaloConversation } = await twoRecordsOfOnePerson();
    await services().merges.merge({ survivorId: web._id, mergedId: zalo._id, reason: 'agent' });
    // The Zalo conversation is still waiting for an agent: the next Zalo message continues it, under the survivor.
    const next = await world.say('zalo-user-1', 'alo', { channel: 'zalo' });
    expect(next.customer._id).toBe(web._id);
    expect(next.conversation._id).toBe(zaloConversation._id);
  });

  it('follows the merge when an identity still names the merged record', async () => {
    const { zalo, web } = await twoRecordsOfOnePerson();
    await services().merges.merge({ survivorId: web._id, mergedId: zalo._id, reason: 'agent' });
    // A straggler: an identity written by a racing first message just before the move.
    await world.store.collection<CustomerIdentity>('customer_identities').insertOne({ _id: 'zalo:late-device', customerId: zalo._id, channel: 'zalo', externalId: 'late-device', createdAt: new Date() });
    const customer: Customer = await services().customers.findOrCreateByIdentity('zalo', 'late-device');
    expect(customer._id).toBe(web._id);
  });
});

describe('VerifiedContacts', () => {
  let world: EngineWorld;
  beforeEach(async () => {
    world = await createEngineWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('links two customers who share a verified phone number, the older record surviving', async () => {
    const whatsapp = await world.say('84901234567', 'xin chao', { channel: 'whatsapp' });
    const zalo = await world.say('zalo-77', 'bao hanh bao lau', { channel: 'zalo' });
    const contacts = world.careline.services.verifiedContacts;
    expect(await contacts.verify(whatsapp.customer._id, { phone: '+84901234567' }, 'platform')).toEqual({ customerId: whatsapp.customer._id, merge: null });
    const linked = await contacts.verify(zalo.customer._id, { phone: '+84 90 123 45 67' }, 'agent', 'usr_agent');
    expect(linked.customerId).toBe(whatsapp.customer._id);
    expect(linked.merge).toMatchObject({ reason: 'verified_phone', contactKey: 'phone:84901234567', actorId: 'usr_agent', survivorId: whatsapp.customer._id, mergedId: zalo.customer._id });
    expect((await world.careline.services.conversations.listByCustomer(whatsapp.customer._id)).map((conversation) => conversation.channel).sort()).toEqual(['whatsapp', 'zalo']);
    expect((await world.careline.services.customers.get(whatsapp.customer._id))!.phone).toBe('+84901234567');
    // Verifying it again for the same person changes nothing.
    expect(await contacts.verify(whatsapp.customer._id, { phone: '0084901234567' }, 'agent')).toEqual({ customerId: whatsapp.customer._id, merge: null });
  });

  it('links a WhatsApp sender to the customer whose number an agent verified, on their first WhatsApp message', async () => {
    const zalo = await world.say('zalo-5', 'xin chao', { channel: 'zalo' });
    await world.careline.services.verifiedContacts.verify(zalo.customer._id, { phone: '+84 90 765 4321' }, 'agent', 'usr_agent');
    const whatsapp = await world.say('84907654321', 'bao hanh bao lau', { channel: 'whatsapp' });
    expect(whatsapp.customer._id).toBe(zalo.customer._id);
    expect(whatsapp.conversation.customerId).toBe(zalo.customer._id);
    const [merge] = await world.careline.services.merges.history(zalo.customer._id);
    expect(merge).toMatchObject({ reason: 'verified_phone', survivorId: zalo.customer._id });
    // Later messages find the same customer without merging again.
    expect((await world.say('84907654321', 'cam on', { channel: 'whatsapp' })).customer._id).toBe(zalo.customer._id);
    expect(await world.careline.services.merges.history(zalo.customer._id)).toHaveLength(1);
  });

  it('never links on a contact the customer only typed', async () => {
    const first = await world.say('a', 'email cua toi la lan@example.vn', { channel: 'zalo' });
    const second = await world.say('b', 'lan@example.vn', { channel: 'webchat' });
    await world.careline.services.customers.update(first.customer._id, { email: 'lan@example.vn' });
    await world.careline.services.customers.update(second.customer._id, { email: 'lan@example.vn' });
    expect(await world.careline.services.merges.history(first.customer._id)).toEqual([]);
    expect((await world.careline.services.customers.get(second.customer._id))!.mergedInto).toBeUndefined();
  });
});
