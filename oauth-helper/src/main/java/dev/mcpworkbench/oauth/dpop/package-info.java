/**
 * DPoP (RFC 9449): the session's proof-of-possession key, the proofs signed with it for the token
 * endpoint and the MCP server, and the nonces those servers hand out.
 */
package dev.mcpworkbench.oauth.dpop;
