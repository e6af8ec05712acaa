import type { ResumeThread } from './resume-picker.js';

// `thread/list` rows used by the resume picker tests. NOW is a fixed instant (ms).

export const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const seconds = (msAgo: number): number => Math.floor((NOW - msAgo) / 1000);

export function thread(id: string, over: Partial<ResumeThread> = {}): ResumeThread {
  return {
    id,
    preview: `preview of ${id}`,
    name: null,
    updatedAt: seconds(60_000),
    cwd: '/home/me/project',
    ...over,
  };
}

export const sampleThreads: ResumeThread[] = [
  thread('t1', {
    preview: 'Fix the failing parser test and add a regression case',
    updatedAt: seconds(5 * 60_000),
    gitInfo: { branch: 'main' },
  }),
  thread('t2', {
    preview: 'Write the README section about configuration',
    updatedAt: seconds(3 * 3600_000),
    gitInfo: { branch: 'feature/docs-config' },
  }),
  thread('t3', {
    name: 'Named thread',
    preview: 'ignored preview',
    updatedAt: seconds(2 * 86400_000),
    cwd: '/home/me/other/deeply/nested/folder/name',
    gitInfo: null,
  }),
  thread('t4', { preview: '', updatedAt: seconds(10_000) }),
];
