// Which responses of the local servers (scripts/serve.mjs, the webpack dev server) may be read cross-origin.
// Only the custom-functions metadata: Excel on the web fetches functions.json (and functions-zh-CN.json) with an
// XMLHttpRequest from its own origin (https://excel.officeapps.live.com and others; without the header it
// reports "blocked by CORS policy", OfficeDev/office-js#3970). Everything else — the task pane, the shared
// runtime's scripts, icons — is loaded same-origin or as a frame/image, which needs no CORS, so no other page
// the user visits can read it.
const METADATA = /^\/functions(-[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)?\.json$/;

/** The CORS headers for a request URL ("/functions.json?x" → allow any origin; anything else → none). */
function corsHeaders(requestUrl) {
  const path = String(requestUrl ?? "").split(/[?#]/)[0];
  return METADATA.test(path) ? { "Access-Control-Allow-Origin": "*" } : {};
}

module.exports = { corsHeaders };
