// Every text the extension shows exists in Simplified Chinese: the contributions (package.nls*.json)
// and the client's runtime strings (vscode.l10n.t, translated by l10n/bundle.l10n.zh-cn.json).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { readRepoFile, repoPath } from '../helpers';

const CHINESE = /[\u4e00-\u9fff]/;

function readJson(...parts: string[]): Record<string, unknown> {
  return JSON.parse(readRepoFile(...parts)) as Record<string, unknown>;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** `{0}`, `{name}`: what the translation must keep. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{[^{}\s]+\}/g)].map((m) => m[0]).sort();
}

/**
 * The message of every `l10n.t(…)` call in the source: its first argument, a string literal, or the
 * `message` of the object form. A call whose message is not a literal is an error: no bundle can hold it.
 */
function l10nMessages(source: string, file = 'source'): string[] {
  const messages: string[] = [];
  for (const call of source.matchAll(/\bl10n\.t\(\s*/g)) {
    let at = call.index! + call[0].length;
    if (source[at] === '{') {
      const message = /^\{[^}]*?\bmessage\s*:\s*/.exec(source.slice(at));
      if (!message) throw new Error(`${file}: l10n.t({…}) without a literal \`message\``);
      at += message[0].length;
    }
    const literal = stringLiteralAt(source, at);
    if (literal === undefined) throw new Error(`${file}: l10n.t(${source.slice(at, at + 30)}…) is not called with a string literal`);
    messages.push(vm.runInNewContext(literal) as string);
  }
  return messages;
}

/** The string literal starting at `at` (quotes included), or undefined: a template with `${…}` is not one. */
function stringLiteralAt(source: string, at: number): string | undefined {
  const quote = source[at];
  if (quote !== "'" && quote !== '"' && quote !== '`') return undefined;
  for (let i = at + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (quote === '`' && source.startsWith('${', i)) return undefined;
    else if (source[i] === quote) return source.slice(at, i + 1);
  }
  return undefined;
}

describe('localisation', () => {
  describe('client runtime strings (vscode.l10n)', () => {
    const pkg = readJson('package.json');
    const bundleDir = repoPath(String(pkg.l10n ?? ''));
    const bundle = JSON.parse(fs.readFileSync(path.join(bundleDir, 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const used = new Map<string, string>();
    for (const file of sourceFiles(repoPath('client', 'src'))) {
      for (const message of l10nMessages(fs.readFileSync(file, 'utf8'), path.relative(repoPath(), file))) used.set(message, file);
    }

    it('finds the messages of l10n.t calls, and refuses one that is not a literal', () => {
      assert.deepEqual(l10nMessages(`vscode.l10n.t('It\\'s {0}', n); l10n.t("Two \\"words\\""); l10n.t({ message: \`Three\`, args: [], comment: 'c' })`), [
        "It's {0}",
        'Two "words"',
        'Three',
      ]);
      assert.throws(() => l10nMessages('vscode.l10n.t(text)'), /not called with a string literal/);
      assert.throws(() => l10nMessages('vscode.l10n.t(`Hello ${name}`)'), /not called with a string literal/);
    });

    it('the client has runtime strings to translate', () => {
      assert.ok(used.size > 0, 'no l10n.t call found under client/src');
    });

    it('has a Chinese translation of every string the client passes to vscode.l10n.t, with the same placeholders', () => {
      for (const [message, file] of used) {
        const zh = bundle[message];
        assert.ok(zh !== undefined, `${file}: ${JSON.stringify(message)} has no entry in l10n/bundle.l10n.zh-cn.json`);
        assert.match(zh, CHINESE, `${JSON.stringify(message)}: the zh-cn entry is not Chinese`);
        assert.deepEqual(placeholders(zh), placeholders(message), `${JSON.stringify(message)}: placeholders differ`);
      }
    });

    it('holds no entry the client no longer uses', () => {
      assert.deepEqual(Object.keys(bundle).filter((key) => !used.has(key)), []);
    });
  });

  describe('contributions (package.nls)', () => {
    const en = readJson('package.nls.json');
    const zh = readJson('package.nls.zh-cn.json');

    it('translates every key of package.nls.json into Chinese in package.nls.zh-cn.json', () => {
      for (const [key, text] of Object.entries(en)) {
        assert.ok(typeof zh[key] === 'string', `${key} is missing from package.nls.zh-cn.json`);
        if (key.endsWith('.media')) {
          // A walkthrough step's page: a file per language, the Chinese one in Chinese.
          assert.notEqual(zh[key], text, `${key}: the same page in both languages`);
          assert.match(readRepoFile(zh[key] as string), CHINESE, `${key}: ${zh[key]} is not in Chinese`);
          continue;
        }
        assert.match(zh[key] as string, CHINESE, `${key}: the zh-cn text is not Chinese`);
        assert.deepEqual(placeholders(zh[key] as string), placeholders(String(text)), `${key}: placeholders differ`);
      }
      assert.deepEqual(Object.keys(zh).filter((key) => !(key in en)), [], 'keys only in package.nls.zh-cn.json');
    });

    it('defines every %key% that package.json uses', () => {
      const keys = [...readRepoFile('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
      assert.ok(keys.length > 0);
      for (const key of keys) assert.ok(key in en, `package.json uses %${key}% but package.nls.json does not define it`);
    });

    it('leaves no user-facing contribution text untranslated', () => {
      const pkg = readJson('package.json');
      const contributes = pkg.contributes as Record<string, unknown>;
      const literal: string[] = [];
      // Command titles and categories, setting descriptions, view and view container names.
      const visit = (value: unknown, where: string): void => {
        if (Array.isArray(value)) return value.forEach((item, i) => visit(item, `${where}[${i}]`));
        if (!value || typeof value !== 'object') return;
        for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
          const textKey = /^(title|category|description|markdownDescription|enumDescriptions|markdownEnumDescriptions|name|contextualTitle)$/.test(key);
          const texts = Array.isArray(child) && textKey ? child : [child];
          for (const text of texts) if (textKey && typeof text === 'string' && !/^%[^%]+%$/.test(text)) literal.push(`${where}.${key}: ${text}`);
          visit(child, `${where}.${key}`);
        }
      };
      for (const section of ['commands', 'configuration', 'views', 'viewsContainers', 'menus', 'walkthroughs']) visit(contributes[section], section);
      // The product's names (the configuration's title, the commands' category) are the same in every language.
      assert.deepEqual(literal.filter((l) => !/: (KAM|KAM Plan)$/.test(l)), []);
    });
  });
});
