import type { DocumentStore } from '../storage/document-store.js';
import { newId } from '../storage/new-id.js';
import { userSchema, type User } from './user.js';

/** Login accounts; e-mail addresses are unique, compared in lower case. */
export class UserRepository {
  private readonly users;

  constructor(store: DocumentStore) {
    this.users = store.collection<User>('users');
  }

  /** Adds a user; an e-mail already in use throws `DuplicateKeyError`. */
  create(input: Pick<User, 'email' | 'displayName' | 'roles' | 'passwordHash'> & Partial<Pick<User, 'maxConversations'>>): Promise<User> {
    return this.users.insertOne(userSchema.parse({ _id: newId('usr'), createdAt: new Date(), ...input }));
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOne({ email: email.toLowerCase() });
  }

  get(id: string): Promise<User | null> {
    return this.users.findOne({ _id: id });
  }

  /** Everyone holding one of the roles (admins included), by name. */
  withRoles(roles: string[]): Promise<User[]> {
    return this.users.find({ roles: { $in: [...roles, 'admin'] }, disabled: { $ne: true } }, { sort: { displayName: 1 } });
  }

  /** Sets the language of the staff pages for the user. */
  async setStaffLocale(id: string, staffLocale: NonNullable<User['staffLocale']>): Promise<User | null> {
    return this.users.findOneAndUpdate({ _id: id }, { $set: { staffLocale } });
  }

  count(): Promise<number> {
    return this.users.countDocuments({});
  }
}
