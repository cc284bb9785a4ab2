// A customer's site, as far as Porthole can tell: a page on its own origin, under a strict CSP
// that allows the Porthole origin and this page's nonce, and nothing else. Its stylesheet is
// hostile on purpose: the launcher must survive it.
import http from "node:http";
import crypto from "node:crypto";

export function startHost(porthole, slug) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://host");
    if (url.pathname === "/favicon.ico") return res.writeHead(204).end();
    // The company's own stylesheet, for the custom-CSS setting.
    if (url.pathname === "/brand.css") {
      res.writeHead(200, { "content-type": "text/css" });
      return res.end(".ph-title { letter-spacing: 7px; }");
    }
    const workspace = url.searchParams.get("ws") || slug;
    const nonce = crypto.randomBytes(16).toString("base64");
    const portal = url.searchParams.has("portal")
      ? '<iframe id="porthole_help_center" title="Support portal"></iframe>'
      : "";
    // A signed iframe, as a host backend would render it (the test signs the URL).
    const frame = url.searchParams.get("frame");
    const signed = frame
      ? `<iframe id="signed" title="Your tickets" src="${frame.replaceAll('"', "&quot;")}" referrerpolicy="origin" sandbox="allow-forms allow-popups allow-scripts allow-same-origin"></iframe>`
      : "";
    // For the host-page benchmark: the same page without Porthole, or calling `init` itself
    // as a signed-in app's page does.
    const loader = url.searchParams.has("blank")
      ? ""
      : `<script src="${porthole}/loader.js" data-workspace="${workspace}" async></script>`;
    const user = url.searchParams.get("user");
    const init = user
      ? `<script nonce="${nonce}">$porthole.helpCenter("init",{user:${JSON.stringify(JSON.parse(user)).replaceAll("<", "\\u003c")}});</script>`
      : "";
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy":
        `default-src 'none'; script-src ${porthole} 'nonce-${nonce}'; connect-src ${porthole}; ` +
        `frame-src ${porthole}; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`,
    });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host app</title>
<script nonce="${nonce}">window.$porthole||(window.$porthole={q:[],helpCenter:function(){$porthole.q.push(arguments)}});</script>
${loader}${init}
<style nonce="${nonce}">button,iframe{display:none!important;font-size:60px!important}#porthole_help_center,#signed{display:block!important;width:100%;height:600px}</style>
</head><body><header><a href="#top" id="host-link">A host link</a></header><main><h1>Host app</h1>${portal}${signed}</main></body></html>`);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })
    )
  );
}
