import { RESPONSE_DEFINITIONS, appServerSchemaValidator } from '@codex-ts/test-support';

/** One JSON message as received (responses, notifications, server requests). */
export type WireMessage = Record<string, unknown>;

/** A safety net only (never asserted on): a wait that never ends fails with a readable message. */
const WAIT_SAFETY_MS = 25_000;

/**
 * A minimal JSON-RPC peer written from the protocol (not our client library): the transport
 * hands it raw text and gives it a way to send text. It records every message, checks each
 * response and notification against the official schema, and lets tests wait for messages.
 */
export class RpcPeer {
  readonly messages: WireMessage[] = [];
  /** Schema violations and unparsable messages; tests assert it stays empty. */
  readonly problems: string[] = [];
  private nextId = 1;
  private readonly methodsById = new Map<string | number, string>();
  private readonly waiters = new Set<() => void>();

  constructor(private readonly sendText: (text: string) => void) {}

  receiveText(text: string): void {
    let message: WireMessage;
    try {
      message = JSON.parse(text) as WireMessage;
    } catch {
      this.problems.push(`unparsable message: ${text.slice(0, 200)}`);
      return;
    }
    this.check(message);
    this.messages.push(message);
    for (const wake of [...this.waiters]) wake();
  }

  send(message: unknown): void {
    this.sendText(JSON.stringify(message));
  }

  /** Sends a request and resolves with its response message (result or error). */
  request(
    method: string,
    params?: unknown,
    id: string | number = this.nextId++,
  ): Promise<WireMessage> {
    this.methodsById.set(id, method);
    this.send(params === undefined ? { id, method } : { id, method, params });
    return this.waitFor((m) => m['id'] === id && !('method' in m), `response to ${method} #${id}`);
  }

  async call<T = Record<string, unknown>>(method: string, params?: unknown): Promise<T> {
    const response = await this.request(method, params);
    if ('error' in response) {
      throw new Error(`${method} failed: ${JSON.stringify(response['error'])}`);
    }
    return response['result'] as T;
  }

  notify(method: string, params?: unknown): void {
    this.send(params === undefined ? { method } : { method, params });
  }

  async initialize(name = 'transport_test'): Promise<Record<string, unknown>> {
    const result = await this.call('initialize', {
      clientInfo: { name, title: 'Transport test', version: '1.0.0' },
    });
    this.notify('initialized');
    return result;
  }

  /** Resolves with the first message (from index `from`) matching `predicate`. */
  waitFor(
    predicate: (message: WireMessage) => boolean,
    what: string,
    from = 0,
  ): Promise<WireMessage> {
    return new Promise((resolve, reject) => {
      const look = (): boolean => {
        const found = this.messages.slice(from).find(predicate);
        if (found) {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve(found);
          return true;
        }
        return false;
      };
      const wake = (): void => {
        look();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new Error(`timed out waiting for ${what}`));
      }, WAIT_SAFETY_MS);
      if (!look()) this.waiters.add(wake);
    });
  }

  waitForNotification(method: string, from = 0): Promise<WireMessage> {
    return this.waitFor((m) => m['method'] === method && !('id' in m), method, from);
  }

  notifications(method: string): WireMessage[] {
    return this.messages.filter((m) => m['method'] === method && !('id' in m));
  }

  private check(message: WireMessage): void {
    const validator = appServerSchemaValidator();
    if ('method' in message && !('id' in message)) {
      const violation = validator.validateNotification(
        message as { method: string; params?: unknown },
      );
      if (violation) this.problems.push(`${violation.what}: ${violation.errors.join('; ')}`);
      return;
    }
    const id = message['id'];
    const method =
      typeof id === 'string' || typeof id === 'number' ? this.methodsById.get(id) : undefined;
    if ('result' in message && method !== undefined && method in RESPONSE_DEFINITIONS) {
      const violation = validator.validateResult(method, message['result']);
      if (violation) this.problems.push(`${violation.what}: ${violation.errors.join('; ')}`);
    }
  }
}
