import type {
  ExecEvent,
  ExecItem,
  ServerNotification,
  ThreadItem,
  ThreadTokenUsage,
  TurnPlanStep,
} from '@codex-ts/protocol';

/**
 * Turns app-server notifications into `codex exec --json` events, the shapes the Codex SDK
 * reads. Item ids are renumbered `item_0`, `item_1`, ... in order of first appearance.
 */
export class JsonEventMapper {
  private readonly ids = new Map<string, string>();
  private nextId = 0;
  private usage: ThreadTokenUsage | null = null;
  private todo: { id: string; items: ExecItem & { type: 'todo_list' } } | null = null;

  private execId(serverId: string): string {
    let id = this.ids.get(serverId);
    if (id === undefined) {
      id = `item_${this.nextId++}`;
      this.ids.set(serverId, id);
    }
    return id;
  }

  map(n: ServerNotification): ExecEvent[] {
    switch (n.method) {
      case 'turn/started':
        return [{ type: 'turn.started' }];
      case 'item/started': {
        const item = this.convert(n.params.item, true);
        return item ? [{ type: 'item.started', item }] : [];
      }
      case 'item/completed': {
        const item = this.convert(n.params.item, false);
        return item ? [{ type: 'item.completed', item }] : [];
      }
      case 'turn/plan/updated':
        return this.planUpdated(n.params.plan);
      case 'thread/tokenUsage/updated':
        this.usage = n.params.tokenUsage;
        return [];
      case 'error':
        return [{ type: 'error', message: n.params.error.message }];
      case 'turn/completed': {
        const events: ExecEvent[] = [];
        if (this.todo) {
          events.push({ type: 'item.completed', item: this.todo.items });
          this.todo = null;
        }
        const { turn } = n.params;
        if (turn.status === 'completed') {
          events.push({ type: 'turn.completed', usage: this.usageOut() });
        } else {
          const message =
            turn.error?.message ??
            (turn.status === 'interrupted' ? 'turn interrupted' : 'turn failed');
          events.push({ type: 'turn.failed', error: { message } });
        }
        return events;
      }
      default:
        return [];
    }
  }

  private usageOut(): Extract<ExecEvent, { type: 'turn.completed' }>['usage'] {
    const t = this.usage?.total;
    return {
      input_tokens: t?.inputTokens ?? 0,
      cached_input_tokens: t?.cachedInputTokens ?? 0,
      cache_write_input_tokens: t?.cacheWriteInputTokens ?? 0,
      output_tokens: t?.outputTokens ?? 0,
      reasoning_output_tokens: t?.reasoningOutputTokens ?? 0,
    };
  }

  private planUpdated(plan: TurnPlanStep[]): ExecEvent[] {
    const items = plan.map((s) => ({ text: s.step, completed: s.status === 'completed' }));
    if (this.todo === null) {
      this.todo = { id: `item_${this.nextId++}`, items: { id: '', type: 'todo_list', items } };
      this.todo.items.id = this.todo.id;
      return [{ type: 'item.started', item: this.todo.items }];
    }
    this.todo.items = { id: this.todo.id, type: 'todo_list', items };
    return [{ type: 'item.updated', item: this.todo.items }];
  }

  /** The exec item for a thread item, or null for kinds exec does not report. */
  private convert(item: ThreadItem, starting: boolean): ExecItem | null {
    switch (item.type) {
      case 'agentMessage':
        return starting
          ? null
          : { id: this.execId(item.id), type: 'agent_message', text: item.text };
      case 'reasoning': {
        if (starting) return null;
        const text = item.summary.join('\n\n');
        return text === '' ? null : { id: this.execId(item.id), type: 'reasoning', text };
      }
      case 'commandExecution':
        return {
          id: this.execId(item.id),
          type: 'command_execution',
          command: item.command,
          aggregated_output: item.aggregatedOutput ?? '',
          exit_code: item.exitCode,
          status:
            item.status === 'inProgress'
              ? 'in_progress'
              : item.status === 'completed'
                ? 'completed'
                : item.status,
        };
      case 'fileChange':
        return {
          id: this.execId(item.id),
          type: 'file_change',
          changes: item.changes.map((c) => ({ path: c.path, kind: c.kind.type })),
          status:
            item.status === 'inProgress'
              ? 'in_progress'
              : item.status === 'completed'
                ? 'completed'
                : 'failed',
        };
      case 'mcpToolCall':
        return {
          id: this.execId(item.id),
          type: 'mcp_tool_call',
          server: item.server,
          tool: item.tool,
          arguments: item.arguments,
          // The SDK's shape: `structured_content`, snake_case like the rest of the exec stream.
          result:
            item.result === null
              ? null
              : {
                  content: item.result.content,
                  structured_content: item.result.structuredContent ?? null,
                },
          error: item.error,
          status: item.status === 'inProgress' ? 'in_progress' : item.status,
        };
      case 'webSearch':
        return { id: this.execId(item.id), type: 'web_search', query: item.query };
      default:
        return null;
    }
  }
}
