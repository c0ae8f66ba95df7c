/** Bolt's default path for commands, events and interactivity; the manifest's request URLs end with it. */
export const EVENTS_PATH = '/slack/events';

/** The health check load balancers poll in HTTP mode. */
export const HEALTH_PATH = '/healthz';
