// The configuration in force for one document, by the same table the CLI uses:
// defaults < editor settings (the `kam` section) < the nearest `.kamrc.yaml`, looked up no higher
// than the document's workspace folder. Resolved once per document and kept until either source changes.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { defaultConfig, findRcFile, mergeConfig, readRcFile, type KamConfig } from '../engine/config';
import { RULES } from '../rules';
import { interpolate, type Locale, type Text } from '../engine/types';

export const SECTION = 'kam';
export const RC_FILE_PATTERN = /(^|[\\/])\.kamrc\.ya?ml$/;

/** Whether the URI names a `.kamrc.yaml` (or `.kamrc.yml`). */
export function isRcFile(uri: string): boolean {
  return RC_FILE_PATTERN.test(uri);
}

const PROBLEMS: Record<'settings' | 'rcFile', Text> = {
  settings: {
    en: 'KAM Plan: settings `kam`: {problems} (the rest of the configuration still applies)',
    'zh-cn': 'KAM Plan：`kam` 设置：{problems}（其余配置仍然生效）',
  },
  rcFile: {
    en: 'KAM Plan: {file}: {problems} (the rest of the configuration still applies)',
    'zh-cn': 'KAM Plan：{file}：{problems}（其余配置仍然生效）',
  },
};

export class Settings {
  private readonly resolved = new Map<string, Promise<KamConfig>>();
  /** Warnings already shown since the last change, so each shows once however many documents hit it. */
  private readonly shown = new Set<string>();
  private folders: string[] = [];
  /** Settings pushed with didChangeConfiguration, for clients that cannot answer workspace/configuration. */
  private pushed: unknown;

  /**
   * @param locale the client's UI language: the locale when `kam.locale` is `auto`.
   * @param canPull whether the client answers `workspace/configuration`.
   */
  constructor(
    private readonly connection: Connection,
    private readonly locale: Locale,
    private readonly canPull: boolean,
  ) {}

  /** The client's UI language: the language of what the server says outside any document (progress). */
  get uiLocale(): Locale {
    return this.locale;
  }

  /** The workspace folders, as file paths. */
  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris.map(filePathOf).filter((p): p is string => p !== undefined);
    this.changed();
  }

  /** Editor settings or an rc file changed: forget what was resolved and warned about. */
  changed(pushed?: unknown): void {
    if (pushed !== undefined) this.pushed = pushed;
    this.resolved.clear();
    this.shown.clear();
  }

  configFor(uri: string): Promise<KamConfig> {
    let config = this.resolved.get(uri);
    if (!config) {
      config = this.resolve(uri);
      this.resolved.set(uri, config);
      // A failure is not kept: the next check tries again.
      config.catch(() => this.resolved.get(uri) === config && this.resolved.delete(uri));
    }
    return config;
  }

  forget(uri: string): void {
    this.resolved.delete(uri);
  }

  private async resolve(uri: string): Promise<KamConfig> {
    const editor = mergeConfig(defaultConfig(this.locale), await this.editorSettings(uri), RULES);
    this.warn(PROBLEMS.settings, editor.config.locale, editor.problems);
    const rcFile = this.rcFileFor(uri);
    if (!rcFile) return editor.config;
    const rc = readRcFile(rcFile);
    const merged = mergeConfig(editor.config, rc.raw, RULES);
    // readRcFile names the file in its problems; the message names it once.
    const problems = [...rc.problems.map((p) => p.replace(`${rcFile}: `, '')), ...merged.problems];
    this.warn(PROBLEMS.rcFile, merged.config.locale, problems, { file: rcFile });
    return merged.config;
  }

  /** The `.kamrc.yaml` that applies to a document: the nearest one, no higher than its workspace folder. */
  rcFileFor(uri: string): string | undefined {
    const file = filePathOf(uri);
    return file ? findRcFile(file, this.folderOf(file)) : undefined;
  }

  /** A section of the editor settings (`kam`, `files.exclude`) for a document or a workspace folder. */
  async editorSettings(uri: string, section = SECTION): Promise<unknown> {
    if (!this.canPull) return section.split('.').reduce((value, key) => (value as Record<string, unknown> | undefined)?.[key], this.pushed);
    try {
      return await this.connection.workspace.getConfiguration({ scopeUri: uri, section });
    } catch (e) {
      this.connection.console.error(`Reading the \`${section}\` settings failed: ${(e as Error).message}`);
      return undefined;
    }
  }

  /** The innermost workspace folder holding the file: the rc file lookup stops there, and its settings rule the workspace check. */
  folderOf(file: string): string | undefined {
    const inside = (folder: string) => {
      const relative = path.relative(folder, file);
      return !relative.startsWith('..') && !path.isAbsolute(relative);
    };
    return this.folders.filter(inside).sort((a, b) => b.length - a.length)[0];
  }

  private warn(template: Text, locale: Locale, problems: string[], args: Record<string, string> = {}): void {
    if (problems.length === 0) return;
    const message = interpolate(template[locale], { ...args, problems: problems.join('; ') });
    if (this.shown.has(message)) return;
    this.shown.add(message);
    this.connection.console.warn(message);
    // A notification, not window.showWarningMessage (a request): nothing to answer, nothing to wait for.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }
}

/** The file path of a `file:` URI; undefined for other schemes (untitled documents have no rc file). */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
