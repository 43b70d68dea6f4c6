// After `tsc` has built dist/ (ES modules) and dist/cjs/ (CommonJS): marks dist/cjs as CommonJS, since
// the package itself is `"type": "module"`.
import fs from 'node:fs';

fs.writeFileSync(new URL('../dist/cjs/package.json', import.meta.url), '{ "type": "commonjs" }\n');
