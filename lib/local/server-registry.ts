import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every running `npm start` publishes where it is in `<data folder>/servers/<API port>.json`, so
 * the CLI (`npm run incr`) can reach its table without being told DynamoDB Local's random port.
 * One record per server: a second server (or the test suite) neither overwrites nor deletes the
 * first one's, and a record whose process is gone (killed with SIGKILL, say) is stale.
 */
export interface LocalServerRecord {
  pid: number;
  /** The API's base URL. */
  url: string;
  /** Its DynamoDB. */
  endpoint: string;
  tableName: string;
}

const recordsDir = (dataDir: string) => join(dataDir, 'servers');
const recordPath = (dataDir: string, url: string) => join(recordsDir(dataDir), `${new URL(url).port}.json`);

const readRecord = (path: string): LocalServerRecord | undefined => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LocalServerRecord;
  } catch (error) {
    // Removed since the folder was listed: its server just stopped.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, only not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Publishes this process's server; the returned function withdraws the record if it is still this server's. */
export const publishLocalServer = (dataDir: string, server: Omit<LocalServerRecord, 'pid'>): (() => void) => {
  const record: LocalServerRecord = { pid: process.pid, ...server };
  const path = recordPath(dataDir, server.url);
  mkdirSync(recordsDir(dataDir), { recursive: true });
  // Written aside, then renamed: a CLI reading meanwhile sees the whole record or none.
  writeFileSync(`${path}.${process.pid}.tmp`, `${JSON.stringify(record)}\n`);
  renameSync(`${path}.${process.pid}.tmp`, path);
  return () => {
    const current = readRecord(path);
    // Same port, another host (127.0.0.1 and ::1): the newer server's record is not ours to remove.
    if (current?.pid === record.pid && current.url === record.url) rmSync(path, { force: true });
  };
};

/** The records of the servers running on `dataDir`; stale ones are deleted on the way. */
export const runningLocalServers = (dataDir: string): LocalServerRecord[] => {
  let names: string[];
  try {
    names = readdirSync(recordsDir(dataDir)).filter((name) => name.endsWith('.json'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.flatMap((name) => {
    const path = join(recordsDir(dataDir), name);
    const record = readRecord(path);
    if (!record) return [];
    if (isAlive(record.pid)) return [record];
    rmSync(path, { force: true });
    return [];
  });
};
