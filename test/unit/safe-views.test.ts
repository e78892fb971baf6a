// Safe views: the stakeholder map's webview page and the HTML report let nothing run but our own
// script (the map) or nothing at all (the report), load nothing from elsewhere, and show a hostile
// plan's text (test/fixtures/hostile.kam.yaml) as text: no element or attribute of the map's page or
// SVG comes from the plan. The extension declares how it behaves in untrusted and virtual workspaces.
import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { mapPage } from '../../client/src/map-html';
import { KamMethods, type StakeholderMapResult } from '../../server/src/lsp/protocol';
import { CSP as REPORT_CSP } from '../../server/src/report/html';
import { readRepoFile, repoPath } from '../helpers';
import { LspClient } from '../lsp/lsp-client';
import { attr, elements, parseHtml, textNodes, type El } from './views-helpers';

const HOSTILE = readRepoFile('test', 'fixtures', 'hostile.kam.yaml');
/** Markup the hostile plan writes in its names; none of it may become an element or an attribute. */
const HOSTILE_MARKUP = ['<img src=x onerror=alert(1)>', '</style><script>alert(1)</script>', '"; DROP TABLE x; --', '👩‍⚕️ Dr. Emoji'];

/** A CSP's directives by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0] !== '')
      .map(([name, ...sources]) => [name, sources]),
  );
}

function cspOf(root: El): string {
  const meta = elements(root).filter((e) => e.tag === 'meta' && attr(e, 'http-equiv')?.toLowerCase() === 'content-security-policy');
  assert.equal(meta.length, 1, 'exactly one CSP meta element');
  return attr(meta[0], 'content') ?? '';
}

/** The words a page is built with, each carrying the hostile markup. */
const HOSTILE_WORDS = Object.fromEntries(['uri', 'fit', 'map', 'hint', 'loading'].map((k, i) => [k, `${HOSTILE_MARKUP[i % HOSTILE_MARKUP.length]} ${k}`]));

function hostilePage(nonce?: string): string {
  return mapPage({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    css: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/map.css',
    script: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/map.js',
    language: 'en"><script>alert(1)</script>',
    words: HOSTILE_WORDS,
    nonce,
  });
}

describe('safe views', () => {
  describe('the extension manifest', () => {
    const manifest = JSON.parse(readRepoFile('package.json')) as { capabilities?: Record<string, { supported?: unknown; description?: string }> };
    const nls = JSON.parse(readRepoFile('package.nls.json')) as Record<string, string>;

    for (const capability of ['untrustedWorkspaces', 'virtualWorkspaces']) {
      it(`declares ${capability}, with a description the user can read`, () => {
        const declared = manifest.capabilities?.[capability];
        assert.ok(declared, `capabilities.${capability} is missing`);
        assert.ok([true, false, 'limited'].includes(declared.supported as never), `supported: ${String(declared.supported)}`);
        if (declared.supported === 'limited') {
          const description = declared.description ?? '';
          const text = /^%(.+)%$/.exec(description)?.[1];
          assert.ok(text ? nls[text]?.length > 0 : description.length > 0, `capabilities.${capability}.description is empty or not in package.nls.json`);
        }
      });
    }
  });

  describe('the stakeholder map page', () => {
    const root = parseHtml(hostilePage());

    it('has a strict CSP: nothing by default, our script only by nonce, no eval, nothing remote', () => {
      const csp = directives(cspOf(root));
      assert.deepEqual(csp.get('default-src'), ["'none'"]);
      const scripts = csp.get('script-src') ?? [];
      assert.equal(scripts.length, 1, `script-src: ${scripts.join(' ')}`);
      assert.match(scripts[0], /^'nonce-[A-Za-z0-9+/=]{16,}'$/);
      for (const [name, sources] of csp) {
        for (const source of sources) {
          assert.ok(!/unsafe-(eval|inline|hashes)|wasm-unsafe-eval/.test(source), `${name} allows ${source}`);
          assert.ok(!/^(https?:|\*|http:\/\/|ws)/.test(source) || source.startsWith('https://file+.vscode-resource.'), `${name} allows remote ${source}`);
        }
      }
      assert.ok(!csp.has('connect-src') && !csp.has('frame-src') && !csp.has('object-src'), 'no fetches, frames or plugins');
    });

    it('runs only its own script, by nonce; the words are a JSON data block', () => {
      const nonce = /'nonce-([^']+)'/.exec(cspOf(root))![1];
      const scripts = elements(root).filter((e) => e.tag === 'script');
      const code = scripts.filter((s) => attr(s, 'type') !== 'application/json');
      assert.equal(code.length, 1, 'one script element that runs');
      assert.equal(attr(code[0], 'nonce'), nonce);
      assert.match(attr(code[0], 'src') ?? '', /\/media\/map\.js$/);
      assert.equal(textNodes(code[0]).join('').trim(), '', 'no inline code');
      const data = scripts.filter((s) => attr(s, 'type') === 'application/json');
      assert.equal(data.length, 1);
      assert.deepEqual(JSON.parse(textNodes(data[0]).join('')), HOSTILE_WORDS, 'the words come back intact');
    });

    it('makes no element or attribute from the words or the language', () => {
      const tags = elements(root).map((e) => e.tag);
      assert.deepEqual([...new Set(tags)].sort(), ['#document', 'body', 'div', 'head', 'html', 'link', 'meta', 'script'].sort());
      for (const e of elements(root)) for (const a of e.attrs) assert.ok(!/^on/i.test(a.name), `event handler ${a.name}`);
      assert.equal(attr(elements(root).find((e) => e.tag === 'html')!, 'lang'), 'enscriptalert1script');
    });

    it('takes a new nonce each time', () => {
      assert.notEqual(/nonce-([^']+)/.exec(hostilePage())![1], /nonce-([^']+)/.exec(hostilePage())![1]);
    });
  });

  describe('the HTML report', () => {
    it('allows no script at all and loads nothing', () => {
      const csp = directives(REPORT_CSP);
      assert.deepEqual(csp.get('default-src'), ["'none'"]);
      assert.ok(!csp.has('script-src') && !csp.has('script-src-elem') && !csp.has('script-src-attr'), `script allowed: ${REPORT_CSP}`);
      for (const sources of csp.values()) for (const s of sources) assert.ok(!/^(https?:|\*)/.test(s), `remote source ${s}`);
    });
  });

  describe('the map of the hostile plan, as the server sends it', function () {
    this.timeout(30_000);
    let client: LspClient;
    let model: StakeholderMapResult;
    before(async () => {
      client = await LspClient.start();
      const uri = client.open(pathToFileURL(repoPath('test', 'fixtures', 'hostile.kam.yaml')).href, HOSTILE);
      await client.waitForDiagnostics(uri);
      model = (await client.connection.sendRequest(KamMethods.stakeholderMap, { uri })) as StakeholderMapResult;
    });
    after(() => client?.close());

    for (const view of ['map', 'grid'] as const) {
      it(`the ${view} SVG holds the names as text, and no element or attribute from them`, () => {
        const svg = parseHtml(`<!DOCTYPE html><body>${model.svg[view]}</body>`);
        const all = elements(svg);
        for (const e of all) {
          assert.ok(!['script', 'img', 'iframe', 'foreignobject', 'style', 'object', 'embed', 'a'].includes(e.tag.toLowerCase()), `a <${e.tag}> in the SVG`);
          for (const a of e.attrs) {
            assert.ok(!/^on/i.test(a.name), `event handler ${a.name} on <${e.tag}>`);
            assert.ok(!/javascript:|<|alert\(/i.test(a.value) || a.name === 'aria-label' || a.name === 'data-label', `attribute ${a.name}="${a.value}" carries plan markup`);
          }
        }
        const text = textNodes(svg).join('');
        for (const name of ['<img src=x onerror=alert(1)>', '"; DROP TABLE x; --']) assert.ok(text.includes(name), `${view}: ${name} is not shown as text`);
      });
    }

    it('the model posted to the page carries the names intact', () => {
      const names = model.map.nodes.map((n) => n.name);
      assert.ok(names.includes('<img src=x onerror=alert(1)>'), names.join(' | '));
      assert.ok(names.includes('👩‍⚕️ Dr. Emoji'));
    });
  });
});
