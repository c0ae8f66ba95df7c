import type { ServerResponse } from 'node:http';
import { HTTPReceiver, SocketModeReceiver, type Logger as BoltLogger } from '@slack/bolt';
import type { SlackConfig } from './env.js';
import { EVENTS_PATH, HEALTH_PATH } from './paths.js';


/**
 * HTTP mode: signed requests on POST /slack/events (Bolt verifies the signature and the
 * 5-minute window, answering 401 otherwise) and GET /healthz for load balancers, which turns
 * 503 once a stop has begun so traffic drains away from this instance.
 */
export function httpReceiver(config: SlackConfig, logger: BoltLogger, health: () => { ok: boolean; body: object }): HTTPReceiver {
  const signingSecret = config.secrets.signingSecret;
  if (signingSecret === undefined) throw new Error('httpReceiver: HTTP mode needs SLACK_SIGNING_SECRET (parseSlackEnv guarantees it)');
  return new HTTPReceiver({
    signingSecret,
    endpoints: EVENTS_PATH,
    logger,
    // Ack first, answer after: Slack's 3-second budget is spent only on the ack.
    processBeforeResponse: false,
    customRoutes: [
      {
        path: HEALTH_PATH,
        method: ['GET'],
        handler: (_req, res: ServerResponse) => {
          const { ok, body } = health();
          res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        },
      },
    ],
  });
}

/**
 * Socket Mode: no public URL; Bolt opens a WebSocket from `apps.connections.open` (on
 * SLACK_API_URL when set) and reconnects by itself when it drops, after
 * SLACK_SOCKET_PING_TIMEOUT_MS (times the number of failures in a row).
 */
export function socketReceiver(config: SlackConfig, logger: BoltLogger): SocketModeReceiver {
  const appToken = config.secrets.appToken;
  if (appToken === undefined) throw new Error('socketReceiver: Socket Mode needs SLACK_APP_TOKEN (parseSlackEnv guarantees it)');
  return new SocketModeReceiver({
    appToken,
    logger,
    clientPingTimeout: config.socketPingTimeoutMs,
    autoReconnectEnabled: true,
    // Its own object: the Socket Mode client adds its retry policy to the options it is given.
    installerOptions: { clientOptions: { ...(config.apiUrl !== undefined && { slackApiUrl: config.apiUrl }) } },
  });
}
