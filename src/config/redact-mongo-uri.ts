/** A MongoDB URI without its password: `mongodb://app:****@db:27017/careline`. */
export function redactMongoUri(uri: string): string {
  return uri.replace(/\/\/([^@/]*)@/, (_match, credentials: string) => `//${credentials.split(':')[0]}:****@`);
}

/** The host list of a MongoDB URI, for error messages: `db1:27017,db2:27017`. */
export function mongoHosts(uri: string): string {
  const afterScheme = uri.replace(/^mongodb(\+srv)?:\/\//, '');
  const withoutCredentials = afterScheme.includes('@') ? afterScheme.slice(afterScheme.lastIndexOf('@') + 1) : afterScheme;
  return withoutCredentials.split(/[/?]/)[0] ?? withoutCredentials;
}
