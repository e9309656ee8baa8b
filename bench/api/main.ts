// Standalone API bench: `npm run build && node dist/bench/api/main.js [--smoke]` prints the table of benchApi().
import { renderRows } from '../table.js';
import { benchApi } from './index.js';

const rows = await benchApi({ smoke: process.argv.includes('--smoke'), log: (line) => process.stderr.write(`${line}\n`) });
process.stdout.write(`${renderRows(rows)}\n`);
