import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The DynamoDB Local JVMs whose parent is `parentPid`. */
export const javaChildren = (parentPid: number): number[] => {
  // ps exits 1 when the process has no children: only its output matters.
  const listing = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(parentPid)], { encoding: 'utf8' });
  return listing.stdout
    .split('\n')
    .filter((line) => line.includes('DynamoDBLocal.jar'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
};

/** Whether `pid` is a live process; an exited one that nobody has reaped yet (a zombie) is not. */
export const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat is "pid (comm) state ...", and comm may itself contain spaces or parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

/** Polls until every one of `pids` has exited or `timeoutMs` passed; returns those still running. */
export const stillRunningAfter = async (pids: number[], timeoutMs: number): Promise<number[]> => {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const running = pids.filter(isRunning);
    if (running.length === 0 || performance.now() > deadline) return running;
    await new Promise((wake) => setTimeout(wake, 100));
  }
};
