import { DEFAULT_ISSUER } from './auth-constants.js';
import { jwtAuthClaims } from './id-token.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 15vh auto; padding: 0 1rem; color: #1f2328; }
  h1 { font-size: 1.4rem; }
  code { background: #f3f4f6; padding: 0.1rem 0.3rem; border-radius: 4px; }
  .muted { color: #59636e; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Shown after a successful sign-in. */
export function successPage(): string {
  return page(
    'Signed in to Codex',
    `<h1>You are signed in to Codex</h1>
<p>Your credentials were saved. You can close this tab and go back to your terminal.</p>`,
  );
}

/** Shown when the sign-in could not be completed. */
export function errorPage(message: string, errorCode: string, description: string | null): string {
  return page(
    'Codex sign-in failed',
    `<h1>Codex could not finish signing you in</h1>
<p>${escapeHtml(message)}</p>
${description && description !== message ? `<p class="muted">${escapeHtml(description)}</p>` : ''}
<p class="muted">Error code: <code>${escapeHtml(errorCode)}</code></p>
<p class="muted">Go back to the terminal to try again, or ask your workspace administrator if access is restricted.</p>`,
  );
}

/**
 * The page the callback redirects to after saving the tokens:
 * `http://localhost:{port}/success?id_token=...&needs_setup=...&org_id=...&project_id=...
 * &plan_type=...&platform_url=...`.
 */
export function successUrl(
  port: number,
  issuer: string,
  idToken: string,
  accessToken: string,
): string {
  const idClaims = jwtAuthClaims(idToken);
  const accessClaims = jwtAuthClaims(accessToken);
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const completedOnboarding = idClaims['completed_platform_onboarding'] === true;
  const isOrgOwner = idClaims['is_org_owner'] === true;
  const params: Array<[string, string]> = [
    ['id_token', idToken],
    ['needs_setup', String(!completedOnboarding && isOrgOwner)],
    ['org_id', text(idClaims['organization_id'])],
    ['project_id', text(idClaims['project_id'])],
    ['plan_type', text(accessClaims['chatgpt_plan_type'])],
    [
      'platform_url',
      issuer === DEFAULT_ISSUER ? 'https://platform.openai.com' : 'https://platform.api.openai.org',
    ],
  ];
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return `http://localhost:${port}/success?${query}`;
}

/** The message for an `error` the authorization server sent back. */
export function callbackErrorMessage(errorCode: string, description: string | null): string {
  if (
    errorCode === 'access_denied' &&
    description?.toLowerCase().includes('missing_codex_entitlement')
  ) {
    return 'Codex is not enabled for your workspace. Ask your workspace administrator for access to Codex.';
  }
  if (description && description.trim() !== '') return `Sign-in failed: ${description}`;
  return `Sign-in failed: ${errorCode}`;
}
