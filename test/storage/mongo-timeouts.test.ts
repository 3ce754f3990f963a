import mongoose, { type Connection } from 'mongoose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../../src/storage/database-unavailable-error.js';
import { DuplicateKeyError } from '../../src/storage/duplicate-key-error.js';
import { mongoConnectOptions } from '../../src/storage/mongo/mongo-connect-options.js';
import { MongoDocumentStore } from '../../src/storage/mongo/mongo-document-store.js';
import { FakeMongod } from '../support/fake-mongod.js';

interface Row {
  _id: string;
  status?: string;
}

describe('MongoDocumentStore with operation timeouts (against a fake mongod on 127.0.0.1)', () => {
  let fake: FakeMongod;
  let connection: Connection;
  let store: MongoDocumentStore;
  beforeEach(async () => {
    fake = await FakeMongod.start();
    connection = mongoose.createConnection(fake.uri, mongoConnectOptions({ mongodbUri: fake.uri, mongodbTimeoutMs: 300 }));
    await connection.asPromise();
    store = new MongoDocumentStore(connection, 'fake', { operationTimeoutMs: 300 });
  });
  afterEach(async () => {
    await connection.close(true);
    await fake.stop();
  });

  it('gives every operation a server-side time limit (maxTimeMS)', async () => {
    const tickets = store.collection<Row>('tickets');
    await tickets.find({ status: 'waiting' });
    await tickets.countDocuments({ status: 'waiting' });
    await tickets.insertOne({ _id: 't1' });
    await tickets.updateOne({ _id: 't1' }, { $set: { status: 'assigned' } });
    await tickets.findOneAndUpdate({ _id: 't1' }, { $set: { status: 'resolved' } });
    await tickets.deleteMany({ status: 'closed' });
    await tickets.aggregate([{ $group: { _id: '$status', n: { $sum: 1 } } }]);
    await store.ping();
    expect(fake.operations.map(({ name, body }) => [name, body.maxTimeMS])).toEqual([
      ['find', 300],
      ['aggregate', 300],
      ['insert', 300],
      ['update', 300],
      ['findAndModify', 300],
      ['delete', 300],
      ['aggregate', 300],
      ['ping', 300],
    ]);
  });

  describe('when MongoDB stops answering (frozen, as with SIGSTOP)', () => {
    it('fails reads, writes and the ping with DatabaseUnavailableError instead of waiting', async () => {
      const tickets = store.collection<Row>('tickets');
      fake.freeze();
      await expect(tickets.find({})).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(tickets.insertOne({ _id: 't1' })).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(tickets.findOneAndUpdate({ _id: 't1' }, { $set: { status: 'assigned' } })).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(store.ping()).rejects.toBeInstanceOf(DatabaseUnavailableError);
    });
  });

  describe('when the server gives up on an operation itself', () => {
    it('reports its time limit (MaxTimeMSExpired) as DatabaseUnavailableError, answered 503 with Retry-After', async () => {
      fake.answer = () => ({ ok: 0, code: 50, codeName: 'MaxTimeMSExpired', errmsg: 'operation exceeded time limit' });
      const failure = await store.collection<Row>('tickets').find({}).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DatabaseUnavailableError);
      expect(failure).toMatchObject({ status: 503, code: 'database_unavailable', retryAfterSeconds: 5 });
    });

    it('still reports a clash on a unique key as DuplicateKeyError, and other refusals as they are', async () => {
      fake.answer = ({ name }) =>
        name === 'insert' ? { ok: 1, n: 0, writeErrors: [{ index: 0, code: 11000, errmsg: 'E11000 duplicate key error collection: careline.tickets index: _id_' }] } : { ok: 0, code: 2, codeName: 'BadValue', errmsg: 'unknown operator: $nope' };
      const tickets = store.collection<Row>('tickets');
      await expect(tickets.insertOne({ _id: 't1' })).rejects.toBeInstanceOf(DuplicateKeyError);
      const refused = await tickets.find({ status: { $nope: 1 } }).catch((error: unknown) => error);
      expect(refused).not.toBeInstanceOf(DatabaseUnavailableError);
      expect(refused).toMatchObject({ code: 2 });
    });
  });
});
