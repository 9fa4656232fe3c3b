import http from "node:http";

// A user agent without a browser, for the scale phase's many concurrent users: cookies, and forms
// submitted as a browser without JavaScript submits them (Next's progressive enhancement: the
// form's hidden $ACTION_* fields plus the typed fields, multipart, to the page that rendered it).

export type Reply = { status: number; location: string | null; headers: http.IncomingHttpHeaders; body: Buffer; html: string };

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The hidden fields of the first form in `html` that contains `needle` (e.g. `name="nik"`, a button's label). */
export function hiddenFields(html: string, needle: string): [string, string][] {
  for (const part of html.split("<form").slice(1)) {
    const form = part.slice(0, part.indexOf("</form>"));
    if (!form.includes(needle)) continue;
    return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map((m) => [decode(m[1]!), decode(m[2] ?? "")]);
  }
  throw new Error(`Tidak ada formulir yang memuat ${needle}`);
}

export class Agent {
  cookies: Map<string, string>;
  private localAddress?: string;
  constructor(
    public base: string,
    opts: { localAddress?: string; cookies?: Map<string, string> } = {},
  ) {
    this.localAddress = opts.localAddress;
    this.cookies = opts.cookies ?? new Map();
  }

  /** The same user (same cookies) talking to another replica. */
  at(base: string): Agent {
    return new Agent(base, { localAddress: this.localAddress, cookies: this.cookies });
  }

  request(method: string, path: string, opts: { body?: Buffer; headers?: Record<string, string> } = {}): Promise<Reply> {
    const url = new URL(path, this.base);
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return new Promise((resolve, reject) => {
      const req = http.request(
        url,
        {
          method,
          localAddress: this.localAddress,
          headers: { ...(cookie ? { cookie } : {}), ...(opts.body ? { "content-length": String(opts.body.length) } : {}), ...opts.headers },
        },
        (res) => {
          const parts: Buffer[] = [];
          res.on("data", (c: Buffer) => parts.push(c));
          res.on("end", () => {
            for (const c of res.headers["set-cookie"] ?? []) {
              const [pair, ...attrs] = c.split(";");
              const eq = pair!.indexOf("=");
              const name = pair!.slice(0, eq).trim();
              const gone = attrs.some((a) => /max-age=0/i.test(a.trim()) || (/^expires=/i.test(a.trim()) && new Date(a.trim().slice(8)) < new Date()));
              if (gone) this.cookies.delete(name);
              else this.cookies.set(name, pair!.slice(eq + 1));
            }
            const body = Buffer.concat(parts);
            resolve({ status: res.statusCode!, location: res.headers.location ?? null, headers: res.headers, body, html: body.toString("utf8") });
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(opts.body);
    });
  }

  get(path: string) {
    return this.request("GET", path);
  }

  /**
   * Fills the form of `page` that has the field `fields`' first key (or contains `formWith`) and submits it.
   * `render`: the replica (an Agent of the same user) that renders the form, when not this one.
   */
  async submit(page: string, fields: Record<string, string>, opts: { formWith?: string; render?: Agent; html?: string } = {}): Promise<Reply> {
    const html = opts.html ?? (await (opts.render ?? this).get(page)).html;
    return this.post(page, [...hiddenFields(html, opts.formWith ?? `name="${Object.keys(fields)[0]}"`), ...Object.entries(fields)]);
  }

  /** Posts fields as multipart/form-data from this portal's own origin. */
  async post(page: string, entries: [string, string][]): Promise<Reply> {
    const fd = new FormData();
    for (const [k, v] of entries) fd.append(k, v);
    const encoded = new Response(fd);
    const body = Buffer.from(await encoded.arrayBuffer());
    return this.request("POST", page, { body, headers: { "content-type": encoded.headers.get("content-type")!, origin: new URL(this.base).origin } });
  }

  /** Logs in through the login form; the second factor's code is read from the demo aid (test mode). */
  async login(email: string, password: string): Promise<Reply> {
    const first = await this.submit("/login", { email, password });
    if (first.status !== 200 || !first.html.includes('name="code"')) return first;
    const code = /data-testid="demo-code"[^]*?<strong[^>]*>(\d{6})<\/strong>/.exec(first.html)?.[1];
    if (!code) throw new Error("Kode demo tidak tampil");
    return this.submit("/login", { code }, { html: first.html });
  }
}

/** The text of the element with `testid` (tags stripped). */
export function textOf(html: string, testid: string): string | null {
  const at = html.indexOf(`data-testid="${testid}"`);
  if (at < 0) return null;
  const end = html.indexOf("</", html.indexOf(">", at));
  return decode(html.slice(html.indexOf(">", at) + 1, end).replace(/<[^>]+>/g, "")).trim();
}

/** A CSV body as rows of cells (the portal's exports: comma-separated, quoted where needed). */
export function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/)
    .map((line) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, "").replace(/""/g, '"')).slice(0, -1));
}
