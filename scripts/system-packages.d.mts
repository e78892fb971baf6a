// Types of system-packages.mjs for the tests.
export interface SystemPackage {
  name: string;
  why: string;
  probe: string[];
}

export interface MachineFacts {
  root: boolean;
  sudo: 'passwordless' | 'password' | 'none';
  aptGet: boolean;
  debian: boolean;
}

export type Decision =
  | { action: 'none' }
  | { action: 'install'; names: string[]; reasons: string; argv: string[][] }
  | { action: 'stop'; message: string };

export const INSTALL_PACKAGES: SystemPackage[];
export const BROWSER_PACKAGES: SystemPackage[];
export const EDITOR_PACKAGES: SystemPackage[];
export function decide(missing: SystemPackage[], facts: MachineFacts): Decision;
export function missingPackages(wanted: SystemPackage[]): SystemPackage[];
export function machineFacts(): MachineFacts;
export function ensureSystemPackages(options?: { install?: boolean; browser?: boolean; editors?: boolean; log?: (message: string) => void }): void;
