/**
 * @module cli/docs
 * `renkou docs`: rewrites the generated documentation (data contract, indicators) from the code.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderContractMarkdown } from '../docs/contractDocs.ts';
import { renderIndicatorsMarkdown } from '../indicators/renderDocs.ts';
import { REPO_ROOT } from '../paths.ts';
import type { Command } from './command.ts';

/** Each generated document and the function that writes it. */
export const GENERATED_DOCS: Record<string, () => string> = {
  [path.join(REPO_ROOT, 'docs', 'data-contract.md')]: renderContractMarkdown,
  [path.join(REPO_ROOT, 'docs', 'indicators.md')]: renderIndicatorsMarkdown,
};

export const command: Command = {
  name: 'docs',
  summary: 'rewrite docs/data-contract.md and docs/indicators.md from the contract and the indicator registry',
  usage: 'renkou docs',
  async run() {
    for (const [file, render] of Object.entries(GENERATED_DOCS)) {
      writeFileSync(file, render());
      console.log(`wrote ${file}`);
    }
    return 0;
  },
};
