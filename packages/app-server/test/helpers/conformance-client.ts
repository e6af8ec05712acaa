import type { RpcPeer, WireMessage } from './rpc-peer.js';
import { checkClientMessage, checkServerMessage } from './conformance-checks.js';

/**
 * The conformance test's client, written from the protocol: it drives an `RpcPeer` (which only
 * frames raw JSON lines or WebSocket text frames) and checks every message both ways against
 * the shared reference schema (see conformance-checks.ts). Requests get explicit ids so each
 * response is validated against the schema of the method it answers.
 */
export class ConformanceClient {
  /** Every check that failed, with the offending message; a test asserts it stays empty. */
  readonly problems: string[] = [];
  /** Every message this client sent, in order. */
  readonly sent: WireMessage[] = [];
  private readonly methodsById = new Map<string | number, string>();
  private checked = 0;
  private peerProblemsSeen = 0;
  private nextId = 1;

  constructor(
    readonly peer: RpcPeer,
    private readonly label: string,
    /** Sends one raw message (a stdio line without its newline, or one text frame). */
    private readonly sendRaw: (text: string) => void,
  ) {}

  get received(): WireMessage[] {
    this.verify();
    return this.peer.messages;
  }

  /** Sends a request whose params must validate, and resolves with its response. */
  request(method: string, params: unknown): Promise<WireMessage> {
    return this.requestRaw({ method, params }, true);
  }

  /** Sends a request the test means to be wrong (unknown method, wrong types): not checked. */
  requestUnchecked(method: string, params: unknown): Promise<WireMessage> {
    return this.requestRaw({ method, params }, false);
  }

  /** A request whose response must be a result; throws with the error otherwise. */
  async call<T = Record<string, unknown>>(method: string, params: unknown): Promise<T> {
    const response = await this.request(method, params);
    if (!('result' in response)) {
      throw new Error(`[${this.label}] ${method} failed: ${JSON.stringify(response['error'])}`);
    }
    return response['result'] as T;
  }

  notify(method: string, params?: unknown): void {
    this.sendChecked(params === undefined ? { method } : { method, params });
  }

  /** Answers a server request (`result` checked against the request's response schema). */
  answer(request: WireMessage, result: unknown): void {
    this.sendChecked({ id: request['id'], result }, String(request['method']));
  }

  /** Writes raw text the server must refuse (malformed JSON, an oversized message). */
  sendGarbage(text: string): void {
    this.sendRaw(text);
  }

  /** Resolves with the first received message from index `from` matching `predicate`. */
  async waitFor(
    predicate: (m: WireMessage) => boolean,
    what: string,
    from = 0,
  ): Promise<WireMessage> {
    const found = await this.peer.waitFor(predicate, `[${this.label}] ${what}`, from);
    this.verify();
    return found;
  }

  waitForNotification(method: string, match: (params: Record<string, unknown>) => boolean) {
    return this.waitFor(
      (m) =>
        m['method'] === method &&
        !('id' in m) &&
        match((m['params'] ?? {}) as Record<string, unknown>),
      method,
    );
  }

  /** Every notification received so far, in order. */
  notifications(): WireMessage[] {
    return this.received.filter((m) => 'method' in m && !('id' in m));
  }

  /** Checks the messages received since the last call. */
  verify(): void {
    const messages = this.peer.messages;
    for (; this.checked < messages.length; this.checked += 1) {
      const message = messages[this.checked] as WireMessage;
      const id = message['id'];
      const method =
        typeof id === 'string' || typeof id === 'number' ? this.methodsById.get(id) : undefined;
      this.report('server', message, checkServerMessage(message, method));
    }
    // Messages RpcPeer could not parse never reach `messages`.
    for (; this.peerProblemsSeen < this.peer.problems.length; this.peerProblemsSeen += 1) {
      const problem = this.peer.problems[this.peerProblemsSeen] as string;
      if (problem.startsWith('unparsable')) this.problems.push(`[${this.label}] ${problem}`);
    }
  }

  private requestRaw(
    body: { method: string; params: unknown },
    checked: boolean,
  ): Promise<WireMessage> {
    // Both forms of RequestId: a string for odd requests, an integer for even ones.
    const n = this.nextId++;
    const id = n % 2 === 0 ? n : `${this.label}-${n}`;
    this.methodsById.set(id, body.method);
    const message = { id, ...body };
    if (checked) this.sendChecked(message);
    else this.send(message);
    return this.waitFor((m) => m['id'] === id && !('method' in m), `response to ${body.method}`);
  }

  private sendChecked(message: WireMessage, answering?: string): void {
    this.report('client', message, checkClientMessage(message, answering));
    this.send(message);
  }

  private send(message: WireMessage): void {
    this.sent.push(message);
    this.sendRaw(JSON.stringify(message));
  }

  private report(from: 'client' | 'server', message: WireMessage, errors: string[]): void {
    if (errors.length === 0) return;
    const text = JSON.stringify(message);
    this.problems.push(
      `[${this.label}] ${from} message fails the schema: ${errors.join('; ')}\n` +
        `  message: ${text.length > 2000 ? `${text.slice(0, 2000)}...` : text}`,
    );
  }
}
