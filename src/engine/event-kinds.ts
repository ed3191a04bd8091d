/** The kinds of events on the engine's future-event list (the heap's `kind` field). */
export const EV_ARRIVAL = 1;
export const EV_COMPLETION = 2;
export const EV_TIMEOUT = 3;
export const EV_SCHEDULED = 4;
export const EV_USER = 5;
export const EV_DRAIN_DONE = 6;
/** A health-check probe is sent (a = target, b = probe token). */
export const EV_HC_PROBE = 7;
/** A probe's answer (or timeout) arrives (a = target, b = token × 8 + result code). */
export const EV_HC_RESULT = 8;
/** Envoy outlier detection's interval sweep (a = group). */
export const EV_OUTLIER_SWEEP = 9;
/** A circuit breaker's open period ends (a = target). */
export const EV_CB_HALF_OPEN = 10;
/** The next replayed request is sent (a = its index in the replay). */
export const EV_REPLAY = 11;
/** Route 53 health checks of the DNS records are due. */
export const EV_DNS_CHECK = 12;
/** A balancer's hot standby takes over (a = balancer). */
export const EV_LB_TAKEOVER = 13;
/** The next step of a deployment (a = deployment, b = step). */
export const EV_DEPLOY_STEP = 14;
/** The next request of a DDoS wave (a = attack index). */
export const EV_ATTACK = 15;
/** A scaling group's health sweep and policy evaluation (a = scaling group). */
export const EV_ASG_TICK = 16;
/** A launched instance finished booting (a = target). */
export const EV_INSTANCE_READY = 17;
/** A spot instance is reclaimed (a = target). */
export const EV_SPOT_INTERRUPT = 18;
/**
 * HAProxy's turnaround is over: the request waiting in `slot` a makes its next connection attempt (b = its
 * id's low bits). Numbered apart from the others so that kinds added meanwhile on other branches cannot clash.
 */
export const EV_HAPROXY_RETRY = 31;
/** A database's primary failover is over (a = database index); numbered apart like EV_HAPROXY_RETRY. */
export const EV_DB_FAILOVER_DONE = 32;
