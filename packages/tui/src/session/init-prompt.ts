/** What /init asks the model to do (our own words). */
export const INIT_PROMPT = [
  'Create an AGENTS.md file in the root of this project for coding agents that will work on it.',
  'Look around the repository first: its layout, languages, build and test commands, and any',
  'conventions you can see in the code or its configuration. Then write a concise guide with:',
  '- what the project is and how the source tree is organised;',
  '- how to build, run, lint and test it (exact commands);',
  '- the coding style and naming conventions to follow;',
  '- how to write and run tests, and what a change needs before it is done;',
  '- anything surprising an agent should know (generated files, slow steps, secrets to avoid).',
  'Keep it short and specific to this repository; use Markdown headings and bullet lists.',
].join('\n');
