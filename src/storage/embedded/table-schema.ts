import type { Database } from 'better-sqlite3';
import type { CollectionSpec } from '../collections.js';
import { indexStatements, storedColumns } from './stored-columns.js';

/** What bringing a table up to date changed (all empty/false when it already was). */
export interface SchemaChanges {
  created: boolean;
  /** Documents copied from the first layout's table (which is then dropped). */
  copiedFromLegacy: number;
  addedColumns: string[];
  droppedIndexes: string[];
  createdIndexes: string[];
}

/** The SQL a collection's table is written with: one statement per kind of write, with `@id` and `@doc` parameters. */
export interface TableWrites {
  insert: string;
  update: string;
}

/** The table of a collection (`c2_…`: documents plus stored columns) and its first-layout name (`c_…`, documents only, WITHOUT ROWID). */
export function tableNames(collection: string): { table: string; legacy: string } {
  if (!/^[a-z][a-z0-9_]*$/.test(collection)) throw new Error(`Collection name "${collection}" must be lowercase snake_case`);
  return { table: `"c2_${collection}"`, legacy: `"c_${collection}"` };
}

/** The INSERT and UPDATE statements that keep a table's stored columns in step with its documents. */
export function tableWrites(table: string, spec: CollectionSpec): TableWrites {
  const columns = storedColumns(spec);
  return {
    insert: `INSERT INTO ${table} (${['_id', 'doc', ...columns.map((column) => column.name)].join(', ')}) VALUES (${['@id', '@doc', ...columns.map((column) => column.value('@doc'))].join(', ')})`,
    update: `UPDATE ${table} SET ${['doc = @doc', ...columns.map((column) => `${column.name} = ${column.value('@doc')}`)].join(', ')} WHERE _id = @id`,
  };
}

function exists(db: Database, type: 'table' | 'index', quoted: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?`).get(type, quoted.slice(1, -1)) !== undefined;
}

/**
 * Creates a collection's table, or brings one written by an earlier version up to date,
 * inside one immediate transaction (another process opening the same file waits, then
 * finds the work done); a failure rolls all of it back, so nothing stored is lost:
 *
 * - A first-layout table (`c_…`) is copied into the current one with its stored columns
 *   filled from each document, then dropped. The new name also makes a process still
 *   running the earlier version fail loudly instead of writing rows without columns; should
 *   an earlier version start afterwards and write to a new `c_…` table, the next open moves
 *   those rows over too.
 * - A declared field without a column gets one, filled from the stored documents.
 * - Indexes (`ix_…`, `rx_…`) whose definition differs from the spec are built again; ones
 *   the spec no longer has are dropped.
 */
export function ensureTableSchema(db: Database, collection: string, spec: CollectionSpec): SchemaChanges {
  const { table, legacy } = tableNames(collection);
  const columns = storedColumns(spec);
  const migrate = db.transaction((): SchemaChanges => {
    const changes: SchemaChanges = { created: false, copiedFromLegacy: 0, addedColumns: [], droppedIndexes: [], createdIndexes: [] };
    if (!exists(db, 'table', table)) {
      db.exec(`CREATE TABLE ${table} (${['_id TEXT PRIMARY KEY', 'doc TEXT NOT NULL', ...columns.map((column) => column.name)].join(', ')})`);
      changes.created = true;
    } else {
      const present = new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table.slice(1, -1)) as { name: string }[]).map((column) => `"${column.name}"`));
      for (const column of columns) {
        if (present.has(column.name)) continue;
        db.exec(`ALTER TABLE ${table} ADD COLUMN ${column.name}`);
        db.exec(`UPDATE ${table} SET ${column.name} = ${column.value('doc')}`);
        changes.addedColumns.push(column.name);
      }
    }
    if (exists(db, 'table', legacy)) {
      // Rows an earlier version wrote after this table existed are newer than ours: they win.
      const names = ['_id', 'doc', ...columns.map((column) => column.name)].join(', ');
      const values = ['_id', 'doc', ...columns.map((column) => column.value('doc'))].join(', ');
      changes.copiedFromLegacy = db.prepare(`INSERT OR REPLACE INTO ${table} (${names}) SELECT ${values} FROM ${legacy}`).run().changes;
      db.exec(`DROP TABLE ${legacy}`);
    }
    const wanted = indexStatements(spec, table);
    const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(table.slice(1, -1)) as { name: string; sql: string }[];
    const current = new Map(indexes.map((index) => [index.name, index.sql]));
    for (const [name, sql] of current) {
      if (!/^(ix|rx)_/.test(name) || wanted.get(name) === sql) continue;
      db.exec(`DROP INDEX "${name}"`);
      current.delete(name);
      changes.droppedIndexes.push(name);
    }
    for (const [name, sql] of wanted) {
      if (current.has(name)) continue;
      db.exec(sql);
      changes.createdIndexes.push(name);
    }
    return changes;
  });
  return migrate.immediate();
}
