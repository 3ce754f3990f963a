import mongoose from 'mongoose';
import { afterEach, describe, expect, it } from 'vitest';
import { mongoConnectOptions } from '../../src/storage/mongo/mongo-connect-options.js';
import { MongoDocumentStore } from '../../src/storage/mongo/mongo-document-store.js';
import { FakeMongod } from '../support/fake-mongod.js';

describe('mongoConnectOptions', () => {
  describe('with a plain URI', () => {
    it('bounds finding a server, connecting, the pool and a silent socket by MONGODB_TIMEOUT_MS, and writes to a majority with retries', () => {
      expect(mongoConnectOptions({ mongodbUri: 'mongodb://db:27017/careline?replicaSet=rs0', mongodbTimeoutMs: 4000 })).toEqual({
        serverSelectionTimeoutMS: 4000,
        connectTimeoutMS: 4000,
        waitQueueTimeoutMS: 4000,
        socketTimeoutMS: 5000,
        w: 'majority',
        retryWrites: true,
        retryReads: true,
        bufferCommands: false,
        ignoreUndefined: true,
        autoIndex: false,
        autoCreate: false,
      });
    });
  });

  describe('when the URI sets some of the options itself', () => {
    it('leaves those to the URI, whatever their case', () => {
      const options = mongoConnectOptions({ mongodbUri: 'mongodb://a:b@db1,db2/careline?w=1&retrywrites=false&socketTimeoutMS=20000', mongodbTimeoutMs: 5000 });
      expect(options).not.toHaveProperty('w');
      expect(options).not.toHaveProperty('retryWrites');
      expect(options).not.toHaveProperty('socketTimeoutMS');
      expect(options).toMatchObject({ serverSelectionTimeoutMS: 5000, retryReads: true });
    });
  });
});

describe('a mongoose connection opened with mongoConnectOptions', () => {
  let fake: FakeMongod;
  let close = async () => {};
  afterEach(async () => {
    await close();
    await fake.stop();
  });
  const open = async (query = '') => {
    fake = await FakeMongod.start();
    const uri = `${fake.uri}${query}`;
    const connection = mongoose.createConnection(uri, mongoConnectOptions({ mongodbUri: uri, mongodbTimeoutMs: 800 }));
    await connection.asPromise();
    close = () => connection.close(true);
    return new MongoDocumentStore(connection, 'fake', { operationTimeoutMs: 800 });
  };

  it('sends write concern majority with every write', async () => {
    const store = await open();
    await store.collection('tickets').insertOne({ _id: 't1' });
    await store.collection('tickets').updateOne({ _id: 't1' }, { $set: { status: 'waiting' } });
    expect(fake.operations.map(({ name, body }) => [name, body.writeConcern])).toEqual([
      ['insert', { w: 'majority' }],
      ['update', { w: 'majority' }],
    ]);
  });

  it('sends the write concern the URI names instead, when it names one', async () => {
    const store = await open('?w=1');
    await store.collection('tickets').insertOne({ _id: 't1' });
    expect(fake.operations.map(({ name, body }) => [name, body.writeConcern])).toEqual([['insert', { w: 1 }]]);
  });
});
