// Ids of the mcp source, built in one place: the client of a config file, its servers, and the credentials they get.

/** The source id of MCP client configurations. */
export const SOURCE = 'mcp';

/**
 * The AIAgent of one config file: `mcp/<file path relative to the inventory directory>`; a Claude Code project of
 * `.claude.json` is its own agent, `mcp/<file>#<project path>` (`mcp/.claude.json#/home/me/app`).
 */
export function agentId(relPath: string, project?: string): string {
  return project === undefined ? `mcp/${relPath}` : `mcp/${relPath}#${project}`;
}

/** The WorkloadIdentity of one server of an agent: `<agent id>/server/<server name>`. */
export function serverId(agent: string, server: string): string {
  return `${agent}/server/${server}`;
}

/** A credential given as an environment reference (`${VAR}`): scoped to the file, since each client has its own environment. */
export function envRefId(relPath: string, variable: string): string {
  return `mcp/${relPath}/env/${variable}`;
}

/** A real secret written in a config: by fingerprint, so the same value in many servers or files is one node. */
export function secretId(fingerprint: string): string {
  return `mcp/secret/${fingerprint}`;
}

/** An AWS CLI profile named by `AWS_PROFILE`; a later AWS CLI profiles source defines the same id. */
export function awsProfileId(profile: string): string {
  return `aws-profile/${profile}`;
}
