// Ids of the aws-cli source, built in one place. Profiles share the mcp source's scheme (`aws-profile/<name>`, one
// declaration in ingest/mcp/ids.ts) and roles the aws source's (`aws/<account>/role/<name>`, ingest/aws/ids.ts), so
// an MCP server's AWS_PROFILE, the profile and the IAM role are the same nodes across the three sources.
export { awsProfileId as profileId } from '../mcp/ids.js';
export { idOfArn } from '../aws/ids.js';

/** The source id of AWS CLI config and credentials files. */
export const SOURCE = 'aws-cli';

/** An access key written in a profile: by its key id (public, unique), so the same key in two files is one node. */
export function accessKeyId(keyId: string): string {
  return `aws-access-key/${keyId}`;
}

/**
 * The IAM Identity Center permission set `<name>` in an account. Its IAM role is `AWSReservedSSO_<name>_<suffix>`,
 * whose suffix a profile does not give, so this is its own id, not the role's (`aws/<account>/role/…`).
 */
export function ssoPermissionSetId(account: string, permissionSet: string): string {
  return `aws/${account}/sso-permission-set/${permissionSet}`;
}
