// `npm run backup -- FILE`: a consistent copy of the live embedded database (LIBSQL_URL, default
// file:data/app.db), safe while the server runs. Restore: stop the server, put the copy at the database path
// (removing any old -wal/-shm files beside it), start again. See README "Operations".
import { BackupError, backupDatabase } from '../db/backup';
import { ConfigError, loadConfig } from '../src/config';

const target = process.argv[2];
if (!target) {
  console.error('用法 Usage: npm run backup -- FILE   (e.g. npm run backup -- backups/app-2026-11-30.db)');
  process.exit(2);
}
try {
  const config = loadConfig(process.env);
  const { path, bytes } = await backupDatabase(config.LIBSQL_URL, target);
  console.log(`备份完成 Backup written: ${path} (${(bytes / 1024).toFixed(0)} KB)`);
} catch (err) {
  if (err instanceof BackupError || err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
