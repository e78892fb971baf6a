// The CLI's own package.json, found at run time upward from this module (dist/ in the bundle,
// out/server/src/cli/ under test). Importing it would make tsc copy it into out/.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface PackageInfo {
  version: string;
  homepage?: string;
}

let info: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (info) return info;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string; homepage?: string };
      if (pkg.name === 'kam-plan') return (info = { version: pkg.version ?? '0.0.0', homepage: pkg.homepage });
    }
    if (path.dirname(dir) === dir) return (info = { version: '0.0.0' });
  }
}
