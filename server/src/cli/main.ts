// Entry point of the CLI bundle (dist/cli.js); replaced by the real CLI.
import { readFileSync } from 'node:fs';
import { analyse } from '../core/service';
for (const f of process.argv.slice(2)) console.log(JSON.stringify(analyse(readFileSync(f, 'utf8')).findings));
