import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mongo } from 'mongoose';

const { BSON } = mongo;
type Doc = Record<string, unknown>;

const opReply = 1;
const opQuery = 2004;
const opMsg = 2013;

/** What the fake answers a command with: a reply document, or nothing ever (a frozen server). */
export type FakeAnswer = Doc | 'hang';

/** A command as the fake received it: its name, and its body with document sequences folded in. */
export interface ReceivedCommand {
  name: string;
  body: Doc;
}

/**
 * A tiny mongod on 127.0.0.1 that speaks MongoDB's wire protocol (OP_QUERY handshake,
 * OP_MSG commands) as a standalone server, so the real driver and mongoose run against it.
 * It records every command and answers each with `answer` (an empty success by default);
 * `freeze()` makes it accept connections and bytes and never answer again, as a MongoDB
 * stopped with SIGSTOP does.
 */
export class FakeMongod {
  readonly commands: ReceivedCommand[] = [];
  answer: (command: ReceivedCommand) => FakeAnswer = defaultAnswer;
  private frozen = false;
  private readonly sockets = new Set<Socket>();
  private connections = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeMongod> {
    const fake: FakeMongod = new FakeMongod(createServer((socket) => fake.serve(socket)));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get uri(): string {
    return `mongodb://127.0.0.1:${(this.server.address() as AddressInfo).port}/careline`;
  }

  /** Commands other than the driver's own housekeeping (handshakes, heartbeats, sessions). */
  get operations(): ReceivedCommand[] {
    return this.commands.filter((command) => !['hello', 'ismaster', 'isMaster', 'endSessions'].includes(command.name));
  }

  freeze(): void {
    this.frozen = true;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    const connectionId = ++this.connections;
    let buffered = Buffer.alloc(0);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 4 && buffered.length >= buffered.readInt32LE(0)) {
        const length = buffered.readInt32LE(0);
        const message = buffered.subarray(0, length);
        buffered = buffered.subarray(length);
        if (this.frozen) continue;
        this.reply(socket, message, connectionId);
      }
    });
  }

  private reply(socket: Socket, message: Buffer, connectionId: number): void {
    const requestId = message.readInt32LE(4);
    const opCode = message.readInt32LE(12);
    const legacy = opCode === opQuery;
    const body = legacy ? readQuery(message) : readMsg(message);
    const name = Object.keys(body)[0] ?? '';
    const command = { name, body };
    this.commands.push(command);
    const answer = isHello(name) ? helloReply(connectionId) : this.answer(command);
    if (answer === 'hang') return;
    socket.write(legacy ? writeReply(requestId, answer) : writeMsg(requestId, answer));
  }
}

const isHello = (name: string) => name === 'hello' || name.toLowerCase() === 'ismaster';

function helloReply(connectionId: number): Doc {
  return {
    helloOk: true,
    ismaster: true,
    isWritablePrimary: true,
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  };
}

/** An empty success for each command Careline's adapter sends. */
function defaultAnswer({ name, body }: ReceivedCommand): Doc {
  const ns = `${String(body.$db)}.${String(body[name])}`;
  const cursor = (firstBatch: Doc[]) => ({ cursor: { id: BSON.Long.fromNumber(0), ns, firstBatch }, ok: 1 });
  switch (name) {
    case 'find':
    case 'aggregate':
      return cursor([]);
    case 'insert':
      return { n: (body.documents as Doc[]).length, ok: 1 };
    case 'update':
    case 'delete':
      return { n: 0, nModified: 0, ok: 1 };
    case 'findAndModify':
      return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
    default:
      return { ok: 1 };
  }
}

function readQuery(message: Buffer): Doc {
  // flags (4), then the collection name as a C string, then skip and limit (4 + 4).
  const nameEnd = message.indexOf(0, 20);
  const query = BSON.deserialize(message.subarray(nameEnd + 9)) as Doc;
  return (query.$query as Doc | undefined) ?? query;
}

function readMsg(message: Buffer): Doc {
  const flags = message.readUInt32LE(16);
  const end = flags & 1 ? message.length - 4 : message.length;
  let body: Doc = {};
  const sequences: Record<string, Doc[]> = {};
  for (let at = 20; at < end; ) {
    const kind = message[at]!;
    const size = message.readInt32LE(at + 1);
    if (kind === 0) {
      body = BSON.deserialize(message.subarray(at + 1, at + 1 + size)) as Doc;
      at += 1 + size;
      continue;
    }
    const idEnd = message.indexOf(0, at + 5);
    const id = message.toString('utf8', at + 5, idEnd);
    const docs: Doc[] = [];
    for (let doc = idEnd + 1; doc < at + 1 + size; doc += message.readInt32LE(doc)) docs.push(BSON.deserialize(message.subarray(doc, doc + message.readInt32LE(doc))) as Doc);
    sequences[id] = docs;
    at += 1 + size;
  }
  return { ...body, ...sequences };
}

function header(length: number, responseTo: number, opCode: number): Buffer {
  const head = Buffer.alloc(16);
  head.writeInt32LE(length, 0);
  head.writeInt32LE(0, 4);
  head.writeInt32LE(responseTo, 8);
  head.writeInt32LE(opCode, 12);
  return head;
}

function writeMsg(responseTo: number, doc: Doc): Buffer {
  const body = Buffer.from(BSON.serialize(doc));
  const sections = Buffer.concat([Buffer.alloc(4), Buffer.from([0]), body]);
  return Buffer.concat([header(16 + sections.length, responseTo, opMsg), sections]);
}

function writeReply(responseTo: number, doc: Doc): Buffer {
  const body = Buffer.from(BSON.serialize(doc));
  // responseFlags (4), cursorID (8), startingFrom (4), numberReturned (4) = 1.
  const fields = Buffer.alloc(20);
  fields.writeInt32LE(1, 16);
  return Buffer.concat([header(16 + 20 + body.length, responseTo, opReply), fields, body]);
}
