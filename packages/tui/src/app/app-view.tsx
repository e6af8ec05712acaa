import { Box, Text, useApp, useInput, usePaste, useStdout, useWindowSize } from 'ink';
import { memo, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { ComposerView, composerTextWidth } from '../composer/index.js';
import { setComposerWidth } from '../composer/index.js';
import { LiveArea } from './live-area.js';
import { ModalView } from './modal-view.js';
import { StatusFooter, StatusIndicator } from './status-line.js';
import type { UiController } from './ui-controller.js';

// The composer and the footer redraw only when their own inputs change, not on every delta.
const Composer = memo(ComposerView);
const Footer = memo(StatusFooter);

export interface AppProps {
  ui: UiController;
  color: boolean;
}

/**
 * The Ink root. It renders only the live area at the bottom of the terminal; finished history
 * is written above it once (the chat store's commit sink → Ink's `write`, which redraws the live
 * area below the new lines), so it stays in the terminal's own scrollback.
 */
export function App({ ui, color }: AppProps): ReactNode {
  const { exit } = useApp();
  const { write } = useStdout();
  const { columns } = useWindowSize();
  const store = ui.session.store;
  const state = useSyncExternalStore(ui.subscribe, ui.getSnapshot);
  const chat = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const width = Math.max(20, columns);

  useEffect(() => {
    store.setRenderContext({ width, color });
    ui.set({ composer: setComposerWidth(ui.getSnapshot().composer, composerTextWidth(width)) });
  }, [store, ui, width, color]);

  useEffect(() => {
    // The store hands over committed lines a frame (or an event-loop turn) at a time.
    store.setCommitSink((lines) => write(`${lines.join('\n')}\n`));
    return () => store.setCommitSink(null);
  }, [store, write]);

  useEffect(() => {
    if (state.exiting) exit();
  }, [state.exiting, exit]);

  useInput((input, key) => ui.handleKey({ input, key }));
  usePaste((text) => ui.handlePaste(text));

  // The transcript overlay takes the whole live area (its height leaves one spare row so the
  // frame never outgrows the screen).
  if (state.phase !== 'chat' || state.modal?.kind === 'transcript') {
    return (
      <Box flexDirection="column" width={width}>
        {state.modal ? (
          <ModalView modal={state.modal} width={width} color={color} />
        ) : (
          <Text dimColor>Starting…</Text>
        )}
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={width}>
      <LiveArea chat={chat} ctx={store.renderContext} />
      {chat.turn ? (
        <StatusIndicator turn={chat.turn} header={chat.statusHeader} color={color} />
      ) : null}
      {state.queued.map((text, i) => (
        <Text key={i} dimColor wrap="truncate-end">
          {`  ↳ ${text.replace(/\s+/g, ' ')}`}
        </Text>
      ))}
      {state.hint ? <Text dimColor>{state.hint}</Text> : null}
      {state.modal ? (
        <ModalView modal={state.modal} width={width} color={color} />
      ) : (
        <Composer state={state.composer} width={width} color={color} />
      )}
      <Footer session={chat.session} tokenUsage={chat.tokenUsage} width={width} />
    </Box>
  );
}
