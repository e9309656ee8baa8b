// Ids of the mcp source, built in one place: the client of a config file, its servers, and the credentials they get.

/** The source id of MCP client configurations. */
export const SOURCE = 'mcp';

/** The AIAgent of one config file: `mcp/<file path relative to the inventory directory>`. */
export function agentId(relPath: string): string {
  return `mcp/${relPath}`;
}

/** The WorkloadIdentity of one server of a config file: `mcp/<file>/server/<server name>`. */
export function serverId(relPath: string, server: string): string {
  return `mcp/${relPath}/server/${server}`;
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
