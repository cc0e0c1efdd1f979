import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configVariables } from '../lambdas/shared/config-schema.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The environment a developer's shell would have: none of the test harness's configuration, nor
 * the functions' environment an in-process local server set.
 */
export const developerEnv = (overrides: Record<string, string>): NodeJS.ProcessEnv => {
  const harness = new Set<string>([...configVariables, 'INCR_DATA_DIR']);
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !harness.has(name)));
  return { ...env, ...overrides };
};

/** bin/local.ts as a child process (or, `viaNpm`, the `npm start` that runs it), its output collected. */
export const startBin = (env: NodeJS.ProcessEnv, { viaNpm = false } = {}) => {
  const [command, args] = viaNpm ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', 'bin/local.ts']];
  const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, output, exited };
};

/** Resolves once `npm start` says it is running; rejects if it exits first. */
export const waitForLine = async (output: { stdout: string; stderr: string }, exited: Promise<unknown>) => {
  let stopped = false;
  void exited.then(() => (stopped = true));
  while (!output.stdout.includes('Incr is running at ')) {
    if (stopped) throw new Error(`bin/local.ts exited early:\n${output.stdout}${output.stderr}`);
    await new Promise((wake) => setTimeout(wake, 50));
  }
};

/** The children of `parentPid` whose command line contains `marker`. */
export const childProcesses = (parentPid: number, marker: string): number[] => {
  // ps exits 1 when the process has no children: only its output matters.
  const listing = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(parentPid)], { encoding: 'utf8' });
  return listing.stdout
    .split('\n')
    .filter((line) => line.includes(marker))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
};

/** The DynamoDB Local JVMs whose parent is `parentPid`. */
export const javaChildren = (parentPid: number): number[] => childProcesses(parentPid, 'DynamoDBLocal.jar');

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
