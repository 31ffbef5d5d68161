// A real OpenID provider (npm oidc-provider) on 127.0.0.1 for the flow tests: PKCE (S256 only),
// open dynamic registration, a client_secret_post-only client, resource indicators with JWT access tokens, RFC 9207 iss.
// Usage: node server.mjs <node_modules dir> <MCP resource URL>. Prints "READY <issuer>" when listening.
// The interaction endpoint approves at once (logs in "alice" and grants the requested scopes), which
// stands in for the person at the browser.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [modules, resource] = process.argv.slice(2);
const { default: Provider, errors } = await import(pathToFileURL(path.join(modules, 'oidc-provider', 'lib', 'index.js')).href);

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  // One pre-registered confidential client that authenticates only with client_secret_post (the
  // metadata lists basic too, as many real servers do: the client has to be told).
  clients: [{
    client_id: 'post-only',
    client_secret: 'post-only-secret',
    application_type: 'native',
    redirect_uris: ['http://127.0.0.1/callback'],
    token_endpoint_auth_method: 'client_secret_post',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  }],
  pkce: { required: () => true },
  // Refresh tokens for every client allowed the grant (by default only with the OpenID offline_access
  // consent), so that rotation can be probed; oidc-provider rotates a public client's refresh token.
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
  scopes: ['openid', 'offline_access'],
  findAccount: (ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
  features: {
    devInteractions: { enabled: false },
    registration: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => resource,
      useGrantedResource: () => true,
      getResourceServerInfo: (ctx, indicator) => {
        if (indicator !== resource) throw new errors.InvalidTarget();
        return { scope: 'mcp:read mcp:write', audience: resource, accessTokenTTL: 600, accessTokenFormat: 'jwt' };
      },
    },
  },
});

server.on('request', async (req, res) => {
  if (req.url.startsWith('/interaction/')) {
    try {
      await approve(req, res);
    } catch (e) {
      res.statusCode = 500;
      res.end(String(e));
    }
    return;
  }
  provider.callback()(req, res);
});

async function approve(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    await provider.interactionFinished(req, res, { login: { accountId: 'alice' } }, { mergeWithLastSubmission: false });
    return;
  }
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  const missing = details.prompt.details;
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes || {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

console.log(`READY ${issuer}`);
