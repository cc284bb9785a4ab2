// Porthole loader: draws the launcher; opens the support panel only when asked.
// Fields of the page state `st` start with "_" so the minifier may shorten them; fields that
// cross the wire (email, token, unread, type...) do not, and keep their names.
(() => {
  const w = window;
  const d = document;
  const me = d.currentScript;
  const earlier = w.$porthole;
  if (earlier?.loaded) return;
  const EVENTS = ["ready", "open", "close", "unread", "error"];
  const handlers = {};
  let st = null; // null when stopped
  let base, slug, cookieName;

  const emit = (name, data) =>
    (handlers[name] || []).forEach((fn) => {
      try { fn(data); } catch (e) { console.error(e); }
    });

  const fail = (message) => {
    console.error("Porthole: " + message);
    emit("error", { message });
  };

  // A first-party cookie on the host's own domain, one per workspace, so a reload reuses the
  // session without verifying again. Through the Cookie Store API, not `document.cookie`,
  // which makes the page wait on the browser's cookie store: milliseconds of the host page's
  // main thread. Pages without it (plain http other than localhost) verify at every load, as
  // do pages whose cookies the browser refuses to share (a sandboxed frame, say).
  const jar = w.cookieStore;
  const readCookie = async () => jar && (await jar.get(cookieName).catch(Boolean))?.value;
  const writeCookie = (value, maxAge) =>
    jar?.set({ name: cookieName, value, expires: Date.now() + maxAge * 1e3, sameSite: "lax" })
      .catch(Boolean);

  // A widget API call, with the session token (if any) as a bearer header.
  const api = (path, token, init) =>
    fetch(`${base}/api/v1/widget/${slug}/${path}`, {
      ...init,
      headers: { "Content-Type": "application/json", ...(token && { Authorization: "Bearer " + token }) },
    });

  const call = (method, token, body) =>
    api("session", token, {
      method,
      body: body && JSON.stringify(body),
    }).then((r) =>
      r.status == 204 ? {} : r.json().then((j) => {
        if (!r.ok) throw j.error || { message: "HTTP " + r.status };
        return j;
      }));

  const init = (options) => {
    const user = options?.user;
    if (!user || typeof user.email != "string" || typeof user.verificationHash != "string")
      return fail("init needs user.email and user.verificationHash");
    // Compared as sent: Unicode lowercasing would take a look-alike (KELVIN SIGN) for "k" and
    // keep the previous user's session. The server decides who is who.
    const email = user.email.trim();
    if (st && st._email == email) return;
    teardown();
    const mine = (st = { _email: email });
    // One call: the server reuses the saved session if it is this user's, and otherwise revokes
    // it and verifies the hash afresh.
    // `user` goes as the host wrote it (name, timestamp, participants...); the server reads
    // what it knows, verificationHash included, and ignores the rest.
    return readCookie()
      .then((token) => call("POST", token, {
        ...user,
        locale: options.locale, languages: navigator.languages, metadata: options.metadata,
        show_toggle_button: options.showToggleButton,
      }))
      .then((session) => {
        if (st != mine) return call("DELETE", session.token).catch(Boolean);
        mine._token = session.token;
        mine._locale = session.locale;
        writeCookie(session.token, session.expires_in);
        // Refused metadata or locale: said, but not in the way of the session.
        (session.warnings || []).forEach((w) => fail(w.message));
        mount(mine, session.launcher);
        unread(session.unread);
        listen(mine);
        emit("ready");
      })
      .catch((e) => {
        if (st == mine) st = null;
        // A refused origin gets no CORS answer, so the browser shows only a network error.
        fail(e.code ? e.message : `cannot reach Porthole from ${location.origin}`);
      });
  };

  // Drops the launcher, the panel and the iframe with every ticket it held.
  const teardown = () => {
    const s = st;
    st = null;
    if (s) {
      s._host?.remove();
      if (s._page) s._page.src = "about:blank";
    }
  };

  // Logout: revoke the session on the server, delete the cookie, forget everything here.
  const stop = () => {
    const held = st?._token;
    teardown();
    return readCookie().then((token) => {
      writeCookie("", 0);
      token ||= held;
      return token && call("DELETE", token).catch(Boolean);
    });
  };

  const widgetUrl = (mode) =>
    `${base}/w/${slug}/?mode=${mode}&locale=${st._locale}&host=${location.origin}`;

  // The launcher's look, position and words come with the session, from the workspace's
  // settings; without a launcher (the workspace shows it only to some customers), nothing
  // is drawn.
  const mount = (s, launcher) => {
    const page = d.getElementById("porthole_help_center");
    if (page && page.tagName == "IFRAME") {
      s._page = page;
      page.src = widgetUrl("page");
      return;
    }
    if (!launcher) return;
    const host = (s._host = d.createElement("div"));
    const root = host.attachShadow({ mode: "open" });
    // A constructed sheet is not an inline style, so a strict host CSP does not block it.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(launcher.css);
    root.adoptedStyleSheets = [sheet];
    const button = (s._launcher = d.createElement("button"));
    s._labels = launcher;
    button.ariaLabel = launcher.label;
    button.ariaExpanded = "false";
    button.hidden = !launcher.show;
    button.innerHTML = '<svg viewBox="0 0 24 24"><path d="M4 4h16v14H8l-4 4z"/></svg><b hidden></b>';
    s._badge = button.lastChild;
    button.onclick = toggle;
    root.append(button);
    d.body.append(host);
    // An `open` that came before the launcher existed takes effect now.
    if (s._want) open();
  };

  // Live updates: one event stream per page, read with fetch so the token stays in a header.
  // An event refreshes the badge and tells the panel to refetch; the panel polls only while
  // the stream is down, and the stream is retried every 5 s. A 401 means the session is over.
  const listen = (s) =>
    api("events", s._token)
      .then((r) => {
        if (!r.ok) throw r.status;
        const reader = r.body.getReader();
        const next = () =>
          reader.read().then(({ done, value }) => {
            if (done || st != s) throw 0;
            // Heartbeats are comments (":"); anything else is news.
            if (value[0] != 58) live(s, 1);
            return next();
          });
        live(s, 1);
        return next();
      })
      .catch((e) => e != 401 && st == s && (live(s, 0), setTimeout(listen, 5000, s)));

  const recount = (s) => call("GET", s._token).then((r) => unread(r.unread), Boolean);

  const live = (s, up) => {
    // The first connection follows the session call, whose count is fresh. An open panel
    // refetches what it shows (which marks an open ticket read) and then asks for the count
    // ("porthole:read"); counting now could show a reply on screen as unread.
    if (s._live != null && !s._open) recount(s);
    s._live = up;
    if (s._ready) post({ type: "porthole:live", up });
  };

  const unread = (count) => {
    if (!st?._badge || st._unread === count) return;
    st._unread = count;
    st._badge.textContent = count;
    st._badge.hidden = !count;
    st._launcher.ariaLabel = count ? st._labels.unread_label.replace("{n}", count) : st._labels.label;
    emit("unread", count);
  };

  const frame = () => st && (st._frame || st._page);

  const post = (message) => {
    frame().contentWindow.postMessage(JSON.stringify(message), base);
  };

  const show = (open) => {
    st._open = open;
    st._frame.hidden = !open;
    st._launcher.ariaExpanded = "" + open;
    if (st._ready) post({ type: "porthole:visible", open });
    (open ? st._frame : st._launcher).focus();
    emit(open ? "open" : "close");
    // What came while the panel was open and not on screen (a new ticket's form) counts now.
    open || recount(st);
  };

  const open = () => {
    if (!st) return;
    // An `open` before the launcher exists is remembered (see `mount`).
    if (!st._launcher) return (st._want = 1);
    if (st._open) return;
    if (!st._frame) {
      const f = (st._frame = d.createElement("iframe"));
      f.title = "Support";
      f.src = widgetUrl("panel");
      st._launcher.after(f);
    }
    show(true);
  };

  const close = () => st && (st._want = 0, st._open) && show(false);

  const toggle = () => (st && st._open ? close() : open());

  // Only the panel's own window, at the Porthole origin, is listened to.
  w.addEventListener("message", (e) => {
    const f = frame();
    if (!f || e.origin != base || e.source != f.contentWindow) return;
    let m;
    try { m = JSON.parse(e.data); } catch (_) { return; }
    ({
      "porthole:ready": () => {
        st._ready = true;
        post({ type: "porthole:session", token: st._token });
        live(st, st._live);
        if (st._open || st._page) post({ type: "porthole:visible", open: true });
      },
      "porthole:close": close,
      "porthole:read": () => recount(st),
      "porthole:error": () => fail("session ended"),
    })[m.type]?.();
  });

  const commands = {
    init, stop, open, close, toggle,
    on: (name, fn) =>
      EVENTS.includes(name) ? (handlers[name] ||= []).push(fn) : fail(`unknown "${name}"`),
  };

  const helpCenter = (command, ...args) => {
    if (!base) return fail("loader.js needs data-workspace");
    const run = commands[command];
    if (!run) return fail(`unknown "${command}"`);
    return run(...args);
  };

  if (me?.src && me.dataset.workspace) {
    base = new URL(me.src).origin;
    slug = me.dataset.workspace;
    cookieName = "porthole_" + slug.replace(/\W/g, "_");
  }
  w.$porthole = { helpCenter, loaded: true };
  (earlier?.q || []).forEach((args) => helpCenter(...args));
})();
