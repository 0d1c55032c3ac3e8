import { writeFileSync } from 'node:fs';
import { ASYNCAPI_PATH, renderAsyncApiYaml } from './render-asyncapi';

// `npm run asyncapi`: regenerates docs/asyncapi.yaml from the compiled schemas.
writeFileSync(ASYNCAPI_PATH, renderAsyncApiYaml());
process.stdout.write(`wrote ${ASYNCAPI_PATH}\n`);
