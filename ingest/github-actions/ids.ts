// Ids of the github-actions source, built in one place: jobs, the repository secrets they use, and the Google
// service accounts they sign in as (reference nodes until a GCP source exists).

/** The source id of GitHub Actions workflow files. */
export const SOURCE = 'github-actions';

/** The OIDC issuer of GitHub Actions tokens (github.com; GHES and enterprise issuers add a path or another host). */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** A repository as GitHub names it. */
export interface Repo {
  readonly owner: string;
  readonly name: string;
}

/** `owner/name`. */
export function repoSlug(repo: Repo): string {
  return `${repo.owner}/${repo.name}`;
}

/**
 * The Pipeline of one job: `github/<owner>/<repo>/workflow/<file>/job/<job id>`; without a known repository,
 * `github-actions/<file>/job/<job id>` (the file name is unique within an inventory directory).
 */
export function jobId(repo: Repo | undefined, workflowFile: string, job: string): string {
  return repo ? `github/${repoSlug(repo)}/workflow/${workflowFile}/job/${job}` : `${SOURCE}/${workflowFile}/job/${job}`;
}

/**
 * A secret a job reads: `github/<owner>/<repo>/secret/<NAME>` (GitHub stores secret names upper-case, so the
 * name is upper-cased); without a repository, scoped to the file: `github-actions/<file>/secret/<NAME>`.
 */
export function secretId(repo: Repo | undefined, workflowFile: string, name: string): string {
  const upper = name.toUpperCase();
  return repo ? `github/${repoSlug(repo)}/secret/${upper}` : `${SOURCE}/${workflowFile}/secret/${upper}`;
}

/** A Google service account a job impersonates through workload identity federation: `gcp/sa/<email>`. */
export function gcpServiceAccountId(email: string): string {
  return `gcp/sa/${email.toLowerCase()}`;
}
