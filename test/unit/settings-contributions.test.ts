// The settings package.json contributes, as editors read them: every rule completes in `kam.rules`
// with its severities, default and description; each setting has the scope the server reads it at;
// plans are indented with two spaces.
import * as assert from 'node:assert/strict';
import { RULES } from '../../server/src/rules';
import { readRepoFile } from '../helpers';

interface SettingSchema {
  type?: string;
  enum?: string[];
  default?: unknown;
  scope?: string;
  description?: string;
  properties?: Record<string, SettingSchema>;
  additionalProperties?: boolean;
}

const pkg = JSON.parse(readRepoFile('package.json')) as {
  activationEvents: string[];
  contributes: { configuration: { properties: Record<string, SettingSchema> }; configurationDefaults: Record<string, Record<string, unknown>>; commands: { command: string }[] };
};
const settings = pkg.contributes.configuration.properties;
const nls = { en: JSON.parse(readRepoFile('package.nls.json')) as Record<string, string>, 'zh-cn': JSON.parse(readRepoFile('package.nls.zh-cn.json')) as Record<string, string> };

describe('package.json settings', () => {
  describe('kam.rules', () => {
    const schema = settings['kam.rules'];

    it('lists exactly the registered rules, by code and by name, and nothing else', () => {
      const expected = RULES.flatMap((rule) => [rule.code, rule.name]).sort();
      const listed = Object.keys(schema.properties ?? {}).sort();
      const missing = expected.filter((key) => !listed.includes(key));
      assert.deepEqual(
        listed,
        expected,
        `package.json contributes.configuration kam.rules.properties must list every rule code and name` +
          (missing.length ? `; add ${missing.join(', ')} (with a config.rule.CODE entry in both package.nls files)` : ''),
      );
      assert.equal(schema.additionalProperties, false, 'an unknown rule is flagged in settings.json');
    });

    for (const rule of RULES)
      it(`${rule.code} / ${rule.name}: the four settings, its default severity and its description in both languages`, () => {
        for (const key of [rule.code, rule.name]) {
          const property = schema.properties![key];
          assert.deepEqual(property.enum, ['off', 'info', 'warning', 'error']);
          assert.equal(property.default, rule.severity);
          assert.equal(property.description, `%config.rule.${rule.code}%`);
        }
        for (const locale of ['en', 'zh-cn'] as const)
          assert.equal(nls[locale][`config.rule.${rule.code}`], `${rule.code} ${rule.name}: ${rule.description[locale]}`);
      });

    it('package.nls has no description of a rule that is gone', () => {
      for (const locale of ['en', 'zh-cn'] as const) {
        const stale = Object.keys(nls[locale]).filter((key) => key.startsWith('config.rule.') && !RULES.some((r) => key === `config.rule.${r.code}`));
        assert.deepEqual(stale, []);
      }
    });
  });

  it('each kam.* setting declares its scope: a folder may set what the server reads per document', () => {
    const scopes = Object.fromEntries(Object.entries(settings).map(([key, schema]) => [key, schema.scope]));
    for (const [key, scope] of Object.entries(scopes)) assert.ok(scope, `${key} has no scope`);
    // The server asks for these with the document's (or its folder's) URI.
    for (const key of ['kam.rules', 'kam.goals.maxAnnualChange', 'kam.locale', 'kam.workspace.checkClosedFiles']) assert.equal(scopes[key], 'resource', key);
  });

  it('kam.trace.server, which vscode-languageclient reads for the client with id `kam`', () => {
    const trace = settings['kam.trace.server'];
    assert.deepEqual(trace.enum, ['off', 'messages', 'verbose']);
    assert.equal(trace.default, 'off');
    assert.match(readRepoFile('client', 'src', 'extension.ts'), /new LanguageClient\('kam',/);
  });

  it('plans are indented with two spaces, never tabs, whatever the file seems to use', () => {
    assert.deepEqual(pkg.contributes.configurationDefaults['[kam-yaml]'], { 'editor.tabSize': 2, 'editor.insertSpaces': true, 'editor.detectIndentation': false });
  });

  it('a .kamrc.yaml activates the extension (its checks need the server), and the status item\'s commands exist', () => {
    assert.ok(pkg.activationEvents.includes('workspaceContains:**/.kamrc.yaml'));
    const commands = pkg.contributes.commands.map((c) => c.command);
    for (const command of ['kam.restartServer', 'kam.showOutput']) assert.ok(commands.includes(command), command);
  });
});
