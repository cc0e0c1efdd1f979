import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { developerEnv, startBin, waitForLine } from './processes.ts';

/**
 * The runnable examples of a Markdown file, run the way a reader runs them. A fenced block right
 * after `<!-- runnable -->` is shell: its commands run one by one in one bash session (so variables
 * carry over, block to block), each answer checked against the answer shown under it or beside it.
 * A block after `<!-- runnable: <file> -->` is written to that file first, for a later command.
 */

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface Step {
  /** The command as shown, continuation lines included. */
  command: string;
  /** The answer shown for it, comment marks removed; undefined when none is shown. */
  shown?: string;
  /** Where it comes from, for failure messages. */
  where: string;
}

/** A command or a file to write, in the order of the document. */
export type Action = ({ kind: 'command' } & Step) | { kind: 'file'; name: string; content: string; where: string };

const marker = /^<!-- runnable(?::\s*(\S+))?\s*-->$/;
// Two spaces before the `#`: a `#` inside a command (a URL fragment, `%23`) never has them.
const inlineAnswer = /\s{2,}#\s(.*)$/;

/** The runnable actions of a Markdown document, top to bottom. */
export const runnableActions = (markdown: string): Action[] => {
  const lines = markdown.split('\n');
  const actions: Action[] = [];
  for (let index = 0; index < lines.length; index++) {
    const runnable = marker.exec(lines[index]!.trim());
    if (!runnable) continue;
    const fence = index + 1;
    if (!/^```\w+$/.test(lines[fence] ?? '')) throw new Error(`line ${index + 1}: <!-- runnable --> must be followed by a fenced block`);
    const end = lines.indexOf('```', fence + 1);
    const body = lines.slice(fence + 1, end);
    const where = `line ${fence + 2}`;
    if (runnable[1]) actions.push({ kind: 'file', name: runnable[1], content: `${body.join('\n')}\n`, where });
    else actions.push(...shellSteps(body, fence + 2).map((step) => ({ kind: 'command' as const, ...step })));
    index = end;
  }
  return actions;
};

/** Commands and their shown answers: `cmd  # answer`, or `# answer` lines right under the command. */
const shellSteps = (body: string[], firstLine: number): Step[] => {
  const steps: Step[] = [];
  let current: Step | undefined;
  let continued = false;
  body.forEach((line, offset) => {
    if (continued) {
      current!.command += `\n${line}`;
      continued = line.endsWith('\\');
      const answer = continued ? null : inlineAnswer.exec(line);
      if (answer) [current!.command, current!.shown] = [current!.command.slice(0, -answer[0].length), answer[1]!.trim()];
      return;
    }
    if (line.trim() === '') {
      current = undefined;
      return;
    }
    if (line.startsWith('#')) {
      // A comment right under a command (or its answer) is its answer; elsewhere it is prose.
      if (current) current.shown = current.shown === undefined ? line.replace(/^#\s?/, '').trim() : `${current.shown} ${line.replace(/^#\s*/, '')}`;
      return;
    }
    current = { command: line, where: `line ${firstLine + offset}` };
    steps.push(current);
    continued = line.endsWith('\\');
    const answer = continued ? null : inlineAnswer.exec(line);
    if (answer) [current.command, current.shown] = [line.slice(0, -answer[0].length), answer[1]!.trim()];
  });
  return steps;
};

const separator = '\u001e';

/**
 * Runs the actions in one bash session in `cwd`, `substitutions` applied to every command (the
 * server's URL for localhost:3000, the keys it printed for their placeholders); returns what each
 * command printed and its exit status. Commands start at least `pacingMs` apart: a reader types
 * slower than the plan's per-second cap, a script does not.
 */
export const runActions = async (actions: Action[], { cwd, substitutions, pacingMs }: { cwd: string; substitutions: Record<string, string>; pacingMs: number }) => {
  const substitute = (text: string) => Object.entries(substitutions).reduce((result, [from, to]) => result.replaceAll(from, to), text);
  const pause = `sleep ${pacingMs / 1000}`;
  const script = actions
    .map((action) =>
      action.kind === 'file'
        ? `cat > ${action.name} <<'INCR_EXAMPLE_END'\n${substitute(action.content)}INCR_EXAMPLE_END`
        : `${pause}\n${substitute(action.command)}\nprintf '\\n${separator}%s${separator}\\n' "$?"`,
    )
    .join('\n');
  // The data folder of the server the examples run against, so that the CLI finds it as a reader's finds their `npm start`;
  // and npm without its `> incr@... incr` banner, which is no part of any answer shown.
  const env = developerEnv({ INCR_DATA_DIR: join(cwd, '.incr-data'), npm_config_loglevel: 'silent' });
  const bash = spawn('bash', ['-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  bash.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  bash.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await once(bash, 'exit');
  const printed = stdout.split(new RegExp(`\\n${separator}(\\d+)${separator}\\n`));
  const results: { output: string; status: number }[] = [];
  for (let index = 0; index + 1 < printed.length; index += 2) results.push({ output: printed[index]!.trim(), status: Number(printed[index + 1]) });
  return { results, stderr };
};

/**
 * Whether `actual` is what `shown` shows. Shown JSON is a subset: an object may leave fields out,
 * an array shows every item in any order, and a string ending in `...` stands for any string with that beginning (a generated id or key);
 * every number and every other string must be exact. Shown text matches whole, `...` standing for
 * anything and any run of spaces for any run of whitespace (the lines of a text answer are shown
 * as comment lines, and columns are padded).
 */
export const matchesShown = (actual: string, shown: string): boolean => {
  if (/^[[{]/.test(shown)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(actual);
    } catch {
      return false;
    }
    return jsonSubset(parsed, JSON.parse(shown));
  }
  const pattern = shown
    .split('...')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('[\\s\\S]*?');
  return new RegExp(`^${pattern}$`).test(actual);
};

const jsonSubset = (actual: unknown, shown: unknown): boolean => {
  if (typeof shown === 'string' && shown.endsWith('...')) return typeof actual === 'string' && actual.startsWith(shown.slice(0, -3));
  if (Array.isArray(shown)) {
    // Listings in key-id order list generated ids: each shown item matches one item, wherever it is.
    if (!Array.isArray(actual) || actual.length !== shown.length) return false;
    const unmatched = [...actual];
    return shown.every((item) => {
      const found = unmatched.findIndex((candidate) => jsonSubset(candidate, item));
      return found >= 0 && unmatched.splice(found, 1).length === 1;
    });
  }
  if (shown !== null && typeof shown === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(shown).every(([name, value]) => name in actual && jsonSubset((actual as Record<string, unknown>)[name], value));
  }
  return Object.is(actual, shown);
};

/**
 * For the current test file: a fresh `npm start` (bin/local.ts as a developer's shell runs it) on a
 * free port, and a working folder where the examples run as from the repository root. `ownJava`
 * starts the server's own in-memory DynamoDB Local, exactly as a first `npm start` does; otherwise
 * it gets a new table in the suite's DynamoDB Local, which is as fresh and starts faster.
 */
export const useFreshServer = ({ ownJava }: { ownJava: boolean }) => {
  const state = { url: '', adminKey: '', useKey: '', cwd: '' };
  let stopServer: () => Promise<unknown> = async () => undefined;
  beforeAll(async () => {
    state.cwd = await mkdtemp(join(tmpdir(), 'incr-examples-'));
    // The examples import the SDK from packages/ and run its tools from node_modules/.
    await Promise.all(['packages', 'node_modules'].map((name) => symlink(join(repoRoot, name), join(state.cwd, name))));
    const table: Record<string, string> = ownJava ? {} : { DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'), TABLE_NAME: `incr-examples-${Math.random().toString(36).slice(2, 10)}` };
    const env = developerEnv({ INCR_DATA_DIR: join(state.cwd, '.incr-data'), INCR_IN_MEMORY: '1', PORT: '0', POWERTOOLS_LOG_LEVEL: 'SILENT', ...table });
    const { child, output, exited } = startBin(env);
    stopServer = async () => {
      child.kill('SIGTERM');
      await exited;
    };
    await waitForLine(output, exited);
    state.url = /Incr is running at (http:\/\/\S+)/.exec(output.stdout)![1]!;
    state.adminKey = /admin key: (ck_admin_live_\w+)/.exec(output.stdout)![1]!;
    state.useKey = /use key: +(ck_use_live_\w+)/.exec(output.stdout)![1]!;
  });
  afterAll(async () => {
    await stopServer();
    await rm(state.cwd, { recursive: true, force: true });
  });
  return state;
};

/** The substitutions that point a document's examples at a fresh server and its demo keys. */
export const serverSubstitutions = ({ url, adminKey, useKey }: { url: string; adminKey: string; useKey: string }) => ({
  'http://localhost:3000': url,
  'ADMIN=ck_admin_live_...': `ADMIN=${adminKey}`,
  'USE=ck_use_live_...': `USE=${useKey}`,
  // The examples run outside the repository; the CLI is its script.
  'npm run incr --': `npm --prefix "${repoRoot}" run incr --`,
});

/** The project's Markdown documents: the root ones a reader meets first, and every page of docs/. */
export const markdownDocuments = [
  'README.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  ...readdirSync(join(repoRoot, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
];

export const readDocument = (path: string) => readFile(join(repoRoot, path), 'utf8');

/** Runs a document's examples against the server and checks each command: it succeeded, and printed what the document shows. */
export const checkDocument = async (path: string, server: { url: string; adminKey: string; useKey: string; cwd: string }) => {
  const actions = runnableActions(await readDocument(path));
  const commands = actions.filter((action): action is Extract<Action, { kind: 'command' }> => action.kind === 'command');
  expect(commands.length, `${path} has no runnable example`).toBeGreaterThan(0);
  const { results, stderr } = await runActions(actions, { cwd: server.cwd, substitutions: serverSubstitutions(server), pacingMs: 250 });
  expect(results.length, `every command of ${path} ran to its end; stderr:\n${stderr}`).toBe(commands.length);
  const failures = commands.flatMap(({ command, shown, where }, index) => {
    const { output, status } = results[index]!;
    if (status !== 0) return [`${path} ${where}: \`${command}\` exited ${status}\n${stderr}`];
    if (shown !== undefined && !matchesShown(output, shown)) return [`${path} ${where}: \`${command}\`\n  shows:  ${shown}\n  prints: ${output}`];
    return [];
  });
  expect(failures).toEqual([]);
  return commands.length;
};
