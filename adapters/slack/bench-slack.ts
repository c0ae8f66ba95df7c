#!/usr/bin/env node
/**
 * `npm run bench:slack`: loads the HTTP-mode endpoint with signed /ask requests, as Slack would
 * send them, and reports requests/s and the p99 ack latency. Targets: ≥ 1,000 req/s and
 * p99 < 100 ms on a 2-core machine. A benchmark, not a test: it always exits 0 unless it breaks.
 *
 * The app runs in a child process (the real entry point, `startServers`); autocannon and a
 * loopback stand-in for Slack (auth.test, the response_url) run here, so answers are really
 * delivered and Slack's side does not use the app's CPU.
 * BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 10) tune the run;
 * BENCH_CPU_PROFILE_DIR=dir writes a CPU profile of the app process there.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createLogger } from '../logger.js';
import { startServers } from '../start.js';
import type { RunningSlack } from './index.js';
import { EVENTS_PATH } from './paths.js';
import { signedHeaders } from './sign-request.js';

const QUESTIONS = [
  'What did Witkoff say about Article 5?',
  'what about Crimea?',
  'Who offered security guarantees?',
  'What is reported about Volodymyr Zelensky?',
  'What is the weather in Paris?',
];
const TARGET = { requestsPerSecond: 1000, p99Ms: 100 };

type ChildMessage = { ready: { port: number } } | { stopped: { cpuMs: number } };

/** The child: the real app (`startServers`), reporting its port over IPC and stopping on request. */
async function serve(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dealdesk-bench-'));
  const servers = await startServers({ ...process.env, PORT: '0', DEALDESK_DATA_DIR: dataDir, SLACK_APP_TOKEN: '', DISCORD_TOKEN: '' }, { log: createLogger('warn') });
  const slack = servers.running.find((p) => p.name === 'slack') as RunningSlack;
  // CPU used from here to the end of the stop: the app's cost per request, whatever else the machine runs.
  const cpuAtReady = process.cpuUsage();
  process.send?.({ ready: { port: slack.port ?? 0 } } satisfies ChildMessage);
  process.once('message', () => {
    void servers.stop().then(() => {
      rmSync(dataDir, { recursive: true, force: true });
      const used = process.cpuUsage(cpuAtReady);
      process.send?.({ stopped: { cpuMs: (used.user + used.system) / 1000 } } satisfies ChildMessage, () => process.disconnect());
    });
  });
}

/**
 * Slack's side, in the parent (its CPU is not the app's): auth.test for start-up and the
 * response_url the answers are posted to, counted.
 */
async function slackStandIn(): Promise<{ url: string; answers: () => number; close: () => void }> {
  let answers = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.startsWith('/response/')) answers += 1;
      const body = req.url === '/api/auth.test' ? { ok: true, user_id: 'U0BENCH', bot_id: 'B0BENCH', team_id: 'T0BENCH' } : { ok: true };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, answers: () => answers, close: () => server.close() };
}

/** The parent: starts the child, fires signed /ask requests for a bounded time, prints the figures. */
async function bench(): Promise<void> {
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
  const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
  const signingSecret = randomBytes(16).toString('hex');
  const slack = await slackStandIn();
  const profileDir = process.env['BENCH_CPU_PROFILE_DIR'];
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: `xoxb-bench-${randomBytes(8).toString('hex')}`,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: `${slack.url}/api/`,
      SLACK_RATE_LIMIT_PER_MINUTE: '10',
    },
  });
  const next = (): Promise<ChildMessage> => new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as ChildMessage));
    child.once('exit', (code) => reject(new Error(`the app process exited (${code}) before reporting`)));
  });
  const ready = await next();
  if (!('ready' in ready)) throw new Error('unexpected message from the app process');
  const { port } = ready.ready;
  const sink = slack.url;

  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${EVENTS_PATH}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          n += 1;
          // Many users, so the per-user rate limit (10/min) is exercised but rarely reached, as in a real workspace.
          const body = new URLSearchParams({
            team_id: 'T0BENCH',
            channel_id: 'C0BENCH',
            user_id: `U${n % 20_000}`,
            command: '/ask',
            text: QUESTIONS[n % QUESTIONS.length] ?? '',
            response_url: `${sink}/response/${n}`,
            trigger_id: `${n}.1.bench`,
          }).toString();
          return { ...request, body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(signingSecret, body) } };
        },
      },
    ],
  });
  child.send('stop');
  const stopped = await next();
  const cpuMs = 'stopped' in stopped ? stopped.stopped.cpuMs : Number.NaN;
  const answers = slack.answers();
  slack.close();

  const rps = Math.round(result.requests.average);
  const p99 = result.latency.p99;
  const lines = [
    `bench:slack — ${seconds} s, ${connections} connections, signed /ask over HTTP (loopback)`,
    `  requests/s (mean)   ${rps}   target ≥ ${TARGET.requestsPerSecond}   ${rps >= TARGET.requestsPerSecond ? 'ok' : 'BELOW TARGET'}`,
    `  ack latency p50     ${result.latency.p50} ms`,
    `  ack latency p99     ${p99} ms   target < ${TARGET.p99Ms} ms   ${p99 < TARGET.p99Ms ? 'ok' : 'ABOVE TARGET'}`,
    `  requests            ${result.requests.total} (2xx ${result['2xx']}, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`,
    `  answers delivered   ${answers} to response_url (after a graceful stop)`,
    `  app CPU per request ${(cpuMs / Math.max(1, result.requests.total)).toFixed(2)} ms (one core serves about ${Math.round((1000 * Math.max(1, result.requests.total)) / cpuMs)} req/s)`,
    `  machine load        ${loadavg().map((l) => l.toFixed(2)).join(' ')} (1/5/15 min) on ${availableParallelism()} cores`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  (process.argv.includes('--serve') ? serve() : bench()).catch((error: unknown) => {
    process.stderr.write(`bench:slack: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
