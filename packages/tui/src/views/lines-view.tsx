import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { clampLines } from './text-layout.js';

/**
 * Shows pre-rendered terminal lines (each already at most `width` columns) as one Ink block.
 * The views build their lines with pure functions so tests and the App see the same text.
 */
export function LinesView({ lines, width }: { lines: string[]; width: number }): ReactElement {
  return (
    <Box width={width} flexDirection="column" flexShrink={0}>
      <Text>{clampLines(lines, width).join('\n')}</Text>
    </Box>
  );
}
