import type { CandidateList, CandidateSource } from './candidate-list.js';
import { gitCandidates, gitListing, isGitWorkTree } from './git-candidates.js';
import { walkCandidates, walkStampsUnchanged } from './walk-candidates.js';

/**
 * The files and directories under `root` that a search looks at. In a git work tree: what
 * `git ls-files` reports (tracked and untracked files, ignored ones left out, deleted ones
 * dropped) and their directories. Elsewhere: a walk that applies `.gitignore` and `.ignore`
 * files and skips `.git` (see `walkCandidates`).
 */
export async function listCandidates(root: string): Promise<CandidateList> {
  if (await isGitWorkTree(root)) {
    const listing = await gitListing(root);
    if (listing !== null) return gitCandidates(listing);
  }
  return walkCandidates(root);
}

/**
 * Null when the candidates listed from `previous` are still current, else a fresh list. A work
 * tree is listed again with git (cheap for this process: git does the walking) and compared
 * with the previous output; a walked tree is current while every directory it entered and
 * every ignore file it read keeps its modification time (adding, removing or renaming an entry
 * changes its directory's; see `walkStampsUnchanged`), and is walked again otherwise. A root
 * that stopped being a work tree is listed from scratch, and so is one that became one when
 * that changed a stamped directory (`git init` in the root itself).
 */
export async function refreshCandidates(
  root: string,
  previous: CandidateSource,
): Promise<CandidateList | null> {
  if (previous.kind === 'git') {
    const listing = await gitListing(root);
    if (listing === null) return listCandidates(root);
    if (listing.listed === previous.listed && listing.deleted === previous.deleted) return null;
    return gitCandidates(listing);
  }
  if (await walkStampsUnchanged(previous.listedAt, previous.stampPaths, previous.stamps)) {
    return null;
  }
  return listCandidates(root);
}
