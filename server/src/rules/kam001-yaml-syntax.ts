import type { Rule } from '../engine/rule';

/** The YAML does not parse. The message carries the parser's own words, which name the token at fault. */
export const kam001: Rule = {
  code: 'KAM001',
  name: 'yaml-syntax',
  severity: 'error',
  stage: 'document',
  description: { en: 'The file must be valid YAML.', 'zh-cn': '文件必须是合法的 YAML。' },
  messages: {
    default: { en: 'YAML syntax error: {detail}', 'zh-cn': 'YAML 语法错误：{detail}' },
  },
  check({ plan, report }) {
    for (const error of plan.syntaxErrors) {
      const [start, end] = error.pos;
      const detail = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      report({ span: { start, end: Math.max(end, start) }, args: { detail }, data: { yamlCode: error.code } });
    }
  },
};
